// explain(): the size of every mapspace axis before and after pruning.
#include "tessel/Search/Search.h"

#include <bit>
#include <cmath>
#include <cstdio>
#include <functional>
#include <sstream>

namespace tessel::search {

using namespace cost;

namespace {

/// Enumeration cap for the counts that walk divisor vectors.
constexpr double kCountCap = 2e6;

double factorial(int n) { return n <= 1 ? 1.0 : n * factorial(n - 1); }

/// Ordered factorisations of `n` into slots with per-slot caps (0 = no cap).
double factorisations(const Mapspace &space, int d, int64_t n, const std::vector<int64_t> &caps,
                      size_t slot = 0) {
  if (slot == caps.size())
    return n == 1 ? 1.0 : 0.0;
  double ways = 0;
  for (int64_t f : space.divisorsOf(d, n))
    if (caps[slot] == 0 || f <= caps[slot])
      ways += factorisations(space, d, n / f, caps, slot + 1);
  return ways;
}

/// Visits every per-dim divisor vector of the live dims (stops early past kCountCap visits).
bool forEachVector(const Mapspace &space, const std::function<void(const int64_t *)> &visit) {
  double total = 1;
  std::vector<int> dims;
  for (int d = 0; d < space.numDims(); ++d)
    if (space.bound(d) > 1) {
      dims.push_back(d);
      total *= static_cast<double>(space.divisorsOf(d, space.bound(d)).size());
    }
  if (total > kCountCap)
    return false;
  std::vector<int64_t> v(space.numDims(), 1);
  std::function<void(size_t)> rec = [&](size_t k) {
    if (k == dims.size()) {
      visit(v.data());
      return;
    }
    for (int64_t f : space.divisorsOf(dims[k], space.bound(dims[k]))) {
      v[dims[k]] = f;
      rec(k + 1);
    }
    v[dims[k]] = 1;
  };
  rec(0);
  return true;
}

} // namespace

Explanation explain(const Mapspace &space) {
  Explanation ex;
  const Arch &arch = space.arch();
  int L = space.numLevels(), D = space.numDims();
  TensorMask all = space.numTensors() >= 32 ? ~TensorMask(0)
                                            : (TensorMask(1) << space.numTensors()) - 1;
  for (int l = 1; l < L; ++l) {
    double before = std::pow(2.0, std::popcount(arch.levels[l].keepMask & all));
    double after = std::pow(2.0, std::popcount(space.keepable(l) & ~space.forcedKeep(l)));
    ex.axes.push_back({"bypass at " + arch.levels[l].name, before, after,
                       "keep/bypass each tensor the level may keep (constraints force some)"});
  }
  for (int l = 0; l < L; ++l) {
    int64_t size = space.fanX(l) * space.fanY(l);
    if (size == 1)
      continue;
    double before = 0, after = 0;
    bool counted = forEachVector(space, [&](const int64_t *s) {
      // Raw: every X and Y factor pair per dim whose product divides the bound.
      double pairs = 1;
      int64_t product = 1;
      for (int d = 0; d < D; ++d) {
        product *= s[d];
        pairs *= static_cast<double>(space.divisorsOf(d, s[d]).size());
      }
      before += pairs;
      std::vector<int64_t> x(D), y(D);
      if (product <= size && space.splitSpatial(l, s, x.data(), y.data()))
        after += 1;
    });
    ex.axes.push_back({"spatial below " + arch.levels[l].name + " (" +
                           std::to_string(space.fanX(l)) + "x" + std::to_string(space.fanY(l)) +
                           ")",
                       counted ? before : 0, counted ? after : 0,
                       counted ? "per-dim X/Y factors -> per-dim products that fit (the X/Y "
                                 "split never changes the cost)"
                               : "not counted (too many divisor vectors)"});
  }
  for (int d = 0; d < D; ++d) {
    if (space.bound(d) == 1)
      continue;
    std::vector<int64_t> open, capped;
    for (int l = 0; l < L; ++l) {
      open.push_back(0);
      capped.push_back(0);
      if (space.fanX(l) * space.fanY(l) > 1) {
        open.push_back(0);
        bool onX = space.allowX(l) >> d & 1, onY = space.allowY(l) >> d & 1;
        capped.push_back(onX || onY ? (onX ? space.fanX(l) : 1) * (onY ? space.fanY(l) : 1) : 1);
      }
    }
    ex.axes.push_back({"factors of " + space.problem().dims[d].name + " (" +
                           std::to_string(space.bound(d)) + ")",
                       factorisations(space, d, space.bound(d), open),
                       factorisations(space, d, space.bound(d), capped),
                       "over levels and fan-outs; spatial shares within the fan-out and the "
                       "allowed dims"});
  }
  int live = std::popcount(space.liveDims());
  for (int l = 0; l < L; ++l) {
    TensorMask below = 0;
    for (int c = l + 1; c < L; ++c)
      below |= space.keepable(c);
    double after =
        live > 9 ? 0 : static_cast<double>(space.orderClasses(l, space.liveDims(), below, 0).size());
    ex.axes.push_back({"loop order at " + arch.levels[l].name, factorial(live), after,
                       live > 9 ? "not counted (more than 9 dims)"
                                : "classes of equal reuse, every dim active (fewer when a dim "
                                  "has factor 1 here)"});
  }
  for (int l = 0; l < L; ++l) {
    int64_t capacity = arch.levels[l].capacityWords;
    if (capacity == 0)
      continue;
    double before = 0, after = 0;
    bool counted = forEachVector(space, [&](const int64_t *extent) {
      before += 1;
      int64_t words = 0;
      for (int t = 0; t < space.numTensors(); ++t)
        if (space.keepable(l) >> t & 1)
          words += space.tileWords(t, l, extent);
      after += words <= capacity ? 1 : 0;
    });
    ex.axes.push_back({"tiles at " + arch.levels[l].name + " (" + std::to_string(capacity) +
                           " words)",
                       counted ? before : 0, counted ? after : 0,
                       "per-dim tile extents whose tiles fit when the level keeps every tensor "
                       "it may keep (bypasses admit more)"});
  }
  for (const AxisSize &a : ex.axes)
    if (a.before > 0 && a.after > 0) {
      ex.totalBefore *= a.before;
      ex.totalAfter *= a.after;
    }
  return ex;
}

std::string toString(const Explanation &ex) {
  std::ostringstream os;
  size_t width = 4;
  for (const AxisSize &a : ex.axes)
    width = std::max(width, a.axis.size());
  char buf[64];
  auto num = [&](double v) {
    std::snprintf(buf, sizeof buf, v < 1e7 ? "%.0f" : "%.3g", v);
    return std::string(buf);
  };
  os << "axis" << std::string(width - 4, ' ') << "      before       after\n";
  for (const AxisSize &a : ex.axes) {
    std::string b = a.before > 0 ? num(a.before) : "-", f = a.after > 0 ? num(a.after) : "-";
    os << a.axis << std::string(width - a.axis.size(), ' ') << ' '
       << std::string(12 - std::min<size_t>(12, b.size()), ' ') << b << ' '
       << std::string(11 - std::min<size_t>(11, f.size()), ' ') << f << "  " << a.note << '\n';
  }
  os << "product of the axes: " << num(ex.totalBefore) << " before, " << num(ex.totalAfter)
     << " after (an upper bound: capacities prune jointly during the search)\n";
  return os.str();
}

} // namespace tessel::search
