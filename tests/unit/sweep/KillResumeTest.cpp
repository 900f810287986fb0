// A real SIGKILL of a forked sweep, several times, then --resume: no finished point is lost
// and the final file equals an uninterrupted single-threaded run byte for byte.
#include "FakeEvaluator.h"

#include "tessel/Sweep/Driver.h"
#include "tessel/Sweep/ResultsFile.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace tessel::sweep;

namespace {

std::vector<DesignPoint> points() { return *enumeratePoints(test::fakeSpace()); }

size_t completeLines(const std::string &path) {
  std::string text = test::readText(path);
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::set<std::string> finishedKeys(const std::string &path) {
  ResultsFileContents c = parseResultsText(test::readText(path), path);
  CHECK(c.corrupt.empty());
  std::set<std::string> keys;
  for (const SourcedRecord &r : c.records)
    keys.insert(r.record.key);
  return keys;
}

/// Forks a child that resumes the sweep in `path` on 3 threads with a slow evaluator, waits
/// until it has finished `more` further points, and kills it with SIGKILL.
void runAndKill(const std::string &path, size_t more) {
  size_t before = completeLines(path);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    RunOptions o;
    o.output = path;
    o.resume = true;
    o.threads = 3;
    std::ostringstream out, err;
    auto r = runSweep(
        o, points(), [](const DesignPoint &p) { return test::fakeEvaluate(p, 40000); }, out, err);
    ::_exit(r ? 0 : 3);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (completeLines(path) < before + more && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ::kill(pid, SIGKILL);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  // Killed mid-sweep, not finished before the signal.
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
}

} // namespace

TEST_CASE("a sweep killed with SIGKILL resumes to the same file", "[sweep][driver][kill]") {
  std::string refPath = test::tempPath("kill-reference.jsonl");
  {
    RunOptions o;
    o.output = refPath;
    std::ostringstream out, err;
    REQUIRE(runSweep(
        o, points(), [](const DesignPoint &p) { return test::fakeEvaluate(p); }, out, err));
  }
  std::string path = test::tempPath("killed.jsonl");
  std::set<std::string> kept;
  for (int round = 0; round < 3; ++round) {
    runAndKill(path, 4);
    std::set<std::string> now = finishedKeys(path);
    INFO("round " << round << ": " << now.size() << " points finished");
    CHECK(now.size() < 32);
    CHECK(now.size() >= kept.size() + 4);
    CHECK(std::includes(now.begin(), now.end(), kept.begin(), kept.end()));
    kept = now;
  }
  RunOptions o;
  o.output = path;
  o.resume = true;
  o.threads = 2;
  std::ostringstream out, err;
  auto r = runSweep(
      o, points(), [](const DesignPoint &p) { return test::fakeEvaluate(p, 1000); }, out, err);
  REQUIRE(r);
  CHECK(r->resumed == kept.size());
  CHECK(r->evaluated == 32 - kept.size());
  CHECK(test::readText(path) == test::readText(refPath));
}
