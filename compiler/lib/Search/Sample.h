// Internal: a seeded generator, random points of a mapspace and random neighbours (for random
// sampling and simulated annealing), and the strategies' factory functions.
#ifndef TESSEL_SEARCH_LIB_SAMPLE_H
#define TESSEL_SEARCH_LIB_SAMPLE_H

#include "tessel/Search/Mapspace.h"

#include <cstdint>

namespace tessel::search {

/// splitmix64: small, fast, identical on every platform.
class Rng {
public:
  explicit Rng(uint64_t seed) : state(seed) {}
  uint64_t next();
  /// Uniform in [0, n).
  uint64_t below(uint64_t n) { return n <= 1 ? 0 : next() % n; }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
  uint64_t state;
};

/// A seed for stream `stream` of a search seeded with `seed`.
uint64_t streamSeed(uint64_t seed, uint64_t stream);

/// A random point of the mapspace: random bypass, spatial factors that fit the fan-outs,
/// temporal factors drawn inner levels first (redrawn a few times when a tile overflows), and
/// random orders that meet the order constraints. Capacity is not guaranteed.
void samplePoint(const Mapspace &space, Rng &rng, Point &point);

/// A random neighbour of `from`: a prime factor of one dim moved between two slots, two loops
/// of a level swapped, or one tensor's keep/bypass at one level flipped. False when the move
/// found nothing to change or broke a fan-out.
bool neighbour(const Mapspace &space, Rng &rng, const Point &from, Point &to);

} // namespace tessel::search

#endif // TESSEL_SEARCH_LIB_SAMPLE_H
