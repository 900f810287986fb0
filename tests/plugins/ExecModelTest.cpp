// The exec cost-model adapter: a working program, and a clear error per way a program can fail;
// after every failure no child process is left (running or zombie).
#include "RandomCase.h"

#include "tessel/cost/ExecModel.h"

#include <catch2/catch.hpp>

#include <cerrno>
#include <sys/wait.h>

using namespace tessel::cost;

namespace {

const std::string kScript = std::string(TESSEL_TEST_DIR) + "/exec/answer.py";

/// True when this process has no child at all: none running, none left as a zombie.
bool noChildren() {
  errno = 0;
  return waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

struct Fixture {
  testing::Case c = testing::randomCase(7);

  std::unique_ptr<ExecCostModel> model(const std::string &mode, double timeout = 60) {
    return std::make_unique<ExecCostModel>(kScript + " " + mode, c.problem, c.arch,
                                           ExecOptions{timeout});
  }

  /// Evaluates the case's mapping with a fresh program in `mode`; returns the failure.
  std::string failure(const std::string &mode, double timeout = 60) {
    CostReport report;
    std::string error = model(mode, timeout)->evaluateOrError(c.mapping, report);
    CHECK(!report.valid);
    CHECK(report.violations == std::vector<std::string>{error});
    CHECK(noChildren());
    return error;
  }

  std::string prefix(const std::string &mode) {
    return "cost model 'exec:" + kScript + " " + mode + "' failed on request 1: ";
  }
};

int64_t temporalProduct(const Mapping &mapping) {
  int64_t product = 1;
  for (const LevelMapping &level : mapping.levels)
    for (const TemporalLoop &loop : level.temporal)
      product *= loop.factor;
  return product;
}

} // namespace

TEST_CASE_METHOD(Fixture, "an exec program answers every evaluation from one process",
                 "[exec]") {
  std::unique_ptr<ExecCostModel> exec = model("good");
  CHECK(exec->name() == "exec:" + kScript + " good");
  CHECK(exec->processId() == -1);
  int pid = -1;
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    testing::Case other = testing::randomCase(seed);
    // Each case has its own problem: build a model for it, then reuse `exec` for c.
    CostReport report;
    REQUIRE(exec->evaluateOrError(c.mapping, report) == "");
    REQUIRE(report.valid);
    CHECK(report.cycles == temporalProduct(c.mapping));
    CHECK(report.macs == c.problem.macs());
    CHECK(report.totalEnergy == Approx(c.problem.macs() * c.arch.compute.macEnergy));
    CHECK(report.boundLevel == 0);
    CHECK(report.activeInstances == std::vector<int64_t>(c.arch.levels.size(), 1));
    for (size_t t = 0; t < c.problem.tensors.size(); ++t)
      CHECK(report.at(0, t).total.reads == static_cast<int64_t>(t + 1));
    if (pid < 0)
      pid = exec->processId();
    CHECK(exec->processId() == pid);

    ExecCostModel fresh(kScript + " good", other.problem, other.arch, ExecOptions{60});
    CostReport otherReport;
    REQUIRE(fresh.evaluateOrError(other.mapping, otherReport) == "");
    CHECK(otherReport.cycles == temporalProduct(other.mapping));
  }
  CHECK(pid > 0);
  // A mapping checkMapping rejects is reported as such, and the program keeps running.
  Mapping broken = c.mapping;
  broken.levels[0].temporal.push_back({0, 7});
  CostReport report;
  CHECK(exec->evaluateOrError(broken, report) == "");
  CHECK(!report.valid);
  CHECK(report.violations == checkMapping(c.problem, c.arch, broken));
  CHECK(exec->processId() == pid);
  exec.reset();
  CHECK(noChildren());
}

TEST_CASE_METHOD(Fixture, "an exec command with shell syntax runs through /bin/sh", "[exec]") {
  ExecCostModel exec("exec_unused=1 " + kScript + " good 2>/dev/null", c.problem, c.arch,
                     ExecOptions{60});
  CostReport report;
  CHECK(exec.evaluateOrError(c.mapping, report) == "");
  CHECK(report.valid);
}

