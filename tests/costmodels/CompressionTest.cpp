// Run-length coding at the outermost level (docs/model.md section 13), derived by hand.
#include "tessel/cost/Compression.h"

#include "ProblemBuilder.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace tessel::cost;

using test::counts;
using test::evaluateBoth;
using test::level;
using test::matmul;

TEST_CASE("expected run-length entries per element", "[cost][compression]") {
  // Dense data: one entry per element whatever the run width.
  CHECK(rlcEntriesPerElement(1.0, 5) == 1.0);
  // 1-bit runs (at most 1 zero per entry), half zeros: chunks are "x" (1/2) or "0x"/"00"
  // (1/2), mean length 1.5 elements, so 2/3 entry per element.
  CHECK(rlcEntriesPerElement(0.5, 1) == Approx(2.0 / 3).epsilon(1e-12));
  // 2-bit runs, density 1/4: mean chunk 1 + 3/4 + 9/16 + 27/64 = 175/64 elements.
  CHECK(rlcEntriesPerElement(0.25, 2) == Approx(64.0 / 175).epsilon(1e-12));
  // Eyeriss-like coding: 5-bit runs and 16-bit values, three entries per 64-bit block.
  double d = 0.3, chunk = (1 - std::pow(0.7, 32)) / d;
  CHECK(rlcBitsPerElement(d, 16, 5, 64) == Approx(64.0 / 3 / chunk).epsilon(1e-12));
  // Not one entry fits the block.
  CHECK(rlcBitsPerElement(d, 16, 5, 16) == 0);
}

TEST_CASE("compressed inputs and outputs at DRAM, partial sums dense", "[cost][compression]") {
  // The one-level 2x2x2 matmul of HandTest: A and B read 8 times each, C updated 8 times with
  // 4 read-backs. DRAM blocks of 4 16-bit words; A (density 1/2) and C (density 1/4) coded
  // with 5-bit runs, B dense.
  Problem p = matmul(2, 2, 2);
  p.tensors[0].density = 0.5;
  p.tensors[2].density = 0.25;
  Arch a;
  a.levels = {level("DRAM", 7)};
  a.levels[0].blockWords = 4;
  a.levels[0].compressMask = 0b101;
  a.levels[0].runBits = 5;
  a.levels[0].readEnergy = 10;
  a.levels[0].writeEnergy = a.levels[0].updateEnergy = 20;
  a.levels[0].readBandwidth = 0.5;
  a.fanOuts = {FanOut{}};
  Mapping m;
  m.levels = {LevelMapping{{{0, 2}, {1, 2}, {2, 2}}, {}, 0}};
  REQUIRE(validateArch(a, p).empty());
  for (Convention convention : {Convention::Tessel, Convention::Timeloop}) {
    CostReport r = evaluateBoth(p, a, m, convention);
    // Counts are element counts, as without coding.
    CHECK(r.at(0, 0).total == counts(0, 8, 0, 0));
    CHECK(r.at(0, 2).total == counts(0, 0, 8, 4));
    // Coded words per element: 64/3 bits per entry times entries per element, / 16.
    double wordsA = 64.0 / 3 * (0.5 / (1 - std::pow(0.5, 32))) / 16;
    double wordsC = 64.0 / 3 * (0.25 / (1 - std::pow(0.75, 32))) / 16;
    CHECK(r.at(0, 0).words == Approx(8 * wordsA).epsilon(1e-12));
    CHECK(r.at(0, 1).words == 8);
    // C: 4 final values coded, 4 partial sums written and read back dense.
    CHECK(r.at(0, 2).words == Approx(4 * wordsC + 4 + 4).epsilon(1e-12));
    CHECK(r.at(0, 2).updateEnergy == std::ceil((4 * wordsC + 4) / 4) * 20);
    if (convention == Convention::Tessel) {
      CHECK(r.at(0, 0).readEnergy == std::ceil(8 * wordsA / 4) * 10);
      CHECK(r.at(0, 2).readBackEnergy == 1 * 10);
    }
    // Read port: A coded + B 8 + C's 4 read-backs, at half a word per cycle.
    CHECK(r.levelCycles[0] == static_cast<int64_t>(std::ceil((8 * wordsA + 8 + 4) / 0.5)));
  }
}

TEST_CASE("compression errors are values", "[cost][compression]") {
  Problem p = matmul(2, 2, 2);
  Arch a;
  a.levels = {level("DRAM", 7), level("Buf", 7)};
  a.fanOuts = {FanOut{}, FanOut{}};
  a.levels[1].compressMask = 1;
  a.levels[1].runBits = 4;
  std::vector<std::string> errors = validateArch(a, p);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("only the outermost level") != std::string::npos);
  a.levels[1].compressMask = 0;
  a.levels[0].compressMask = 1;
  a.levels[0].runBits = 4; // 4 + 16 bits do not fit a 16-bit block
  errors = validateArch(a, p);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("cannot hold one run-length entry of tensor 'A'") != std::string::npos);
  a.levels[0].runBits = 0;
  errors = validateArch(a, p);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("run-length bits 0") != std::string::npos);
  p.tensors[1].density = 0;
  CHECK(validateProblem(p).size() == 1);
}
