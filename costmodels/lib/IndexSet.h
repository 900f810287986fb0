// Internal: exact finite sets of non-negative integers built as Minkowski sums of progressions.
#ifndef TESSEL_COST_LIB_INDEXSET_H
#define TESSEL_COST_LIB_INDEXSET_H

#include <cstdint>
#include <vector>

namespace tessel::cost {

/// A finite set of integers whose minimum is 0 (all sizes used here are translation invariant).
/// Held as an arithmetic progression {0, step, ..., (count-1)*step} when it is one (the common
/// case, no allocation) and as a bitset otherwise.
class IndexSet {
public:
  /// The set {0}.
  IndexSet() = default;
  /// {0, step, ..., (count-1)*step}.
  static IndexSet progression(int64_t step, int64_t count);

  /// this := this (+) {0, step, ..., (count-1)*step} (Minkowski sum).
  void addProgression(int64_t step, int64_t count);
  /// this := this (+) other.
  void add(const IndexSet &other);

  int64_t size() const;
  /// |S intersect (S + delta)|.
  int64_t overlap(int64_t delta) const;
  /// (S + delta) \ S, translated so that its minimum is 0 (size 0 when empty).
  IndexSet shiftDifference(int64_t delta) const;
  /// |this (+) other| without building the sum when both are progressions.
  int64_t sumSize(const IndexSet &other) const;

  bool isProgression() const { return bits.empty(); }
  bool isPoint() const { return bits.empty() && count == 1; }

private:
  void toBits(std::vector<uint64_t> &out) const;
  void fromBits(std::vector<uint64_t> &&in);

  int64_t step = 1;
  int64_t count = 1;
  /// Non-empty iff the set is not a progression; bit k set <=> k in the set.
  std::vector<uint64_t> bits;
};

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_INDEXSET_H
