// Builds the nest summary of a mapping in one pass that also checks checkMapping's rules.
#include "NestSummary.h"

#include <algorithm>

namespace tessel::cost {

NestSummary::NestSummary(size_t numLevels, size_t numDims, size_t maxLoops)
    : numLevels(numLevels), numDims(numDims),
      wide(3 * numLevels + 2 + maxLoops + (3 * numLevels + 5) * numDims),
      narrow(maxLoops + numLevels + 1) {
  int64_t *next = &wide[0];
  auto take = [&next](size_t n) {
    int64_t *p = next;
    next += n;
    return p;
  };
  spatialAt = take(numLevels);
  spatialAbove = take(numLevels + 1);
  temporalAbove = take(numLevels + 1);
  outerSteps = take(maxLoops);
  spatialOf = take(numLevels * numDims);
  tileExt = take((numLevels + 1) * numDims);
  everOf = take((numLevels + 1) * numDims);
  scratch = take(numDims);
  product = take(numDims);
  temporal = take(numDims);
  temporalLoops = &narrow[0];
  temporalEnd = temporalLoops + maxLoops;
}

bool NestSummary::build(const Problem &problem, const Arch &arch, const Mapping &mapping) {
  if (mapping.levels.size() != numLevels)
    return false;
  // product[d]: the factors of dim d so far (then, walking inwards, the stride of each loop);
  // temporal[d]: dim d's temporal factors so far.
  for (size_t d = 0; d < numDims; ++d)
    product[d] = temporal[d] = 1;
  // Checks a loop (the rules of checkMapping) and records its factor.
  auto take = [&](int dim, int64_t factor) {
    if (dim < 0 || static_cast<size_t>(dim) >= numDims || factor < 1 ||
        factor > problem.dims[dim].bound)
      return false;
    return !__builtin_mul_overflow(product[dim], factor, &product[dim]) &&
           product[dim] <= problem.dims[dim].bound;
  };
  // Copies a row of numDims products (a snapshot at a level boundary).
  auto copyRow = [numDims = numDims](const int64_t *from, int64_t *to) {
    std::copy_n(from, numDims, to);
  };
  TensorMask all =
      problem.tensors.size() >= 32 ? ~TensorMask(0) : (TensorMask(1) << problem.tensors.size()) - 1;
  nest.loops.clear();
  int numTemporal = 0;
  int64_t steps = 1, instances = 1;
  for (size_t l = 0; l < numLevels; ++l) {
    const LevelMapping &lm = mapping.levels[l];
    temporalEnd[l] = numTemporal;
    temporalAbove[l] = steps;
    spatialAbove[l] = instances;
    copyRow(&temporal[0], &everOf[l * numDims]);
    for (const TemporalLoop &loop : lm.temporal) {
      if (!take(loop.dim, loop.factor))
        return false;
      if (loop.factor > 1) {
        temporalLoops[numTemporal++] = static_cast<int>(nest.loops.size());
        nest.loops.push_back({loop.dim, loop.factor, 1, static_cast<int>(l), false});
        temporal[static_cast<size_t>(loop.dim)] *= loop.factor;
        steps *= loop.factor;
      }
    }
    int64_t spatial = 1, x = 1, y = 1;
    for (const SpatialLoop &loop : lm.spatial) {
      if (!take(loop.dim, loop.factor))
        return false;
      int64_t &axis = loop.axis == Axis::X ? x : y;
      axis *= loop.factor;
      if (axis > (loop.axis == Axis::X ? arch.fanOuts[l].x : arch.fanOuts[l].y))
        return false;
      if (loop.factor > 1) {
        nest.loops.push_back({loop.dim, loop.factor, 1, static_cast<int>(l), true});
        if (spatial == 1)
          for (size_t d = 0; d < numDims; ++d)
            spatialOf[l * numDims + d] = 1;
        spatialOf[l * numDims + static_cast<size_t>(loop.dim)] *= loop.factor;
        spatial *= loop.factor;
      }
    }
    if ((lm.bypass & ~(arch.levels[l].keepMask & all)) != 0 || (l == 0 && lm.bypass != 0))
      return false;
    spatialAt[l] = spatial;
    instances *= spatial;
  }
  temporalEnd[numLevels] = numTemporal;
  temporalAbove[numLevels] = steps;
  spatialAbove[numLevels] = instances;
  copyRow(&temporal[0], &everOf[numLevels * numDims]);
  for (size_t d = 0; d < numDims; ++d) {
    if (product[d] != problem.dims[d].bound)
      return false;
    product[d] = 1;
  }
  // Strides and tile extents, walking inwards-out (level by level, so product[] holds the
  // factors at levels >= c when level c - 1's loops start); the enclosing temporal products,
  // walking outwards-in.
  size_t numLoops = nest.loops.size(), c = numLevels;
  copyRow(&product[0], &tileExt[c * numDims]);
  for (size_t k = numLoops; k-- > 0;) {
    NestLoop &loop = nest.loops[k];
    for (; c > static_cast<size_t>(loop.level) + 1; --c)
      copyRow(&product[0], &tileExt[(c - 1) * numDims]);
    loop.stride = product[loop.dim];
    product[loop.dim] *= loop.factor;
  }
  for (; c > 0; --c)
    copyRow(&product[0], &tileExt[(c - 1) * numDims]);
  steps = 1;
  for (size_t k = 0; k < numLoops; ++k) {
    outerSteps[k] = steps;
    if (!nest.loops[k].spatial)
      steps *= nest.loops[k].factor;
  }
  return true;
}

} // namespace tessel::cost
