// The order stage: classes per level, per-level count deltas from the cost model, bounds.
#include "OrderStage.h"

#include "Tree.h"

#include <algorithm>

namespace tessel::search {

using namespace cost;

OrderStage::OrderStage(const Mapspace &space, const CostModel &model, const Pricing &pricing,
                       bool withDeltas)
    : space(space), model(model), pricing(pricing), withDeltas(withDeltas) {}

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
  point.order[branch[step].level] = branch[step].choices[choice];
}

bool OrderStage::prepare(Point &point, TreeStats &stats) {
  int L = space.numLevels(), D = space.numDims(), T = space.numTensors();
  const Arch &arch = space.arch();
  auto kept = [&](int l, int t) {
    return l == 0 || ((arch.levels[l].keepMask & ~point.bypass[l]) >> t & 1);
  };
  // The innermost keeper of each tensor and the deepest level above it with a relevant loop.
  std::vector<int> innermost(T, 0), deepRelevant(T, -1);
  for (int t = 0; t < T; ++t) {
    for (int l = 1; l < L; ++l)
      if (kept(l, t))
        innermost[t] = l;
    for (int l = innermost[t] - 1; l >= 0 && deepRelevant[t] < 0; --l)
      for (int d = 0; d < D; ++d)
        if ((space.relevant(t) >> d & 1) && point.temporal[l * D + d] > 1)
          deepRelevant[t] = l;
  }
  branch.clear();
  std::vector<std::vector<std::vector<int>>> offered(L);
  for (int l = 0; l < L; ++l) {
    DimMask activeDims = 0;
    std::vector<int> dims;
    for (int d = 0; d < D; ++d)
      if (point.temporal[l * D + d] > 1) {
        activeDims |= DimMask(1) << d;
        dims.push_back(d);
      }
    if (dims.size() <= 1) {
      point.order[l] = dims;
      continue;
    }
    TensorMask relevant = 0, mustTrail = 0;
    for (int t = 0; t < T; ++t) {
      for (int c = l + 1; c < L; ++c)
        if (kept(c, t))
          relevant |= TensorMask(1) << t;
      if ((space.constraints().stationary >> t & 1) && innermost[t] > l && deepRelevant[t] == l)
        mustTrail |= TensorMask(1) << t;
    }
    const std::vector<OrderClass> &classes = classesOf(l, activeDims, relevant, mustTrail);
    if (classes.empty()) {
      ++stats.noOrder;
      return false;
    }
    point.order[l] = classes[0].representative;
    if (classes.size() > 1) {
      Level lv;
      lv.level = l;
      for (const OrderClass &c : classes)
        lv.choices.push_back(c.representative);
      branch.push_back(std::move(lv));
    }
  }
  if (!withDeltas)
    return true;

  model.evaluate(space.toMapping(point), report);
  ++stats.evaluations;
  if (!report.valid) {
    ++stats.invalid;
    return false;
  }
  base.fromReport(report);
  active = report.activeInstances;
  computeCycles = report.computeCycles;
  // One evaluation per other class: its counts minus the base counts; classes with equal
  // deltas cost the same in every combination, so only the first (smallest) is kept.
  std::vector<Level> kept2;
  Counts counts;
  for (Level &lv : branch) {
    Level out;
    out.level = lv.level;
    std::vector<int> first = point.order[lv.level];
    for (size_t k = 0; k < lv.choices.size(); ++k) {
      Counts delta;
      delta.reset(base.levels, base.tensors);
      if (k > 0) {
        point.order[lv.level] = lv.choices[k];
        model.evaluate(space.toMapping(point), report);
        ++stats.evaluations;
        if (!report.valid) {
          ++stats.invalid;
          continue;
        }
        counts.fromReport(report);
        for (size_t i = 0; i < delta.v.size(); ++i)
          delta.v[i] = counts.v[i] - base.v[i];
      }
      bool duplicate = std::any_of(out.delta.begin(), out.delta.end(),
                                   [&](const Counts &c) { return c.v == delta.v; });
      if (duplicate)
        continue;
      out.choices.push_back(lv.choices[k]);
      out.delta.push_back(std::move(delta));
    }
    point.order[lv.level] = first;
    if (out.choices.size() <= 1)
      continue;
    out.minDelta = out.delta[0];
    for (const Counts &c : out.delta)
      for (size_t i = 0; i < c.v.size(); ++i)
        out.minDelta.v[i] = std::min(out.minDelta.v[i], c.v[i]);
    kept2.push_back(std::move(out));
  }
  branch = std::move(kept2);
  return true;
}

void OrderStage::bound(const uint32_t *choices, int decided, double &energy, double &cycles) {
  sum = base;
  for (int s = 0; s < numSteps(); ++s) {
    const Counts &add = s < decided ? branch[s].delta[choices[s]] : branch[s].minDelta;
    for (size_t i = 0; i < sum.v.size(); ++i)
      sum.v[i] += add.v[i];
  }
  pricing.price(sum, active.data(), nullptr, computeCycles, energy, cycles);
}

} // namespace tessel::search
