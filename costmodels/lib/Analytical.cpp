// Closed-form fills, reads, updates and read-backs from translation-invariant 1-D index sets.
#include "tessel/cost/Analytical.h"

#include "Finalize.h"
#include "Imperfect.h"
#include "IndexTerm.h"
#include "NestSummary.h"
#include "Sweep.h"

#include <algorithm>

namespace tessel::cost {

AnalyticalModel::AnalyticalModel(Problem problem, Arch arch, Convention convention)
    : prob(std::move(problem)), hw(std::move(arch)), conv(convention), numDims(prob.dims.size()) {
  size_t numTensors = prob.tensors.size();
  singleSlotOf.assign(numTensors * numDims, -1);
  multiSlotOf.assign(numTensors * numDims, -1);
  coeffOf.assign(numTensors * numDims, 0);
  numSingle.assign(numTensors, 0);
  numMulti.assign(numTensors, 0);
  singleBase.assign(numTensors, 0);
  macs = prob.macs();
  setupErrors = validateProblem(prob);
  for (std::string &e : validateArch(hw, prob))
    setupErrors.push_back(std::move(e));
  // The outermost level holds every tensor whole, whatever the mapping.
  for (size_t t = 0; t < numTensors && setupErrors.empty(); ++t)
    outermostWords += prob.tensorElements(static_cast<int>(t)) *
                      wordsPerElement(prob, static_cast<int>(t), hw.levels[0].wordBits);
  // A dim of bound 1 never moves, so an index whose dims all have bound 1 is a constant
  // (factor 1 in every product) and is dropped.
  for (size_t t = 0; t < numTensors; ++t) {
    singleBase[t] = static_cast<int>(singleDims.size());
    for (const std::vector<int64_t> &coeffs : prob.tensors[t].projection) {
      std::vector<size_t> dims;
      for (size_t d = 0; d < coeffs.size() && d < numDims; ++d)
        if (coeffs[d] != 0 && prob.dims[d].bound > 1) {
          dims.push_back(d);
          coeffOf[t * numDims + d] = coeffs[d];
        }
      if (dims.size() == 1) {
        singleSlotOf[t * numDims + dims[0]] = numSingle[t]++;
        singleDims.push_back(static_cast<int>(dims[0]));
      } else if (dims.size() > 1) {
        for (size_t d : dims)
          multiSlotOf[t * numDims + d] = numMulti[t];
        ++numMulti[t];
      }
    }
  }
}

/// One flow of one tensor from keeper `parent` to its next inner keeper `child`.
struct AnalyticalModel::Flow {
  const NestSummary *summary = nullptr;
  int tensor = 0;
  int parent = 0;
  int child = 0;
  bool isOutput = false;
};

/// The counts of one flow per unit (every child instance, and every group of children merged
/// by the network, sees the same), and the numbers of units.
struct AnalyticalModel::FlowUnits {
  int64_t childInstances = 0, groups = 0;
  /// Groups under one parent instance (children on non-merging fan-outs are served separately).
  int64_t separate = 0;
  /// Per child instance: elements entering over all steps (as many leave, with the final
  /// drain), and distinct elements ever held.
  int64_t entries = 0, first = 0;
  /// Per group: the union entering at each step, summed over steps (as many leave), and the
  /// distinct elements ever entering.
  int64_t groupEntries = 0, groupFirst = 0;
  /// Elements in one child tile (0 for compute units).
  int64_t tileSize = 0;
};

void AnalyticalModel::evaluateFlow(const Flow &flow, FlowUnits &counts) const {
  const NestSummary &sum = *flow.summary;
  const LoopNest &nest = sum.nest;
  size_t numLevels = sum.numLevels, at = static_cast<size_t>(flow.tensor) * numDims;
  auto merges = [&](int level) {
    return flow.isOutput ? hw.fanOuts[level].reduction : hw.fanOuts[level].multicast;
  };

  // Children on a merging fan-out share parent reads (inputs) or updates (outputs); the others
  // are served separately.
  int64_t separate = 1, merged = 1;
  // mergedOf[d]: the product of dim d's spatial factors on the merging fan-outs (null: none).
  const int64_t *mergedOf = nullptr;
  int64_t *mergedProduct = sum.scratch;
  for (int l = flow.parent; l < flow.child; ++l) {
    int64_t spatial = sum.spatialAt[l];
    if (spatial == 1)
      continue;
    if (!merges(l)) {
      separate *= spatial;
      continue;
    }
    merged *= spatial;
    const int64_t *row = sum.spatialOf + static_cast<size_t>(l) * numDims;
    if (mergedOf == nullptr) {
      mergedOf = row;
      continue;
    }
    if (mergedOf != &mergedProduct[0])
      std::copy_n(mergedOf, numDims, &mergedProduct[0]);
    for (size_t d = 0; d < numDims; ++d)
      mergedProduct[d] *= row[d];
    mergedOf = &mergedProduct[0];
  }
  // A one-dim index is coef * [0, e) and every other loop of its dim adds a digit whose stride
  // is a multiple of e, so its sizes are products (docs/model.md section 8): e (the factors at
  // levels >= child), times the temporal factors above the child for what one instance ever
  // holds, times the spatial factors of the merging fan-outs between parent and child for the
  // union over merged children.
  int64_t tileSize = 1, everSize = 1, unionFirst = 1, groupEverSize = 1;
  bool pointOffsets = true;
  const int *singles = singleDims.data() + static_cast<size_t>(singleBase[flow.tensor]);
  const int64_t *tileExt = sum.tileExt + static_cast<size_t>(flow.child) * numDims;
  const int64_t *everOf = sum.everOf + static_cast<size_t>(flow.child) * numDims;
  for (int i = 0, n = numSingle[flow.tensor]; i < n; ++i) {
    size_t d = static_cast<size_t>(singles[i]);
    int64_t e = tileExt[d], ever = e * everOf[d], offsets = mergedOf ? mergedOf[d] : 1;
    pointOffsets = pointOffsets && offsets == 1;
    tileSize *= e;
    everSize *= ever;
    unionFirst *= offsets * e;
    groupEverSize *= offsets * ever;
  }
  int64_t singleTile = tileSize, singleUnion = unionFirst;
  // Several-dim indices: exact sets built from their loops' progressions, added to the child
  // tile T (loops at levels >= child), to what one instance ever holds E (temporal loops above
  // the child) or to the offsets O of the merged children.
  size_t numMultiHere = static_cast<size_t>(numMulti[flow.tensor]);
  SmallArray<MultiIndex, 2> multi(numMultiHere);
  const int *singleSlot = singleSlotOf.data() + at, *multiSlot = multiSlotOf.data() + at;
  if (numMultiHere > 0) {
    for (const NestLoop &loop : nest.loops) {
      int slot = multiSlot[loop.dim];
      if (slot < 0)
        continue;
      MultiIndex &index = multi[static_cast<size_t>(slot)];
      int64_t step = coeffOf[at + static_cast<size_t>(loop.dim)] * loop.stride;
      if (loop.level >= flow.child)
        index.tile.addProgression(step, loop.factor);
      else if (!loop.spatial)
        index.ever.addProgression(step, loop.factor);
      else if (loop.level >= flow.parent && merges(loop.level))
        index.offsets.addProgression(step, loop.factor);
    }
    for (size_t m = 0; m < numMultiHere; ++m) {
      MultiIndex &index = multi[m];
      index.finish();
      pointOffsets = pointOffsets && index.offsets.isPoint();
      tileSize *= index.tile.size();
      everSize *= index.ever.size();
      unionFirst *= index.unionSize;
      groupEverSize *= index.offsets.sumSize(index.ever);
    }
  }
  int64_t groups = sum.spatialAbove[flow.parent] * separate;
  counts.childInstances = groups * merged;
  counts.groups = groups;
  counts.separate = separate;
  counts.groupFirst = groupEverSize;
  counts.first = everSize;
  if (static_cast<size_t>(flow.child) == numLevels) {
    // Compute units hold one element and keep nothing: every step is a new entry and leave.
    int64_t steps = sum.temporalAbove[flow.child];
    counts.entries = steps;
    counts.groupEntries = steps * unionFirst;
    counts.tileSize = 0;
    return;
  }

  // r1: the innermost temporal loop above the child on the dim of a one-dim index. Each advance
  // of r1 or of a loop enclosing it moves that index by at least the tile's extent, so the
  // whole tile enters under both conventions (docs/model.md section 8); with the first step
  // that is prod of the factors of the loops down to r1 tiles. Only the loops inside r1 can
  // keep part of the tile, and of the indices only several-dim ones move under them.
  int end = sum.temporalEnd[flow.child], first = end;
  while (first > 0 && singleSlot[nest.loops[sum.temporalLoops[first - 1]].dim] < 0)
    --first;
  int64_t refills = 1;
  if (first > 0) {
    size_t k = static_cast<size_t>(sum.temporalLoops[first - 1]);
    refills = sum.outerSteps[k] * nest.loops[k].factor;
  }
  int64_t entries = tileSize * refills, groupEntries = unionFirst * refills;
  if (numMultiHere > 0 && first < end) {
    Sweep s{sum,      multiSlot,  &coeffOf[at], numMultiHere, first,       end,
            tileSize, unionFirst, singleTile,   singleUnion,  pointOffsets};
    if (conv == Convention::Timeloop)
      timeloopSweep(s, &multi[0], entries, groupEntries);
    else
      tesselSweep(s, &multi[0], entries, groupEntries);
  }
  counts.tileSize = tileSize;
  counts.entries = entries;
  counts.groupEntries = groupEntries;
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
    // Messages are only built (by the shared checker) when the quick check fails. A mapping the
    // quick check refuses but the checker accepts has an imperfect factorisation, which the
    // general path evaluates (docs/model.md section 12).
    report.violations = checkValidatedMapping(prob, hw, mapping, /*checkCapacity=*/false);
    if (report.violations.empty())
      return evaluateImperfect(mapping, report);
    report.valid = false;
    return;
  }
  resetReport(prob, hw, report, /*perInstanceToo=*/true);
  report.macs = macs;
  report.computeCycles = summary.temporalAbove[numLevels];
  for (size_t l = 0; l < numLevels; ++l)
    report.activeInstances[l] = summary.spatialAbove[l];
  report.activeComputeUnits = summary.spatialAbove[numLevels];
  // Tile words per level instance, summed from the flows (each flow sizes its child's tile).
  SmallArray<int64_t, 16> words(numLevels);
  for (size_t l = 0; l < numLevels; ++l)
    words[l] = l == 0 ? outermostWords : 0;
  // Every flow between consecutive keepers of every tensor (child == numLevels: the compute
  // units), accumulated per instance and in total (docs/model.md sections 4-6).
  int last = static_cast<int>(numLevels);
  for (int t = 0; t < static_cast<int>(prob.tensors.size()); ++t) {
    Flow flow;
    flow.summary = &summary;
    flow.tensor = t;
    flow.isOutput = prob.tensors[t].isOutput;
    for (int child = 1; child <= last; ++child) {
      if (child < last && !(keptTensors(hw, mapping, child) >> t & 1))
        continue;
      flow.child = child;
      FlowUnits u;
      evaluateFlow(flow, u);
      accumulate(report, flow, u);
      if (child < last)
        words[child] += u.tileSize * wordsPerElement(prob, t, hw.levels[child].wordBits);
      flow.parent = child;
    }
  }
  for (size_t l = 0; l < numLevels; ++l) {
    if (hw.levels[l].capacityWords == 0 || words[l] <= hw.levels[l].capacityWords)
      continue;
    std::string violation = capacityViolation(hw, l, words[l]);
    if (!violation.empty())
      report.violations.push_back(std::move(violation));
  }
  report.valid = report.violations.empty();
  finalizeReport(prob, hw, report, conv, /*perInstanceKnown=*/true);
}

