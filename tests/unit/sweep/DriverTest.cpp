// runSweep with the fake evaluator: identical files for any thread count, streaming,
// constraints, evaluator failures, resume from damaged files, cancellation, progress.
#include "FakeEvaluator.h"

#include "tessel/Sweep/Driver.h"
#include "tessel/Sweep/ResultsFile.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>

using namespace tessel::sweep;
using test::fakeEvaluate;
using test::readText;
using test::tempPath;

namespace {

std::vector<DesignPoint> points() { return *enumeratePoints(test::fakeSpace()); }

std::vector<std::string> lines(const std::string &text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    out.push_back(l);
  return out;
}

/// The file of an uninterrupted single-threaded sweep (the reference).
std::string reference(const RunOptions &base = {}) {
  RunOptions o = base;
  o.output = tempPath("reference.jsonl");
  o.threads = 1;
  std::ostringstream out, err;
  auto r = runSweep(
      o, points(), [](const DesignPoint &p) { return fakeEvaluate(p); }, out, err);
  REQUIRE(r);
  return readText(o.output);
}

} // namespace

TEST_CASE("the results file is the same whatever the thread count", "[sweep][driver]") {
  std::string ref = reference();
  std::vector<std::string> refLines = lines(ref);
  REQUIRE(refLines.size() == 32);
  for (size_t i = 0; i < refLines.size(); ++i) {
    auto r = parseRecordLine(refLines[i]);
    REQUIRE(r);
    CHECK(r->point == i);
  }
  for (unsigned threads : {2u, 3u, 8u}) {
    RunOptions o;
    o.output = tempPath("threads.jsonl");
    o.threads = threads;
    std::ostringstream out, err;
    auto r = runSweep(
        o, points(), [](const DesignPoint &p) { return fakeEvaluate(p, 300); }, out, err);
    REQUIRE(r);
    CHECK(r->complete);
    CHECK(r->evaluated == 32);
    CHECK(readText(o.output) == ref);
    CHECK(err.str().empty()); // not a terminal, not verbose: silent
  }
  // Streaming to the output stream keeps point order through the reorder buffer.
  RunOptions o;
  o.threads = 4;
  std::ostringstream out, err;
  REQUIRE(runSweep(
      o, points(), [](const DesignPoint &p) { return fakeEvaluate(p, 300); }, out, err));
  CHECK(out.str() == ref);
}

TEST_CASE("records: constraints, errors, detail", "[sweep][driver]") {
  RunOptions o;
  o.output = tempPath("constraints.jsonl");
  o.constraints = {*parseConstraint("area<=1.5mm2"), *parseConstraint("latency<=50ms")};
  o.detail = true;
  std::ostringstream out, err;
  auto r = runSweep(
      o, points(), [](const DesignPoint &p) { return fakeEvaluate(p); }, out, err);
  REQUIRE(r);
  size_t violating = 0, failed = 0;
  for (const Record &rec : r->records) {
    std::vector<std::string> expected;
    if (rec.totals) {
      if (rec.totals->areaMm2 > 1.5)
        expected.push_back("area<=1.5mm2");
      if (rec.totals->latencyS > 50e-3)
        expected.push_back("latency<=50ms");
    }
    CHECK(rec.violations == expected);
    violating += !expected.empty();
    failed += !rec.error.empty();
    CHECK(rec.layers.size() == (rec.totals ? 2 : 0));
  }
  CHECK(violating > 0);
  CHECK(failed == 4); // rows 16 x cols 14
  CHECK(readText(o.output).find("\"reason\":\"violates constraint area<=1.5mm2\"") !=
        std::string::npos);

  // Without --detail the layers are dropped.
  o.detail = false;
  o.overwrite = true;
  r = runSweep(
      o, points(), [](const DesignPoint &p) { return fakeEvaluate(p); }, out, err);
  REQUIRE(r);
  CHECK(readText(o.output).find("\"layers\"") == std::string::npos);

  // Failures of the evaluator become records, never crashes.
  o.constraints.clear();
  r = runSweep(
      o, points(),
      [](const DesignPoint &p) -> Record {
        if (p.index == 3)
          throw std::runtime_error("boom");
        Record rec = fakeEvaluate(p);
        if (p.index == 4)
          rec.totals->energyJ = std::nan("");
        if (p.index == 5)
          rec = Record{};
        return rec;
      },
      out, err);
  REQUIRE(r);
  CHECK(r->records[3].error == "internal error: boom");
  CHECK(r->records[4].error == "internal error: the evaluator returned a non-finite value");
  CHECK(r->records[5].error ==
        "internal error: the evaluator returned neither results nor an error");
  // The evaluator cannot change a point's identity.
  CHECK(r->records[6].key == points()[6].key());
}

