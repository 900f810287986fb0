// The mapspace collapses are exact: every loop order of a class costs what its representative
// costs (compared over all permutations), the X/Y split and the order of spatial loops never
// change a count, and the counts are separable over the levels' orders.
#include "SearchCase.h"

#include "Counts.h"
#include "LevelCosts.h"
#include "Sample.h"
#include "tessel/Search/Mapspace.h"
#include "tessel/cost/Analytical.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>

using namespace tessel;
using namespace tessel::search;
using namespace tessel::search::testing;

namespace {

/// Every count of a report, for exact comparison.
std::vector<int64_t> countsOf(const cost::CostReport &r) {
  std::vector<int64_t> v{r.cycles, r.computeCycles};
  for (const cost::TensorLevelStats &s : r.stats)
    v.insert(v.end(), {s.total.fills, s.total.reads, s.total.updates, s.total.readBacks});
  v.insert(v.end(), r.networkTransfers.begin(), r.networkTransfers.end());
  return v;
}

/// A random point of the case that the model accepts, or nullopt after a few tries.
std::optional<Point> validPoint(const Mapspace &space, const cost::AnalyticalModel &model,
                                Rng &rng) {
  Point p;
  for (int i = 0; i < 50; ++i) {
    samplePoint(space, rng, p);
    if (model.evaluate(space.toMapping(p)).valid)
      return p;
  }
  return std::nullopt;
}

TensorMask keptBelow(const Mapspace &space, const Point &p, int l) {
  TensorMask m = 0;
  for (int c = l + 1; c < space.numLevels(); ++c)
    m |= space.arch().levels[c].keepMask & ~p.bypass[c];
  return m;
}

} // namespace

TEST_CASE("every loop order costs what its class representative costs", "[search][collapse]") {
  int levelsChecked = 0, permutations = 0;
  for (uint64_t seed = 1; seed <= 3000; ++seed) {
    SearchCase c = smallCase(seed);
    std::vector<std::string> errors;
    auto space = Mapspace::create(c.problem, c.arch, c.constraints, errors);
    REQUIRE(space);
    cost::AnalyticalModel model(c.problem, c.arch);
    Rng rng(seed);
    std::optional<Point> p = validPoint(*space, model, rng);
    if (!p)
      continue;
    for (int l = 0; l < space->numLevels(); ++l) {
      std::vector<int> perm = p->order[l];
      if (perm.size() < 2)
        continue;
      DimMask active = 0;
      for (int d : perm)
        active |= DimMask(1) << d;
      TensorMask relevant = keptBelow(*space, *p, l);
      std::vector<OrderClass> classes = space->orderClasses(l, active, relevant, 0);
      std::map<std::vector<int64_t>, std::vector<int64_t>> costOfClass;
      for (const OrderClass &k : classes) {
        Point q = *p;
        q.order[l] = k.representative;
        costOfClass[space->orderSignature(k.representative, relevant)] =
            countsOf(model.evaluate(space->toMapping(q)));
      }
      int64_t members = 0;
      for (const OrderClass &k : classes)
        members += k.members;
      std::sort(perm.begin(), perm.end());
      int64_t total = 0;
      do {
        ++total;
        Point q = *p;
        q.order[l] = perm;
        auto it = costOfClass.find(space->orderSignature(perm, relevant));
        INFO("seed " << seed << " level " << l << "\n" << describe(c)
                     << describePoint(*space, q));
        REQUIRE(it != costOfClass.end());
        CHECK(countsOf(model.evaluate(space->toMapping(q))) == it->second);
      } while (std::next_permutation(perm.begin(), perm.end()));
      CHECK(members == total);
      ++levelsChecked;
      permutations += static_cast<int>(total);
    }
  }
  CHECK(levelsChecked > 100);
  CHECK(permutations > 1000);
}

