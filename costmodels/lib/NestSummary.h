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

/// The nest of one mapping and the products every flow reads, built in one checked pass. The
/// arrays below live in two buffers sized once (no allocation for ordinary problems).
struct NestSummary {
  NestSummary(size_t numLevels, size_t numDims, size_t maxLoops);
  NestSummary(const NestSummary &) = delete;
  NestSummary &operator=(const NestSummary &) = delete;

  /// Flattens `mapping` and computes the products; false when the mapping breaks any rule of
  /// checkMapping other than capacity (then nothing else is meaningful).
  bool build(const Problem &problem, const Arch &arch, const Mapping &mapping);

  LoopNest nest;
  size_t numLevels, numDims;

private:
  SmallArray<int64_t, 512> wide;
  SmallArray<int, 80> narrow;

public:
  /// Product of the spatial factors at each level, and of those above each level
  /// (spatialAbove[l] = prod_{j<l} spatialAt[j], l <= numLevels); temporalAbove[l]: product of
  /// the temporal factors above level l (temporalAbove[numLevels]: the compute cycles).
  int64_t *spatialAt, *spatialAbove, *temporalAbove;
  /// outerSteps[k]: product of the temporal factors of the loops enclosing loop k.
  int64_t *outerSteps;
  /// spatialOf[l * numDims + d]: product of dim d's spatial factors at level l (set only for
  /// levels with spatial loops, spatialAt[l] > 1).
  int64_t *spatialOf;
  /// tileExt[c * numDims + d]: product of dim d's factors at levels >= c;
  /// everOf[c * numDims + d]: product of dim d's temporal factors at levels < c (c <= numLevels).
  int64_t *tileExt, *everOf;
  /// numDims values of scratch for a flow (e.g. products over several levels).
  int64_t *scratch;
  /// Indices of the temporal loops in nest order; temporalEnd[c]: how many sit above level c.
  int *temporalLoops, *temporalEnd;

private:
  /// build()'s running products per dim.
  int64_t *product, *temporal;
};

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_NESTSUMMARY_H
