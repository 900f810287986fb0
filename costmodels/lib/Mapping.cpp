// Mapping validity (checkMapping) and printing.
#include "tessel/cost/Mapping.h"

#include "IndexSet.h"

#include <algorithm>
#include <cstdint>
#include <sstream>

namespace tessel::cost {


namespace {

std::string levelName(const Arch &arch, size_t level) {
  return "level " + std::to_string(level) + " '" + arch.levels[level].name + "'";
}

/// Words the largest tile of `tensor` occupies at a level whose per-dim tile extents are
/// `extent`: the first tile, whose range on each dim is the extent clipped to the bound.
int64_t tileWords(const Problem &problem, int tensor, const int64_t *extent, int wordBits) {
  int64_t size = 1;
  auto clipped = [&](size_t d) { return std::min(extent[d], problem.dims[d].bound); };
  for (const std::vector<int64_t> &coeffs : problem.tensors[tensor].projection) {
    int varying = 0;
    int64_t product = 1;
    for (size_t d = 0; d < coeffs.size(); ++d)
      if (coeffs[d] && clipped(d) > 1) {
        ++varying;
        product *= clipped(d);
      }
    if (varying <= 1) { // one dim: coef * [0, extent) has `extent` elements
      size *= product;
      continue;
    }
    IndexSet set;
    for (size_t d = 0; d < coeffs.size(); ++d)
      if (coeffs[d] && clipped(d) > 1)
        set.addProgression(coeffs[d], clipped(d));
    size *= set.size();
  }
  return size * wordsPerElement(problem, tensor, wordBits);
}

/// a * b for factors >= 1, saturating at kSaturated (far above any valid product).
constexpr int64_t kSaturated = INT64_MAX / 4;
int64_t saturatingMul(int64_t a, int64_t b) {
  int64_t r;
  return __builtin_mul_overflow(a, b, &r) || r > kSaturated ? kSaturated : r;
}

/// What is wrong when the factors of dim `d` multiply to `product` (exact below kSaturated),
/// or "" when they cover the bound as docs/model.md section 12 allows: exactly, or with the
/// outermost loop over the dim taking the fewest iterations that cover it.
std::string factorViolation(const Problem &problem, const Arch &arch, const Mapping &mapping,
                            size_t d, int64_t product) {
  const Dim &dim = problem.dims[d];
  if (product == dim.bound)
    return {};
  std::string head = "factors of dim '" + dim.name + "' multiply to ";
  if (product < dim.bound)
    return head + std::to_string(product) + ", bound is " + std::to_string(dim.bound);
  // The outermost loop over d in nest order (factors of 1 are no loops) and the product of the
  // other factors of d.
  int64_t top = 1, others = 1;
  size_t topLevel = 0;
  bool topSpatial = false;
  auto visit = [&](size_t level, int dim2, int64_t factor, bool spatial) {
    if (static_cast<size_t>(dim2) != d || factor == 1)
      return;
    if (top == 1) {
      top = factor;
      topLevel = level;
      topSpatial = spatial;
    } else {
      others = saturatingMul(others, factor);
    }
  };
  for (size_t l = 0; l < mapping.levels.size(); ++l) {
    for (const TemporalLoop &t : mapping.levels[l].temporal)
      visit(l, t.dim, t.factor, false);
    for (const SpatialLoop &s : mapping.levels[l].spatial)
      visit(l, s.dim, s.factor, true);
  }
  int64_t needed = (dim.bound + others - 1) / others;
  if (top == needed)
    return {};
  return head +
         (product >= kSaturated ? std::string("far more than its bound ")
                                : std::to_string(product) + ", more than its bound ") +
         std::to_string(dim.bound) + ": the outermost loop over '" + dim.name + "' (" +
         (topSpatial ? "spatial, " : "") + levelName(arch, topLevel) + ", factor " +
         std::to_string(top) + ") must take ceil(" + std::to_string(dim.bound) + " / " +
         std::to_string(others) + ") = " + std::to_string(needed) +
         " iterations, the fewest that cover the bound (imperfect factorisation)";
}

} // namespace

std::vector<std::string> checkMapping(const Problem &problem, const Arch &arch,
                                      const Mapping &mapping) {
  std::vector<std::string> errors = validateProblem(problem);
  for (std::string &e : validateArch(arch, problem))
    errors.push_back(std::move(e));
  if (!errors.empty())
    return errors;
  return checkValidatedMapping(problem, arch, mapping);
}

std::string capacityViolation(const Arch &arch, size_t level, int64_t words) {
  int64_t capacity = arch.levels[level].capacityWords;
  if (capacity == 0 || words <= capacity)
    return {};
  return levelName(arch, level) + " needs " + std::to_string(words) +
         " words for its tiles, capacity is " + std::to_string(capacity);
}

std::vector<std::string> checkValidatedMapping(const Problem &problem, const Arch &arch,
                                               const Mapping &mapping, bool checkCapacity) {
  std::vector<std::string> errors;
  size_t numLevels = arch.levels.size(), numDims = problem.dims.size();
  if (mapping.levels.size() != numLevels) {
    errors.push_back("mapping has " + std::to_string(mapping.levels.size()) +
                     " levels, arch has " + std::to_string(numLevels));
    return errors;
  }
  auto checkLoop = [&](size_t level, int dim, int64_t factor) {
    if (dim < 0 || static_cast<size_t>(dim) >= numDims) {
      errors.push_back(levelName(arch, level) + " has a loop over unknown dim #" +
                       std::to_string(dim));
      return false;
    }
    if (factor < 1 || factor > problem.dims[dim].bound) {
      errors.push_back(levelName(arch, level) + " has factor " + std::to_string(factor) +
                       " for dim '" + problem.dims[dim].name + "'");
      return false;
    }
    return true;
  };
  for (size_t l = 0; l < numLevels; ++l) {
    for (const TemporalLoop &t : mapping.levels[l].temporal)
      checkLoop(l, t.dim, t.factor);
    for (const SpatialLoop &s : mapping.levels[l].spatial)
      checkLoop(l, s.dim, s.factor);
  }
  if (!errors.empty())
    return errors;

  // extent[l * numDims + d]: product of the factors of dim d at levels >= l (saturating far
  // above the bound, so exact for every product a valid mapping can have).
  int64_t extentBuf[256];
  std::vector<int64_t> extentVec;
  int64_t *extent = extentBuf;
  if ((numLevels + 1) * numDims > 256) {
    extentVec.resize((numLevels + 1) * numDims);
    extent = extentVec.data();
  }
  for (size_t d = 0; d < numDims; ++d)
    extent[numLevels * numDims + d] = 1;
  for (size_t l = numLevels; l-- > 0;) {
    int64_t *row = &extent[l * numDims];
    const int64_t *below = &extent[(l + 1) * numDims];
    for (size_t d = 0; d < numDims; ++d)
      row[d] = below[d];
    int64_t x = 1, y = 1;
    auto mul = [&](int dim, int64_t f) { row[dim] = saturatingMul(row[dim], f); };
    for (const TemporalLoop &t : mapping.levels[l].temporal)
      mul(t.dim, t.factor);
    for (const SpatialLoop &s : mapping.levels[l].spatial) {
      mul(s.dim, s.factor);
      int64_t &axis = s.axis == Axis::X ? x : y;
      axis = axis > arch.fanOuts[l].x * arch.fanOuts[l].y ? axis : axis * s.factor;
    }
    if (x > arch.fanOuts[l].x)
      errors.push_back(levelName(arch, l) + " maps " + std::to_string(x) +
                       " spatial iterations on X of a fan-out " + std::to_string(arch.fanOuts[l].x) +
                       " wide");
    if (y > arch.fanOuts[l].y)
      errors.push_back(levelName(arch, l) + " maps " + std::to_string(y) +
                       " spatial iterations on Y of a fan-out " + std::to_string(arch.fanOuts[l].y) +
                       " high");
  }
  for (size_t d = 0; d < numDims; ++d)
    if (std::string violation = factorViolation(problem, arch, mapping, d, extent[d]);
        !violation.empty())
      errors.push_back(std::move(violation));

  size_t numTensors = problem.tensors.size();
  for (size_t l = 0; l < numLevels; ++l) {
    TensorMask bypass = mapping.levels[l].bypass;
    TensorMask canKeep = arch.levels[l].keepMask;
    for (size_t t = 0; t < 32 && (bypass >> t) != 0; ++t)
      if ((bypass >> t & 1) && (t >= numTensors || !(canKeep >> t & 1)))
        errors.push_back(levelName(arch, l) + " bypasses " +
                         (t < numTensors ? "tensor '" + problem.tensors[t].name + "'"
                                         : "unknown tensor #" + std::to_string(t)) +
                         " which it cannot keep anyway");
    if (l == 0 && (bypass & ((numTensors >= 32 ? ~TensorMask(0)
                                                : (TensorMask(1) << numTensors) - 1))))
      errors.push_back(levelName(arch, 0) + " is outermost and must keep every tensor");
  }
  if (!errors.empty() || !checkCapacity)
    return errors;
  for (size_t l = 0; l < numLevels; ++l) {
    if (arch.levels[l].capacityWords == 0)
      continue;
    TensorMask keep = keptTensors(arch, mapping, l);
    int64_t words = 0;
    for (size_t t = 0; t < numTensors; ++t)
      if (keep >> t & 1)
        words += tileWords(problem, static_cast<int>(t), &extent[l * numDims],
                           arch.levels[l].wordBits);
    std::string violation = capacityViolation(arch, l, words);
    if (!violation.empty())
      errors.push_back(std::move(violation));
  }
  return errors;
}

std::string toString(const Mapping &mapping, const Problem &problem, const Arch &arch) {
  std::ostringstream os;
  auto dimName = [&](int d) {
    return d >= 0 && static_cast<size_t>(d) < problem.dims.size() ? problem.dims[d].name
                                                                   : "#" + std::to_string(d);
  };
  for (size_t l = 0; l < mapping.levels.size(); ++l) {
    const LevelMapping &lm = mapping.levels[l];
    os << "L" << l << ' ' << (l < arch.levels.size() ? arch.levels[l].name : "?");
    if (lm.bypass)
      os << " bypass {" << tensorNames(problem, lm.bypass) << '}';
    os << '\n';
    std::string indent(2 + 2 * l, ' ');
    for (const TemporalLoop &t : lm.temporal)
      os << indent << "for " << dimName(t.dim) << " in 0.." << t.factor << '\n';
    for (const SpatialLoop &s : lm.spatial)
      os << indent << "spatial_for " << dimName(s.dim) << " in 0.." << s.factor << " on "
         << (s.axis == Axis::X ? 'X' : 'Y') << '\n';
  }
  return os.str();
}

} // namespace tessel::cost