TEST_CASE("an existing file needs --resume or --overwrite", "[sweep][driver]") {
  RunOptions o;
  o.output = tempPath("exists.jsonl");
  std::ofstream(o.output) << "precious\n";
  std::ostringstream out, err;
  auto r = runSweep(
      o, points(), [](const DesignPoint &p) { return fakeEvaluate(p); }, out, err);
  REQUIRE_FALSE(r);
  CHECK(r.error() == "'" + o.output +
                         "' exists: pass --resume to continue that sweep, or --overwrite to "
                         "replace it");
  CHECK(readText(o.output) == "precious\n");
  o.output = "-";
  o.resume = true;
  r = runSweep(
      o, points(), [](const DesignPoint &p) { return fakeEvaluate(p); }, out, err);
  REQUIRE_FALSE(r);
  CHECK(r.error() == "--resume needs a results file (-o FILE)");
}

TEST_CASE("resume skips finished points and drops damaged lines", "[sweep][driver]") {
  std::string ref = reference();
  std::vector<std::string> refLines = lines(ref);
  // A damaged file: 10 finished points in completion order, a corrupt line, a duplicate, and
  // a torn last line.
  std::string path = tempPath("resume.jsonl");
  {
    std::ofstream f(path, std::ios::binary);
    for (size_t i : {7, 0, 3, 12, 9})
      f << refLines[i] << "\n";
    f << "{\"schema\":1,\"point\n";
    for (size_t i : {20, 31, 15, 2, 1, 1})
      f << refLines[i] << "\n";
    f << refLines[5].substr(0, 40);
  }
  RunOptions o;
  o.output = path;
  o.resume = true;
  o.threads = 3;
  std::atomic<int> calls{0};
  std::ostringstream out, err;
  auto r = runSweep(
      o, points(),
      [&](const DesignPoint &p) {
        ++calls;
        return fakeEvaluate(p, 100);
      },
      out, err);
  REQUIRE(r);
  CHECK(calls == 32 - 10);
  CHECK(r->resumed == 10);
  CHECK(r->evaluated == 22);
  CHECK(readText(path) == ref);
  CHECK(err.str().find(path + ":6:19: warning: invalid JSON") != std::string::npos);
  CHECK(err.str().find(path + ":13:41: warning: invalid JSON") != std::string::npos);
  CHECK(err.str().find("an incomplete last line from an interrupted write") != std::string::npos);

  // Resuming a finished sweep evaluates nothing and leaves the file unchanged.
  calls = 0;
  r = runSweep(
      o, points(),
      [&](const DesignPoint &p) {
        ++calls;
        return fakeEvaluate(p);
      },
      out, err);
  REQUIRE(r);
  CHECK(calls == 0);
  CHECK(readText(path) == ref);

  // Resuming with new constraints judges the old records again.
  o.constraints = {*parseConstraint("area<=1.5mm2")};
  REQUIRE(runSweep(
      o, points(), [](const DesignPoint &p) { return fakeEvaluate(p); }, out, err));
  RunOptions fresh;
  fresh.constraints = o.constraints;
  CHECK(readText(path) == reference(fresh));
}

