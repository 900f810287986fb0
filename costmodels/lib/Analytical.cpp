// Closed-form fills, reads, updates and read-backs from translation-invariant 1-D index sets.
#include "tessel/cost/Analytical.h"

#include "Finalize.h"
#include "IndexSet.h"
#include "LoopNest.h"

#include <algorithm>
#include <memory>
#include <new>

namespace tessel::cost {

AnalyticalModel::AnalyticalModel(Problem problem, Arch arch, Convention convention)
    : prob(std::move(problem)), hw(std::move(arch)), conv(convention), numDims(prob.dims.size()) {
  size_t numTensors = prob.tensors.size();
  indexOf.assign(numTensors * numDims, -1);
  coeffOf.assign(numTensors * numDims, 0);
  macs = prob.macs();
  setupErrors = validateProblem(prob);
  for (std::string &e : validateArch(hw, prob))
    setupErrors.push_back(std::move(e));
  // The outermost level holds every tensor whole, whatever the mapping.
  for (size_t t = 0; t < numTensors && setupErrors.empty(); ++t)
    outermostWords += prob.tensorElements(static_cast<int>(t)) *
                      wordsPerElement(prob, static_cast<int>(t), hw.levels[0].wordBits);
  // Indices are renumbered to the live ones: a dim of bound 1 never moves, so an index whose
  // dims all have bound 1 is a constant (factor 1 in every product) and is dropped.
  numIndices.assign(numTensors, 0);
  indexBase.assign(numTensors, 0);
  numMulti.assign(numTensors, 0);
  for (size_t t = 0; t < numTensors; ++t) {
    const Tensor &tensor = prob.tensors[t];
    indexBase[t] = static_cast<int>(singleDim.size());
    for (const std::vector<int64_t> &coeffs : tensor.projection) {
      int dimsUsed = 0, lastDim = -1;
      int64_t c = 1;
      for (size_t d = 0; d < coeffs.size() && d < numDims; ++d)
        if (coeffs[d] != 0 && prob.dims[d].bound > 1) {
          ++dimsUsed;
          c = coeffs[d];
          lastDim = static_cast<int>(d);
          indexOf[t * numDims + d] = numIndices[t];
          coeffOf[t * numDims + d] = coeffs[d];
        }
      if (dimsUsed == 0)
        continue;
      ++numIndices[t];
      singleDimOf.push_back(lastDim);
      singleDim.push_back(dimsUsed == 1);
      numMulti[t] += dimsUsed > 1;
      singleCoef.push_back(c);
    }
  }
}

namespace {

/// Array of n elements, constructed in place when n <= N (no allocation per flow). Elements of
/// trivial types start indeterminate.
template <typename T, size_t N> class SmallArray {
public:
  explicit SmallArray(size_t n) : size(n) {
    if (n > N) {
      heap = std::make_unique<T[]>(n);
      data = heap.get();
    } else {
      data = reinterpret_cast<T *>(storage);
      for (size_t i = 0; i < n; ++i)
        new (data + i) T; // default-initialised: callers set every element they read
    }
  }
  ~SmallArray() {
    if (size <= N)
      for (size_t i = 0; i < size; ++i)
        data[i].~T();
  }
  SmallArray(const SmallArray &) = delete;
  SmallArray &operator=(const SmallArray &) = delete;
  T &operator[](size_t i) { return data[i]; }
  const T &operator[](size_t i) const { return data[i]; }

private:
  size_t size;
  T *data;
  alignas(T) unsigned char storage[N * sizeof(T)];
  std::unique_ptr<T[]> heap;
};

/// One index of a tensor seen from one flow: the child tile, its union over time ("ever") and
/// the offsets of the children merged by the network. An index over a single dim (the common
/// case) is exact with integers: its tile is coef * [0, e), and every loop of the dim outside
/// the tile adds a mixed-radix digit whose stride is a multiple of e, so all sums are distinct
/// and sizes multiply. Other indices use exact IndexSets.
/// The exact sets of an index over several dims.
struct IndexSets {
  IndexSet tile, ever, offsets;
  int64_t n1 = 1;
};

template <bool CanBeMulti> class IndexTerm {
public:
  using Sets = IndexSets;

  /// An index over several dims, built loop by loop into `multi`.
  /// Whether the index is over at most one dim (always, when the tensor has no other kind).
  bool isSingle() const {
    if constexpr (CanBeMulti)
      return single;
    return true;
  }
  void initMulti(Sets *multi) {
    single = false;
    coef = 1;
    tileExt = offCount = everMul = 1;
    sets = multi;
  }
  /// An index over at most one dim: tile coef * [0, tile), `offsets` merged children, `ever`
  /// factors of the temporal loops above on the dim.
  void initSingle(int64_t coefficient, int64_t tile, int64_t offsets, int64_t ever) {
    single = true;
    coef = coefficient;
    tileExt = tile;
    offCount = offsets;
    everMul = ever;
    sets = nullptr;
  }
  void addTile(int64_t step, int64_t factor) {
    if (isSingle())
      tileExt *= factor;
    else
      sets->tile.addProgression(step, factor);
  }
  void addOffset(int64_t step, int64_t factor) {
    if (isSingle())
      offCount *= factor;
    else
      sets->offsets.addProgression(step, factor);
  }
  void addEver(int64_t step, int64_t factor) {
    if (isSingle())
      everMul *= factor;
    else
      sets->ever.addProgression(step, factor);
  }
  void finish() {
    if (!isSingle()) {
      sets->ever.add(sets->tile);
      sets->n1 = sets->offsets.sumSize(sets->tile);
    }
  }
  bool pointOffsets() const { return isSingle() ? offCount == 1 : sets->offsets.isPoint(); }
  int64_t tileSize() const { return isSingle() ? tileExt : sets->tile.size(); }
  int64_t everSize() const { return isSingle() ? tileExt * everMul : sets->ever.size(); }
  int64_t unionSize() const { return isSingle() ? offCount * tileExt : sets->n1; }
  int64_t groupEverSize() const {
    return isSingle() ? offCount * tileExt * everMul : sets->offsets.sumSize(sets->ever);
  }
  /// |T intersect (T + delta)|.
  int64_t overlap(int64_t delta) const {
    if (!isSingle())
      return sets->tile.overlap(delta);
    if (delta == 0)
      return tileExt;
    int64_t s = delta < 0 ? -delta : delta;
    if (coef != 1)
      s /= coef;
    return s >= tileExt ? 0 : tileExt - s;
  }
  /// |O (+) T| - |O (+) ((T + delta) \ T)|.
  int64_t unionKept(int64_t delta) const {
    if (isSingle())
      return offCount * overlap(delta);
    return sets->n1 - sets->tile.shiftDifferenceSumSize(delta, sets->offsets);
  }

private:
  bool single;
  int64_t coef, tileExt, offCount, everMul;
  Sets *sets;
};

/// The nest of one mapping and the products every flow reads, built in one checked pass.
struct NestSummary {
  NestSummary(size_t numLevels, size_t numDims, size_t maxLoops);

