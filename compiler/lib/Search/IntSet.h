// Internal: small sets of non-negative integers (Minkowski sums of progressions) for tile sizes
// and reuse bounds of indices over several dims.
#ifndef TESSEL_SEARCH_LIB_INTSET_H
#define TESSEL_SEARCH_LIB_INTSET_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tessel::search {

/// One arithmetic progression {0, step, ..., (count - 1) * step}.
struct Progression {
  int64_t step = 1;
  int64_t count = 1;
};

/// |sum of the progressions| (Minkowski sum); closed forms for one or two progressions whose
/// steps divide each other, a bitset otherwise.
int64_t progressionSumSize(const Progression *progs, size_t n);

/// A set of integers in [0, 64 * words) as a bitset.
class IntSet {
public:
  /// The set {0}.
  IntSet() : bits(1, 1) {}
  /// Replaces the set by its Minkowski sum with a progression.
  void add(Progression p);
  /// Replaces the set by its Minkowski sum with `other`.
  void add(const IntSet &other);
  int64_t size() const;
  /// |S intersect (S + delta)|.
  int64_t overlap(int64_t delta) const;
  /// |other (+) ((S + delta) \ S)|.
  int64_t shiftDifferenceSumSize(int64_t delta, const IntSet &other) const;
  bool isPoint() const;
  /// Largest element + 1 (0 for the empty set).
  int64_t span() const;

private:
  /// Largest element + 1 the storage can hold without growing.
  void reserveUpTo(int64_t maxElement);
  void orShifted(const std::vector<uint64_t> &src, int64_t shift);
  std::vector<uint64_t> bits;
};

} // namespace tessel::search

#endif // TESSEL_SEARCH_LIB_INTSET_H
