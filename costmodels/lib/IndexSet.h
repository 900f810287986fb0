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
  void addProgression(int64_t s, int64_t k) {
    if (!addProgressionFast(s, k))
      addSlow(progression(s, k));
  }
  /// this := this (+) other.
  void add(const IndexSet &other) {
    if (!other.bits.empty() || !addProgressionFast(other.step, other.count))
      addSlow(other);
  }

  int64_t size() const { return count; }
  /// |S intersect (S + delta)|.
  int64_t overlap(int64_t delta) const {
    if (!bits.empty())
      return overlapBits(delta);
    if (count == 0)
      return 0;
    if (delta == 0)
      return count;
    if (delta < 0)
      delta = -delta;
    int64_t s;
    if (count == 1 || !divides(delta, step, s))
      return 0;
    return s >= count ? 0 : count - s;
  }
  /// (S + delta) \ S, translated so that its minimum is 0 (size 0 when empty).
  IndexSet shiftDifference(int64_t delta) const;
  /// |other (+) ((S + delta) \ S)|, without building the difference when S is a progression.
  int64_t shiftDifferenceSumSize(int64_t delta, const IndexSet &other) const {
    if (!bits.empty())
      return other.sumSize(shiftDifference(delta));
    if (delta == 0 || count == 0)
      return 0;
    int64_t q;
    if (count == 1 || !divides(delta < 0 ? -delta : delta, step, q) || q >= count)
      return other.sumSize(*this); // the moved set misses S entirely
    return other.sumSize(progression(step, q));
  }
  /// |this (+) other| without building the sum when both are progressions.
  int64_t sumSize(const IndexSet &other) const {
    if (count == 0 || other.count == 0)
      return 0;
    if (isPoint())
      return other.count;
    if (other.isPoint())
      return count;
    if (bits.empty() && other.bits.empty()) {
      int64_t g = step, n = count, h = other.step, k = other.count, q;
      if (divides(h, g, q))
        return q >= n ? n * k : (k - 1) * q + n;
      if (divides(g, h, q))
        return q >= k ? n * k : (n - 1) * q + k;
    }
    return sumSizeSlow(other);
  }

  bool isProgression() const { return bits.empty(); }
  bool isPoint() const { return bits.empty() && count == 1; }

private:
  /// The closed forms of addProgression; false when the sum needs the general path.
  bool addProgressionFast(int64_t s, int64_t k) {
    if (!bits.empty() || count == 0 || k <= 0)
      return false;
    if (k == 1)
      return true;
    if (count == 1) {
      step = s;
      count = k;
      return true;
    }
    int64_t q;
    if (!divides(s, step, q) || q > count)
      return false;
    count += (k - 1) * q;
    return true;
  }
  /// quotient := a / b (b > 0); whether b divides a. Unit steps (the common case) need no
  /// division, which costs tens of cycles.
  static bool divides(int64_t a, int64_t b, int64_t &quotient) {
    if (b == 1) {
      quotient = a;
      return true;
    }
    quotient = a / b;
    return quotient * b == a;
  }
  void addSlow(const IndexSet &other);
  int64_t overlapBits(int64_t delta) const;
  int64_t sumSizeSlow(const IndexSet &other) const;
  void toBits(std::vector<uint64_t> &out) const;
  void fromBits(std::vector<uint64_t> &&in);

  int64_t step = 1;
  int64_t count = 1;
  /// Non-empty iff the set is not a progression; bit k set <=> k in the set.
  std::vector<uint64_t> bits;
};

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_INDEXSET_H
