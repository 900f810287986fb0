// MapConstraints: mapping constraints of an arch (the .hw `constraints` block) resolved against
// one Problem: allowed spatial dims, fixed loop orders, forced keep/bypass, stationary tensors.
#ifndef TESSEL_COST_CONSTRAINTS_H
#define TESSEL_COST_CONSTRAINTS_H

#include "tessel/cost/Problem.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tessel::cost {

/// Bitmask over dim ids (bit d = Problem::dims[d]). A Problem has at most 64 dims.
using DimMask = uint64_t;
constexpr DimMask kAllDims = ~DimMask(0);

/// Constraints on one storage level and on the spatial fan-out below it. Everything is in
/// Problem / Arch indices: the extraction from a .hw file resolves names and roles (a dim a
/// layer does not have is simply left out).
struct LevelConstraints {
  /// Dims that may have spatial loops on the X / Y axis of the fan-out below this level.
  DimMask spatialX = kAllDims;
  DimMask spatialY = kAllDims;
  /// Relative order, outer to inner, of the temporal loops of these dims at this level: a dim
  /// listed before another must not sit inside it. Dims not listed are unconstrained.
  std::vector<int> order;
  /// Tensors the level must keep (it must be able to: Arch keepMask) and must bypass.
  TensorMask keep = 0;
  TensorMask bypass = 0;
};

/// The constraints a mapping search must respect. docs/search.md states the semantics.
struct MapConstraints {
  /// Empty (no level constraints) or one entry per Arch level, outermost first.
  std::vector<LevelConstraints> levels;
  /// Stationary tensors: at the innermost level keeping the tensor (other than the outermost),
  /// every temporal loop above it that is irrelevant to the tensor sits inside every loop that
  /// is relevant to it, so that a tile, once replaced, never comes back.
  TensorMask stationary = 0;
  /// The dataflow preset these constraints were expanded from (e.g. "row_stationary"), for
  /// reports only; "" when none. The search enforces the fields above, not the name.
  std::string dataflow;
};

} // namespace tessel::cost

#endif // TESSEL_COST_CONSTRAINTS_H
