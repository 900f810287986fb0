// The mapspace of one Problem on one Arch under MapConstraints: its axes, its canonical points
// (tilings, order classes, bypass) and their conversion to cost::Mapping.
#ifndef TESSEL_SEARCH_MAPSPACE_H
#define TESSEL_SEARCH_MAPSPACE_H

#include "tessel/cost/Constraints.h"
#include "tessel/cost/Mapping.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tessel::search {

using cost::DimMask;
using cost::TensorMask;

/// One index of a tensor: its dims (bound > 1) and their coefficients.
struct IndexTerms {
  std::vector<int> dims;
  std::vector<int64_t> coefs;
};

/// A point of the mapspace in canonical form. Per level `l` and dim `d` (row-major
/// `l * numDims + d`): the temporal factor and the spatial factor on the fan-out below the
/// level (the X/Y split of a spatial factor is not a choice: see Mapspace::splitSpatial).
/// `order[l]` lists, outer to inner, the dims whose temporal factor at `l` exceeds 1.
struct Point {
  std::vector<int64_t> temporal;
  std::vector<int64_t> spatial;
  std::vector<TensorMask> bypass;
  std::vector<std::vector<int>> order;
};

/// The stable key that breaks ties between equally good points: bypass masks, factors and
/// orders of every level, compared lexicographically.
std::vector<int64_t> pointKey(const Point &point);

/// Orders of one level that give every tensor the same reuse (docs/search.md, "Loop orders").
struct OrderClass {
  /// The lexicographically smallest member that meets the constraints (dims outer to inner).
  std::vector<int> representative;
  /// Number of permutations (meeting the constraints) in the class.
  int64_t members = 0;
};

/// The immutable description of a mapspace, built once per (problem, arch, constraints).
class Mapspace {
public:
  /// Validates the problem, the arch and the constraints; on failure returns nullptr and fills
  /// `errors` with one readable message per problem.
  static std::unique_ptr<Mapspace> create(const cost::Problem &problem, const cost::Arch &arch,
                                          const cost::MapConstraints &constraints,
                                          std::vector<std::string> &errors);

  const cost::Problem &problem() const { return prob; }
  const cost::Arch &arch() const { return hw; }
  const cost::MapConstraints &constraints() const { return cons; }
  int numLevels() const { return levels; }
  int numDims() const { return dims; }
  int numTensors() const { return tensors; }
  int64_t bound(int d) const { return bounds[d]; }
  /// Divisors of `n` (a divisor of dim d's bound), ascending.
  std::vector<int64_t> divisorsOf(int d, int64_t n) const;
  /// Dims with bound > 1.
  DimMask liveDims() const { return live; }

  /// Dims a tensor's indices use (bound > 1), and those in indices over a single such dim.
  DimMask relevant(int t) const { return rel[t]; }
  DimMask plain(int t) const { return plainDims[t]; }
  bool hasWindows(int t) const { return (rel[t] & ~plainDims[t]) != 0; }
  const std::vector<IndexTerms> &indices(int t) const { return index[t]; }
  int outputTensor() const { return output; }
  int64_t tensorElements(int t) const { return elements[t]; }
  int64_t wordsPerElement(int t, int level) const { return wpe[t * levels + level]; }

  /// Tensors level `l` may keep (keep mask minus forced bypass) and must keep.
  TensorMask keepable(int l) const { return canKeep[l]; }
  TensorMask forcedKeep(int l) const { return mustKeep[l]; }
  /// Fan-out below level l: size and the dims allowed on each axis.
  int64_t fanX(int l) const { return hw.fanOuts[l].x; }
  int64_t fanY(int l) const { return hw.fanOuts[l].y; }
  DimMask allowX(int l) const { return allowedX[l]; }
  DimMask allowY(int l) const { return allowedY[l]; }
  /// The relative order constraint of level l (dims outer to inner; may be empty).
  const std::vector<int> &orderConstraint(int l) const { return orderCons[l]; }

  /// Splits per-dim spatial factors `s` of fan-out `l` into X and Y factors that fit the
  /// fan-out and its allowed dims; false when impossible. The split is deterministic.
  bool splitSpatial(int l, const int64_t *s, int64_t *x, int64_t *y) const;

  /// The order classes of level `l` for the dims in `active` when tensors `relevantTensors`
  /// have a storage keeper below the level, and tensors `mustTrail` must have their
  /// irrelevant loops inside their relevant ones at this level (stationary constraints).
  /// Classes are listed by their representatives' lexicographic order.
  std::vector<OrderClass> orderClasses(int l, DimMask active, TensorMask relevantTensors,
                                       TensorMask mustTrail) const;

  /// The signature of order `perm` (dims outer to inner) of one level for tensors
  /// `relevantTensors`: orders with equal signatures form one class, and every order of a
  /// class gives every count the same value (docs/search.md, "Loop orders").
  std::vector<int64_t> orderSignature(const std::vector<int> &perm,
                                      TensorMask relevantTensors) const;

  /// Words the tile of tensor `t` occupies at level `l` given per-dim extents `extent`.
  int64_t tileWords(int t, int l, const int64_t *extent) const;
  /// Elements of tensor `t` in a tile with per-dim extents `extent`.
  int64_t tileElements(int t, const int64_t *extent) const;

  /// Converts a complete point to a Mapping (spatial factors split into X/Y loops).
  cost::Mapping toMapping(const Point &point) const;
  /// toMapping() into `out`, reusing its storage (no allocation once warm).
  void toMapping(const Point &point, cost::Mapping &out) const;
  /// The point of a mapping with at most one temporal loop per dim and level and the arch's
  /// number of levels (its validity is left to the cost model); nullopt otherwise.
  std::optional<Point> pointOf(const cost::Mapping &mapping) const;

  /// Whether a complete point meets the constraints' order and stationary rules
  /// (the other constraints are enforced by construction). Appends reasons to `why`.
  bool meetsOrderConstraints(const Point &point, std::vector<std::string> *why = nullptr) const;

private:
  Mapspace(const cost::Problem &problem, const cost::Arch &arch,
           const cost::MapConstraints &constraints);
  void analyse(std::vector<std::string> &errors);

  cost::Problem prob;
  cost::Arch hw;
  cost::MapConstraints cons;
  int levels = 0, dims = 0, tensors = 0, output = -1;
  DimMask live = 0;
  std::vector<int64_t> bounds;
  std::vector<std::vector<int64_t>> divisorTable;
  std::vector<DimMask> rel, plainDims;
  std::vector<std::vector<IndexTerms>> index;
  std::vector<int64_t> elements, wpe;
  std::vector<TensorMask> canKeep, mustKeep;
  std::vector<DimMask> allowedX, allowedY;
  std::vector<std::vector<int>> orderCons;
};

/// Readable, compact loop-nest form of a point, one level per line, e.g.
/// "L1 GLB     | for k/16 p/4 | spatial x: p14  y: r3 c4".
std::string describePoint(const Mapspace &space, const Point &point);

} // namespace tessel::search

#endif // TESSEL_SEARCH_MAPSPACE_H
