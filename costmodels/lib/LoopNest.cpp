// Flattens a Mapping into one loop nest and assigns each loop its stride within its dim.
#include "LoopNest.h"

#include <algorithm>

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

namespace {

/// Sorted values of sum(digit * stride) over the loops of one dim, digits in [0, factor).
std::vector<int64_t> dimOffsets(const std::vector<const NestLoop *> &loops) {
  std::vector<int64_t> out{0};
  for (const NestLoop *loop : loops) {
    std::vector<int64_t> next;
    next.reserve(out.size() * static_cast<size_t>(loop->factor));
    for (int64_t base : out)
      for (int64_t i = 0; i < loop->factor; ++i)
        next.push_back(base + i * loop->stride);
    out = std::move(next);
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

void spatialActivity(const Problem &problem, const LoopNest &nest, size_t numLevels,
                     CostReport &report) {
  size_t numDims = problem.dims.size();
  std::vector<const NestLoop *> spatial, temporal;
  report.averageActiveInstances.resize(numLevels);
  for (size_t l = 0; l <= numLevels; ++l) {
    // Per dim: instances whose offset is below the bound (used), the sum over steps of those
    // below the bound minus the step's offset (busy), and the steps.
    int64_t used = 1, busy = 1, steps = 1;
    for (size_t d = 0; d < numDims; ++d) {
      spatial.clear();
      temporal.clear();
      for (const NestLoop &loop : nest.loops)
        if (static_cast<size_t>(loop.dim) == d && static_cast<size_t>(loop.level) < l)
          (loop.spatial ? spatial : temporal).push_back(&loop);
      std::vector<int64_t> offsets = dimOffsets(spatial), times = dimOffsets(temporal);
      int64_t bound = problem.dims[d].bound, n = static_cast<int64_t>(offsets.size());
      auto below = [&](int64_t limit) {
        return static_cast<int64_t>(std::lower_bound(offsets.begin(), offsets.end(), limit) -
                                    offsets.begin());
      };
      int64_t dimBusy = 0;
      if (offsets.back() + times.back() < bound)
        dimBusy = n * static_cast<int64_t>(times.size()); // perfectly factored: all, always
      else
        for (int64_t t : times)
          dimBusy += below(bound - t);
      used *= below(bound);
      busy *= dimBusy;
      steps *= static_cast<int64_t>(times.size());
    }
    if (l < numLevels) {
      report.activeInstances[l] = used;
      report.averageActiveInstances[l] = static_cast<double>(busy) / static_cast<double>(steps);
    } else {
      report.activeComputeUnits = used;
      report.averageActiveComputeUnits =
          report.computeCycles > 0
              ? static_cast<double>(report.macs) / static_cast<double>(report.computeCycles)
              : 0.0;
    }
  }
}

} // namespace tessel::cost
