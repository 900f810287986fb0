// Unit tests for SourceManager line/column mapping.
#include "tessel/dsl/Source.h"

#include <catch2/catch.hpp>

using namespace tessel::dsl;

TEST_CASE("offsets map to 1-based lines and columns", "[source]") {
  SourceManager sm;
  uint32_t id = sm.addBuffer("a.hw", "ab\ncd\r\n\nxyz");
  CHECK(sm.lineCol(id, 0).line == 1);
  CHECK(sm.lineCol(id, 1).col == 2);
  CHECK(sm.lineCol(id, 3).line == 2);
  CHECK(sm.lineCol(id, 3).col == 1);
  CHECK(sm.lineText(id, 2) == "cd");
  CHECK(sm.lineText(id, 3).empty());
  CHECK(sm.lineText(id, 4) == "xyz");
  CHECK(sm.lineCol(id, 10).line == 4);
  CHECK(sm.lineCol(id, 10).col == 3);
}

TEST_CASE("missing files are reported, not thrown", "[source]") {
  SourceManager sm;
  std::string err;
  CHECK_FALSE(sm.addFile("/nonexistent/x.hw", err).has_value());
  CHECK(err.find("cannot open") != std::string::npos);
}