TEST_CASE("resume refuses files of another sweep or with conflicting records", "[sweep][driver]") {
  std::vector<std::string> refLines = lines(reference());
  std::string path = tempPath("foreign.jsonl");
  std::vector<DesignPoint> some = points();
  some.resize(8); // a sweep of the first 8 points only
  REQUIRE(writeLinesAtomically(path, {refLines[1], refLines[20]}));
  RunOptions o;
  o.output = path;
  o.resume = true;
  std::ostringstream out, err;
  auto r = runSweep(
      o, some, [](const DesignPoint &p) { return fakeEvaluate(p); }, out, err);
  REQUIRE_FALSE(r);
  CHECK(r.error() == path + ":2: error: the record of point 'cols=14,glb=524288,rows=12' is "
                            "not part of this sweep; resume with the same --param, --sample, "
                            "--seed and --shard options, or write to a new file");
  CHECK(readText(path) == refLines[1] + "\n" + refLines[20] + "\n");

  Record changed = *parseRecordLine(refLines[1]);
  changed.totals->areaMm2 += 1;
  REQUIRE(writeLinesAtomically(path, {refLines[1], recordToJsonLine(changed)}));
  r = runSweep(
      o, some, [](const DesignPoint &p) { return fakeEvaluate(p); }, out, err);
  REQUIRE_FALSE(r);
  CHECK(r.error().find(path + ":2: error: conflicting results for point") == 0);
}

TEST_CASE("a cancelled sweep keeps its finished points and resumes", "[sweep][driver]") {
  std::string ref = reference();
  std::atomic<bool> cancel{false};
  std::atomic<int> calls{0};
  RunOptions o;
  o.output = tempPath("cancel.jsonl");
  o.threads = 2;
  o.cancel = &cancel;
  std::ostringstream out, err;
  auto r = runSweep(
      o, points(),
      [&](const DesignPoint &p) {
        if (++calls == 5)
          cancel = true;
        return fakeEvaluate(p, 200);
      },
      out, err);
  REQUIRE(r);
  CHECK_FALSE(r->complete);
  CHECK(r->evaluated >= 5);
  CHECK(r->evaluated < 32);
  CHECK(lines(readText(o.output)).size() == r->evaluated);
  cancel = false;
  o.resume = true;
  r = runSweep(
      o, points(), [](const DesignPoint &p) { return fakeEvaluate(p); }, out, err);
  REQUIRE(r);
  CHECK(r->complete);
  CHECK(readText(o.output) == ref);

  // Streaming and cancelled while point 0 is still running: the points that finished after it
  // wait in the reorder buffer and are all printed once it finishes.
  RunOptions s;
  s.threads = 3;
  s.cancel = &cancel;
  calls = 0;
  std::ostringstream streamed;
  r = runSweep(
      s, points(),
      [&](const DesignPoint &p) {
        if (++calls == 6)
          cancel = true;
        return fakeEvaluate(p, p.index == 0 ? 20000 : 100);
      },
      streamed, err);
  REQUIRE(r);
  CHECK_FALSE(r->complete);
  std::vector<std::string> got = lines(streamed.str());
  CHECK(got.size() == r->evaluated);
  std::vector<std::string> refLines = lines(ref);
  for (const std::string &l : got)
    CHECK(std::find(refLines.begin(), refLines.end(), l) != refLines.end());
}

TEST_CASE("progress and verbose output", "[sweep][driver]") {
  RunOptions o;
  o.output = tempPath("progress.jsonl");
  o.progress = true;
  o.verbosity = Verbosity::Verbose;
  o.objectives = {Metric::Energy, Metric::Latency};
  std::ostringstream out, err;
  std::vector<DesignPoint> few = points();
  few.resize(3);
  for (DesignPoint &p : few)
    p.units = {{"glb", "bit"}}; // as planPoints sets them: the point is named in those units
  REQUIRE(runSweep(
      o, few, [](const DesignPoint &p) { return fakeEvaluate(p); }, out, err));
  std::string e = err.str();
  CHECK(e.find("[1/3] cols=8, glb=64 KiB, rows=4: valid, latency 156.2 ms, energy 17.25 mJ, "
               "area 0.64 mm2\n") != std::string::npos);
  CHECK(e.find("\r\033[Ksweep: 3/3 points (100%), ") != std::string::npos);
  CHECK(e.find("points/s, best energy 17.25 mJ, latency 156.2 ms\n") != std::string::npos);
  CHECK(e.find("sweep: 3 of 3 points done (3 evaluated, 0 resumed), 3 valid, 0 invalid\n") !=
        std::string::npos);
  CHECK(out.str().empty());
}
