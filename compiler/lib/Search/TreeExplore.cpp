// Depth-first exploration of the search tree: children generation, pruning, leaves, budgets.
#include "OrderStage.h"
#include "Tree.h"
#include "tessel/Search/Searcher.h"

#include <algorithm>
#include <bit>
#include <functional>

namespace tessel::search {

using namespace cost;

namespace {

/// The better score of the incumbent and the explorer's own best, or null when neither exists.
const Score *cutScore(const Best &incumbent, const Best &best) {
  if (best.found && (!incumbent.found || compare(best.score, incumbent.score) < 0))
    return &best.score;
  return incumbent.found ? &incumbent.score : nullptr;
}

bool byScore(const std::pair<Score, uint32_t> &a, const std::pair<Score, uint32_t> &b) {
  int c = compare(a.first, b.first);
  return c != 0 ? c < 0 : a.second < b.second;
}

} // namespace

void Explorer::generateFactors(int depth, Frame &frame, const Best &cut, TreeStats &stats) {
  const Step &step = steps[depth];
  int L = space.numLevels(), D = space.numDims(), l = step.level;
  candidates(depth);
  bool spatialStep = step.kind == Kind::Spatial;
  int64_t *row = spatialStep ? &point.spatial[l * D] : &point.temporal[l * D];
  for (int d = 0; d < D; ++d)
    row[d] = cand[d][0];
  std::vector<int64_t> below(D, 1), extent(D, 1), x(D), y(D);
  for (int d = 0; d < D; ++d)
    for (int j = l + 1; j < L; ++j)
      below[d] *= point.temporal[j * D + d] * point.spatial[j * D + d];
  TensorMask keep = l == 0 ? ~TensorMask(0) : space.arch().levels[l].keepMask & ~point.bypass[l];
  int64_t capacity = space.arch().levels[l].capacityWords;
  int64_t fanSize = space.fanX(l) * space.fanY(l);
  auto fits = [&]() {
    if (spatialStep) {
      int64_t product = 1;
      for (int d = 0; d < D; ++d)
        product *= row[d];
      return product <= fanSize;
    }
    if (capacity == 0)
      return true;
    for (int d = 0; d < D; ++d)
      extent[d] = row[d] * point.spatial[l * D + d] * below[d];
    int64_t words = 0;
    for (int t = 0; t < space.numTensors(); ++t)
      if (keep >> t & 1)
        words += space.tileWords(t, l, extent.data());
    if (words <= capacity)
      return true;
    ++stats.overCapacity[l];
    return false;
  };
  const Score *bar = cut.found ? &cut.score : nullptr;
  // Partial bounds: with some of the level's dims decided, a bound valid for every choice of
  // the others prunes all those children at once.
  std::vector<int64_t> largest(D, 1);
  for (int d = 0; d < D; ++d)
    largest[d] = cand[d].back();
  bool partialBounds = settings.useBounds && !spatialStep && l > 0 && bar && candDims.size() > 1;
  std::function<void(size_t, uint32_t, uint32_t)> visit = [&](size_t k, uint32_t rank,
                                                               uint32_t radix) {
    if (!fits())
      return;
    if (partialBounds && k > 0 && k + 1 < candDims.size()) {
      DimMask undecided = 0;
      for (size_t j = k; j < candDims.size(); ++j)
        undecided |= DimMask(1) << candDims[j];
      Decided dec = decidedAt(depth);
      dec.partialLevel = l;
      dec.partialDecided = ~undecided;
      dec.partialMax = largest.data();
      double energy, cycles;
      bounder.bound(point, dec, energy, cycles);
      ++stats.nodes;
      --workLeft;
      if (boundExceeds(scoreBound(settings.objective, energy, cycles), *bar)) {
        ++stats.pruned;
        return;
      }
    }
    if (k == candDims.size()) {
      if (spatialStep && !space.splitSpatial(l, row, x.data(), y.data())) {
        ++stats.noSpatialSplit;
        return;
      }
      Score s;
      if (!scoreNode(depth, s, stats))
        return;
      if (bar && settings.useBounds && boundExceeds(s, *bar)) {
        ++stats.pruned;
        return;
      }
      frame.children.push_back({s, rank});
      return;
    }
    int d = candDims[k];
    uint32_t n = static_cast<uint32_t>(cand[d].size());
    for (uint32_t i = 0; i < n; ++i) {
      row[d] = cand[d][i];
      visit(k + 1, rank + i * radix, radix * n);
    }
    row[d] = cand[d][0];
  };
  if (!spatialStep)
    bounder.beginFrame(l);
  visit(0, 0, 1);
  bounder.endFrame();
}

void Explorer::generate(int depth, Frame &frame, const Best &cut, TreeStats &stats) {
  frame.depth = depth;
  frame.children.clear();
  frame.next = 0;
  int64_t nodesBefore = stats.nodes;
  auto offer = [&](uint32_t rank) {
    Score s;
    if (!scoreNode(depth, s, stats))
      return;
    if (settings.useBounds && cut.found && boundExceeds(s, cut.score)) {
      ++stats.pruned;
      return;
    }
    frame.children.push_back({s, rank});
  };
  if (depth >= numStatic()) {
    int s = depth - numStatic();
    orderChoice.resize(orders->numSteps());
    for (int k = 0; k < orders->numChoices(s); ++k) {
      orderChoice[s] = static_cast<uint32_t>(k);
      if (!settings.useBounds) {
        frame.children.push_back({Score{}, static_cast<uint32_t>(k)});
        continue;
      }
      double energy, cycles;
      orders->bound(orderChoice.data(), s + 1, energy, cycles);
      ++stats.nodes;
      --workLeft;
      if ((cycleCap > 0 && cycles > static_cast<double>(cycleCap)) ||
          (settings.limits.maxEnergy > 0 && energy > settings.limits.maxEnergy * (1 + 1e-12))) {
        ++stats.overLimits;
        continue;
      }
      Score score = scoreBound(settings.objective, energy, cycles);
      if (cut.found && boundExceeds(score, cut.score)) {
        ++stats.pruned;
        continue;
      }
      frame.children.push_back({score, static_cast<uint32_t>(k)});
    }
  } else if (steps[depth].kind == Kind::Bypass) {
    uint32_t combos = 1;
    for (int l = 1; l < space.numLevels(); ++l)
      combos <<= std::popcount(space.keepable(l) & ~space.forcedKeep(l));
    for (uint32_t rank = 0; rank < combos; ++rank) {
      applyStatic(depth, rank);
      offer(rank);
    }
  } else {
    generateFactors(depth, frame, cut, stats);
  }
  std::stable_sort(frame.children.begin(), frame.children.end(), byScore);
  if (stats.depthKept.size() <= static_cast<size_t>(depth)) {
    stats.depthKept.resize(depth + 1, 0);
    stats.depthNodes.resize(depth + 1, 0);
  }
  stats.depthKept[depth] += static_cast<int64_t>(frame.children.size());
  stats.depthNodes[depth] += stats.nodes - nodesBefore;
}

void Explorer::leaf(const Best &cut, Best &best, TreeStats &stats) {
  ++stats.leaves;
  if (!space.meetsOrderConstraints(point)) {
    ++stats.noOrder;
    return;
  }
  if (settings.useBounds) {
    double energy, cycles;
    orders->bound(orderChoice.data(), orders->numSteps(), energy, cycles);
    Score exact = scoreBound(settings.objective, energy, cycles);
    if (cut.found && boundExceeds(exact, cut.score)) {
      ++stats.pruned;
      return;
    }
  }
  space.toMapping(point, mapping);
  evaluateOrThrow(model, mapping, report);
  ++stats.evaluations;
  --workLeft;
  if (!report.valid) {
    ++stats.invalid;
    return;
  }
  if (!meetsLimits(settings.limits, report, space.arch().computeUnits())) {
    ++stats.overLimits;
    return;
  }
  Score s = scoreOf(settings.objective, report);
  std::vector<int64_t> key = pointKey(point);
  if (!best.improvedBy(s, key))
    return;
  best.found = true;
  best.score = s;
  best.key = std::move(key);
  best.point = point;
  best.report = report;
}

void Explorer::explore(const Unit &unit, const Best &incumbent, int64_t work, Best &best,
                       std::vector<Unit> &rest, TreeStats &stats) {
  stats.overCapacity.resize(space.numLevels(), 0);
  workLeft = work;
  if (!replay(unit.path))
    return;
  std::vector<uint32_t> path = unit.path;
  orderChoice.assign(unit.path.size() > static_cast<size_t>(numStatic())
                         ? unit.path.size() - numStatic()
                         : 0,
                     0);
  for (size_t k = numStatic(); k < unit.path.size(); ++k)
    orderChoice[k - numStatic()] = unit.path[k];
  // The cut: the better of the incumbent and this explorer's best, kept current.
  Best cut;
  auto refreshCut = [&]() {
    const Score *s = cutScore(incumbent, best);
    cut.found = s != nullptr;
    if (s)
      cut.score = *s;
  };
  refreshCut();
  int depth = static_cast<int>(path.size());
  auto isLeaf = [&](int d) { return d >= numStatic() && d == numStatic() + orders->numSteps(); };
  if (isLeaf(depth)) {
    leaf(cut, best, stats);
    return;
  }
  std::vector<Frame> stack(1);
  generate(depth, stack.back(), cut, stats);
  while (!stack.empty()) {
    Frame &top = stack.back();
    if (top.next == top.children.size()) {
      stack.pop_back();
      continue;
    }
    if (workLeft <= 0 && top.depth < numStatic()) {
      // Spill: the unexplored siblings of every open frame, deepest (most promising) first.
      for (size_t f = stack.size(); f-- > 0;) {
        std::vector<uint32_t> prefix(path.begin(), path.begin() + stack[f].depth);
        for (size_t i = stack[f].next; i < stack[f].children.size(); ++i) {
          Unit u{prefix, stack[f].children[i].first};
          u.path.push_back(stack[f].children[i].second);
          rest.push_back(std::move(u));
        }
      }
      return;
    }
    auto [score, rank] = top.children[top.next++];
    if (settings.useBounds && cut.found && boundExceeds(score, cut.score)) {
      ++stats.pruned;
      continue;
    }
    int d = top.depth;
    path.resize(static_cast<size_t>(d));
    path.push_back(rank);
    if (d < numStatic()) {
      applyStatic(d, rank);
      if (d + 1 == numStatic()) {
        int64_t before = stats.evaluations;
        bool ok = orders->prepare(point, stats);
        workLeft -= stats.evaluations - before;
        orderChoice.assign(orders->numSteps(), 0);
        if (!ok)
          continue;
        // The order stage's own bound (every level at its smallest delta) before its children.
        if (settings.useBounds && cut.found && orders->numSteps() > 0) {
          double energy, cycles;
          orders->bound(orderChoice.data(), 0, energy, cycles);
          ++stats.nodes;
          if (boundExceeds(scoreBound(settings.objective, energy, cycles), cut.score)) {
            ++stats.pruned;
            continue;
          }
        }
      }
    } else {
      orders->apply(point, d - numStatic(), rank);
      orderChoice[d - numStatic()] = rank;
    }
    if (isLeaf(d + 1)) {
      leaf(cut, best, stats);
      refreshCut();
      if (settings.firstValid && best.found)
        return;
      continue;
    }
    stack.emplace_back();
    generate(d + 1, stack.back(), cut, stats);
  }
}

void Explorer::expand(const Unit &unit, const Best &incumbent, std::vector<Unit> &children,
                      TreeStats &stats) {
  stats.overCapacity.resize(space.numLevels(), 0);
  workLeft = INT64_MAX / 4;
  int depth = static_cast<int>(unit.path.size());
  if (depth >= numStatic() || !replay(unit.path))
    return;
  Frame frame;
  generate(depth, frame, incumbent, stats);
  for (const auto &[score, rank] : frame.children) {
    Unit u{unit.path, score};
    u.path.push_back(rank);
    children.push_back(std::move(u));
  }
}

} // namespace tessel::search
