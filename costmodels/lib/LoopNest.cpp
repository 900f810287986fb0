// Flattens a Mapping into one loop nest and assigns each loop its stride within its dim.
#include "LoopNest.h"

namespace tessel::cost {

void buildNest(const Problem &problem, const Mapping &mapping, LoopNest &nest) {
  nest.loops.clear();
  for (size_t level = 0; level < mapping.levels.size(); ++level) {
    const LevelMapping &lm = mapping.levels[level];
    for (const TemporalLoop &loop : lm.temporal)
      if (loop.factor > 1)
        nest.loops.push_back({loop.dim, loop.factor, 1, static_cast<int>(level), false});
    for (const SpatialLoop &loop : lm.spatial)
      if (loop.factor > 1)
        nest.loops.push_back({loop.dim, loop.factor, 1, static_cast<int>(level), true});
  }
  assignStrides(nest, problem.dims.size());
}

void assignStrides(LoopNest &nest, size_t numDims) {
  // Walk inner to outer accumulating, per dim, the product of the factors seen so far.
  int64_t strideBuf[64];
  std::vector<int64_t> strideVec;
  int64_t *stride = strideBuf;
  if (numDims > 64) {
    strideVec.resize(numDims);
    stride = strideVec.data();
  }
  for (size_t d = 0; d < numDims; ++d)
    stride[d] = 1;
  for (size_t i = nest.loops.size(); i-- > 0;) {
    NestLoop &loop = nest.loops[i];
    loop.stride = stride[loop.dim];
    stride[loop.dim] *= loop.factor;
  }
}

int64_t temporalIterations(const LoopNest &nest) {
  int64_t n = 1;
  for (const NestLoop &loop : nest.loops)
    if (!loop.spatial)
      n *= loop.factor;
  return n;
}

void activeInstances(const LoopNest &nest, std::vector<int64_t> &active) {
  for (int64_t &a : active)
    a = 1;
  for (const NestLoop &loop : nest.loops)
    if (loop.spatial)
      for (size_t l = static_cast<size_t>(loop.level) + 1; l < active.size(); ++l)
        active[l] *= loop.factor;
}

} // namespace tessel::cost