TEST_CASE_METHOD(Fixture, "an exec program that exits is reported with its status and stderr",
                 "[exec]") {
  CHECK(failure("exit") == prefix("exit") +
                               "the program exited with status 3 before answering; its stderr "
                               "ends with:\nmodel: cannot read weights.bin");
  CHECK(failure("silent_exit").rfind(prefix("silent_exit") + "the program exited with status 0",
                                     0) == 0);
}

TEST_CASE_METHOD(Fixture, "an exec program that hangs is killed at the timeout", "[exec]") {
  CHECK(failure("hang", 0.5) == prefix("hang") +
                                    "it did not answer within 0.5 s (an answer is one line on "
                                    "stdout, flushed)");
}

TEST_CASE_METHOD(Fixture, "malformed and mismatched answers are rejected", "[exec]") {
  std::string garbage = failure("garbage");
  CHECK(garbage.rfind(prefix("garbage") + "it answered malformed JSON (", 0) == 0);
  CHECK(garbage.find("): this is not json") != std::string::npos);
  CHECK(failure("version") ==
        prefix("version") + "the answer has protocol version 2; this tessel speaks version 1");
  CHECK(failure("id") == prefix("id") + "the answer has id 101 but the request had id 1");
  CHECK(failure("error") == prefix("error") + "it reported an error: layer kind not supported");
  CHECK(failure("unknown_key") == prefix("unknown_key") + "unknown key 'cylces' in the answer");
}

TEST_CASE_METHOD(Fixture, "an exec program may declare a mapping invalid", "[exec]") {
  CostReport report;
  CHECK(model("invalid")->evaluateOrError(c.mapping, report) == "");
  CHECK(!report.valid);
  CHECK(report.violations == std::vector<std::string>{"tile of W exceeds 4 KiB"});
  CHECK(noChildren());
}

TEST_CASE_METHOD(Fixture, "a failed exec program is restarted on the next evaluation", "[exec]") {
  std::unique_ptr<ExecCostModel> exec = model("second_exits");
  CostReport report;
  REQUIRE(exec->evaluateOrError(c.mapping, report) == "");
  int first = exec->processId();
  std::string error = exec->evaluateOrError(c.mapping, report);
  CHECK(error.find("failed on request 2: the program exited with status 3") != std::string::npos);
  CHECK(exec->processId() == -1);
  CHECK(noChildren());
  CHECK(exec->evaluateOrError(c.mapping, report) == "");
  CHECK(report.valid);
  CHECK(exec->processId() != first);
}

TEST_CASE_METHOD(Fixture, "an exec program that cannot start is reported", "[exec]") {
  ExecCostModel exec("./no-such-model --fast", c.problem, c.arch);
  CostReport report;
  CHECK(exec.evaluateOrError(c.mapping, report) ==
        "cost model 'exec:./no-such-model --fast' failed on request 1: cannot run "
        "'./no-such-model': No such file or directory");
  CHECK(noChildren());
}

TEST_CASE_METHOD(Fixture, "exec models are registered by name", "[exec]") {
  Registry registry;
  std::string name = "exec:" + kScript + " good";
  CHECK(addExecCostModel(registry, name, ExecOptions{60}) == "");
  CHECK(addExecCostModel(registry, name) == "cost model '" + name + "' is already registered");
  CHECK(addExecCostModel(registry, "exec: ") == "'exec: ' names no command (exec:COMMAND)");
  CHECK(addExecCostModel(registry, "model.py") ==
        "'model.py' is not an exec cost model (exec:COMMAND)");
  std::unique_ptr<CostModel> model = registry.createCostModel(name, c.problem, c.arch);
  REQUIRE(model);
  CHECK(model->name() == name);
  CHECK(model->evaluate(c.mapping).valid);
}

TEST_CASE_METHOD(Fixture, "CostModel::evaluateOrError tells a failing program from a verdict",
                 "[exec]") {
  Registry registry;
  registerBuiltinCostModels(registry);
  std::unique_ptr<CostModel> builtin = registry.createCostModel("analytical", c.problem, c.arch);
  CostReport report;
  CHECK(builtin->evaluateOrError(c.mapping, report) == "");
  CHECK(report.valid);
  std::unique_ptr<CostModel> exec = model("error");
  CHECK(exec->evaluateOrError(c.mapping, report) == prefix("error") +
                                                         "it reported an error: layer kind not "
                                                         "supported");
  CHECK(!report.valid);
}
