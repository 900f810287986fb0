// Bitset sets of small non-negative integers and sizes of Minkowski sums of progressions.
#include "IntSet.h"

#include <algorithm>
#include <bit>

namespace tessel::search {

int64_t progressionSumSize(const Progression *progs, size_t n) {
  Progression live[2];
  size_t count = 0;
  for (size_t i = 0; i < n; ++i)
    if (progs[i].count > 1) {
      if (count == 2) {
        count = 3;
        break;
      }
      live[count++] = progs[i];
    }
  if (count == 0)
    return 1;
  if (count == 1)
    return live[0].count;
  if (count == 2) {
    Progression a = live[0], b = live[1];
    if (a.step > b.step)
      std::swap(a, b);
    if (b.step % a.step == 0) {
      // a.step * ([0, a.count) + q [0, b.count)): contiguous when q <= a.count, else disjoint.
      int64_t q = b.step / a.step;
      return q <= a.count ? a.count + q * (b.count - 1) : a.count * b.count;
    }
  }
  IntSet set;
  for (size_t i = 0; i < n; ++i)
    if (progs[i].count > 1)
      set.add(progs[i]);
  return set.size();
}

void IntSet::reserveUpTo(int64_t maxElement) {
  size_t words = static_cast<size_t>(maxElement / 64 + 1);
  if (bits.size() < words)
    bits.resize(words, 0);
}

void IntSet::orShifted(const std::vector<uint64_t> &src, int64_t shift) {
  size_t wordShift = static_cast<size_t>(shift / 64);
  unsigned bitShift = static_cast<unsigned>(shift % 64);
  for (size_t i = src.size(); i-- > 0;) {
    if (!src[i])
      continue;
    size_t to = i + wordShift;
    if (to < bits.size())
      bits[to] |= src[i] << bitShift;
    if (bitShift && to + 1 < bits.size())
      bits[to + 1] |= src[i] >> (64 - bitShift);
  }
}

void IntSet::add(Progression p) {
  if (p.count <= 1 || p.step == 0)
    return;
  int64_t top = static_cast<int64_t>(bits.size()) * 64 - 1;
  reserveUpTo(top + (p.count - 1) * p.step);
  std::vector<uint64_t> base = bits;
  for (int64_t k = 1; k < p.count; ++k)
    orShifted(base, k * p.step);
}

void IntSet::add(const IntSet &other) {
  std::vector<uint64_t> base = bits;
  int64_t top = static_cast<int64_t>(other.bits.size()) * 64 - 1;
  reserveUpTo(static_cast<int64_t>(bits.size()) * 64 - 1 + top);
  std::fill(bits.begin(), bits.end(), 0);
  for (size_t w = 0; w < other.bits.size(); ++w)
    for (uint64_t word = other.bits[w]; word; word &= word - 1)
      orShifted(base, static_cast<int64_t>(w * 64) + std::countr_zero(word));
}

int64_t IntSet::size() const {
  int64_t n = 0;
  for (uint64_t w : bits)
    n += std::popcount(w);
  return n;
}

bool IntSet::isPoint() const { return size() == 1; }

int64_t IntSet::overlap(int64_t delta) const {
  if (delta < 0)
    delta = -delta;
  IntSet shifted;
  shifted.bits.assign(bits.size(), 0);
  shifted.orShifted(bits, delta);
  int64_t n = 0;
  for (size_t i = 0; i < bits.size(); ++i)
    n += std::popcount(bits[i] & shifted.bits[i]);
  return n;
}

int64_t IntSet::shiftDifferenceSumSize(int64_t delta, const IntSet &other) const {
  // (S + delta) \ S, translated by |delta| when delta < 0: S \ (S + |delta|).
  int64_t shift = delta < 0 ? -delta : delta;
  IntSet moved;
  moved.bits.assign(bits.size() + static_cast<size_t>(shift / 64) + 1, 0);
  moved.orShifted(bits, shift);
  IntSet diff;
  diff.bits.assign(moved.bits.size(), 0);
  for (size_t i = 0; i < diff.bits.size(); ++i) {
    uint64_t s = i < bits.size() ? bits[i] : 0;
    diff.bits[i] = delta >= 0 ? moved.bits[i] & ~s : s & ~moved.bits[i];
  }
  bool empty = std::all_of(diff.bits.begin(), diff.bits.end(), [](uint64_t w) { return !w; });
  if (empty)
    return 0;
  diff.add(other);
  return diff.size();
}

} // namespace tessel::search
