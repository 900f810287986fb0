// Internal: the mapped loop nest flattened outer to inner, with each loop's stride in its dim.
#ifndef TESSEL_COST_LIB_LOOPNEST_H
#define TESSEL_COST_LIB_LOOPNEST_H

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
  void clear() {
    count = 0;
    heap.clear();
  }
  void push_back(const NestLoop &loop) {
    if (count == kInline && heap.empty())
      heap.assign(inlineLoops(), inlineLoops() + count);
    if (heap.empty())
      inlineLoops()[count] = loop;
    else
      heap.push_back(loop);
    ++count;
  }
  size_t size() const { return count; }
  NestLoop &operator[](size_t i) { return data()[i]; }
  const NestLoop &operator[](size_t i) const { return data()[i]; }
  const NestLoop *begin() const { return data(); }
  const NestLoop *end() const { return data() + count; }

private:
  static constexpr size_t kInline = 48;
  NestLoop *inlineLoops() { return reinterpret_cast<NestLoop *>(storage); }
  const NestLoop *inlineLoops() const { return reinterpret_cast<const NestLoop *>(storage); }
  NestLoop *data() { return heap.empty() ? inlineLoops() : heap.data(); }
  const NestLoop *data() const { return heap.empty() ? inlineLoops() : heap.data(); }
  /// Raw storage (NestLoop is trivially copyable): not zeroed on construction.
  alignas(NestLoop) unsigned char storage[kInline * sizeof(NestLoop)];
  std::vector<NestLoop> heap;
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

/// active[l] := product of the spatial factors of the loops above level l, for l < active.size().
void activeInstances(const LoopNest &nest, std::vector<int64_t> &active);

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_LOOPNEST_H
