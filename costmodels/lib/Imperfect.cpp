// Exact flow counts for imperfectly factored mappings (docs/model.md section 12): per-index sums
// over per-dim histograms of how far each tile position is from the bound.
#include "Imperfect.h"

#include "BitSet.h"

#include <algorithm>
#include <utility>

namespace tessel::cost {

namespace {

/// A loop's digit range [lo, hi) and its stride within its dim.
struct Digit {
  int64_t lo, hi, stride;
};

/// One dim as one flow sees it, per unit: a child instance, or a group of children merged by
/// the network. Tile positions are `base + member + [0, tile)` clipped to [0, bound), with
/// `base` enumerated (temporal loops above the child by the event, unmerged spatial loops) and
/// `member` ranging over the offsets of the unit's children (unioned).
struct DimView {
  int64_t bound = 1, tile = 1;
  /// The dim's factors multiply to more than its bound (else nothing is ever clipped).
  bool padded = false;
  /// Positions in Counter::temporal of the temporal loops above the child over this dim.
  std::vector<int> temporal;
  /// The enumerated spatial loops above the child over this dim.
  std::vector<Digit> spatial;
  /// Sorted distinct offsets of the unit's children (starts with 0).
  std::vector<int64_t> members;
};

/// The steps of one kind: each temporal loop's digit range and, per dim, the move of the tile
/// base from the old position (the previous step, or Timeloop's reference) to the new one.
struct Event {
  std::vector<int64_t> lo, hi, delta;
};

/// How many (step, unit) tuples have these remaining lengths `bound - base` at the new and the
/// old position, each clamped to [0, cap] (cap: every member's tile whole).
struct Bin {
  int64_t now, old, count;
};

/// Sums over tuples of |U| (the union of the new tiles of a unit's members), |U| - |V| (V: the
/// union of the members' new-minus-old), and the same with new and old swapped.
struct Sums {
  int64_t now = 1, nowKept = 1, old = 1, oldKept = 1;
  void times(const Sums &s) {
    now *= s.now;
    nowKept *= s.nowKept;
    old *= s.old;
    oldKept *= s.oldKept;
  }
};

/// An index of the tensor: its dims and their coefficients (a dim the tensor does not index is
/// an index of its own with coefficient 0: its only effect is to empty the tile when clipped).
using Index = std::vector<std::pair<size_t, int64_t>>;

int64_t clamp(int64_t v, int64_t cap) { return v < 0 ? 0 : v > cap ? cap : v; }

/// Sorted distinct values of sum(digit * stride) over `loops`.
std::vector<int64_t> offsets(const std::vector<Digit> &loops) {
  std::vector<int64_t> out{0};
  for (const Digit &loop : loops) {
    std::vector<int64_t> next;
    for (int64_t base : out)
      for (int64_t i = loop.lo; i < loop.hi; ++i)
        next.push_back(base + i * loop.stride);
    out = std::move(next);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

class Counter {
public:
  Counter(const Problem &problem, const Arch &arch, const LoopNest &nest, int tensor, int parent,
          int child, Convention convention);
  FlowCounts run() const;

private:
  /// Units: 0 child instances, 1 groups; `ever`: the temporal loops join the members.
  std::vector<DimView> views(int unit, bool ever) const;
  std::vector<Bin> histogram(const DimView &v, size_t d, const Event &e, bool withOld) const;
  Sums indexSums(const Index &index, const std::vector<DimView> &views, const Event &e,
                 bool withOld, bool slide) const;
  Sums totals(const std::vector<DimView> &views, const Event &e, bool withOld, bool slide) const;
  /// The union over members of the clipped tiles at the new (or old) positions of `bins`.
  BitSet unionSet(const Index &index, const std::vector<DimView> &views,
                  const std::vector<const Bin *> &bins, const Event &e, bool old, int64_t lo,
                  int64_t width) const;
  /// The first step, the last step, or every step (`first` and `last` false).
  Event steps(bool first, bool last) const;
  /// The advances of temporal loop k, from the previous step (or Timeloop's reference).
  Event advance(int k, bool timeloopRef) const;
  /// Timeloop's translation of loop k's advance, per index (docs/model.md section 11, T1).
  std::vector<int64_t> translation(int k) const;

  const Problem &problem;
  const Arch &arch;
  const LoopNest &nest;
  int tensor, parent, child;
  Convention convention;
  bool isOutput, isCompute;
  /// The temporal loops above the child, outer to inner.
  std::vector<const NestLoop *> temporal;
  std::vector<Index> indices;
};

Counter::Counter(const Problem &problem, const Arch &arch, const LoopNest &nest, int tensor,
                 int parent, int child, Convention convention)
    : problem(problem), arch(arch), nest(nest), tensor(tensor), parent(parent), child(child),
      convention(convention), isOutput(problem.tensors[tensor].isOutput),
      isCompute(static_cast<size_t>(child) == arch.levels.size()) {
  for (const NestLoop &loop : nest.loops)
    if (loop.level < child && !loop.spatial)
      temporal.push_back(&loop);
  size_t numDims = problem.dims.size();
  std::vector<bool> indexed(numDims, false);
  for (const std::vector<int64_t> &coeffs : problem.tensors[tensor].projection) {
    Index index;
    for (size_t d = 0; d < numDims && d < coeffs.size(); ++d)
      if (coeffs[d] != 0) {
        index.push_back({d, coeffs[d]});
        indexed[d] = true;
      }
    // A one-dim index has as many elements as its dim has values: scale it to 1.
    if (index.size() == 1)
      index[0].second = 1;
    if (!index.empty())
      indices.push_back(std::move(index));
  }
  for (size_t d = 0; d < numDims; ++d)
    if (!indexed[d])
      indices.push_back({{d, 0}});
}

std::vector<DimView> Counter::views(int unit, bool ever) const {
  auto merges = [&](int level) {
    return isOutput ? arch.fanOuts[level].reduction : arch.fanOuts[level].multicast;
  };
  size_t numDims = problem.dims.size();
  std::vector<DimView> out(numDims);
  std::vector<int64_t> product(numDims, 1);
  std::vector<std::vector<Digit>> merged(numDims), tau(numDims);
  for (size_t d = 0; d < numDims; ++d)
    out[d].bound = problem.dims[d].bound;
  for (const NestLoop &loop : nest.loops) {
    size_t d = static_cast<size_t>(loop.dim);
    product[d] *= loop.factor;
    if (loop.level >= child)
      out[d].tile *= loop.factor;
    else if (!loop.spatial)
      tau[d].push_back({0, loop.factor, loop.stride});
    else if (unit == 1 && loop.level >= parent && merges(loop.level))
      merged[d].push_back({0, loop.factor, loop.stride});
    else
      out[d].spatial.push_back({0, loop.factor, loop.stride});
  }
  for (size_t k = 0; k < temporal.size(); ++k)
    if (!ever)
      out[static_cast<size_t>(temporal[k]->dim)].temporal.push_back(static_cast<int>(k));
  for (size_t d = 0; d < numDims; ++d) {
    out[d].padded = product[d] > out[d].bound;
    if (ever)
      merged[d].insert(merged[d].end(), tau[d].begin(), tau[d].end());
    out[d].members = offsets(merged[d]);
  }
  return out;
}

Event Counter::steps(bool first, bool last) const {
  Event e{{}, {}, std::vector<int64_t>(problem.dims.size(), 0)};
  for (const NestLoop *loop : temporal) {
    e.lo.push_back(last ? loop->factor - 1 : 0);
    e.hi.push_back(first ? 1 : loop->factor);
  }
  return e;
}

Event Counter::advance(int k, bool timeloopRef) const {
  Event e = steps(true, false);
  for (size_t q = 0; q < temporal.size(); ++q) {
    int64_t f = temporal[q]->factor, stride = temporal[q]->stride;
    size_t d = static_cast<size_t>(temporal[q]->dim);
    if (q < static_cast<size_t>(k)) {
      e.hi[q] = f;
    } else if (q == static_cast<size_t>(k)) {
      e.lo[q] = 1;
      e.hi[q] = f;
      e.delta[d] += stride;
    } else {
      // The inner loops wrap from their last iteration (Timeloop: from iteration 1) to 0.
      e.delta[d] -= (timeloopRef ? 1 : f - 1) * stride;
    }
  }
  return e;
}

std::vector<Bin> Counter::histogram(const DimView &v, size_t d, const Event &e,
                                    bool withOld) const {
  int64_t cap = v.members.back() + v.tile, delta = withOld ? e.delta[d] : 0;
  std::vector<Digit> digits = v.spatial;
  for (int k : v.temporal)
    digits.push_back({e.lo[static_cast<size_t>(k)], e.hi[static_cast<size_t>(k)],
                      temporal[static_cast<size_t>(k)]->stride});
  if (!v.padded) {
    // Every position of a perfectly factored dim keeps every member's tile whole.
    int64_t tuples = 1;
    for (const Digit &digit : digits)
      tuples *= digit.hi - digit.lo;
    return {{cap, cap, tuples}};
  }
  std::vector<Bin> bins;
  std::vector<int64_t> at(digits.size());
  for (size_t i = 0; i < digits.size(); ++i)
    at[i] = digits[i].lo;
  while (true) {
    int64_t base = 0;
    for (size_t i = 0; i < digits.size(); ++i)
      base += at[i] * digits[i].stride;
    Bin bin{clamp(v.bound - base, cap), clamp(v.bound - base + delta, cap), 1};
    auto same = [&](const Bin &b) { return b.now == bin.now && b.old == bin.old; };
    if (auto it = std::find_if(bins.begin(), bins.end(), same); it != bins.end())
      ++it->count;
    else
      bins.push_back(bin);
    size_t i = digits.size();
    while (i > 0 && ++at[i - 1] == digits[i - 1].hi) {
      at[i - 1] = digits[i - 1].lo;
      --i;
    }
    if (i == 0)
      return bins;
  }
}

BitSet Counter::unionSet(const Index &index, const std::vector<DimView> &views,
                         const std::vector<const Bin *> &bins, const Event &e, bool old, int64_t lo,
                         int64_t width) const {
  BitSet set(width);
  int64_t start = -lo;
  for (const auto &[d, coef] : index)
    start -= old ? coef * e.delta[d] : 0;
  set.set(start);
  for (size_t j = 0; j < index.size(); ++j) {
    const auto &[d, coef] = index[j];
    const DimView &v = views[d];
    int64_t remaining = old ? bins[j]->old : bins[j]->now;
    // The dim's values: members' tiles clipped to the remaining length.
    BitSet values(v.members.back() + v.tile);
    for (int64_t member : v.members)
      for (int64_t y = member; y < member + v.tile && y < remaining; ++y)
        values.set(y);
    set.addScaled(values, coef);
  }
  return set;
}

Sums Counter::indexSums(const Index &index, const std::vector<DimView> &views, const Event &e,
                        bool withOld, bool slide) const {
  std::vector<std::vector<Bin>> hist;
  int64_t lo = 0, hi = 0;
  for (const auto &[d, coef] : index) {
    hist.push_back(histogram(views[d], d, e, withOld));
    int64_t delta = withOld ? e.delta[d] : 0;
    lo += coef * std::min<int64_t>(0, -delta);
    hi += coef * (views[d].members.back() + std::max<int64_t>(0, -delta) + views[d].tile - 1);
  }
  int64_t width = hi - lo + 1;
  Sums sums{0, 0, 0, 0};
  std::vector<size_t> pick(index.size(), 0);
  std::vector<const Bin *> bins(index.size());
  BitSet fresh(width), stale(width), a(width), b(width), scratch(width);
  while (true) {
    int64_t count = 1;
    for (size_t j = 0; j < index.size(); ++j) {
      bins[j] = &hist[j][pick[j]];
      count *= bins[j]->count;
    }
    int64_t now = unionSet(index, views, bins, e, false, lo, width).count();
    sums.now += count * now;
    if (withOld) {
      int64_t old = unionSet(index, views, bins, e, true, lo, width).count();
      sums.old += count * old;
      if (slide) {
        // V: what enters some member (new minus old), and what leaves some member.
        fresh.clear();
        stale.clear();
        std::vector<size_t> member(index.size(), 0);
        while (true) {
          int64_t pa = -lo, pb = -lo;
          for (size_t j = 0; j < index.size(); ++j) {
            const auto &[d, coef] = index[j];
            int64_t x = views[d].members[member[j]];
            pa += coef * x;
            pb += coef * (x - e.delta[d]);
          }
          a.clear();
          b.clear();
          a.set(pa);
          b.set(pb);
          for (size_t j = 0; j < index.size(); ++j) {
            const auto &[d, coef] = index[j];
            int64_t x = views[d].members[member[j]], tile = views[d].tile;
            a.addProgression(coef, std::min(tile, bins[j]->now - x));
            b.addProgression(coef, std::min(tile, bins[j]->old - x));
          }
          scratch = a;
          scratch.andNot(b);
          fresh.orWith(scratch);
          b.andNot(a);
          stale.orWith(b);
          size_t j = index.size();
          while (j > 0 && ++member[j - 1] == views[index[j - 1].first].members.size()) {
            member[j - 1] = 0;
            --j;
          }
          if (j == 0)
            break;
        }
        sums.nowKept += count * (now - fresh.count());
        sums.oldKept += count * (old - stale.count());
      }
    }
    size_t j = index.size();
    while (j > 0 && ++pick[j - 1] == hist[j - 1].size()) {
      pick[j - 1] = 0;
      --j;
    }
    if (j == 0)
      return sums;
  }
}

Sums Counter::totals(const std::vector<DimView> &views, const Event &e, bool withOld,
                     bool slide) const {
  Sums total;
  for (const Index &index : indices)
    total.times(indexSums(index, views, e, withOld, slide));
  return total;
}

std::vector<int64_t> Counter::translation(int k) const {
  Event e = advance(k, true);
  std::vector<int64_t> v;
  for (const std::vector<int64_t> &coeffs : problem.tensors[tensor].projection) {
    int64_t sum = 0;
    for (size_t d = 0; d < coeffs.size() && d < e.delta.size(); ++d)
      sum += coeffs[d] * e.delta[d];
    v.push_back(sum);
  }
  return v;
}

FlowCounts Counter::run() const {
  FlowCounts c;
  int m = static_cast<int>(temporal.size());
  bool timeloop = convention == Convention::Timeloop;
  std::vector<int64_t> inner = m ? translation(m - 1) : std::vector<int64_t>{};
  for (int unit = 0; unit < 2; ++unit) {
    std::vector<DimView> v = views(unit, false);
    int64_t entries = 0, leaves = 0;
    if (isCompute) {
      // Compute units keep nothing: at every step every operand enters and every result leaves.
      entries = leaves = totals(v, steps(false, false), false, false).now;
    } else {
      entries = totals(v, steps(true, false), false, false).now;
      for (int k = 0; k < m; ++k) {
        // Timeloop refills unless the innermost loop slides or the translation repeats.
        bool slide = !timeloop || k + 1 == m || translation(k) == inner;
        Sums s = totals(v, advance(k, timeloop && slide), true, slide);
        entries += slide ? s.now - s.nowKept : s.now;
        leaves += slide ? s.old - s.oldKept : s.old;
      }
      leaves += totals(v, steps(false, true), false, false).now; // the final drain
    }
    int64_t ever = totals(views(unit, true), steps(false, false), false, false).now;
    (unit == 0 ? c.entries : c.groupEntries) = entries;
    (unit == 0 ? c.leaves : c.groupLeaves) = leaves;
    (unit == 0 ? c.firstEntries : c.groupFirst) = ever;
  }
  return c;
}

} // namespace

FlowCounts imperfectFlowCounts(const Problem &problem, const Arch &arch, const LoopNest &nest,
                               int tensor, int parent, int child, Convention convention) {
  return Counter(problem, arch, nest, tensor, parent, child, convention).run();
}

} // namespace tessel::cost
