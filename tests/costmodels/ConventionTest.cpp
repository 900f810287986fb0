// Hand-computed cases where the tessel and Timeloop conventions differ (docs/model.md 11).
#include "ProblemBuilder.h"

#include <catch2/catch.hpp>

using namespace tessel::cost;

namespace {

using test::evaluateBoth;
using test::makeProblem;

/// DRAM (keeps everything) -> Buf (keeps `bufKeeps`) -> one MAC.
Arch dramBufMac(TensorMask bufKeeps) {
  Arch a;
  a.levels.resize(2);
  a.levels[0].name = "DRAM";
  a.levels[1].name = "Buf";
  a.levels[1].keepMask = bufKeeps;
  a.fanOuts = {FanOut{}, FanOut{}};
  return a;
}

/// O[k, p] += I[p + r] * W[k, r] with R = 3: Buf keeps I, whose tile is {p, p+1, p+2}.
Problem window(int64_t k, int64_t p) {
  return makeProblem({{"k", k}, {"p", p}, {"r", 3}}, {{"I", {{{"p", 1}, {"r", 1}}}, false},
                                                      {"W", {{{"k", 1}}, {{"r", 1}}}, false},
                                                      {"O", {{{"k", 1}}, {{"p", 1}}}, true}});
}

/// Mapping with DRAM temporal loops `dram` (outer to inner) and Buf loop r3.
Mapping dramLoops(const Problem &p, std::vector<std::pair<const char *, int64_t>> dram) {
  Mapping m;
  m.levels.resize(2);
  for (auto [dim, factor] : dram)
    m.levels[0].temporal.push_back({p.dimIndex(dim), factor});
  m.levels[1].temporal = {{p.dimIndex("r"), 3}};
  return m;
}

/// Fills of I at Buf (level 1, tensor 0) under each convention.
std::pair<int64_t, int64_t> bufFillsOfI(const Problem &p, const Mapping &m) {
  Arch a = dramBufMac(1);
  return {evaluateBoth(p, a, m, Convention::Tessel).at(1, 0).total.fills,
          evaluateBoth(p, a, m, Convention::Timeloop).at(1, 0).total.fills};
}

} // namespace

TEST_CASE("an irrelevant inner loop makes Timeloop refill the window", "[cost][convention]") {
  // DRAM loops p4 (outer), k2 (inner). Steps (p, k): the I tile only moves when p advances.
  // tessel: 3 at the start, then each of the 3 advances of p slides the window by 1: 3 + 3 = 6.
  // Timeloop: the innermost loop above Buf is k, whose advances do not move the tile
  // (translation 0); p's advances move it by +1, a different translation, so each refills the
  // whole tile: 3 + 3 * 3 = 12.
  Problem p = window(2, 4);
  Mapping m = dramLoops(p, {{"p", 4}, {"k", 2}});
  CHECK(bufFillsOfI(p, m) == std::pair<int64_t, int64_t>{6, 12});
  // The MAC reads I from Buf at every one of the 2 * 4 * 3 = 24 steps either way, and W and O
  // bypass Buf, so nothing else differs.
  Arch a = dramBufMac(1);
  CostReport tessel = evaluateBoth(p, a, m, Convention::Tessel);
  CostReport timeloop = evaluateBoth(p, a, m, Convention::Timeloop);
  CHECK(tessel.at(1, 0).total.reads == 24);
  CHECK(timeloop.at(1, 0).total.reads == 24);
  CHECK(timeloop.at(0, 0).total.reads == 12);
  for (int t : {1, 2})
    CHECK(tessel.at(0, t).total == timeloop.at(0, t).total);
}

TEST_CASE("Timeloop refills a window that wraps back", "[cost][convention]") {
  // DRAM loops k2 (outer), p2 (inner). Tiles: {0,1,2} {1,2,3} | {0,1,2} {1,2,3}.
  // tessel: 3 + 1, then the wrap to {0,1,2} keeps {1,2} and brings 1, then 1: 6.
  // Timeloop: p slides by +1; k's advance moves the tile by -1 (as seen from p's iteration 1):
  // a new translation, so the tile is refilled: 3 + 1 + 3 + 1 = 8.
  Problem p = window(2, 2);
  CHECK(bufFillsOfI(p, dramLoops(p, {{"k", 2}, {"p", 2}})) == std::pair<int64_t, int64_t>{6, 8});
}

