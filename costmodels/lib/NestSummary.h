// Internal: the flattened nest of one mapping and the per-level products every flow reads.
#ifndef TESSEL_COST_LIB_NESTSUMMARY_H
#define TESSEL_COST_LIB_NESTSUMMARY_H

#include "LoopNest.h"
#include "tessel/cost/Arch.h"
#include "tessel/cost/Mapping.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>

namespace tessel::cost {

/// Array of n elements, constructed in place when n <= N (no allocation per flow). Elements of
/// trivial types start indeterminate.
template <typename T, size_t N> class SmallArray {
public:
  explicit SmallArray(size_t n) : size(n) {
    if (n > N) {
      heap = std::make_unique<T[]>(n);
      data = heap.get();
    } else {
      data = reinterpret_cast<T *>(storage);
      for (size_t i = 0; i < n; ++i)
        new (data + i) T; // default-initialised: callers set every element they read
    }
  }
  ~SmallArray() {
    if (size <= N)
      for (size_t i = 0; i < size; ++i)
        data[i].~T();
  }
  SmallArray(const SmallArray &) = delete;
  SmallArray &operator=(const SmallArray &) = delete;
  T &operator[](size_t i) { return data[i]; }
  const T &operator[](size_t i) const { return data[i]; }

private:
  size_t size;
  T *data;
  alignas(T) unsigned char storage[N * sizeof(T)];
  std::unique_ptr<T[]> heap;
};

/// The nest of one mapping and the products every flow reads, built in one checked pass.
struct NestSummary {
  NestSummary(size_t numLevels, size_t numDims, size_t maxLoops);

  /// Flattens `mapping` and computes the products; false when the mapping breaks any rule of
  /// checkMapping other than capacity (then nothing else is meaningful).
  bool build(const Problem &problem, const Arch &arch, const Mapping &mapping);

  LoopNest nest;
  size_t numLevels, numDims;
  /// Product of the spatial factors at each level, and of those above each level
  /// (spatialAbove[l] = prod_{j<l} spatialAt[j], l <= numLevels); temporalAbove[l]: product of
  /// the temporal factors above level l (temporalAbove[numLevels]: the compute cycles).
  SmallArray<int64_t, 16> spatialAt, spatialAbove, temporalAbove;
  /// outerSteps[k]: product of the temporal factors of the loops enclosing loop k.
  SmallArray<int64_t, 48> outerSteps;
  /// Indices of the temporal loops in nest order; temporalEnd[c]: how many sit above level c.
  SmallArray<int, 48> temporalLoops;
  SmallArray<int, 17> temporalEnd;
  /// spatialOf[l * numDims + d]: product of dim d's spatial factors at level l (set only for
  /// levels with spatial loops, spatialAt[l] > 1).
  SmallArray<int64_t, 256> spatialOf;
  /// tileExt[c * numDims + d]: product of dim d's factors at levels >= c;
  /// everOf[c * numDims + d]: product of dim d's temporal factors at levels < c (c <= numLevels).
  SmallArray<int64_t, 256> tileExt, everOf;
};

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_NESTSUMMARY_H
