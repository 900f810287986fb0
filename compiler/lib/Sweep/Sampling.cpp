// Seeded samples of a design space: Latin hypercube and uniform random (platform independent).
#include "tessel/Sweep/DesignSpace.h"

#include "tessel/Sweep/Values.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <set>
#include <unordered_set>

namespace tessel::sweep {

namespace {

/// Draws from std::mt19937_64 (fully specified by the standard) without the standard
/// distributions, whose algorithms differ between library implementations.
class Rng {
public:
  explicit Rng(uint64_t seed) : gen(seed) {}
  /// Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(gen() >> 11) * 0x1.0p-53; }
  /// Uniform in [0, k), unbiased; k > 0.
  uint64_t below(uint64_t k) {
    uint64_t threshold = (0 - k) % k;
    for (;;) {
      uint64_t r = gen();
      if (r >= threshold)
        return r % k;
    }
  }

private:
  std::mt19937_64 gen;
};

double valueAt(const ParamAxis &a, double u) {
  if (a.continuous)
    return canonicalValue(a.lo + u * (a.hi - a.lo));
  size_t k =
      std::min(static_cast<size_t>(u * static_cast<double>(a.values.size())), a.values.size() - 1);
  return a.values[k];
}

/// Keeps the first point of each key and numbers the survivors 0, 1, ...
std::vector<DesignPoint> distinct(std::vector<DesignPoint> points) {
  std::unordered_set<std::string> seen;
  std::vector<DesignPoint> out;
  for (DesignPoint &p : points) {
    std::sort(p.params.begin(), p.params.end());
    if (!seen.insert(p.key()).second)
      continue;
    p.index = out.size();
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<DesignPoint> latinHypercube(const DesignSpace &space, uint64_t n, Rng &rng) {
  std::vector<DesignPoint> points(n);
  for (const ParamAxis &a : space.axes) {
    std::vector<uint64_t> strata(n);
    std::iota(strata.begin(), strata.end(), 0);
    for (uint64_t i = n; i > 1; --i)
      std::swap(strata[i - 1], strata[rng.below(i)]);
    for (uint64_t s = 0; s < n; ++s) {
      double u = (static_cast<double>(strata[s]) + rng.unit()) / static_cast<double>(n);
      points[s].params.emplace_back(a.name, valueAt(a, std::min(u, std::nextafter(1.0, 0.0))));
    }
  }
  return points;
}

std::vector<DesignPoint> randomPoints(const DesignSpace &space, uint64_t n, Rng &rng) {
  uint64_t total = space.cartesianSize();
  std::vector<DesignPoint> points;
  if (total != 0 && total != UINT64_MAX) {
    // Distinct cartesian indices (Robert Floyd's algorithm), kept in the order drawn.
    std::vector<uint64_t> order;
    if (n >= total) {
      order.resize(total);
      std::iota(order.begin(), order.end(), 0);
      for (uint64_t i = total; i > 1; --i)
        std::swap(order[i - 1], order[rng.below(i)]);
    } else {
      std::unordered_set<uint64_t> chosen;
      for (uint64_t j = total - n; j < total; ++j) {
        uint64_t t = rng.below(j + 1);
        uint64_t pick = chosen.count(t) ? j : t;
        chosen.insert(pick);
        order.push_back(pick);
      }
    }
    for (uint64_t i : order)
      points.push_back(cartesianPoint(space, i));
    return points;
  }
  points.resize(n);
  for (DesignPoint &p : points)
    for (const ParamAxis &a : space.axes)
      p.params.emplace_back(a.name, a.continuous ? valueAt(a, rng.unit())
                                                 : a.values[rng.below(a.values.size())]);
  return points;
}

} // namespace

std::vector<DesignPoint> samplePoints(const DesignSpace &space, uint64_t n, uint64_t seed,
                                      SampleMethod method) {
  Rng rng(seed);
  uint64_t total = space.cartesianSize();
  if (total != 0 && total != UINT64_MAX && n >= total)
    return distinct(randomPoints(space, total, rng));
  return distinct(method == SampleMethod::LatinHypercube ? latinHypercube(space, n, rng)
                                                         : randomPoints(space, n, rng));
}

} // namespace tessel::sweep
