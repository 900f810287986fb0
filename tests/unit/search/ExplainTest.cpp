// explain(): the axes of a small mapspace, counted by hand.
#include "tessel/Search/Search.h"

#include <catch2/catch.hpp>

using namespace tessel;
using namespace tessel::search;

TEST_CASE("explain counts every axis before and after pruning", "[search][explain]") {
  // C[m] += A[m, k] * B[k], M = 4, K = 6; DRAM -> Buf (keeps A and C, 16 words) -> 2 MACs on X.
  cost::Problem p;
  p.dims = {{"m", 4}, {"k", 6}};
  std::vector<std::string> errors;
  p.tensors.push_back(cost::makeTensor(p, "A", {{{"m", 1}}, {{"k", 1}}}, false, errors));
  p.tensors.push_back(cost::makeTensor(p, "B", {{{"k", 1}}}, false, errors));
  p.tensors.push_back(cost::makeTensor(p, "C", {{{"m", 1}}}, true, errors));
  cost::Arch a;
  cost::StorageLevel dram, buf;
  dram.name = "DRAM";
  buf.name = "Buf";
  buf.keepMask = 1 | 4;
  buf.capacityWords = 16;
  a.levels = {dram, buf};
  cost::FanOut two;
  two.x = 2;
  a.fanOuts = {cost::FanOut{}, two};
  cost::MapConstraints cons;
  cons.levels.resize(2);
  cons.levels[1].keep = 4; // Buf must keep C
  auto space = Mapspace::create(p, a, cons, errors);
  REQUIRE(space);
  Explanation ex = explain(*space);
  auto axis = [&](const std::string &name) {
    for (const AxisSize &s : ex.axes)
      if (s.axis == name)
        return s;
    FAIL("no axis " << name);
    return AxisSize{};
  };
  // Keep/bypass of A and C at Buf; C is forced.
  CHECK(axis("bypass at Buf").before == 4);
  CHECK(axis("bypass at Buf").after == 2);
  // 12 per-dim vectors; raw X/Y pairs (1+2+3) * (1+2+2+4); fitting 2x1: (1,1) (2,1) (1,2).
  CHECK(axis("spatial below Buf (2x1)").before == 54);
  CHECK(axis("spatial below Buf (2x1)").after == 3);
  // m = 2^2 over 3 slots: 6; spatial share at most 2: 3 + 2.
  CHECK(axis("factors of m (4)").before == 6);
  CHECK(axis("factors of m (4)").after == 5);
  // k = 2 * 3: 3 * 3; spatial share 1 or 2: 4 + 2.
  CHECK(axis("factors of k (6)").before == 9);
  CHECK(axis("factors of k (6)").after == 6);
  // At DRAM, C (kept below) distinguishes "m k" from "k m"; at Buf nothing is kept below.
  CHECK(axis("loop order at DRAM").before == 2);
  CHECK(axis("loop order at DRAM").after == 2);
  CHECK(axis("loop order at Buf").after == 1);
  // Tiles of A (m k words) and C (m words) at Buf within 16 words: m = 4 excludes k = 6.
  CHECK(axis("tiles at Buf (16 words)").before == 12);
  CHECK(axis("tiles at Buf (16 words)").after == 11);
  CHECK(ex.totalAfter < ex.totalBefore);
  std::string text = toString(ex);
  CHECK(text.find("loop order at DRAM") != std::string::npos);
  CHECK(text.find("product of the axes") != std::string::npos);
}
