// The mapspace: validation, per-tensor dim roles, tile sizes, spatial splits, points to mappings.
#include "tessel/Search/Mapspace.h"

#include "IntSet.h"

#include <algorithm>
#include <sstream>

namespace tessel::search {

using namespace cost;

Mapspace::Mapspace(const Problem &problem, const Arch &arch, const MapConstraints &constraints)
    : prob(problem), hw(arch), cons(constraints) {}

std::unique_ptr<Mapspace> Mapspace::create(const Problem &problem, const Arch &arch,
                                           const MapConstraints &constraints,
                                           std::vector<std::string> &errors) {
  errors = validateProblem(problem);
  for (std::string &e : validateArch(arch, problem))
    errors.push_back(std::move(e));
  if (!errors.empty())
    return nullptr;
  std::unique_ptr<Mapspace> space(new Mapspace(problem, arch, constraints));
  space->analyse(errors);
  if (!errors.empty())
    return nullptr;
  return space;
}

void Mapspace::analyse(std::vector<std::string> &errors) {
  levels = static_cast<int>(hw.levels.size());
  dims = static_cast<int>(prob.dims.size());
  tensors = static_cast<int>(prob.tensors.size());
  output = prob.outputTensor();
  if (dims > 64) {
    errors.push_back("the search supports at most 64 dims, the problem has " +
                     std::to_string(dims));
    return;
  }
  TensorMask all = tensors >= 32 ? ~TensorMask(0) : (TensorMask(1) << tensors) - 1;
  for (int d = 0; d < dims; ++d) {
    bounds.push_back(prob.dims[d].bound);
    if (bounds[d] > 1)
      live |= DimMask(1) << d;
    std::vector<int64_t> divs;
    for (int64_t f = 1; f * f <= bounds[d]; ++f)
      if (bounds[d] % f == 0) {
        divs.push_back(f);
        if (f * f != bounds[d])
          divs.push_back(bounds[d] / f);
      }
    std::sort(divs.begin(), divs.end());
    divisorTable.push_back(std::move(divs));
  }
  rel.assign(tensors, 0);
  plainDims.assign(tensors, 0);
  index.assign(tensors, {});
  for (int t = 0; t < tensors; ++t) {
    for (const std::vector<int64_t> &coeffs : prob.tensors[t].projection) {
      IndexTerms terms;
      for (int d = 0; d < dims && d < static_cast<int>(coeffs.size()); ++d)
        if (coeffs[d] != 0 && bounds[d] > 1) {
          terms.dims.push_back(d);
          terms.coefs.push_back(coeffs[d]);
          rel[t] |= DimMask(1) << d;
        }
      if (terms.dims.empty())
        continue;
      if (terms.dims.size() == 1)
        plainDims[t] |= DimMask(1) << terms.dims[0];
      index[t].push_back(std::move(terms));
    }
    elements.push_back(prob.tensorElements(t));
    for (int l = 0; l < levels; ++l)
      wpe.push_back(cost::wordsPerElement(prob, t, hw.levels[l].wordBits));
  }

  // Constraints, resolved per level.
  auto levelName = [&](int l) { return "level " + std::to_string(l) + " '" + hw.levels[l].name + "'"; };
  auto tensorList = [&](TensorMask m) {
    std::string s;
    for (int t = 0; t < tensors; ++t)
      if (m >> t & 1)
        s += (s.empty() ? "'" : ", '") + prob.tensors[t].name + "'";
    return s;
  };
  if (!cons.levels.empty() && static_cast<int>(cons.levels.size()) != levels)
    errors.push_back("constraints list " + std::to_string(cons.levels.size()) +
                     " levels, the arch has " + std::to_string(levels));
  if (cons.stationary & ~all)
    errors.push_back("constraints name an unknown stationary tensor");
  canKeep.assign(levels, 0);
  mustKeep.assign(levels, 0);
  allowedX.assign(levels, 0);
  allowedY.assign(levels, 0);
  orderCons.assign(levels, {});
  for (int l = 0; l < levels; ++l) {
    LevelConstraints lc;
    if (static_cast<int>(cons.levels.size()) == levels)
      lc = cons.levels[l];
    TensorMask keepMask = hw.levels[l].keepMask & all;
    if (lc.keep & lc.bypass)
      errors.push_back("constraints both keep and bypass " + tensorList(lc.keep & lc.bypass) +
                       " at " + levelName(l));
    if (lc.keep & ~keepMask)
      errors.push_back("constraints make " + levelName(l) + " keep " +
                       tensorList(lc.keep & ~keepMask) + ", which it cannot keep");
    if (l == 0 && (lc.bypass & all))
      errors.push_back("constraints bypass " + tensorList(lc.bypass & all) + " at " +
                       levelName(0) + ", which is outermost and keeps every tensor");
    canKeep[l] = l == 0 ? all : keepMask & ~lc.bypass;
    mustKeep[l] = l == 0 ? all : lc.keep & keepMask;
    allowedX[l] = hw.fanOuts[l].x > 1 ? lc.spatialX & live : 0;
    allowedY[l] = hw.fanOuts[l].y > 1 ? lc.spatialY & live : 0;
    DimMask seen = 0;
    for (int d : lc.order) {
      if (d < 0 || d >= dims) {
        errors.push_back("the loop order constraint of " + levelName(l) +
                         " names unknown dim #" + std::to_string(d));
        continue;
      }
      if (seen >> d & 1) {
        errors.push_back("the loop order constraint of " + levelName(l) + " lists dim '" +
                         prob.dims[d].name + "' twice");
        continue;
      }
      seen |= DimMask(1) << d;
      if (bounds[d] > 1)
        orderCons[l].push_back(d);
    }
  }
}

std::vector<int64_t> Mapspace::divisorsOf(int d, int64_t n) const {
  std::vector<int64_t> out;
  for (int64_t f : divisorTable[d]) {
    if (f > n)
      break;
    if (n % f == 0)
      out.push_back(f);
  }
  return out;
}

int64_t Mapspace::tileElements(int t, const int64_t *extent) const {
  int64_t size = 1;
  Progression progs[8];
  for (const IndexTerms &ix : index[t]) {
    if (ix.dims.size() == 1) {
      size *= extent[ix.dims[0]];
      continue;
    }
    size_t n = 0;
    for (size_t k = 0; k < ix.dims.size() && n < 8; ++k)
      progs[n++] = {ix.coefs[k], extent[ix.dims[k]]};
    size *= progressionSumSize(progs, n);
  }
  return size;
}

int64_t Mapspace::tileWords(int t, int l, const int64_t *extent) const {
  return tileElements(t, extent) * wordsPerElement(t, l);
}

namespace {

/// Depth-first split of spatial factors over the dims `order` (from position `k`).
bool splitFrom(const int *order, size_t n, size_t k, const int64_t *s, DimMask allowX,
               DimMask allowY, int64_t roomX, int64_t roomY, int64_t *x, int64_t *y) {
  if (k == n)
    return true;
  int d = order[k];
  // Largest X share first: a deterministic preference for filling X.
  for (int64_t fx = std::min(s[d], roomX); fx >= 1; --fx) {
    if (s[d] % fx != 0)
      continue;
    int64_t fy = s[d] / fx;
    if ((fx > 1 && !(allowX >> d & 1)) || (fy > 1 && !(allowY >> d & 1)) || fy > roomY)
      continue;
    x[d] = fx;
    y[d] = fy;
    if (splitFrom(order, n, k + 1, s, allowX, allowY, roomX / fx, roomY / fy, x, y))
      return true;
  }
  return false;
}

} // namespace

bool Mapspace::splitSpatial(int l, const int64_t *s, int64_t *x, int64_t *y) const {
  int order[64];
  size_t n = 0;
  for (int d = 0; d < dims; ++d) {
    x[d] = y[d] = 1;
    if (s[d] > 1)
      order[n++] = d;
  }
  return splitFrom(order, n, 0, s, allowedX[l], allowedY[l], fanX(l), fanY(l), x, y);
}

Mapping Mapspace::toMapping(const Point &point) const {
  Mapping m;
  toMapping(point, m);
  return m;
}

void Mapspace::toMapping(const Point &point, Mapping &m) const {
  m.levels.resize(levels);
  int64_t x[64], y[64];
  for (int l = 0; l < levels; ++l) {
    LevelMapping &lm = m.levels[l];
    lm.temporal.clear();
    lm.spatial.clear();
    for (int d : point.order[l])
      lm.temporal.push_back({d, point.temporal[l * dims + d]});
    const int64_t *s = &point.spatial[l * dims];
    if (std::any_of(s, s + dims, [](int64_t f) { return f > 1; })) {
      if (!splitSpatial(l, s, x, y)) // not a canonical point: keep it on X
        for (int d = 0; d < dims; ++d) {
          x[d] = s[d];
          y[d] = 1;
        }
      for (int d = 0; d < dims; ++d)
        if (x[d] > 1)
          lm.spatial.push_back({d, x[d], Axis::X});
      for (int d = 0; d < dims; ++d)
        if (y[d] > 1)
          lm.spatial.push_back({d, y[d], Axis::Y});
    }
    lm.bypass = point.bypass[l];
  }
}

std::optional<Point> Mapspace::pointOf(const Mapping &mapping) const {
  if (static_cast<int>(mapping.levels.size()) != levels)
    return std::nullopt;
  Point p;
  p.temporal.assign(static_cast<size_t>(levels * dims), 1);
  p.spatial.assign(static_cast<size_t>(levels * dims), 1);
  p.bypass.assign(levels, 0);
  p.order.assign(levels, {});
  for (int l = 0; l < levels; ++l) {
    const LevelMapping &lm = mapping.levels[l];
    for (const TemporalLoop &loop : lm.temporal) {
      if (loop.dim < 0 || loop.dim >= dims || loop.factor < 1)
        return std::nullopt;
      if (loop.factor == 1)
        continue;
      if (p.temporal[l * dims + loop.dim] != 1)
        return std::nullopt;
      p.temporal[l * dims + loop.dim] = loop.factor;
      p.order[l].push_back(loop.dim);
    }
    for (const SpatialLoop &loop : lm.spatial) {
      if (loop.dim < 0 || loop.dim >= dims || loop.factor < 1)
        return std::nullopt;
      p.spatial[l * dims + loop.dim] *= loop.factor;
    }
    p.bypass[l] = lm.bypass;
  }
  return p;
}

std::vector<int64_t> pointKey(const Point &point) {
  std::vector<int64_t> key;
  size_t levels = point.bypass.size();
  size_t dims = levels ? point.temporal.size() / levels : 0;
  key.reserve(levels * (2 * dims + 8));
  for (size_t l = 0; l < levels; ++l) {
    key.push_back(point.bypass[l]);
    key.insert(key.end(), point.temporal.begin() + l * dims, point.temporal.begin() + (l + 1) * dims);
    key.insert(key.end(), point.spatial.begin() + l * dims, point.spatial.begin() + (l + 1) * dims);
  }
  for (size_t l = 0; l < levels; ++l)
    key.insert(key.end(), point.order[l].begin(), point.order[l].end());
  return key;
}

std::string describePoint(const Mapspace &space, const Point &point) {
  std::ostringstream os;
  const Problem &p = space.problem();
  int dims = space.numDims();
  std::vector<int64_t> x(dims), y(dims);
  size_t width = 0;
  for (const StorageLevel &level : space.arch().levels)
    width = std::max(width, level.name.size());
  for (int l = 0; l < space.numLevels(); ++l) {
    std::string name = space.arch().levels[l].name;
    os << 'L' << l << ' ' << name << std::string(width - name.size(), ' ') << " |";
    for (int d : point.order[l])
      os << ' ' << p.dims[d].name << point.temporal[l * dims + d];
    if (point.order[l].empty())
      os << " -";
    const int64_t *s = &point.spatial[l * dims];
    if (std::any_of(s, s + dims, [](int64_t f) { return f > 1; }) &&
        space.splitSpatial(l, s, x.data(), y.data())) {
      os << " | spatial x:";
      for (int d = 0; d < dims; ++d)
        if (x[d] > 1)
          os << ' ' << p.dims[d].name << x[d];
      os << " y:";
      for (int d = 0; d < dims; ++d)
        if (y[d] > 1)
          os << ' ' << p.dims[d].name << y[d];
    }
    if (point.bypass[l]) {
      os << " | bypass";
      for (int t = 0; t < space.numTensors(); ++t)
        if (point.bypass[l] >> t & 1)
          os << ' ' << p.tensors[t].name;
    }
    os << '\n';
  }
  return os.str();
}

} // namespace tessel::search
