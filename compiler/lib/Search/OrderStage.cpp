// The order stage: classes per level, per-level count deltas from the cost model, bounds.
#include "OrderStage.h"

#include "Tree.h"
#include "tessel/Search/Searcher.h"

#include <algorithm>

namespace tessel::search {

using namespace cost;

OrderStage::OrderStage(const Mapspace &space, const CostModel &model, const Pricing &pricing,
                       bool withDeltas)
    : space(space), model(model), pricing(pricing), withDeltas(withDeltas), costs(space) {}

const std::vector<OrderClass> &OrderStage::classesOf(int level, DimMask active,
                                                     TensorMask relevant,
                                                     TensorMask mustTrail) {
  auto key = std::make_tuple(level, active, relevant, mustTrail);
  auto it = cache.find(key);
  if (it == cache.end())
    it = cache.emplace(key, space.orderClasses(level, active, relevant, mustTrail)).first;
  return it->second;
}

void OrderStage::apply(Point &point, int step, uint32_t choice) const {
  const Level &lv = branch[step];
  point.order[lv.level] = (*lv.classes)[lv.choice[choice]].representative;
}

bool OrderStage::prepare(Point &point, TreeStats &stats) {
  int L = space.numLevels(), D = space.numDims(), T = space.numTensors();
  const Arch &arch = space.arch();
  auto kept = [&](int l, int t) {
    return l == 0 || ((arch.levels[l].keepMask & ~point.bypass[l]) >> t & 1);
  };
  // The innermost keeper of each tensor and the deepest level above it with a relevant loop.
  int innermost[32], deepRelevant[32];
  for (int t = 0; t < T && t < 32; ++t) {
    innermost[t] = 0;
    deepRelevant[t] = -1;
    for (int l = 1; l < L; ++l)
      if (kept(l, t))
        innermost[t] = l;
    for (int l = innermost[t] - 1; l >= 0 && deepRelevant[t] < 0; --l)
      for (int d = 0; d < D; ++d)
        if ((space.relevant(t) >> d & 1) && point.temporal[l * D + d] > 1)
          deepRelevant[t] = l;
  }
  numBranch = 0;
  for (int l = 0; l < L; ++l) {
    DimMask activeDims = 0;
    std::vector<int> &order = point.order[l];
    order.clear();
    for (int d = 0; d < D; ++d)
      if (point.temporal[l * D + d] > 1) {
        activeDims |= DimMask(1) << d;
        order.push_back(d);
      }
    if (order.size() <= 1)
      continue;
    // A tensor matters to this level's order when one of its flows into a child below has no
    // loop over a single-dim index of it in between: such a loop empties the overlap of every
    // move, so all of this level's loops replace the tile whatever their order.
    TensorMask relevant = 0, mustTrail = 0;
    for (int t = 0; t < T; ++t) {
      for (int c = l + 1; c < L; ++c) {
        if (!kept(c, t))
          continue;
        bool replacing = false;
        for (int m = l + 1; m < c && !replacing; ++m)
          for (int d = 0; d < D && !replacing; ++d)
            replacing = (space.plain(t) >> d & 1) && point.temporal[m * D + d] > 1;
        if (!replacing)
          relevant |= TensorMask(1) << t;
      }
      if ((space.constraints().stationary >> t & 1) && innermost[t] > l && deepRelevant[t] == l)
        mustTrail |= TensorMask(1) << t;
    }
    const std::vector<OrderClass> &classes = classesOf(l, activeDims, relevant, mustTrail);
    if (classes.empty()) {
      ++stats.noOrder;
      return false;
    }
    order = classes[0].representative;
    if (classes.size() > 1) {
      if (static_cast<int>(branch.size()) <= numBranch)
        branch.emplace_back();
      Level &lv = branch[numBranch++];
      lv.level = l;
      lv.classes = &classes;
      lv.choice.clear();
      for (uint32_t k = 0; k < classes.size(); ++k)
        lv.choice.push_back(k);
    }
  }
  if (!withDeltas)
    return true;

  space.toMapping(point, mapping);
  evaluateOrThrow(model, mapping, report);
  ++stats.evaluations;
  if (!report.valid) {
    ++stats.invalid;
    return false;
  }
  base.fromReport(report);
  active = report.activeInstances;
  computeCycles = report.computeCycles;
  size_t width = base.v.size();
  // Each other class's counts minus the first class's, from the per-level closed forms
  // (LevelCosts); classes with equal deltas cost the same in every combination, so only the
  // first (smallest) is kept.
  costs.prepare(point);
  int kept2 = 0;
  for (int b = 0; b < numBranch; ++b) {
    Level &lv = branch[b];
    size_t offered = lv.choice.size();
    lv.delta.assign(width, 0);
    first.reset(base.levels, base.tensors);
    costs.add(lv.level, (*lv.classes)[lv.choice[0]].representative, first);
    size_t n = 1;
    for (size_t k = 1; k < offered; ++k) {
      counts.reset(base.levels, base.tensors);
      costs.add(lv.level, (*lv.classes)[lv.choice[k]].representative, counts);
      lv.delta.resize((n + 1) * width);
      int64_t *row = &lv.delta[n * width];
      for (size_t i = 0; i < width; ++i)
        row[i] = counts.v[i] - first.v[i];
      bool duplicate = false;
      for (size_t j = 0; j < n && !duplicate; ++j)
        duplicate = std::equal(row, row + width, &lv.delta[j * width]);
      if (duplicate) {
        lv.delta.resize(n * width);
        continue;
      }
      lv.choice[n++] = lv.choice[k];
    }
    lv.choice.resize(n);
    if (n <= 1)
      continue;
    lv.minDelta.assign(lv.delta.begin(), lv.delta.begin() + static_cast<long>(width));
    for (size_t j = 1; j < n; ++j)
      for (size_t i = 0; i < width; ++i)
        lv.minDelta[i] = std::min(lv.minDelta[i], lv.delta[j * width + i]);
    if (kept2 != b)
      std::swap(branch[kept2], branch[b]);
    ++kept2;
  }
  numBranch = kept2;
  return true;
}

void OrderStage::bound(const uint32_t *choices, int decided, double &energy, double &cycles) {
  sum.v = base.v;
  sum.levels = base.levels;
  sum.tensors = base.tensors;
  size_t width = base.v.size();
  for (int s = 0; s < numBranch; ++s) {
    const int64_t *add = s < decided ? &branch[s].delta[choices[s] * width]
                                     : branch[s].minDelta.data();
    for (size_t i = 0; i < width; ++i)
      sum.v[i] += add[i];
  }
  pricing.price(sum, active.data(), nullptr, computeCycles, energy, cycles);
}

} // namespace tessel::search
