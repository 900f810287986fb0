// Mapping: per storage level, ordered temporal loops, spatial loops on the fan-out, and bypasses.
#ifndef TESSEL_COST_MAPPING_H
#define TESSEL_COST_MAPPING_H

#include "tessel/cost/Arch.h"
#include "tessel/cost/Problem.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tessel::cost {

/// Which axis of a fan-out a spatial loop is laid along.
enum class Axis { X, Y };

/// One temporal loop: `dim` (index into Problem::dims) iterated `factor` times.
struct TemporalLoop {
  int dim = 0;
  int64_t factor = 1;
};

/// One spatial loop on the fan-out below the level.
struct SpatialLoop {
  int dim = 0;
  int64_t factor = 1;
  Axis axis = Axis::X;
};

/// The loops of one storage level. Temporal loops are ordered outer to inner; spatial loops
/// sit inside all temporal loops of the level, outer to inner in vector order.
struct LevelMapping {
  std::vector<TemporalLoop> temporal;
  std::vector<SpatialLoop> spatial;
  /// Tensors this level does not keep even though the Arch allows it.
  TensorMask bypass = 0;
};

/// One LevelMapping per Arch level, outermost first.
struct Mapping {
  std::vector<LevelMapping> levels;
};

/// Tensors level `level` keeps under `mapping`: the Arch's keep mask minus the bypass set.
inline TensorMask keptTensors(const Arch &arch, const Mapping &mapping, size_t level) {
  TensorMask keep = arch.levels[level].keepMask;
  if (level < mapping.levels.size())
    keep &= ~mapping.levels[level].bypass;
  return keep;
}

/// Words one element of `tensor` occupies at a level with `wordBits`-bit words.
inline int64_t wordsPerElement(const Problem &problem, int tensor, int wordBits) {
  int bits = problem.tensors[tensor].elementBits;
  return bits <= wordBits ? 1 : (bits + wordBits - 1) / wordBits;
}

/// Human-readable reasons why `mapping` is invalid for `problem` on `arch` (empty when valid):
/// malformed problem or arch, dims whose factors do not multiply to the bound, spatial factors
/// beyond a fan-out axis, tiles beyond a capacity, bypass of a tensor the level cannot keep,
/// an outermost level that does not keep every tensor.
std::vector<std::string> checkMapping(const Problem &problem, const Arch &arch,
                                      const Mapping &mapping);

/// checkMapping for a problem and an arch already known valid (validateProblem and validateArch
/// returned nothing): skips re-validating them, for callers evaluating many mappings. With
/// `checkCapacity` false it also skips tile capacities (for a model that sizes tiles itself
/// and reports them with capacityViolation).
std::vector<std::string> checkValidatedMapping(const Problem &problem, const Arch &arch,
                                               const Mapping &mapping, bool checkCapacity = true);

/// The violation message when level `level` needs `words` words per instance for its tiles, or
/// an empty string when they fit.
std::string capacityViolation(const Arch &arch, size_t level, int64_t words);

/// Readable loop-nest form, one loop per line, e.g. "L1 GLB: for q in 0..56".
std::string toString(const Mapping &mapping, const Problem &problem, const Arch &arch);

} // namespace tessel::cost

#endif // TESSEL_COST_MAPPING_H
