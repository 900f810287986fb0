// runSweep with RunOptions::remote (how the MPI coordinator plugs in): remote evaluators
// sharing the points with local threads give the same file, records of the wrong point and
// remote failures stop the sweep with an error, resume and cancellation still hold.
#include "FakeEvaluator.h"

#include "tessel/Sweep/Driver.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

using namespace tessel::sweep;
using test::fakeEvaluate;
using test::readText;
using test::tempPath;

namespace {

std::vector<DesignPoint> points() { return *enumeratePoints(test::fakeSpace()); }

Record evaluateSlowly(const DesignPoint &p) { return fakeEvaluate(p, 200); }

/// The file of a plain single-threaded sweep.
std::string reference() {
  RunOptions o;
  o.output = tempPath("remote-reference.jsonl");
  o.threads = 1;
  std::ostringstream out, err;
  REQUIRE(runSweep(o, points(), evaluateSlowly, out, err));
  return readText(o.output);
}

/// A remote side of `workers` threads that claim, evaluate and deliver like other processes
/// would (each point evaluated with evaluatePoint, as a worker rank does).
std::function<Result<Ok>(PointQueue &)> remoteThreads(const RunOptions &options, int workers,
                                                      std::atomic<int> &evaluated) {
  return [&options, workers, &evaluated](PointQueue &queue) -> Result<Ok> {
    std::vector<std::thread> pool;
    std::atomic<bool> failed{false};
    for (int i = 0; i < workers; ++i)
      pool.emplace_back([&] {
        while (const DesignPoint *p = queue.claim()) {
          ++evaluated;
          if (!queue.deliver(*p, evaluatePoint(*p, evaluateSlowly, options))) {
            failed = true;
            return;
          }
        }
      });
    for (std::thread &t : pool)
      t.join();
    if (failed)
      return std::string("a delivery failed");
    return Ok{};
  };
}

} // namespace

TEST_CASE("remote evaluators give the same file as a local sweep", "[sweep][remote]") {
  std::string ref = reference();
  for (unsigned threads : {1u, 2u}) {
    RunOptions o;
    o.output = tempPath("remote.jsonl");
    o.overwrite = true;
    o.threads = threads;
    std::atomic<int> remote{0};
    o.remote = remoteThreads(o, 3, remote);
    std::ostringstream out, err;
    auto r = runSweep(o, points(), evaluateSlowly, out, err);
    REQUIRE(r);
    CHECK(r->evaluated == 32);
    CHECK(r->complete);
    CHECK(remote > 0);
    CHECK(readText(o.output) == ref);
  }
  // Streamed to standard output: in point order.
  RunOptions s;
  s.threads = 1;
  std::atomic<int> remote{0};
  s.remote = remoteThreads(s, 2, remote);
  std::ostringstream out, err;
  REQUIRE(runSweep(s, points(), evaluateSlowly, out, err));
  CHECK(out.str() == ref);
}

TEST_CASE("remote evaluators continue a resumed sweep", "[sweep][remote]") {
  std::string ref = reference();
  RunOptions o;
  o.output = tempPath("remote-resume.jsonl");
  o.threads = 1;
  std::istringstream refLines(ref);
  std::string head;
  for (int i = 0; i < 10; ++i) {
    std::string line;
    std::getline(refLines, line);
    head += line + '\n';
  }
  {
    std::ofstream f(o.output);
    f << head;
  }
  o.resume = true;
  std::atomic<int> remote{0};
  o.remote = remoteThreads(o, 2, remote);
  std::ostringstream out, err;
  auto r = runSweep(o, points(), evaluateSlowly, out, err);
  REQUIRE(r);
  CHECK(r->resumed == 10);
  CHECK(r->evaluated == 22);
  CHECK(readText(o.output) == ref);
}

TEST_CASE("a record of the wrong point or a failing remote stops the sweep", "[sweep][remote]") {
  RunOptions o;
  o.output = tempPath("remote-wrong.jsonl");
  o.overwrite = true;
  o.threads = 1;
  std::vector<DesignPoint> all = points();
  o.remote = [&](PointQueue &queue) -> Result<Ok> {
    const DesignPoint *p = queue.claim();
    REQUIRE(p);
    const DesignPoint &other = all[(p->index + 1) % all.size()];
    return queue.deliver(*p, evaluatePoint(other, evaluateSlowly, o));
  };
  std::ostringstream out, err;
  auto r = runSweep(o, all, evaluateSlowly, out, err);
  REQUIRE_FALSE(r);
  CHECK(r.error().find("came back as point") != std::string::npos);

  o.remote = [](PointQueue &) -> Result<Ok> { return std::string("rank 3 vanished"); };
  auto f = runSweep(o, all, evaluateSlowly, out, err);
  REQUIRE_FALSE(f);
  CHECK(f.error() == "rank 3 vanished");
}

TEST_CASE("a cancelled sweep hands out no more points to remote evaluators", "[sweep][remote]") {
  RunOptions o;
  o.output = tempPath("remote-cancel.jsonl");
  o.overwrite = true;
  o.threads = 1;
  std::atomic<bool> cancel{false};
  o.cancel = &cancel;
  int claimed = 0;
  o.remote = [&](PointQueue &queue) -> Result<Ok> {
    while (const DesignPoint *p = queue.claim()) {
      ++claimed;
      if (auto d = queue.deliver(*p, evaluatePoint(*p, evaluateSlowly, o)); !d)
        return d;
      cancel = true;
    }
    return Ok{};
  };
  std::ostringstream out, err;
  auto r = runSweep(o, points(), evaluateSlowly, out, err);
  REQUIRE(r);
  CHECK(claimed == 1);
  CHECK_FALSE(r->complete);
  CHECK(r->records.size() < 32);
}
