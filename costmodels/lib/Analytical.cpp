// Closed-form fills, reads, updates and read-backs from translation-invariant 1-D index sets.
#include "tessel/cost/Analytical.h"

#include "Finalize.h"
#include "IndexSet.h"
#include "LoopNest.h"

#include <new>

namespace tessel::cost {

/// One flow of one tensor from keeper `parent` to its next inner keeper `child`.
struct AnalyticalModel::Flow {
  const LoopNest *nest = nullptr;
  int tensor = 0;
  int parent = 0;
  int child = 0;
  bool isOutput = false;
};

AnalyticalModel::AnalyticalModel(Problem problem, Arch arch)
    : prob(std::move(problem)), hw(std::move(arch)), numDims(prob.dims.size()) {
  size_t numTensors = prob.tensors.size();
  indexOf.assign(numTensors * numDims, -1);
  coeffOf.assign(numTensors * numDims, 0);
  setupErrors = validateProblem(prob);
  for (std::string &e : validateArch(hw, prob))
    setupErrors.push_back(std::move(e));
  // The outermost level holds every tensor whole, whatever the mapping.
  for (size_t t = 0; t < numTensors && setupErrors.empty(); ++t) {
    int64_t elements = 1;
    for (size_t i = 0; i < prob.tensors[t].projection.size(); ++i) {
      IndexSet set;
      for (size_t d = 0; d < numDims; ++d)
        if (prob.tensors[t].projection[i][d] && prob.dims[d].bound > 1)
          set.addProgression(prob.tensors[t].projection[i][d], prob.dims[d].bound);
      elements *= set.size();
    }
    outermostWords += elements * wordsPerElement(prob, static_cast<int>(t), hw.levels[0].wordBits);
  }
  numIndices.assign(numTensors, 0);
  indexBase.assign(numTensors, 0);
  numMulti.assign(numTensors, 0);
  for (size_t t = 0; t < numTensors; ++t) {
    const Tensor &tensor = prob.tensors[t];
    numIndices[t] = static_cast<int>(tensor.projection.size());
    indexBase[t] = static_cast<int>(singleDim.size());
    for (const std::vector<int64_t> &coeffs : tensor.projection) {
      int dimsUsed = 0;
      int64_t c = 1;
      for (int64_t x : coeffs)
        if (x != 0) {
          ++dimsUsed;
          c = x;
        }
      singleDim.push_back(dimsUsed <= 1);
      numMulti[t] += dimsUsed > 1;
      singleCoef.push_back(c);
    }
    for (size_t i = 0; i < tensor.projection.size(); ++i)
      for (size_t d = 0; d < numDims && d < tensor.projection[i].size(); ++d)
        if (tensor.projection[i][d] != 0 && indexOf[t * numDims + d] < 0) {
          indexOf[t * numDims + d] = static_cast<int>(i);
          coeffOf[t * numDims + d] = tensor.projection[i][d];
        }
  }
}

CostReport AnalyticalModel::evaluate(const Mapping &mapping) const {
  CostReport report;
  evaluate(mapping, report);
  return report;
}

namespace {

/// Array of n elements, constructed in place when n <= N (no allocation per flow).
template <typename T, size_t N> class SmallArray {
public:
  explicit SmallArray(size_t n) : size(n) {
    if (n > N) {
      heap.resize(n);
      data = heap.data();
    } else {
      data = reinterpret_cast<T *>(storage);
      for (size_t i = 0; i < n; ++i)
        new (data + i) T();
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

  /// `sets` must be non-null when the index is not `singleDim`.
  void init(bool singleDim, int64_t coefficient, Sets *multi) {
    single = singleDim;
    coef = coefficient;
    tileExt = offCount = everMul = 1;
    sets = multi;
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

} // namespace

void AnalyticalModel::evaluateFlow(const Flow &flow, FlowCounts &counts) const {
  const LoopNest &nest = *flow.nest;
  size_t ni = static_cast<size_t>(numIndices[flow.tensor]);
  const int *idxOf = &indexOf[flow.tensor * numDims];
  const int64_t *coef = &coeffOf[flow.tensor * numDims];
  int numLevels = static_cast<int>(hw.levels.size());
  bool isCompute = flow.child == numLevels;

  SmallArray<IndexTerm, 8> term(ni);
  SmallArray<IndexTerm::Sets, 4> sets(numMulti[flow.tensor]);
  for (size_t i = 0, m = 0; i < ni; ++i) {
    bool single = singleDim[indexBase[flow.tensor] + i] != 0;
    term[i].init(single, singleCoef[indexBase[flow.tensor] + i], single ? nullptr : &sets[m++]);
  }
  // separate: children on non-merging fan-outs, each served separately.
  int64_t separate = 1, parentInstances = 1, steps = 1, merged = 1;
  // outerSteps[k]: product of the temporal factors above the child that enclose loop k.
  SmallArray<int64_t, 48> outerSteps(nest.loops.size());
  size_t k = 0;
  for (const NestLoop &loop : nest.loops) {
    outerSteps[k++] = steps;
    int idx = idxOf[loop.dim];
    int64_t step = coef[loop.dim] * loop.stride;
    if (loop.level >= flow.child) {
      if (idx >= 0)
        term[idx].addTile(step, loop.factor);
    } else if (loop.spatial) {
      if (loop.level < flow.parent)
        parentInstances *= loop.factor;
      else if (flow.isOutput ? hw.fanOuts[loop.level].reduction
                             : hw.fanOuts[loop.level].multicast) {
        merged *= loop.factor;
        if (idx >= 0)
          term[idx].addOffset(step, loop.factor);
      } else {
        separate *= loop.factor;
      }
    } else {
      steps *= loop.factor;
      if (idx >= 0)
        term[idx].addEver(step, loop.factor);
    }
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
  for (k = nest.loops.size(); k-- > 0;) {
    const NestLoop &loop = nest.loops[k];
    if (loop.spatial || loop.level >= flow.child)
      continue;
    int idx = idxOf[loop.dim];
    int64_t advances = (loop.factor - 1) * outerSteps[k];
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
  auto check = [&] { return checkValidatedMapping(prob, hw, mapping, /*checkCapacity=*/false); };
  evaluateFlows(prob, hw, mapping, check, nest, report, [&](int tensor, int parent, int child) {
    Flow flow;
    flow.nest = &nest;
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
    std::string violation = capacityViolation(hw, l, words[l]);
    if (!violation.empty())
      report.violations.push_back(std::move(violation));
  }
  report.valid = report.violations.empty();
}

} // namespace tessel::cost
