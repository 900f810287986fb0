// Bitset sets of small non-negative integers and sizes of Minkowski sums of progressions.
#include "IntSet.h"

#include <algorithm>
#include <bit>

namespace tessel::search {

namespace {

/// Population count without relying on a POPCNT instruction being enabled.
inline int64_t bitCount(uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<int64_t>((x * 0x0101010101010101ULL) >> 56);
}

int64_t gcd(int64_t a, int64_t b) {
  while (b) {
    int64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

} // namespace

int64_t progressionSumSize(const Progression *progs, size_t n) {
  Progression live[16];
  size_t count = 0;
  int64_t g = 0;
  for (size_t i = 0; i < n; ++i)
    if (progs[i].count > 1 && progs[i].step > 0) {
      if (count == 16) {
        count = 17;
        break;
      }
      live[count++] = progs[i];
      g = gcd(g, progs[i].step);
    }
  if (count == 0)
    return 1;
  if (count == 1)
    return live[0].count;
  if (count <= 16) {
    // Steps ascending: while each step is at most the interval built so far, the sum stays
    // an interval (in units of the steps' gcd).
    std::sort(live, live + count,
              [](const Progression &a, const Progression &b) { return a.step < b.step; });
    int64_t width = 1;
    bool interval = true;
    for (size_t i = 0; i < count && interval; ++i) {
      int64_t step = live[i].step / g;
      interval = step <= width;
      if (interval)
        width += (live[i].count - 1) * step;
    }
    if (interval)
      return width;
    if (count == 2 && live[1].step % live[0].step == 0) {
      // a.step * ([0, a.count) + q [0, b.count)): disjoint copies when q > a.count.
      int64_t q = live[1].step / live[0].step;
      return q <= live[0].count ? live[0].count + q * (live[1].count - 1)
                                : live[0].count * live[1].count;
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
    n += bitCount(w);
  return n;
}

bool IntSet::isPoint() const { return size() == 1; }

int64_t IntSet::span() const {
  for (size_t i = bits.size(); i-- > 0;)
    if (bits[i])
      return static_cast<int64_t>(i * 64) + 63 - std::countl_zero(bits[i]) + 1;
  return 0;
}

int64_t IntSet::overlap(int64_t delta) const {
  if (delta < 0)
    delta = -delta;
  // Word i of the set shifted up by delta, built on the fly.
  size_t wordShift = static_cast<size_t>(delta / 64);
  unsigned bitShift = static_cast<unsigned>(delta % 64);
  int64_t n = 0;
  for (size_t i = wordShift; i < bits.size(); ++i) {
    uint64_t shifted = bits[i - wordShift] << bitShift;
    if (bitShift && i > wordShift)
      shifted |= bits[i - wordShift - 1] >> (64 - bitShift);
    n += bitCount(bits[i] & shifted);
  }
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
