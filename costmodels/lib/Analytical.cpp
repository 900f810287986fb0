// Closed-form fills, reads, updates and read-backs from translation-invariant 1-D index sets.
#include "tessel/cost/Analytical.h"

#include "Finalize.h"
#include "IndexSet.h"
#include "LoopNest.h"

#include <new>

namespace tessel::cost {

AnalyticalModel::AnalyticalModel(Problem problem, Arch arch)
    : prob(std::move(problem)), hw(std::move(arch)), numDims(prob.dims.size()) {
  size_t numTensors = prob.tensors.size();
  indexOf.assign(numTensors * numDims, -1);
  coeffOf.assign(numTensors * numDims, 0);
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
      heap.resize(n);
      data = heap.data();
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
  std::vector<T> heap;
};

/// One index of a tensor seen from one flow: the child tile, its union over time ("ever") and
/// the offsets of the children merged by the network. An index over a single dim (the common
/// case) is exact with integers: its tile is coef * [0, e), and every loop of the dim outside
/// the tile adds a mixed-radix digit whose stride is a multiple of e, so all sums are distinct
/// and sizes multiply. Other indices use exact IndexSets.
class IndexTerm {
public:
  /// The exact sets of an index over several dims.
  struct Sets {
    IndexSet tile, ever, offsets;
    int64_t n1 = 1;
  };

  /// An index over several dims, built loop by loop into `multi`.
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
    if (single)
      tileExt *= factor;
    else
      sets->tile.addProgression(step, factor);
  }
  void addOffset(int64_t step, int64_t factor) {
    if (single)
      offCount *= factor;
    else
      sets->offsets.addProgression(step, factor);
  }
  void addEver(int64_t step, int64_t factor) {
    if (single)
      everMul *= factor;
    else
      sets->ever.addProgression(step, factor);
  }
  void finish() {
    if (!single) {
      sets->ever.add(sets->tile);
      sets->n1 = sets->offsets.sumSize(sets->tile);
    }
  }
  bool pointOffsets() const { return single ? offCount == 1 : sets->offsets.isPoint(); }
  int64_t tileSize() const { return single ? tileExt : sets->tile.size(); }
  int64_t everSize() const { return single ? tileExt * everMul : sets->ever.size(); }
  int64_t unionSize() const { return single ? offCount * tileExt : sets->n1; }
  int64_t groupEverSize() const {
    return single ? offCount * tileExt * everMul : sets->offsets.sumSize(sets->ever);
  }
  /// |T intersect (T + delta)|.
  int64_t overlap(int64_t delta) const {
    if (!single)
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
    if (single)
      return offCount * overlap(delta);
    return sets->n1 -
           (delta ? sets->offsets.sumSize(sets->tile.shiftDifference(delta)) : 0);
  }

private:
  bool single;
  int64_t coef, tileExt, offCount, everMul;
  Sets *sets;
};

/// Per-evaluation products of the nest that every flow reads (built once per evaluation).
struct NestSummary {
  NestSummary(const LoopNest &nest, size_t numLevels, size_t numDims);

