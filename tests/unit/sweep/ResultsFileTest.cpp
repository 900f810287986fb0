// Results files: torn and corrupt lines, atomic rewrites, appends, joins by point key.
#include "FakeEvaluator.h"

#include "tessel/Sweep/ResultsFile.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace tessel::sweep;

namespace {
Record recordAt(uint64_t index, int rows) {
  DesignPoint p;
  p.index = index;
  p.params = {{"rows", static_cast<double>(rows)}};
  Record r = test::fakeEvaluate(p);
  r.point = index;
  r.params = p.params;
  r.key = p.key();
  return r;
}
} // namespace

TEST_CASE("reading a results file: records, corrupt lines, a torn last line", "[sweep][file]") {
  std::string a = recordToJsonLine(recordAt(0, 4)), b = recordToJsonLine(recordAt(1, 8)),
              c = recordToJsonLine(recordAt(2, 12));
  std::string text = a + "\n\n" + "{not json\n" + b + "\n" + c.substr(0, c.size() / 2);
  ResultsFileContents f = parseResultsText(text, "r.jsonl");
  REQUIRE(f.records.size() == 2);
  CHECK(f.records[0].line == 1);
  CHECK(f.records[1].line == 4);
  CHECK(f.records[1].file == "r.jsonl");
  REQUIRE(f.corrupt.size() == 1);
  CHECK(f.corrupt[0].line == 3);
  CHECK(f.corrupt[0].column == 3);
  CHECK(formatLineIssue("r.jsonl", f.corrupt[0], "warning")
            .rfind("r.jsonl:3:3: warning: invalid JSON", 0) == 0);
  REQUIRE(f.torn);
  CHECK(f.torn->line == 5);

  // A whole record without its newline is kept; no torn line.
  f = parseResultsText(a + "\n" + c, "r.jsonl");
  CHECK(f.records.size() == 2);
  CHECK_FALSE(f.torn);
  // Any cut of a record's line is torn, never a record.
  for (size_t cut = 1; cut < c.size(); cut += 7) {
    f = parseResultsText(a + "\n" + c.substr(0, cut), "r.jsonl");
    CHECK(f.records.size() == 1);
    CHECK(f.torn);
  }
}

TEST_CASE("atomic rewrites and appends", "[sweep][file]") {
  std::string path = test::tempPath("append.jsonl");
  REQUIRE(writeLinesAtomically(path, {"x", "y"}));
  CHECK(test::readText(path) == "x\ny\n");
  {
    auto f = AppendFile::open(path);
    REQUIRE(f);
    REQUIRE(f->append("z"));
    CHECK(test::readText(path) == "x\ny\nz\n"); // visible before close
  }
  REQUIRE(writeLinesAtomically(path, {}));
  CHECK(test::readText(path).empty());
  auto bad = writeLinesAtomically("/nonexistent-dir/x.jsonl", {"a"});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().find("cannot create") != std::string::npos);
  auto missing = readResultsFile("/nonexistent-dir/x.jsonl");
  REQUIRE_FALSE(missing);
  CHECK(missing.error() ==
        "/nonexistent-dir/x.jsonl: error: cannot read: No such file or directory");
}

TEST_CASE("joining records by key", "[sweep][file]") {
  std::vector<SourcedRecord> in = {{recordAt(2, 12), "a", 1},
                                   {recordAt(0, 4), "a", 2},
                                   {recordAt(0, 4), "b", 1},
                                   {recordAt(1, 8), "b", 2}};
  auto out = uniqueByKey(in);
  REQUIRE(out);
  REQUIRE(out->size() == 3);
  CHECK((*out)[0].record.point == 0);
  CHECK((*out)[0].file == "a");
  CHECK((*out)[2].record.point == 2);

  // The same result under another point index is the same point: the smaller index wins.
  in.push_back({recordAt(0, 12), "c", 5});
  in.back().record.point = 0;
  out = uniqueByKey(in);
  REQUIRE(out);
  CHECK(out->size() == 3);
  CHECK((*out)[0].record.key == "rows=12");
  CHECK((*out)[0].file == "c");

  Record changed = recordAt(1, 8);
  changed.totals->energyJ *= 2;
  in.push_back({changed, "d", 9});
  out = uniqueByKey(in);
  REQUIRE_FALSE(out);
  CHECK(out.error().rfind("d:9: error: conflicting results for point 'rows=8': this record "
                          "differs from b:2 (\"energy_j\": ",
                          0) == 0);
}

TEST_CASE("merging files", "[sweep][file]") {
  std::string a = test::tempPath("merge-a.jsonl"), b = test::tempPath("merge-b.jsonl");
  REQUIRE(writeLinesAtomically(a, {recordToJsonLine(recordAt(1, 8))}));
  REQUIRE(writeLinesAtomically(b, {recordToJsonLine(recordAt(0, 4)), "oops"}));
  std::ostringstream warnings;
  auto m = mergeResultFiles({a, b}, warnings);
  REQUIRE_FALSE(m);
  CHECK(m.error() == b + ":2:1: error: invalid JSON: syntax error while parsing value - "
                         "invalid literal; last read: 'o'");
  REQUIRE(writeLinesAtomically(b, {recordToJsonLine(recordAt(0, 4))}));
  m = mergeResultFiles({a, b}, warnings);
  REQUIRE(m);
  REQUIRE(m->size() == 2);
  CHECK((*m)[0].record.point == 0);
  CHECK(warnings.str().empty());
}
