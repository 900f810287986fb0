// Unit tests for diagnostic rendering and "did you mean" suggestions.
#include "tessel/dsl/Diagnostics.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace tessel::dsl;

TEST_CASE("diagnostics render file:line:col, source line, caret and hint", "[diag]") {
  SourceManager sm;
  uint32_t id = sm.addBuffer("x.hw", "accelerator a {\n  size 12 MHz;\n}\n");
  DiagnosticEngine de;
  de.error({id, 23, 29}, "bad size", "use a size");
  std::ostringstream os;
  printDiagnostics(os, sm, de);
  CHECK(os.str() == "x.hw:2:8: error: bad size\n"
                    "  size 12 MHz;\n"
                    "       ^~~~~~\n"
                    "hint: use a size\n");
  CHECK(de.errorCount() == 1);
}

TEST_CASE("warnings and notes do not count as errors", "[diag]") {
  SourceManager sm;
  uint32_t id = sm.addBuffer("x.wl", "abc");
  DiagnosticEngine de;
  Diagnostic &w = de.warning({id, 0, 3}, "careful");
  w.notes.push_back({Severity::Note, {id, 1, 2}, "here", "", {}});
  CHECK_FALSE(de.hasErrors());
  std::ostringstream os;
  printDiagnostics(os, sm, de);
  CHECK(os.str() == "x.wl:1:1: warning: careful\nabc\n^~~\nx.wl:1:2: note: here\nabc\n ^\n");
}

TEST_CASE("closest match suggests near misses only", "[diag]") {
  std::vector<std::string> keys = {"bandwidth", "banks", "size", "keeps"};
  CHECK(closestMatch("bandwdith", keys) == "bandwidth");
  CHECK(closestMatch("szie", keys) == "size");
  CHECK(closestMatch("keep", keys) == "keeps");
  CHECK(closestMatch("frobnicate", keys).empty());
  CHECK(closestMatch("x", {"y"}).empty());
}