  /// Flattens `mapping` and computes the products; false when the mapping breaks any rule of
  /// checkMapping other than capacity (then nothing else is meaningful).
  bool build(const Problem &problem, const Arch &arch, const Mapping &mapping);

  LoopNest nest;
  size_t numLevels, numDims;
  /// Product of the spatial / temporal factors at each level, and of those above each level
  /// (spatialAbove[l] = prod_{j<l} spatialAt[j], l <= numLevels).
  SmallArray<int64_t, 16> spatialAt, temporalAt, spatialAbove, temporalAbove1;
  /// spatialOf[d * numLevels + l]: product of dim d's spatial factors at level l.
  SmallArray<int64_t, 256> spatialOf;
  /// tileExt[d * (numLevels + 1) + c]: product of dim d's factors at levels >= c.
  SmallArray<int64_t, 256> tileExt;
  /// temporalAbove[d * (numLevels + 1) + c]: product of dim d's temporal factors at levels < c.
  SmallArray<int64_t, 256> temporalAbove;
  /// outerSteps[k]: product of the temporal factors of the loops enclosing loop k.
  SmallArray<int64_t, 48> outerSteps;
  /// Indices of the temporal loops in nest order; temporalEnd[c]: how many sit above level c.
  SmallArray<int, 48> temporalLoops;
  SmallArray<int, 17> temporalEnd;
};

} // namespace

/// One flow of one tensor from keeper `parent` to its next inner keeper `child`.
struct AnalyticalModel::Flow {
  const NestSummary *summary = nullptr;
  int tensor = 0;
  int parent = 0;
  int child = 0;
  bool isOutput = false;
};

NestSummary::NestSummary(size_t numLevels, size_t numDims, size_t maxLoops)
    : numLevels(numLevels), numDims(numDims), spatialAt(numLevels), temporalAt(numLevels),
      spatialAbove(numLevels + 1), temporalAbove1(numLevels + 1), spatialOf(numLevels * numDims),
      tileExt((numLevels + 1) * numDims), temporalAbove((numLevels + 1) * numDims),
      outerSteps(maxLoops), temporalLoops(maxLoops), temporalEnd(numLevels + 1) {}

bool NestSummary::build(const Problem &problem, const Arch &arch, const Mapping &mapping) {
  if (mapping.levels.size() != numLevels)
    return false;
  SmallArray<int64_t, 256> temporalOf(numLevels * numDims);
  SmallArray<int64_t, 64> product(numDims);
  std::fill_n(&spatialOf[0], numLevels * numDims, int64_t(1));
  std::fill_n(&temporalOf[0], numLevels * numDims, int64_t(1));
  for (size_t d = 0; d < numDims; ++d)
    product[d] = 1;
  // Checks a loop (the rules of checkMapping) and records its factor.
  auto take = [&](int dim, int64_t factor) {
    if (dim < 0 || static_cast<size_t>(dim) >= numDims || factor < 1 ||
        factor > problem.dims[dim].bound)
      return false;
    return !__builtin_mul_overflow(product[dim], factor, &product[dim]) &&
           product[dim] <= problem.dims[dim].bound;
  };
  TensorMask all = problem.tensors.size() >= 32 ? ~TensorMask(0)
                                                : (TensorMask(1) << problem.tensors.size()) - 1;
  nest.loops.clear();
  for (size_t l = 0; l < numLevels; ++l) {
    const LevelMapping &lm = mapping.levels[l];
    int64_t temporal = 1, spatial = 1, x = 1, y = 1;
    for (const TemporalLoop &loop : lm.temporal) {
      if (!take(loop.dim, loop.factor))
        return false;
      if (loop.factor > 1) {
        nest.loops.push_back({loop.dim, loop.factor, 1, static_cast<int>(l), false});
        temporalOf[loop.dim * numLevels + l] *= loop.factor;
        temporal *= loop.factor;
      }
    }
    for (const SpatialLoop &loop : lm.spatial) {
      if (!take(loop.dim, loop.factor))
        return false;
      int64_t &axis = loop.axis == Axis::X ? x : y;
      axis *= loop.factor;
      if (axis > (loop.axis == Axis::X ? arch.fanOuts[l].x : arch.fanOuts[l].y))
        return false;
      if (loop.factor > 1) {
        nest.loops.push_back({loop.dim, loop.factor, 1, static_cast<int>(l), true});
        spatialOf[loop.dim * numLevels + l] *= loop.factor;
        spatial *= loop.factor;
      }
    }
    if ((lm.bypass & ~(arch.levels[l].keepMask & all)) != 0 || (l == 0 && lm.bypass != 0))
      return false;
    spatialAt[l] = spatial;
    temporalAt[l] = temporal;
  }
  for (size_t d = 0; d < numDims; ++d)
    if (product[d] != problem.dims[d].bound)
      return false;

  // Strides; then the enclosing temporal products, outer to inner.
  assignStrides(nest, numDims);
  int64_t steps = 1;
  size_t numTemporal = 0;
  for (size_t k = 0; k < nest.loops.size(); ++k) {
    outerSteps[k] = steps;
    if (!nest.loops[k].spatial) {
      steps *= nest.loops[k].factor;
      temporalLoops[numTemporal++] = static_cast<int>(k);
    }
  }
  // Per dim, running products over the levels (dim-major rows keep them in registers).
  for (size_t d = 0; d < numDims; ++d) {
    const int64_t *t = &temporalOf[d * numLevels], *sp = &spatialOf[d * numLevels];
    int64_t *ext = &tileExt[d * (numLevels + 1)], *above = &temporalAbove[d * (numLevels + 1)];
    int64_t run = 1;
    ext[numLevels] = 1;
    for (size_t l = numLevels; l-- > 0;)
      ext[l] = run *= t[l] * sp[l];
    run = 1;
    above[0] = 1;
    for (size_t l = 0; l < numLevels; ++l)
      above[l + 1] = run *= t[l];
  }
  spatialAbove[0] = temporalAbove1[0] = 1;
  for (size_t l = 0; l < numLevels; ++l) {
    spatialAbove[l + 1] = spatialAbove[l] * spatialAt[l];
    temporalAbove1[l + 1] = temporalAbove1[l] * temporalAt[l];
  }
  size_t q = 0;
  for (size_t c = 0; c <= numLevels; ++c) {
    while (q < numTemporal && static_cast<size_t>(nest.loops[temporalLoops[q]].level) < c)
      ++q;
    temporalEnd[c] = static_cast<int>(q);
  }
  return true;
}

namespace {

/// Under the Timeloop convention (docs/model.md section 11): adds to `entries` (per child
/// instance, holding |T| for the first step) and `groupEntries` (per group, holding the first
/// step's union) what every temporal loop above `child` brings. The innermost loop slides the
/// tile; another loop reuses the same slide when Timeloop's translation for it (its step minus
/// one step of every loop inside it) equals the innermost loop's, else refills the whole tile.
template <typename Term>
void timeloopEntries(const NestSummary &sum, int child, const int *idxOf, const int64_t *coef,
                     const Term *term, size_t ni, bool pointOffsets, int64_t &entries,
                     int64_t &groupEntries) {
  const LoopNest &nest = sum.nest;
  int64_t tileSize = entries, unionFirst = groupEntries;
  int end = sum.temporalEnd[child];
  size_t kIn = static_cast<size_t>(sum.temporalLoops[end - 1]);
  const NestLoop &in = nest.loops[kIn];
  int inIdx = idxOf[in.dim];
  int64_t inStep = inIdx >= 0 ? coef[in.dim] * in.stride : 0;
  // What one slide of the innermost loop brings, per instance and per group.
  int64_t kept = 1, rest = 1;
  for (size_t i = 0; i < ni; ++i) {
    bool moves = static_cast<int>(i) == inIdx;
    kept *= moves ? term[i].overlap(inStep) : term[i].tileSize();
    if (!pointOffsets)
      rest *= moves ? term[i].unionKept(inStep) : term[i].unionSize();
  }
  int64_t slide = tileSize - kept;
  int64_t groupSlide = pointOffsets ? slide : unionFirst - rest;
  int64_t advances = (in.factor - 1) * sum.outerSteps[kIn];
  entries += advances * slide;
  groupEntries += advances * groupSlide;
  // one[i]: the sum over the loops inside the current one of one step on index i.
  SmallArray<int64_t, 8> one(ni);
  for (size_t i = 0; i < ni; ++i)
    one[i] = static_cast<int>(i) == inIdx ? inStep : 0;
  for (int q = end - 1; q-- > 0;) {
    size_t k = static_cast<size_t>(sum.temporalLoops[q]);
    const NestLoop &loop = nest.loops[k];
    int idx = idxOf[loop.dim];
    int64_t step = idx >= 0 ? coef[loop.dim] * loop.stride : 0;
    bool same = true;
    for (size_t i = 0; i < ni && same; ++i) {
      bool own = static_cast<int>(i) == idx;
      same = (own ? step : 0) - one[i] == (static_cast<int>(i) == inIdx ? inStep : 0);
    }
    advances = (loop.factor - 1) * sum.outerSteps[k];
    entries += advances * (same ? slide : tileSize);
    groupEntries += advances * (same ? groupSlide : unionFirst);
    if (idx >= 0)
      one[idx] += step;
  }
}

} // namespace

void AnalyticalModel::evaluateFlow(const Flow &flow, FlowCounts &counts) const {
  if (numMulti[flow.tensor] > 0)
    evaluateFlowImpl<true>(flow, counts);
  else
    evaluateFlowImpl<false>(flow, counts);
}

template <bool CanBeMulti>
void AnalyticalModel::evaluateFlowImpl(const Flow &flow, FlowCounts &counts) const {
  const NestSummary &sum = *flow.summary;
  const LoopNest &nest = sum.nest;
  size_t ni = static_cast<size_t>(numIndices[flow.tensor]);
  const int *idxOf = &indexOf[flow.tensor * numDims];
  const int64_t *coef = &coeffOf[flow.tensor * numDims];
  int numLevels = static_cast<int>(hw.levels.size());
  bool isCompute = flow.child == numLevels;
  size_t base = static_cast<size_t>(indexBase[flow.tensor]);
  auto merges = [&](int level) {
    return flow.isOutput ? hw.fanOuts[level].reduction : hw.fanOuts[level].multicast;
  };

  // separate: children on non-merging fan-outs, each served separately.
  int64_t separate = 1, merged = 1;
  int64_t parentInstances = sum.spatialAbove[flow.parent];
  int64_t steps = sum.temporalAbove1[flow.child];
  for (int l = flow.parent; l < flow.child; ++l)
    if (sum.spatialAt[l] > 1)
      (merges(l) ? merged : separate) *= sum.spatialAt[l];

  SmallArray<IndexTerm<CanBeMulti>, 8> term(ni);
  SmallArray<IndexSets, 4> sets(CanBeMulti ? numMulti[flow.tensor] : 0);
  for (size_t i = 0, m = 0; i < ni; ++i) {
    if (CanBeMulti && !singleDim[base + i]) {
      term[i].initMulti(&sets[m++]);
      continue;
    }
    size_t at = static_cast<size_t>(singleDimOf[base + i]) * (sum.numLevels + 1) + flow.child;
    term[i].initSingle(singleCoef[base + i], sum.tileExt[at], 1, sum.temporalAbove[at]);
  }
  // Offsets of merged children: only levels with spatial loops on a merging fan-out matter.
  if (merged > 1)
    for (int l = flow.parent; l < flow.child; ++l)
      if (sum.spatialAt[l] > 1 && merges(l))
        for (size_t i = 0; i < ni; ++i)
          if (!CanBeMulti || singleDim[base + i])
            term[i].addOffset(
                0, sum.spatialOf[static_cast<size_t>(singleDimOf[base + i]) * sum.numLevels + l]);
  // Indices over several dims are built from their loops' progressions.
  if (CanBeMulti)
    for (const NestLoop &loop : nest.loops) {
      int idx = idxOf[loop.dim];
      if (idx < 0 || singleDim[base + idx])
        continue;
      int64_t step = coef[loop.dim] * loop.stride;
      if (loop.level >= flow.child)
        term[idx].addTile(step, loop.factor);
      else if (!loop.spatial)
        term[idx].addEver(step, loop.factor);
      else if (loop.level >= flow.parent && merges(loop.level))
        term[idx].addOffset(step, loop.factor);
    }
  int64_t groups = parentInstances * separate;
  int64_t childInstances = groups * merged;
  bool pointOffsets = true;
  int64_t tileSize = 1, everSize = 1, unionFirst = 1, groupEverSize = 1;
  for (size_t i = 0; i < ni; ++i) {
    IndexTerm<CanBeMulti> &t = term[i];
    t.finish();
    pointOffsets = pointOffsets && t.pointOffsets();
    tileSize *= t.tileSize();
    everSize *= t.everSize();
    unionFirst *= t.unionSize();
    groupEverSize *= t.groupEverSize();
  }
  counts.groupFirst = groups * groupEverSize;
  counts.firstEntries = childInstances * everSize;
  if (isCompute) {
    // Compute units hold one element and keep nothing: every step is a new entry and leave.
    counts.entries = counts.leaves = childInstances * steps;
    counts.groupEntries = counts.groupLeaves = groups * steps * unionFirst;
    return;
  }

  int64_t entries = tileSize, groupEntries = unionFirst;
  if (conv == Convention::Timeloop && sum.temporalEnd[flow.child] > 0) {
    timeloopEntries(sum, flow.child, idxOf, coef, &term[0], ni, pointOffsets, entries,
                    groupEntries);
    counts.tileSize = tileSize;
    counts.entries = counts.leaves = childInstances * entries;
    counts.groupEntries = counts.groupLeaves = groups * groupEntries;
    return;
  }
  // Temporal loops above the child, inner to outer: advancing loop j moves the tile by
  // delta = its stride minus the span of the inner (resetting) loops, in every index:
  // delta_i = [i is j's index] * step_j - reset_i. kept[i] and unionKept[i] cache the factors of
  // index i for delta_i = -reset_i; only index idx_j needs a fresh factor per loop.
  SmallArray<int64_t, 8> reset(ni), keptAt(ni), unionKeptAt(ni);
  for (size_t i = 0; i < ni; ++i) {
    reset[i] = 0;
    keptAt[i] = term[i].tileSize();
    unionKeptAt[i] = term[i].unionSize();
  }
  for (int q = sum.temporalEnd[flow.child]; q-- > 0;) {
    size_t k = static_cast<size_t>(sum.temporalLoops[q]);
    const NestLoop &loop = nest.loops[k];
    int idx = idxOf[loop.dim];
    int64_t advances = (loop.factor - 1) * sum.outerSteps[k];
    int64_t step = idx >= 0 ? coef[loop.dim] * loop.stride : 0;
    int64_t own = idx >= 0 ? step - reset[idx] : 0;
    int64_t kept = idx >= 0 ? term[idx].overlap(own) : 1;
    for (size_t i = 0; i < ni; ++i)
      kept *= static_cast<int>(i) == idx ? 1 : keptAt[i];
    if (kept != tileSize) {
      entries += advances * (tileSize - kept);
      // Elements leaving when the tile moves by delta number as many as those entering when it
      // moves by -delta; every set here is a Minkowski sum of progressions, hence centrally
      // symmetric, so both equal the entries for +delta (docs/model.md, "Symmetry").
      if (pointOffsets) {
        groupEntries += advances * (tileSize - kept);
      } else {
        // |union over offsets of (T + d) \ T| = prod n1 - prod (n1 - |O (+) ((T_i+d_i) \ T_i)|).
        int64_t rest = idx >= 0 ? term[idx].unionKept(own) : 1;
        for (size_t i = 0; i < ni; ++i)
          rest *= static_cast<int>(i) == idx ? 1 : unionKeptAt[i];
        groupEntries += advances * (unionFirst - rest);
      }
    }
    if (idx >= 0 && loop.factor > 1) {
      reset[idx] += (loop.factor - 1) * step;
      keptAt[idx] = term[idx].overlap(-reset[idx]);
      if (!pointOffsets)
        unionKeptAt[idx] = term[idx].unionKept(-reset[idx]);
    }
  }
  counts.tileSize = tileSize;
  counts.entries = counts.leaves = childInstances * entries;
  counts.groupEntries = groups * groupEntries;
  counts.groupLeaves = counts.groupEntries;
}

void AnalyticalModel::evaluate(const Mapping &mapping, CostReport &report) const {
  if (!setupErrors.empty()) {
    report.valid = false;
    report.violations = setupErrors;
    return;
  }
  size_t numLevels = hw.levels.size(), maxLoops = 0;
  for (const LevelMapping &lm : mapping.levels)
    maxLoops += lm.temporal.size() + lm.spatial.size();
  NestSummary summary(numLevels, numDims, maxLoops);
  if (!summary.build(prob, hw, mapping)) {
    // Messages are only built (by the shared checker) when the quick check fails.
    report.violations = checkValidatedMapping(prob, hw, mapping, /*checkCapacity=*/false);
    report.valid = false;
    return;
  }
  resetReport(prob, hw, report);
  report.macs = macs;
  report.computeCycles = summary.temporalAbove1[numLevels];
  for (size_t l = 0; l < numLevels; ++l)
    report.activeInstances[l] = summary.spatialAbove[l];
  // Tile words per level instance, summed from the flows (each flow sizes its child's tile).
  SmallArray<int64_t, 16> words(numLevels);
  for (size_t l = 0; l < numLevels; ++l)
    words[l] = l == 0 ? outermostWords : 0;
  runFlows(prob, hw, mapping, report, [&](int tensor, int parent, int child) {
    Flow flow;
    flow.summary = &summary;
    flow.tensor = tensor;
    flow.parent = parent;
    flow.child = child;
    flow.isOutput = prob.tensors[tensor].isOutput;
    FlowCounts counts;
    evaluateFlow(flow, counts);
    if (static_cast<size_t>(child) < numLevels)
      words[child] += counts.tileSize * wordsPerElement(prob, tensor, hw.levels[child].wordBits);
    return counts;
  }, conv);
  for (size_t l = 0; l < numLevels; ++l) {
    if (hw.levels[l].capacityWords == 0 || words[l] <= hw.levels[l].capacityWords)
      continue;
    std::string violation = capacityViolation(hw, l, words[l]);
    if (!violation.empty())
      report.violations.push_back(std::move(violation));
  }
  report.valid = report.violations.empty();
}

} // namespace tessel::cost