TEST_CASE("the X/Y split and the order of spatial loops never change a count",
          "[search][collapse]") {
  int checked = 0;
  for (uint64_t seed = 1; seed <= 400 && checked < 150; ++seed) {
    SearchCase c = smallCase(seed);
    std::vector<std::string> errors;
    auto space = Mapspace::create(c.problem, c.arch, c.constraints, errors);
    cost::AnalyticalModel model(c.problem, c.arch);
    Rng rng(seed + 7);
    std::optional<Point> p = validPoint(*space, model, rng);
    if (!p)
      continue;
    cost::Mapping canonical = space->toMapping(*p);
    std::vector<int64_t> expected = countsOf(model.evaluate(canonical));
    int D = space->numDims();
    for (int l = 0; l < space->numLevels(); ++l) {
      const int64_t *s = &p->spatial[l * D];
      if (std::all_of(s, s + D, [](int64_t f) { return f == 1; }))
        continue;
      ++checked;
      // Every split of every spatial factor into X and Y that fits the fan-out.
      std::vector<int64_t> x(D, 1);
      std::function<void(int)> splits = [&](int d) {
        if (d == D) {
          int64_t px = 1, py = 1;
          cost::Mapping m = canonical;
          m.levels[l].spatial.clear();
          for (int e = 0; e < D; ++e) {
            px *= x[e];
            py *= s[e] / x[e];
            if (x[e] > 1)
              m.levels[l].spatial.push_back({e, x[e], cost::Axis::X});
            if (s[e] / x[e] > 1)
              m.levels[l].spatial.push_back({e, s[e] / x[e], cost::Axis::Y});
          }
          if (px > c.arch.fanOuts[l].x || py > c.arch.fanOuts[l].y)
            return;
          std::reverse(m.levels[l].spatial.begin(), m.levels[l].spatial.end());
          INFO("seed " << seed << "\n" << cost::toString(m, c.problem, c.arch));
          CHECK(countsOf(model.evaluate(m)) == expected);
          return;
        }
        for (int64_t f = 1; f <= s[d]; ++f)
          if (s[d] % f == 0) {
            x[d] = f;
            splits(d + 1);
          }
        x[d] = 1;
      };
      splits(0);
    }
  }
  CHECK(checked >= 100);
}

TEST_CASE("counts are separable over the levels' loop orders", "[search][collapse]") {
  int checked = 0;
  for (uint64_t seed = 1; seed <= 6000 && checked < 100; ++seed) {
    SearchCase c = smallCase(seed);
    std::vector<std::string> errors;
    auto space = Mapspace::create(c.problem, c.arch, c.constraints, errors);
    cost::AnalyticalModel model(c.problem, c.arch);
    Rng rng(seed + 11);
    std::optional<Point> p = validPoint(*space, model, rng);
    if (!p)
      continue;
    std::vector<int> levels;
    for (int l = 0; l < space->numLevels(); ++l)
      if (p->order[l].size() >= 2)
        levels.push_back(l);
    if (levels.size() < 2)
      continue;
    ++checked;
    int a = levels[0], b = levels[1];
    Point alt = *p;
    std::reverse(alt.order[a].begin(), alt.order[a].end());
    std::rotate(alt.order[b].begin(), alt.order[b].begin() + 1, alt.order[b].end());
    auto counts = [&](bool changeA, bool changeB) {
      Point q = *p;
      if (changeA)
        q.order[a] = alt.order[a];
      if (changeB)
        q.order[b] = alt.order[b];
      return countsOf(model.evaluate(space->toMapping(q)));
    };
    std::vector<int64_t> base = counts(false, false), onlyA = counts(true, false),
                         onlyB = counts(false, true), both = counts(true, true);
    INFO("seed " << seed);
    // Cycles (entries 0) are a max, not a sum: compare the additive counts only.
    for (size_t i = 2; i < base.size(); ++i)
      CHECK(both[i] - base[i] == (onlyA[i] - base[i]) + (onlyB[i] - base[i]));
  }
  CHECK(checked >= 50);
}

TEST_CASE("per-level counts from the closed forms equal the model's differences",
          "[search][collapse]") {
  int levels = 0;
  for (uint64_t seed = 1; seed <= 3000 && levels < 400; ++seed) {
    SearchCase c = smallCase(seed);
    std::vector<std::string> errors;
    auto space = Mapspace::create(c.problem, c.arch, c.constraints, errors);
    cost::AnalyticalModel model(c.problem, c.arch);
    Rng rng(seed + 23);
    std::optional<Point> p = validPoint(*space, model, rng);
    if (!p)
      continue;
    LevelCosts costs(*space);
    costs.prepare(*p);
    Counts base;
    base.fromReport(model.evaluate(space->toMapping(*p)));
    for (int l = 0; l < space->numLevels(); ++l) {
      if (p->order[l].size() < 2)
        continue;
      ++levels;
      std::vector<int> perm = p->order[l];
      Counts mine0;
      mine0.reset(base.levels, base.tensors);
      costs.add(l, perm, mine0);
      std::sort(perm.begin(), perm.end());
      do {
        Point q = *p;
        q.order[l] = perm;
        Counts model1, mine1;
        model1.fromReport(model.evaluate(space->toMapping(q)));
        mine1.reset(base.levels, base.tensors);
        costs.add(l, perm, mine1);
        INFO("seed " << seed << " level " << l << "\n" << describe(c) << describePoint(*space, q));
        for (size_t i = 0; i < base.v.size(); ++i)
          CHECK(model1.v[i] - base.v[i] == mine1.v[i] - mine0.v[i]);
      } while (std::next_permutation(perm.begin(), perm.end()));
    }
  }
  CHECK(levels >= 400);
}
