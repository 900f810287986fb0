// Internal: a set of small non-negative integers as a bit vector, for the general-path counts.
#ifndef TESSEL_COST_LIB_BITSET_H
#define TESSEL_COST_LIB_BITSET_H

#include <bit>
#include <cstdint>
#include <vector>

namespace tessel::cost {

/// A subset of [0, width). Operations drop elements that would fall outside [0, width).
class BitSet {
public:
  BitSet() = default;
  explicit BitSet(int64_t width) { reset(width); }

  /// The empty subset of [0, width).
  void reset(int64_t width) {
    bits = width;
    words.assign(static_cast<size_t>((width + 63) / 64), 0);
  }
  int64_t width() const { return bits; }
  void set(int64_t i) {
    if (i >= 0 && i < bits)
      words[static_cast<size_t>(i >> 6)] |= uint64_t(1) << (i & 63);
  }
  bool test(int64_t i) const {
    return i >= 0 && i < bits && (words[static_cast<size_t>(i >> 6)] >> (i & 63) & 1);
  }
  int64_t count() const {
    int64_t n = 0;
    for (uint64_t w : words)
      n += std::popcount(w);
    return n;
  }
  bool empty() const {
    for (uint64_t w : words)
      if (w)
        return false;
    return true;
  }
  void clear() { words.assign(words.size(), 0); }
  /// this := this | other (same width).
  void orWith(const BitSet &other) {
    for (size_t i = 0; i < words.size(); ++i)
      words[i] |= other.words[i];
  }
  /// this := this \ other (same width).
  void andNot(const BitSet &other) {
    for (size_t i = 0; i < words.size(); ++i)
      words[i] &= ~other.words[i];
  }
  /// this := this | (other + shift), shift >= 0; `other` must not be this set.
  void orShifted(const BitSet &other, int64_t shift) {
    size_t ws = static_cast<size_t>(shift >> 6), n = words.size();
    int bs = static_cast<int>(shift & 63);
    for (size_t i = 0; i < other.words.size() && i + ws < n; ++i) {
      uint64_t w = other.words[i];
      words[i + ws] |= w << bs;
      if (bs && i + ws + 1 < n)
        words[i + ws + 1] |= w >> (64 - bs);
    }
    trim();
  }
  /// this := this (+) {0, step, ..., (len-1) step} (Minkowski sum); empty when len <= 0.
  void addProgression(int64_t step, int64_t len) {
    if (len <= 0) {
      clear();
      return;
    }
    if (step == 0 || len == 1)
      return;
    // Doubling: after each round the set is this (+) {0, ..., (have-1) step}.
    BitSet copy;
    for (int64_t have = 1; have < len;) {
      int64_t add = have < len - have ? have : len - have;
      copy = *this;
      orShifted(copy, add * step);
      have += add;
    }
  }
  /// this := this (+) (scale * other) (Minkowski sum; `other` must not be this set).
  void addScaled(const BitSet &other, int64_t scale) {
    if (other.empty()) {
      clear();
      return;
    }
    if (scale == 0)
      return;
    BitSet from = *this;
    clear();
    for (int64_t y = 0; y < other.bits; ++y)
      if (other.test(y))
        orShifted(from, scale * y);
  }

private:
  /// Clears the bits at and above `bits` in the last word.
  void trim() {
    if (bits & 63)
      words.back() &= (uint64_t(1) << (bits & 63)) - 1;
  }

  std::vector<uint64_t> words;
  int64_t bits = 0;
};

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_BITSET_H
