// Exact 1-D index sets: closed forms for progressions, bitsets for everything else.
#include "IndexSet.h"

#include <bit>
#include <cstdlib>
#include <utility>

namespace tessel::cost {

namespace {

/// dst |= src << shift (shift >= 0); dst must already hold enough words.
void orShifted(std::vector<uint64_t> &dst, const std::vector<uint64_t> &src, int64_t shift) {
  size_t wordShift = static_cast<size_t>(shift / 64);
  unsigned bitShift = static_cast<unsigned>(shift % 64);
  for (size_t i = 0; i < src.size(); ++i) {
    if (!src[i])
      continue;
    size_t j = i + wordShift;
    if (j < dst.size())
      dst[j] |= src[i] << bitShift;
    if (bitShift && j + 1 < dst.size())
      dst[j + 1] |= src[i] >> (64 - bitShift);
  }
}

int64_t popcount(const std::vector<uint64_t> &bits) {
  int64_t n = 0;
  for (uint64_t w : bits)
    n += std::popcount(w);
  return n;
}

/// Shifts the set (given as bits) left by `shift` >= 0 into a vector of `words` words.
std::vector<uint64_t> shifted(const std::vector<uint64_t> &src, int64_t shift, size_t words) {
  std::vector<uint64_t> out(words, 0);
  orShifted(out, src, shift);
  return out;
}

} // namespace

IndexSet IndexSet::progression(int64_t step, int64_t count) {
  IndexSet s;
  s.step = count > 1 ? step : 1;
  s.count = count;
  return s;
}

void IndexSet::toBits(std::vector<uint64_t> &out) const {
  if (!bits.empty()) {
    out = bits;
    return;
  }
  out.assign(count > 0 ? static_cast<size_t>(((count - 1) * step) / 64 + 1) : 0, 0);
  for (int64_t k = 0; k < count; ++k)
    out[static_cast<size_t>(k * step / 64)] |= uint64_t(1) << ((k * step) % 64);
}

void IndexSet::fromBits(std::vector<uint64_t> &&in) {
  // Normalise: minimum to 0, then recognise a progression.
  int64_t minBit = -1;
  for (size_t i = 0; i < in.size(); ++i)
    if (in[i]) {
      minBit = static_cast<int64_t>(i) * 64 + std::countr_zero(in[i]);
      break;
    }
  bits.clear();
  if (minBit < 0) {
    step = 1;
    count = 0;
    return;
  }
  if (minBit > 0) {
    std::vector<uint64_t> down(in.size(), 0);
    for (size_t i = 0; i < in.size(); ++i)
      for (uint64_t w = in[i]; w; w &= w - 1) {
        int64_t b = static_cast<int64_t>(i) * 64 + std::countr_zero(w) - minBit;
        down[static_cast<size_t>(b / 64)] |= uint64_t(1) << (b % 64);
      }
    in = std::move(down);
  }
  while (!in.empty() && in.back() == 0)
    in.pop_back();
  int64_t n = popcount(in);
  int64_t maxBit = static_cast<int64_t>(in.size() - 1) * 64 + 63 - std::countl_zero(in.back());
  if (n == 1) {
    step = 1;
    count = 1;
    return;
  }
  if (maxBit % (n - 1) == 0) {
    int64_t g = maxBit / (n - 1);
    bool isProg = true;
    for (int64_t k = 0; k < n && isProg; ++k)
      isProg = (in[static_cast<size_t>(k * g / 64)] >> ((k * g) % 64)) & 1;
    if (isProg) {
      step = g;
      count = n;
      return;
    }
  }
  bits = std::move(in);
  count = n;
  step = 1;
}

void IndexSet::addSlow(const IndexSet &other) {
  if (size() == 0 || other.isPoint())
    return;
  if (other.size() == 0) {
    *this = other;
    return;
  }
  if (isProgression() && other.isProgression()) {
    int64_t g = step, n = count, h = other.step, k = other.count;
    if (n == 1) {
      *this = other;
      return;
    }
    if (h % g == 0 && h / g <= n) {
      count = (k - 1) * (h / g) + n;
      return;
    }
    if (g % h == 0 && g / h <= k) {
      step = h;
      count = (n - 1) * (g / h) + k;
      return;
    }
  }
  std::vector<uint64_t> a, b;
  toBits(a);
  other.toBits(b);
  if (popcount(a) < popcount(b))
    std::swap(a, b);
  int64_t maxA = static_cast<int64_t>(a.size()) * 64, maxB = static_cast<int64_t>(b.size()) * 64;
  std::vector<uint64_t> out(static_cast<size_t>((maxA + maxB) / 64 + 1), 0);
  for (size_t i = 0; i < b.size(); ++i)
    for (uint64_t w = b[i]; w; w &= w - 1)
      orShifted(out, a, static_cast<int64_t>(i) * 64 + std::countr_zero(w));
  fromBits(std::move(out));
}

int64_t IndexSet::overlapBits(int64_t delta) const {
  delta = std::llabs(delta);
  if (delta == 0)
    return count;
  std::vector<uint64_t> sh = shifted(bits, delta, bits.size());
  int64_t n = 0;
  for (size_t i = 0; i < bits.size(); ++i)
    n += std::popcount(bits[i] & sh[i]);
  return n;
}

IndexSet IndexSet::shiftDifference(int64_t delta) const {
  if (delta == 0 || count == 0)
    return progression(1, 0);
  if (isProgression()) {
    if (count == 1 || std::llabs(delta) % step != 0)
      return *this;
    int64_t s = std::llabs(delta) / step;
    return s >= count ? *this : progression(step, s);
  }
  // Work in a frame where both S and S + delta are non-negative.
  int64_t base = delta < 0 ? -delta : 0;
  size_t words = bits.size() + static_cast<size_t>(std::llabs(delta) / 64) + 1;
  std::vector<uint64_t> s = shifted(bits, base, words);
  std::vector<uint64_t> t = shifted(bits, base + delta, words);
  for (size_t i = 0; i < words; ++i)
    t[i] &= ~s[i];
  IndexSet out;
  out.fromBits(std::move(t));
  return out;
}

int64_t IndexSet::sumSizeSlow(const IndexSet &other) const {
  IndexSet sum = *this;
  sum.addSlow(other);
  return sum.size();
}

} // namespace tessel::cost
