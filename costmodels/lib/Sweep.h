// Internal: the temporal loops above a child that can keep part of its tile, swept under each
// counting convention by the analytical model.
#ifndef TESSEL_COST_LIB_SWEEP_H
#define TESSEL_COST_LIB_SWEEP_H

#include "IndexTerm.h"
#include "NestSummary.h"

#include <cstdint>

namespace tessel::cost {

/// The temporal loops above a child that can keep part of its tile, positions [first, end) of
/// NestSummary::temporalLoops (inner loops last), and the sizes of the flow's first step.
struct Sweep {
  const NestSummary &sum;
  /// Per dim: the slot of the several-dim index it moves (-1: none), and its coefficient.
  const int *slotOf;
  const int64_t *coef;
  /// Number of several-dim indices; one-dim ones do not move under these loops.
  size_t ni;
  int first, end;
  int64_t tileSize, unionFirst;
  /// The factors of the one-dim indices in tileSize and unionFirst.
  int64_t singleTile, singleUnion;
  bool pointOffsets;
};

/// Tessel convention: adds what each advance of the loops of `s` brings into a child instance
/// (`entries`) and into the union over a group (`groupEntries`).
void tesselSweep(const Sweep &s, const MultiIndex *term, int64_t &entries, int64_t &groupEntries);

/// Timeloop convention (docs/model.md section 11), same contract as tesselSweep.
void timeloopSweep(const Sweep &s, const MultiIndex *term, int64_t &entries, int64_t &groupEntries);

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_SWEEP_H