TEST_CASE("Timeloop measures an outer loop's translation from the inner loops' iteration 1",
          "[cost][convention]") {
  // p split into two DRAM loops, inner factor f. The outer loop moves the tile by f - (f - 1) =
  // 1, a continued slide, so tessel fills 3 + (P - 1). Timeloop evaluates only iterations 0 and
  // 1 of each loop and measures the outer loop's translation as f - 1 (from the inner loop's
  // iteration 1): equal to the slide of 1 only when f = 2.
  // P = 4 as p2 p2: 6 both. P = 6 as p2 p3: tessel 8; Timeloop 3 + 2 + 3 (refill) + 2 = 10.
  Problem four = window(1, 4);
  CHECK(bufFillsOfI(four, dramLoops(four, {{"p", 2}, {"p", 2}})) ==
        std::pair<int64_t, int64_t>{6, 6});
  Problem six = window(1, 6);
  CHECK(bufFillsOfI(six, dramLoops(six, {{"p", 2}, {"p", 3}})) ==
        std::pair<int64_t, int64_t>{8, 10});
}

TEST_CASE("a refilled output tile is read back except on first writes", "[cost][convention]") {
  // O[p + r] += I[k, p] * W[k, r], K = P = 2, R = 3 (a transposed convolution: the output
  // slides). DRAM loops k2 (outer), p2 (inner); Buf keeps O, loop r3: its tile is {p..p+2}.
  Problem p = makeProblem({{"k", 2}, {"p", 2}, {"r", 3}}, {{"I", {{{"k", 1}}, {{"p", 1}}}, false},
                                                           {"W", {{{"k", 1}}, {{"r", 1}}}, false},
                                                           {"O", {{{"p", 1}, {"r", 1}}}, true}});
  Arch a = dramBufMac(4);
  Mapping m = dramLoops(p, {{"k", 2}, {"p", 2}});
  // tessel: entries 3 + 1 + 1 + 1 = 6 of 4 distinct elements: 6 - 4 = 2 read-backs received
  // (Buf fills), DRAM reads back 2; leaves 1 + 1 + 1 and the final drain of 3: 6 drains (Buf
  // reads), 6 DRAM updates.
  CostReport tessel = evaluateBoth(p, a, m, Convention::Tessel);
  CHECK(tessel.at(1, 2).total == AccessCounts{2, 6, 12, 8});
  CHECK(tessel.at(0, 2).total == AccessCounts{0, 0, 6, 2});
  // Timeloop: k's advance refills the tile: entries 3 + 1 + 3 + 1 = 8, still 4 first writes
  // that need no read: 4 read-backs; the refill drains the whole old tile: 1 + 3 + 1 + 3 = 8.
  // The MAC's 12 updates and 12 - 4 = 8 read-backs at Buf are the same.
  CostReport timeloop = evaluateBoth(p, a, m, Convention::Timeloop);
  CHECK(timeloop.at(1, 2).total == AccessCounts{4, 8, 12, 8});
  CHECK(timeloop.at(0, 2).total == AccessCounts{0, 0, 8, 4});
}

TEST_CASE("Timeloop bills reads and read-backs as one action per block", "[cost][convention]") {
  // O[p] += I[p + r] * W[r], P = 4, R = 3, DRAM p4, Buf r3 keeping everything (the counts are
  // the same under both conventions: only the innermost loop moves the tiles). Buf's O: 4
  // drains (reads) and 8 read-backs to the MAC. With 3-word blocks at 1 pJ:
  // tessel bills ceil(4 / 3) + ceil(8 / 3) = 2 + 3 blocks, Timeloop ceil(12 / 3) = 4.
  Problem p = makeProblem({{"p", 4}, {"r", 3}}, {{"I", {{{"p", 1}, {"r", 1}}}, false},
                                                 {"W", {{{"r", 1}}}, false},
                                                 {"O", {{{"p", 1}}}, true}});
  Arch a = dramBufMac(7);
  a.levels[1].blockWords = 3;
  a.levels[1].readEnergy = 1;
  Mapping m;
  m.levels = {LevelMapping{{{0, 4}}, {}, 0}, LevelMapping{{{1, 3}}, {}, 0}};
  CostReport tessel = evaluateBoth(p, a, m, Convention::Tessel);
  CostReport timeloop = evaluateBoth(p, a, m, Convention::Timeloop);
  CHECK(tessel.at(1, 2).total == timeloop.at(1, 2).total);
  CHECK(tessel.at(1, 2).total.reads == 4);
  CHECK(tessel.at(1, 2).total.readBacks == 8);
  CHECK(tessel.at(1, 2).readEnergy == 2);
  CHECK(tessel.at(1, 2).readBackEnergy == 3);
  CHECK(timeloop.at(1, 2).readEnergy == 4);
  CHECK(timeloop.at(1, 2).readBackEnergy == 0);
  // I (12 MAC reads -> 4 blocks) and W (12 -> 4) are billed alike.
  CHECK(tessel.at(1, 0).readEnergy == 4);
  CHECK(timeloop.at(1, 0).readEnergy == 4);
  CHECK(tessel.totalEnergy - timeloop.totalEnergy == 1);
}
