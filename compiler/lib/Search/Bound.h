// Internal: admissible lower bounds of energy and cycles over every completion of a partially
// decided point (docs/search.md, "Bounds").
#ifndef TESSEL_SEARCH_LIB_BOUND_H
#define TESSEL_SEARCH_LIB_BOUND_H

#include "Counts.h"
#include "IntSet.h"

#include <vector>

namespace tessel::search {

/// What of a point is decided: the bypass masks always; the spatial factors of the fan-outs
/// with `spatialKnown[l]`; the temporal factors of levels >= `temporalFrom` (numLevels: none;
/// requires every spatial factor known when below numLevels). Orders are never assumed.
struct Decided {
  const bool *spatialKnown = nullptr;
  int temporalFrom = 0;
  /// Optionally, level temporalFrom - 1 in the middle of being decided: the factors of the
  /// dims in `partialDecided` are known, every other dim's factor is at most `partialMax[d]`.
  int partialLevel = -1;
  DimMask partialDecided = 0;
  const int64_t *partialMax = nullptr;
};

/// Per-flow totals bounds: entries and group entries (lower), and upper bounds of the first
/// entries (per child and per group), which the output's counts subtract.
struct FlowBound {
  int64_t entries = 0;
  int64_t groupEntries = 0;
  int64_t firstUpper = 0;
  int64_t groupFirstUpper = 0;
  /// For a tensor without windows whose refetches are decided by the order of a decided
  /// level: that level, and the entries and group entries added when the innermost loop of
  /// that level is relevant to the tensor (its bound assumed the irrelevant loops innermost).
  int orderLevel = -1;
  DimMask relevant = 0;
  double extraEntries = 0, extraGroupEntries = 0;
};

/// Computes bounds; holds scratch storage, so one per thread.
class Bounder {
public:
  Bounder(const Mapspace &space, const Pricing &pricing);

  /// Lower bounds of energy and cycles of every completion of `point` given `decided`.
  void bound(const Point &point, const Decided &decided, double &energy, double &cycles);

  /// The count lower bounds of the last bound() call.
  const Counts &counts() const { return lb; }

  /// Between beginFrame(l) and endFrame(), every bound() call shares the bypass, the spatial
  /// factors and the temporal factors of the levels below l: flows those fix alone (into
  /// levels above l without their tile, and compute flows of tensors without windows) are
  /// computed once.
  void beginFrame(int level);
  void endFrame() { frameLevel = -1; }

private:
  FlowBound computeFlow(int t, int p);
  /// Energy every order of the decided levels adds beyond the per-flow bounds: at each such
  /// level, the innermost loop is relevant to some of the flows it decides.
  double orderConflicts(double *energy);
  FlowBound storageFlow(int t, int p, int c);
  FlowBound compulsoryFlow(int t, int p, int c);
  /// Sizes of index `i` of tensor `t`: offsets merged over fan-outs in [p, c), tile at c.
  struct IndexSizes {
    int64_t tile = 1;      // |T|
    int64_t unionLo = 1;   // lower bound of |O (+) T|
    int64_t offsetsLo = 1; // lower bound of |O|
    int64_t offsetsHi = 1; // upper bound of |O|
    bool exact = true;     // unionLo and offsetsLo are exact
  };
  IndexSizes indexSizes(int t, size_t i, int p, int c) const;
  bool merges(int t, int l) const;
  /// Whether the flow's bound cannot change between bound() calls of the current frame.
  bool fixedInFrame(int t, int p, int c) const;

  const Mapspace &space;
  const Pricing &pricing;
  const Point *pt = nullptr;
  Decided dec;
  int L = 0, D = 0;
  bool allSpatial = false;
  int64_t computeCycles = 0;
  Counts lb;
  /// ext[c * D + d]: product of d's factors at levels >= c (valid for c >= temporalFrom).
  std::vector<int64_t> ext;
  /// tempAbove[c * D + d]: product of d's temporal factors at levels < c (c >= temporalFrom).
  std::vector<int64_t> tempAbove;
  /// spAbove[l]: product of spatial factors above level l (upper bound where unknown).
  std::vector<int64_t> spAbove, spAt;
  struct Decides {
    int level;
    DimMask relevant;
    double extra; // energy when the innermost loop of `level` is relevant
    double slack; // block rounding the linear energy may overstate
  };
  std::vector<Decides> decides;
  int frameLevel = -1;
  /// While computing a flow the frame caches: frameLevel + 1, the shallowest level whose
  /// factors are the same for every bound() call of the frame (else 0).
  int stableFrom = 0;
  /// cache[t * (L + 1) + c]: the flow of tensor t into c, when cached in this frame.
  std::vector<FlowBound> cache;
  std::vector<char> cached;
};

} // namespace tessel::search

#endif // TESSEL_SEARCH_LIB_BOUND_H
