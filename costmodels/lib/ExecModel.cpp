// The exec cost model: one JSON request line per evaluation to a long-running program.
#include "tessel/cost/ExecModel.h"

#include "ChildProcess.h"
#include "ExecAnswer.h"
#include "tessel/cost/MappingJson.h"
#include "tessel/cost/ModelJson.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

namespace tessel::cost {

namespace {

std::string seconds(double value) {
  std::ostringstream os;
  os << value << " s";
  return os.str();
}

} // namespace

ExecCostModel::ExecCostModel(std::string command, Problem problem, Arch arch,
                             ExecOptions options)
    : command(std::move(command)), prob(std::move(problem)), hw(std::move(arch)),
      options(options) {}

ExecCostModel::~ExecCostModel() = default;

std::string ExecCostModel::name() const { return kExecPrefix + command; }

int ExecCostModel::processId() const {
  std::lock_guard<std::mutex> lock(mutex);
  return child ? static_cast<int>(child->pid()) : -1;
}

void ExecCostModel::evaluate(const Mapping &mapping, CostReport &report) const {
  evaluateOrError(mapping, report);
}

std::string ExecCostModel::evaluateOrError(const Mapping &mapping, CostReport &report) const {
  std::vector<std::string> violations = checkMapping(prob, hw, mapping);
  if (!violations.empty()) {
    report = CostReport{};
    report.violations = std::move(violations);
    return "";
  }
  std::lock_guard<std::mutex> lock(mutex);
  std::string error = ask(mapping, report);
  if (error.empty())
    return "";
  std::string tail = child ? child->stderrTail() : "";
  // A failed program is stopped and reaped now; the next evaluation starts a fresh one.
  child.reset();
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r'))
    tail.pop_back();
  error = "cost model '" + name() + "' failed on request " + std::to_string(requests) + ": " +
          error;
  if (!tail.empty())
    error += "; its stderr ends with:\n" + tail;
  report = CostReport{};
  report.violations = {error};
  return error;
}

std::string ExecCostModel::ask(const Mapping &mapping, CostReport &report) const {
  int64_t id = ++requests;
  nlohmann::ordered_json request = {{"version", kExecProtocolVersion},
                                    {"id", id},
                                    {"problem", problemToJsonValue(prob)},
                                    {"arch", archToJsonValue(hw, prob)},
                                    {"mapping", mappingToJsonValue(mapping, prob, hw)}};
  std::string text =
      request.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";

  auto start = ChildProcess::Clock::now();
  auto deadline = start + std::chrono::duration_cast<ChildProcess::Clock::duration>(
                              std::chrono::duration<double>(options.timeoutSeconds));
  if (!child) {
    std::string error;
    child = ChildProcess::spawn(command, error);
    if (!child)
      return error;
  }
  std::string line;
  std::string error = child->exchange(text, deadline, line);
  if (error == "did not answer in time")
    return "it did not answer within " + seconds(options.timeoutSeconds) +
           " (an answer is one line on stdout, flushed)";
  if (!error.empty())
    return "the program " + error;
  return readExecAnswer(line, id, prob, hw, report);
}

std::string addExecCostModel(Registry &registry, const std::string &name, ExecOptions options) {
  std::string prefix = kExecPrefix;
  if (name.compare(0, prefix.size(), prefix) != 0)
    return "'" + name + "' is not an exec cost model (exec:COMMAND)";
  std::string command = name.substr(prefix.size());
  if (command.find_first_not_of(' ') == std::string::npos)
    return "'" + name + "' names no command (exec:COMMAND)";
  return registry.addCostModel(name, [command, options](const Problem &problem, const Arch &arch) {
    return std::make_unique<ExecCostModel>(command, problem, arch, options);
  });
}

} // namespace tessel::cost
