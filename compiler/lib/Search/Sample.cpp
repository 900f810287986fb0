// Random points and neighbours of a mapspace.
#include "Sample.h"

#include <algorithm>

namespace tessel::search {

using namespace cost;

uint64_t Rng::next() {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t streamSeed(uint64_t seed, uint64_t stream) {
  Rng rng(seed ^ (0xd1b54a32d192ed03ULL * (stream + 1)));
  return rng.next();
}

namespace {

template <typename T> void shuffle(std::vector<T> &v, Rng &rng) {
  for (size_t i = v.size(); i > 1; --i)
    std::swap(v[i - 1], v[rng.below(i)]);
}

template <typename T> const T &pick(const std::vector<T> &v, Rng &rng) {
  return v[rng.below(v.size())];
}

std::vector<int> liveDims(const Mapspace &space) {
  std::vector<int> dims;
  for (int d = 0; d < space.numDims(); ++d)
    if (space.bound(d) > 1)
      dims.push_back(d);
  return dims;
}

/// Orders list exactly the dims with a temporal factor above 1 (new ones at random places),
/// and the constrained dims of a level follow the constraint's relative order.
void fixOrders(const Mapspace &space, Rng &rng, Point &point) {
  int D = space.numDims();
  for (int l = 0; l < space.numLevels(); ++l) {
    std::vector<int> &order = point.order[l];
    order.erase(std::remove_if(order.begin(), order.end(),
                               [&](int d) { return point.temporal[l * D + d] <= 1; }),
                order.end());
    for (int d = 0; d < D; ++d)
      if (point.temporal[l * D + d] > 1 && std::find(order.begin(), order.end(), d) == order.end())
        order.insert(order.begin() + static_cast<long>(rng.below(order.size() + 1)), d);
    const std::vector<int> &cons = space.orderConstraint(l);
    std::vector<size_t> slots;
    std::vector<int> constrained;
    for (size_t i = 0; i < order.size(); ++i)
      if (std::find(cons.begin(), cons.end(), order[i]) != cons.end()) {
        slots.push_back(i);
        constrained.push_back(order[i]);
      }
    std::sort(constrained.begin(), constrained.end(), [&](int a, int b) {
      return std::find(cons.begin(), cons.end(), a) < std::find(cons.begin(), cons.end(), b);
    });
    for (size_t i = 0; i < slots.size(); ++i)
      order[slots[i]] = constrained[i];
  }
}

bool fitsLevel(const Mapspace &space, const Point &point, int l) {
  int D = space.numDims(), L = space.numLevels();
  int64_t capacity = space.arch().levels[l].capacityWords;
  if (capacity == 0)
    return true;
  std::vector<int64_t> extent(D, 1);
  for (int d = 0; d < D; ++d)
    for (int j = l; j < L; ++j)
      extent[d] *= point.temporal[j * D + d] * point.spatial[j * D + d];
  TensorMask keep = space.arch().levels[l].keepMask & ~point.bypass[l];
  int64_t words = 0;
  for (int t = 0; t < space.numTensors(); ++t)
    if (keep >> t & 1)
      words += space.tileWords(t, l, extent.data());
  return words <= capacity;
}

} // namespace

void samplePoint(const Mapspace &space, Rng &rng, Point &point) {
  int L = space.numLevels(), D = space.numDims();
  point.temporal.assign(static_cast<size_t>(L * D), 1);
  point.spatial.assign(static_cast<size_t>(L * D), 1);
  point.bypass.assign(L, 0);
  point.order.assign(L, {});
  TensorMask all = space.numTensors() >= 32 ? ~TensorMask(0)
                                            : (TensorMask(1) << space.numTensors()) - 1;
  for (int l = 1; l < L; ++l) {
    TensorMask keep = space.forcedKeep(l);
    TensorMask free = space.keepable(l) & ~keep;
    for (int t = 0; t < space.numTensors(); ++t)
      if ((free >> t & 1) && rng.below(2))
        keep |= TensorMask(1) << t;
    point.bypass[l] = space.arch().levels[l].keepMask & all & ~keep;
  }
  std::vector<int> dims = liveDims(space);
  for (int l = 0; l < L; ++l) {
    int64_t roomX = space.fanX(l), roomY = space.fanY(l);
    if (roomX * roomY == 1)
      continue;
    shuffle(dims, rng);
    for (int d : dims) {
      int64_t residual = space.bound(d);
      for (int j = 0; j < l; ++j)
        residual /= point.spatial[j * D + d];
      int64_t x = 1, y = 1;
      if (space.allowX(l) >> d & 1) {
        std::vector<int64_t> opts;
        for (int64_t f : space.divisorsOf(d, residual))
          if (f <= roomX)
            opts.push_back(f);
        x = pick(opts, rng);
      }
      if (space.allowY(l) >> d & 1) {
        std::vector<int64_t> opts;
        for (int64_t f : space.divisorsOf(d, residual / x))
          if (f <= roomY)
            opts.push_back(f);
        y = pick(opts, rng);
      }
      roomX /= x;
      roomY /= y;
      point.spatial[l * D + d] = x * y;
    }
  }
  for (int l = L - 1; l >= 0; --l) {
    for (int attempt = 0; attempt < 8; ++attempt) {
      for (int d : dims) {
        int64_t residual = space.bound(d);
        for (int j = 0; j < L; ++j)
          residual /= point.spatial[j * D + d] * (j > l ? point.temporal[j * D + d] : 1);
        point.temporal[l * D + d] = l == 0 ? residual : pick(space.divisorsOf(d, residual), rng);
      }
      if (l == 0 || fitsLevel(space, point, l))
        break;
      if (attempt == 7)
        for (int d : dims)
          point.temporal[l * D + d] = 1;
    }
  }
  fixOrders(space, rng, point);
}

bool neighbour(const Mapspace &space, Rng &rng, const Point &from, Point &to) {
  int L = space.numLevels(), D = space.numDims();
  to = from;
  uint64_t move = rng.below(100);
  if (move < 60) {
    std::vector<int> dims = liveDims(space);
    if (dims.empty())
      return false;
    int d = pick(dims, rng);
    // Slots: 2 * l for level l's temporal factor, 2 * l + 1 for its fan-out's spatial factor.
    std::vector<int> sources, targets;
    for (int l = 0; l < L; ++l) {
      if (to.temporal[l * D + d] > 1)
        sources.push_back(2 * l);
      if (to.spatial[l * D + d] > 1)
        sources.push_back(2 * l + 1);
      targets.push_back(2 * l);
      if ((space.allowX(l) | space.allowY(l)) >> d & 1)
        targets.push_back(2 * l + 1);
    }
    if (sources.empty() || targets.size() < 2)
      return false;
    int src = pick(sources, rng), dst = src;
    while (dst == src)
      dst = pick(targets, rng);
    auto slot = [&](int s) -> int64_t & {
      return s % 2 ? to.spatial[(s / 2) * D + d] : to.temporal[(s / 2) * D + d];
    };
    int64_t f = slot(src), prime = 2;
    while (f % prime != 0)
      ++prime;
    slot(src) /= prime;
    slot(dst) *= prime;
    if (dst % 2) {
      int l = dst / 2;
      std::vector<int64_t> x(D), y(D);
      if (!space.splitSpatial(l, &to.spatial[l * D], x.data(), y.data()))
        return false;
    }
  } else if (move < 85) {
    std::vector<int> levels;
    for (int l = 0; l < L; ++l)
      if (to.order[l].size() >= 2)
        levels.push_back(l);
    if (levels.empty())
      return false;
    std::vector<int> &order = to.order[pick(levels, rng)];
    size_t i = rng.below(order.size()), j = rng.below(order.size() - 1);
    std::swap(order[i], order[j >= i ? j + 1 : j]);
  } else {
    std::vector<int> levels;
    for (int l = 1; l < L; ++l)
      if (space.keepable(l) & ~space.forcedKeep(l))
        levels.push_back(l);
    if (levels.empty())
      return false;
    int l = pick(levels, rng);
    std::vector<int> tensors;
    for (int t = 0; t < space.numTensors(); ++t)
      if ((space.keepable(l) & ~space.forcedKeep(l)) >> t & 1)
        tensors.push_back(t);
    to.bypass[l] ^= TensorMask(1) << pick(tensors, rng);
  }
  fixOrders(space, rng, to);
  return true;
}

} // namespace tessel::search