  const LoopNest &nest;
  size_t numLevels, numDims;
  /// Product of the spatial / temporal factors at each level.
  SmallArray<int64_t, 16> spatialAt, temporalAt;
  /// spatialOf[l * numDims + d]: product of dim d's spatial factors at level l.
  SmallArray<int64_t, 256> spatialOf;
  /// tileExt[c * numDims + d]: product of dim d's factors at levels >= c (c <= numLevels).
  SmallArray<int64_t, 256> tileExt;
  /// temporalAbove[c * numDims + d]: product of dim d's temporal factors at levels < c.
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

NestSummary::NestSummary(const LoopNest &nest, size_t numLevels, size_t numDims)
    : nest(nest), numLevels(numLevels), numDims(numDims), spatialAt(numLevels),
      temporalAt(numLevels), spatialOf(numLevels * numDims),
      tileExt((numLevels + 1) * numDims), temporalAbove((numLevels + 1) * numDims),
      outerSteps(nest.loops.size()), temporalLoops(nest.loops.size()),
      temporalEnd(numLevels + 1) {
  SmallArray<int64_t, 256> temporalOf(numLevels * numDims);
  for (size_t i = 0; i < numLevels * numDims; ++i)
    spatialOf[i] = temporalOf[i] = 1;
  for (size_t l = 0; l < numLevels; ++l)
    spatialAt[l] = temporalAt[l] = 1;
  int64_t steps = 1;
  size_t numTemporal = 0;
  for (size_t k = 0; k < nest.loops.size(); ++k) {
    const NestLoop &loop = nest.loops[k];
    size_t at = static_cast<size_t>(loop.level) * numDims + static_cast<size_t>(loop.dim);
    outerSteps[k] = steps;
    if (loop.spatial) {
      spatialOf[at] *= loop.factor;
      spatialAt[loop.level] *= loop.factor;
    } else {
      temporalOf[at] *= loop.factor;
      temporalAt[loop.level] *= loop.factor;
      steps *= loop.factor;
      temporalLoops[numTemporal++] = static_cast<int>(k);
    }
  }
  for (size_t d = 0; d < numDims; ++d) {
    tileExt[numLevels * numDims + d] = 1;
    temporalAbove[d] = 1;
  }
  for (size_t l = numLevels; l-- > 0;)
    for (size_t d = 0; d < numDims; ++d)
      tileExt[l * numDims + d] = tileExt[(l + 1) * numDims + d] *
                                 temporalOf[l * numDims + d] * spatialOf[l * numDims + d];
  for (size_t l = 0; l < numLevels; ++l)
    for (size_t d = 0; d < numDims; ++d)
      temporalAbove[(l + 1) * numDims + d] =
          temporalAbove[l * numDims + d] * temporalOf[l * numDims + d];
  size_t q = 0;
  for (size_t c = 0; c <= numLevels; ++c) {
    while (q < numTemporal && static_cast<size_t>(nest.loops[temporalLoops[q]].level) < c)
      ++q;
    temporalEnd[c] = static_cast<int>(q);
  }
}

void AnalyticalModel::evaluateFlow(const Flow &flow, FlowCounts &counts) const {
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
  int64_t separate = 1, parentInstances = 1, steps = 1, merged = 1;
  for (int l = 0; l < flow.parent; ++l)
    parentInstances *= sum.spatialAt[l];
  for (int l = flow.parent; l < flow.child; ++l)
    (merges(l) ? merged : separate) *= sum.spatialAt[l];
  for (int l = 0; l < flow.child; ++l)
    steps *= sum.temporalAt[l];

  SmallArray<IndexTerm, 8> term(ni);
  SmallArray<IndexTerm::Sets, 4> sets(numMulti[flow.tensor]);
  for (size_t i = 0, m = 0; i < ni; ++i) {
    if (!singleDim[base + i]) {
      term[i].initMulti(&sets[m++]);
      continue;
    }
    int d = singleDimOf[base + i];
    if (d < 0) {
      term[i].initSingle(1, 1, 1, 1);
      continue;
    }
    int64_t offsets = 1;
    for (int l = flow.parent; l < flow.child; ++l)
      if (merges(l))
        offsets *= sum.spatialOf[static_cast<size_t>(l) * numDims + d];
    size_t at = static_cast<size_t>(flow.child) * numDims + d;
    term[i].initSingle(singleCoef[base + i], sum.tileExt[at], offsets, sum.temporalAbove[at]);
  }
  // Indices over several dims are built from their loops' progressions.
  if (numMulti[flow.tensor] > 0)
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
    IndexTerm &t = term[i];
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

bool AnalyticalModel::isWellFormed(const Mapping &mapping) const {
  size_t numLevels = hw.levels.size();
  if (mapping.levels.size() != numLevels)
    return false;
  SmallArray<int64_t, 64> product(numDims);
  for (size_t d = 0; d < numDims; ++d)
    product[d] = 1;
  auto take = [&](int dim, int64_t factor) {
    if (dim < 0 || static_cast<size_t>(dim) >= numDims || factor < 1 ||
        factor > prob.dims[dim].bound)
      return false;
    return !__builtin_mul_overflow(product[dim], factor, &product[dim]) &&
           product[dim] <= prob.dims[dim].bound;
  };
  TensorMask all = prob.tensors.size() >= 32 ? ~TensorMask(0)
                                             : (TensorMask(1) << prob.tensors.size()) - 1;
  for (size_t l = 0; l < numLevels; ++l) {
    const LevelMapping &lm = mapping.levels[l];
    for (const TemporalLoop &loop : lm.temporal)
      if (!take(loop.dim, loop.factor))
        return false;
    int64_t x = 1, y = 1;
    for (const SpatialLoop &loop : lm.spatial) {
      if (!take(loop.dim, loop.factor))
        return false;
      int64_t &axis = loop.axis == Axis::X ? x : y;
      axis *= loop.factor;
      if (axis > (loop.axis == Axis::X ? hw.fanOuts[l].x : hw.fanOuts[l].y))
        return false;
    }
    if ((lm.bypass & ~(hw.levels[l].keepMask & all)) != 0 || (l == 0 && lm.bypass != 0))
      return false;
  }
  for (size_t d = 0; d < numDims; ++d)
    if (product[d] != prob.dims[d].bound)
      return false;
  return true;
}

void AnalyticalModel::evaluate(const Mapping &mapping, CostReport &report) const {
  if (!setupErrors.empty()) {
    report.valid = false;
    report.violations = setupErrors;
    return;
  }
  LoopNest nest;
  // Tile words per level instance, summed from the flows (each flow sizes its child's tile).
  int64_t wordsBuf[32] = {};
  std::vector<int64_t> wordsVec;
  int64_t *words = wordsBuf;
  if (hw.levels.size() > 32) {
    wordsVec.assign(hw.levels.size(), 0);
    words = wordsVec.data();
  }
  words[0] = outermostWords;
  // Messages are only built (by the shared checker) when the quick structural check fails.
  auto check = [&] {
    return isWellFormed(mapping)
               ? std::vector<std::string>{}
               : checkValidatedMapping(prob, hw, mapping, /*checkCapacity=*/false);
  };
  // The summary is built lazily, once the nest exists (evaluateFlows builds it after the check),
  // in raw storage: std::optional would zero its ~10 KB payload on every evaluation.
  alignas(NestSummary) unsigned char summaryStorage[sizeof(NestSummary)];
  NestSummary *summaryPtr = nullptr;
  struct Destroy {
    NestSummary *&ptr;
    ~Destroy() {
      if (ptr)
        ptr->~NestSummary();
    }
  } destroy{summaryPtr};
  evaluateFlows(prob, hw, mapping, check, nest, report, [&](int tensor, int parent, int child) {
    if (!summaryPtr)
      summaryPtr = new (summaryStorage) NestSummary(nest, hw.levels.size(), numDims);
    const NestSummary &summary = *summaryPtr;
    Flow flow;
    flow.summary = &summary;
    flow.tensor = tensor;
    flow.parent = parent;
    flow.child = child;
    flow.isOutput = prob.tensors[tensor].isOutput;
    FlowCounts counts;
    evaluateFlow(flow, counts);
    if (static_cast<size_t>(child) < hw.levels.size())
      words[child] += counts.tileSize * wordsPerElement(prob, tensor, hw.levels[child].wordBits);
    return counts;
  });
  if (!report.valid)
    return;
  for (size_t l = 0; l < hw.levels.size(); ++l) {
    if (hw.levels[l].capacityWords == 0 || words[l] <= hw.levels[l].capacityWords)
      continue;
    std::string violation = capacityViolation(hw, l, words[l]);
    if (!violation.empty())
      report.violations.push_back(std::move(violation));
  }
  report.valid = report.violations.empty();
}

} // namespace tessel::cost