void AnalyticalModel::evaluateImperfect(const Mapping &mapping, CostReport &report) const {
  LoopNest nest;
  evaluateFlows(
      prob, hw, mapping, nest, report,
      [&](int t, int parent, int child) {
        return imperfectFlowCounts(prob, hw, nest, t, parent, child, conv);
      },
      conv);
}

void AnalyticalModel::accumulate(CostReport &report, const Flow &flow, const FlowUnits &u) const {
  // A parent instance serves `separate` groups; a child instance is one unit.
  TensorLevelStats &up = report.at(flow.parent, flow.tensor);
  bool hasChild = static_cast<size_t>(flow.child) < hw.levels.size();
  int64_t transfers;
  if (!flow.isOutput) {
    up.total.reads += u.groups * u.groupEntries;
    up.perInstance.reads += u.separate * u.groupEntries;
    transfers = u.childInstances * u.entries;
    if (hasChild) {
      TensorLevelStats &down = report.at(flow.child, flow.tensor);
      down.total.fills += transfers;
      down.perInstance.fills += u.entries;
    }
  } else {
    // Leaves equal entries; the first entry of an element needs no read-back.
    up.total.updates += u.groups * u.groupEntries;
    up.perInstance.updates += u.separate * u.groupEntries;
    up.total.readBacks += u.groups * (u.groupEntries - u.groupFirst);
    up.perInstance.readBacks += u.separate * (u.groupEntries - u.groupFirst);
    transfers = u.childInstances * (2 * u.entries - u.first);
    if (hasChild) {
      TensorLevelStats &down = report.at(flow.child, flow.tensor);
      down.total.fills += u.childInstances * (u.entries - u.first);
      down.perInstance.fills += u.entries - u.first;
      down.total.reads += u.childInstances * u.entries;
      down.perInstance.reads += u.entries;
    }
  }
  for (int j = flow.parent; j < flow.child; ++j)
    report.networkTransfers[j] += transfers;
}

} // namespace tessel::cost
