// Closed-form fills, reads, updates and read-backs from translation-invariant 1-D index sets.
#include "tessel/cost/Analytical.h"

#include "Finalize.h"
#include "IndexSet.h"
#include "LoopNest.h"

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
  numIndices.assign(numTensors, 0);
  for (size_t t = 0; t < numTensors; ++t) {
    const Tensor &tensor = prob.tensors[t];
    numIndices[t] = static_cast<int>(tensor.projection.size());
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

/// Small fixed-capacity array for per-index working sets (tensors rarely have > 8 indices).
template <typename T, size_t N> struct SmallArray {
  explicit SmallArray(size_t n) : size(n) {
    if (n > N)
      heap.resize(n);
  }
  T &operator[](size_t i) { return size > N ? heap[i] : local[i]; }
  size_t size;
  T local[N];
  std::vector<T> heap;
};

} // namespace

void AnalyticalModel::evaluateFlow(const Flow &flow, FlowCounts &counts) const {
  const LoopNest &nest = *flow.nest;
  size_t ni = static_cast<size_t>(numIndices[flow.tensor]);
  const int *idxOf = &indexOf[flow.tensor * numDims];
  const int64_t *coef = &coeffOf[flow.tensor * numDims];
  int numLevels = static_cast<int>(hw.levels.size());
  bool isCompute = flow.child == numLevels;

  // tile[i]: the child tile's index set; ever[i]: its union over time; offsets[i]: the spatial
  // offsets of the children sharing one parent read (merging fan-outs); separate: children on
  // non-merging fan-outs, each served separately.
  SmallArray<IndexSet, 8> tile(ni), ever(ni), offsets(ni);
  int64_t separate = 1, parentInstances = 1, steps = 1;
  for (const NestLoop &loop : nest.loops) {
    int idx = idxOf[loop.dim];
    if (loop.level >= flow.child) {
      if (idx >= 0)
        tile[idx].addProgression(coef[loop.dim] * loop.stride, loop.factor);
    } else if (loop.spatial) {
      if (loop.level < flow.parent)
        parentInstances *= loop.factor;
      else if (flow.isOutput ? hw.fanOuts[loop.level].reduction
                             : hw.fanOuts[loop.level].multicast) {
        if (idx >= 0)
          offsets[idx].addProgression(coef[loop.dim] * loop.stride, loop.factor);
      } else {
        separate *= loop.factor;
      }
    } else {
      steps *= loop.factor;
      if (idx >= 0)
        ever[idx].addProgression(coef[loop.dim] * loop.stride, loop.factor);
    }
  }
  int64_t groups = parentInstances * separate;
  int64_t childInstances = groups;
  bool pointOffsets = true;
  int64_t tileSize = 1, everSize = 1, unionFirst = 1, groupEverSize = 1;
  SmallArray<int64_t, 8> unionSize(ni);
  for (size_t i = 0; i < ni; ++i) {
    ever[i].add(tile[i]);
    pointOffsets = pointOffsets && offsets[i].isPoint();
    tileSize *= tile[i].size();
    everSize *= ever[i].size();
    unionSize[i] = offsets[i].sumSize(tile[i]);
    unionFirst *= unionSize[i];
    groupEverSize *= offsets[i].sumSize(ever[i]);
  }
  // Children per group on merging fan-outs (whatever dims their loops iterate).
  for (const NestLoop &loop : nest.loops)
    if (loop.spatial && loop.level >= flow.parent && loop.level < flow.child &&
        (flow.isOutput ? hw.fanOuts[loop.level].reduction : hw.fanOuts[loop.level].multicast))
      childInstances *= loop.factor;

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
  // delta = its stride minus the span of the inner (resetting) loops, in every index.
  SmallArray<int64_t, 8> reset(ni), delta(ni);
  for (size_t i = 0; i < ni; ++i)
    reset[i] = 0;
  int64_t inner = 1;
  for (size_t k = nest.loops.size(); k-- > 0;) {
    const NestLoop &loop = nest.loops[k];
    if (loop.spatial || loop.level >= flow.child)
      continue;
    int idx = idxOf[loop.dim];
    int64_t advances = (loop.factor - 1) * (steps / (inner * loop.factor));
    bool moves = false;
    for (size_t i = 0; i < ni; ++i) {
      delta[i] = -reset[i];
      if (static_cast<int>(i) == idx)
        delta[i] += coef[loop.dim] * loop.stride;
      moves = moves || delta[i] != 0;
    }
    if (moves) {
      int64_t kept = 1;
      for (size_t i = 0; i < ni; ++i)
        kept *= tile[i].overlap(delta[i]);
      entries += advances * (tileSize - kept);
      // Elements leaving when the tile moves by delta number as many as those entering when it
      // moves by -delta; every set here is a Minkowski sum of progressions, hence centrally
      // symmetric, so both equal the entries for +delta (docs/model.md, "Symmetry").
      if (pointOffsets) {
        groupEntries += advances * (tileSize - kept);
      } else {
        // |union over offsets of (T + d) \ T| = prod n1 - prod (n1 - |O (+) ((T_i+d_i) \ T_i)|).
        int64_t rest = 1;
        for (size_t i = 0; i < ni; ++i)
          rest *= unionSize[i] -
                  (delta[i] ? offsets[i].sumSize(tile[i].shiftDifference(delta[i])) : 0);
        groupEntries += advances * (unionFirst - rest);
      }
    }
    if (idx >= 0)
      reset[idx] += coef[loop.dim] * (loop.factor - 1) * loop.stride;
    inner *= loop.factor;
  }
  counts.entries = counts.leaves = childInstances * entries;
  counts.groupEntries = groups * groupEntries;
  counts.groupLeaves = counts.groupEntries;
}

void AnalyticalModel::evaluate(const Mapping &mapping, CostReport &report) const {
  LoopNest nest;
  evaluateFlows(prob, hw, mapping, nest, report, [&](int tensor, int parent, int child) {
    Flow flow;
    flow.nest = &nest;
    flow.tensor = tensor;
    flow.parent = parent;
    flow.child = child;
    flow.isOutput = prob.tensors[tensor].isOutput;
    FlowCounts counts;
    evaluateFlow(flow, counts);
    return counts;
  });
}

} // namespace tessel::cost
