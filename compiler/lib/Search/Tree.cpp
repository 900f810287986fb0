// The search tree: steps, children (with validity filters), bounds, depth-first exploration.
#include "Tree.h"

#include "OrderStage.h"

#include <algorithm>
#include <bit>

namespace tessel::search {

using namespace cost;

void TreeStats::add(const TreeStats &o) {
  nodes += o.nodes;
  pruned += o.pruned;
  evaluations += o.evaluations;
  leaves += o.leaves;
  invalid += o.invalid;
  overLimits += o.overLimits;
  noSpatialSplit += o.noSpatialSplit;
  noOrder += o.noOrder;
  if (overCapacity.size() < o.overCapacity.size())
    overCapacity.resize(o.overCapacity.size(), 0);
  for (size_t l = 0; l < o.overCapacity.size(); ++l)
    overCapacity[l] += o.overCapacity[l];
  for (auto [mine, theirs] : {std::pair{&depthNodes, &o.depthNodes}, {&depthKept, &o.depthKept}}) {
    if (mine->size() < theirs->size())
      mine->resize(theirs->size(), 0);
    for (size_t i = 0; i < theirs->size(); ++i)
      (*mine)[i] += (*theirs)[i];
  }
}

bool Best::improvedBy(const Score &s, const std::vector<int64_t> &k) const {
  if (!found)
    return true;
  int c = compare(s, score);
  return c < 0 || (c == 0 && k < key);
}

Explorer::Explorer(const Mapspace &space, const CostModel &model, const TreeSettings &settings)
    : space(space), model(model), settings(settings), pricing(space), bounder(space, pricing) {
  int L = space.numLevels(), D = space.numDims();
  steps.push_back({Kind::Bypass, 0});
  for (int l = 0; l < L; ++l)
    if (space.fanX(l) * space.fanY(l) > 1)
      steps.push_back({Kind::Spatial, l});
  for (int l = L - 1; l >= 0; --l)
    steps.push_back({Kind::Temporal, l});
  point.temporal.assign(static_cast<size_t>(L * D), 1);
  point.spatial.assign(static_cast<size_t>(L * D), 1);
  point.bypass.assign(L, 0);
  point.order.assign(L, {});
  spatialKnown.reset(new bool[L]);
  cycleCap = search::cycleCap(settings.limits, space.problem().macs(),
                              space.arch().computeUnits());
  orders = std::make_unique<OrderStage>(space, model, pricing, settings.useBounds);
}

Explorer::~Explorer() = default;

Decided Explorer::decidedAt(int depth) {
  int L = space.numLevels();
  for (int l = 0; l < L; ++l)
    spatialKnown[l] = space.fanX(l) * space.fanY(l) == 1;
  Decided dec;
  dec.spatialKnown = spatialKnown.get();
  dec.temporalFrom = L;
  for (int k = 0; k < depth && k < numStatic(); ++k) {
    if (steps[k].kind == Kind::Spatial)
      spatialKnown[steps[k].level] = true;
    else if (steps[k].kind == Kind::Temporal)
      dec.temporalFrom = steps[k].level;
  }
  return dec;
}

void Explorer::candidates(int depth) {
  const Step &step = steps[depth];
  int L = space.numLevels(), D = space.numDims(), l = step.level;
  cand.assign(D, {1});
  candDims.clear();
  for (int d = 0; d < D; ++d) {
    if (space.bound(d) == 1)
      continue;
    int64_t residual = space.bound(d);
    if (step.kind == Kind::Spatial) {
      for (int j = 0; j < l; ++j)
        residual /= point.spatial[j * D + d];
      bool onX = space.allowX(l) >> d & 1, onY = space.allowY(l) >> d & 1;
      int64_t cap = (onX ? space.fanX(l) : 1) * (onY ? space.fanY(l) : 1);
      cand[d].clear();
      for (int64_t f : space.divisorsOf(d, residual))
        if (f <= cap)
          cand[d].push_back(f);
    } else {
      for (int j = 0; j < L; ++j)
        residual /= point.spatial[j * D + d];
      for (int j = l + 1; j < L; ++j)
        residual /= point.temporal[j * D + d];
      cand[d] = l == 0 ? std::vector<int64_t>{residual} : space.divisorsOf(d, residual);
    }
    if (cand[d].size() > 1)
      candDims.push_back(d);
  }
  if (step.kind != Kind::Temporal || l == 0)
    return;
  // An empty level below a 1x1 fan-out holds no loops: they behave exactly as the innermost
  // loops of the level above (docs/search.md, "Dominance").
  bool empty = (space.arch().levels[l].keepMask & ~point.bypass[l]) == 0;
  if (empty && space.fanX(l - 1) * space.fanY(l - 1) == 1 && space.orderConstraint(l).empty() &&
      space.orderConstraint(l - 1).empty()) {
    candDims.clear();
    cand.assign(D, {1});
    return;
  }
  // Stationary tensors: above a level holding a relevant loop, irrelevant factors stay 1.
  for (int t = 0; t < space.numTensors(); ++t) {
    if (!(space.constraints().stationary >> t & 1))
      continue;
    int inner = 0;
    for (int c = 1; c < L; ++c)
      if ((space.arch().levels[c].keepMask & ~point.bypass[c]) >> t & 1)
        inner = c;
    bool relevantBelow = false;
    for (int c = l + 1; c < inner && !relevantBelow; ++c)
      for (int d = 0; d < D; ++d)
        if ((space.relevant(t) >> d & 1) && point.temporal[c * D + d] > 1)
          relevantBelow = true;
    if (!relevantBelow || l >= inner)
      continue;
    for (int d = 0; d < D; ++d)
      if (!(space.relevant(t) >> d & 1))
        cand[d] = {1};
  }
  candDims.erase(std::remove_if(candDims.begin(), candDims.end(),
                                [&](int d) { return cand[d].size() <= 1; }),
                 candDims.end());
  // Dims irrelevant to more of the tensors kept below go first: once decided, they fix how
  // often those tensors are refetched, which the partial bounds of generateFactors use.
  TensorMask below = 0;
  for (int c = l + 1; c < L; ++c)
    below |= space.arch().levels[c].keepMask & ~point.bypass[c];
  auto irrelevantTo = [&](int d) {
    int n = 0;
    for (int t = 0; t < space.numTensors(); ++t)
      n += (below >> t & 1) && !(space.relevant(t) >> d & 1);
    return n;
  };
  std::stable_sort(candDims.begin(), candDims.end(),
                   [&](int a, int b) { return irrelevantTo(a) > irrelevantTo(b); });
}

bool Explorer::applyStatic(int depth, uint32_t rank) {
  const Step &step = steps[depth];
  int L = space.numLevels(), D = space.numDims();
  if (step.kind == Kind::Bypass) {
    TensorMask all = space.numTensors() >= 32 ? ~TensorMask(0)
                                              : (TensorMask(1) << space.numTensors()) - 1;
    point.bypass[0] = 0;
    for (int l = 1; l < L; ++l) {
      TensorMask free = space.keepable(l) & ~space.forcedKeep(l);
      uint32_t n = static_cast<uint32_t>(std::popcount(free));
      uint32_t digit = rank & ((1u << n) - 1);
      rank >>= n;
      TensorMask keep = space.forcedKeep(l);
      for (int t = 0, bit = 0; t < space.numTensors(); ++t)
        if (free >> t & 1)
          keep |= static_cast<TensorMask>((digit >> bit++) & 1) << t;
      point.bypass[l] = space.arch().levels[l].keepMask & all & ~keep;
    }
    return rank == 0;
  }
  candidates(depth);
  int64_t *row = step.kind == Kind::Spatial ? &point.spatial[step.level * D]
                                            : &point.temporal[step.level * D];
  for (int d = 0; d < D; ++d)
    row[d] = cand[d][0];
  for (int d : candDims) {
    uint32_t n = static_cast<uint32_t>(cand[d].size());
    row[d] = cand[d][rank % n];
    rank /= n;
  }
  return rank == 0;
}

bool Explorer::replay(const std::vector<uint32_t> &path) {
  for (size_t k = 0; k < path.size(); ++k) {
    int depth = static_cast<int>(k);
    if (depth < numStatic()) {
      if (!applyStatic(depth, path[k]))
        return false;
      TreeStats scratch;
      if (depth + 1 == numStatic() && !orders->prepare(point, scratch))
        return false;
    } else {
      orders->apply(point, depth - numStatic(), path[k]);
    }
  }
  return true;
}

bool Explorer::scoreNode(int depth, Score &score, TreeStats &stats) {
  score = Score{};
  if (!settings.useBounds)
    return true;
  double energy, cycles;
  bounder.bound(point, decidedAt(depth + 1), energy, cycles);
  ++stats.nodes;
  --workLeft;
  if ((cycleCap > 0 && cycles > static_cast<double>(cycleCap)) ||
      (settings.limits.maxEnergy > 0 && energy > settings.limits.maxEnergy * (1 + 1e-12))) {
    ++stats.overLimits;
    return false;
  }
  score = scoreBound(settings.objective, energy, cycles);
  return true;
}

} // namespace tessel::search
