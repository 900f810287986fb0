// Internal: an index over several dims seen from one flow of the analytical model.
#ifndef TESSEL_COST_LIB_INDEXTERM_H
#define TESSEL_COST_LIB_INDEXTERM_H

#include "IndexSet.h"

#include <cstdint>

namespace tessel::cost {

/// The exact sets of one index over several dims (e.g. `p + r`) seen from one flow: the child
/// tile T, what one child instance ever holds E (T and the temporal loops above the child) and
/// the offsets O of the children merged by the network, all Minkowski sums of progressions
/// (docs/model.md section 8). Indices over one dim need no sets: the model uses integers.
struct MultiIndex {
  IndexSet tile, ever, offsets;
  /// |O (+) T|, set by finish().
  int64_t unionSize = 1;

  /// Call once every loop has been added to tile, ever and offsets.
  void finish() {
    ever.add(tile);
    unionSize = offsets.sumSize(tile);
  }
  /// |T intersect (T + delta)|.
  int64_t overlap(int64_t delta) const { return tile.overlap(delta); }
  /// |O (+) T| - |O (+) ((T + delta) \ T)|.
  int64_t unionKept(int64_t delta) const {
    return unionSize - tile.shiftDifferenceSumSize(delta, offsets);
  }
};

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_INDEXTERM_H
