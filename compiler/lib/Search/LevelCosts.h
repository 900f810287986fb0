// Internal: the counts a level's temporal loops add for a given order, computed directly from
// the model's closed forms (docs/model.md section 8) without evaluating a whole mapping.
#ifndef TESSEL_SEARCH_LIB_LEVELCOSTS_H
#define TESSEL_SEARCH_LIB_LEVELCOSTS_H

#include "Counts.h"
#include "IntSet.h"

#include <vector>

namespace tessel::search {

/// Per tiling: the storage flows and their tiles; per level and order: the entries and group
/// entries that level's loops add to every flow into a child below it, as count totals. By
/// separability (docs/search.md section 3) the counts of a point are the sum of these over the
/// levels plus order-independent terms.
class LevelCosts {
public:
  explicit LevelCosts(const Mapspace &space) : space(space) {}

  /// Reads the factors and bypass masks of `point` (not its orders).
  void prepare(const Point &point);

  /// Adds to `out` (reset by the caller) the counts that the temporal loops of level `l`,
  /// in order `order` (outer to inner), add to the flows into children below `l`.
  void add(int l, const std::vector<int> &order, Counts &out);

private:
  struct Index {
    bool single = true;
    int dim = -1;
    int64_t coef = 1, tile = 1, offsets = 1;
    IntSet tileSet, offsetSet;
    int64_t unionSize = 1;
    /// Fast path: the tile is an interval [0, tile) and the merged offsets are one
    /// progression {0, offStep, ..} of offCount elements (offCount 1: no offsets).
    bool fast = false;
    int64_t offStep = 1, offCount = 1;
    int64_t overlap(int64_t delta) const;
    int64_t unionKept(int64_t delta) const;
  };
  struct Flow {
    int tensor = 0, parent = 0, child = 0;
    bool isOutput = false, pointOffsets = true;
    int64_t childInst = 1, groups = 1, tileSize = 1, unionFirst = 1;
    std::vector<Index> indices;
    /// indexOf[d]: the index of this tensor that dim d appears in, or -1; coefOf[d].
    std::vector<int> indexOf;
    std::vector<int64_t> coefOf;
    /// deeper[l * indices + i]: the spans on index i of the loops of the levels between l and
    /// the child (they sit inside every loop of l).
    std::vector<int64_t> deeper;
  };
  int64_t stride(int l, int d) const;

  const Mapspace &space;
  const Point *pt = nullptr;
  std::vector<Flow> flows;
  /// ext[l * D + d]: product of d's factors at levels >= l.
  std::vector<int64_t> ext;
  /// temporalAbove[l]: product of every temporal factor above level l.
  std::vector<int64_t> temporalAbove;
  std::vector<int64_t> reset; // scratch per index
};

} // namespace tessel::search

#endif // TESSEL_SEARCH_LIB_LEVELCOSTS_H
