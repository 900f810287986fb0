// Internal: the mapped loop nest flattened outer to inner, with each loop's stride in its dim.
#ifndef TESSEL_COST_LIB_LOOPNEST_H
#define TESSEL_COST_LIB_LOOPNEST_H

#include "tessel/cost/CostReport.h"
#include "tessel/cost/Mapping.h"

#include <cstdint>
#include <vector>

namespace tessel::cost {

/// One loop of the flattened nest. `stride` is the product of the factors of the loops on the
/// same dim that sit inside this one, so dim coordinate = sum over its loops of iter * stride.
struct NestLoop {
  int dim = 0;
  int64_t factor = 1;
  int64_t stride = 1;
  int level = 0;
  bool spatial = false;
};

/// A vector of loops that lives inline up to 48 loops (no allocation per evaluation).
class NestLoops {
public:
  NestLoops() = default;
  NestLoops(const NestLoops &other) { *this = other; }
  NestLoops &operator=(const NestLoops &other) {
    if (this != &other) {
      clear();
      for (const NestLoop &loop : other)
        push_back(loop);
    }
    return *this;
  }
  void clear() {
    count = 0;
    heap.clear();
    loops = inlineLoops();
  }
  void push_back(const NestLoop &loop) {
    if (count < kInline) {
      inlineLoops()[count++] = loop;
      return;
    }
    if (heap.empty())
      heap.assign(inlineLoops(), inlineLoops() + count);
    heap.push_back(loop);
    loops = heap.data();
    ++count;
  }
  size_t size() const { return count; }
  NestLoop &operator[](size_t i) { return loops[i]; }
  const NestLoop &operator[](size_t i) const { return loops[i]; }
  const NestLoop *begin() const { return loops; }
  const NestLoop *end() const { return loops + count; }

private:
  static constexpr size_t kInline = 48;
  NestLoop *inlineLoops() { return reinterpret_cast<NestLoop *>(storage); }
  /// Raw storage (NestLoop is trivially copyable): not zeroed on construction.
  alignas(NestLoop) unsigned char storage[kInline * sizeof(NestLoop)];
  std::vector<NestLoop> heap;
  /// The loops: the inline storage, or heap's data beyond kInline loops.
  NestLoop *loops = inlineLoops();
  size_t count = 0;
};

/// Nest order: level 0 temporal (outer to inner), level 0 spatial, level 1 temporal, ...
/// Loops with factor 1 are dropped; they change nothing.
struct LoopNest {
  NestLoops loops;
};

/// Sets every loop's stride (loops, dims and factors already in place).
void assignStrides(LoopNest &nest, size_t numDims);

/// Flattens `mapping` (assumed structurally valid: dims in range, factors >= 1).
void buildNest(const Problem &problem, const Mapping &mapping, LoopNest &nest);

/// Product of all temporal factors (the compute cycles).
int64_t temporalIterations(const LoopNest &nest);

/// Sets report.activeInstances and averageActiveInstances of levels 0..numLevels-1 and the
/// compute units' activity (activeComputeUnits, averageActiveComputeUnits) of `nest` in closed
/// form: an instance is active at a step when its first iteration is not masked, which per dim
/// is a count of offsets below the bound (docs/model.md section 12). `report` must be sized,
/// with macs and computeCycles set.
void spatialActivity(const Problem &problem, const LoopNest &nest, size_t numLevels,
                     CostReport &report);

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_LOOPNEST_H
