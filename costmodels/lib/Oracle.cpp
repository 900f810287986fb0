// Brute-force reference model: literal set simulation of every tile of every level instance.
#include "tessel/cost/Oracle.h"

#include "Finalize.h"
#include "LoopNest.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <utility>

namespace tessel::cost {

namespace {

using Element = int64_t;
/// (group key, element): the unit a parent reads or updates once per step.
using GroupElement = std::pair<int64_t, Element>;

class Simulator {
public:
  Simulator(const Problem &problem, const Arch &arch, const LoopNest &nest)
      : problem(problem), arch(arch), nest(nest), numLevels(static_cast<int>(arch.levels.size())) {}

  /// Simulates tensor `tensor` moving between keeper `parent` and `child` (numLevels = compute).
  FlowCounts simulate(int tensor, int parent, int child) const;

private:
  Element project(int tensor, const std::vector<int64_t> &coord) const {
    Element key = 0;
    for (size_t i = 0; i < problem.tensors[tensor].projection.size(); ++i) {
      const std::vector<int64_t> &coeffs = problem.tensors[tensor].projection[i];
      int64_t value = 0;
      for (size_t d = 0; d < coeffs.size(); ++d)
        value += coeffs[d] * coord[d];
      key = key * problem.indexExtent(tensor, static_cast<int>(i)) + value;
    }
    return key;
  }

  const Problem &problem;
  const Arch &arch;
  const LoopNest &nest;
  int numLevels;
};

/// Calls `fn(digits)` for every combination of the loops `loops` (last loop fastest).
template <typename Fn>
void forEachIteration(const std::vector<const NestLoop *> &loops, Fn fn) {
  std::vector<int64_t> digits(loops.size(), 0);
  while (true) {
    fn(digits);
    size_t k = loops.size();
    while (k > 0) {
      --k;
      if (++digits[k] < loops[k]->factor)
        break;
      digits[k] = 0;
      if (k == 0)
        return;
    }
    if (loops.empty())
      return;
  }
}

FlowCounts Simulator::simulate(int tensor, int parent, int child) const {
  size_t numDims = problem.dims.size();
  bool isOutput = problem.tensors[tensor].isOutput;
  bool isCompute = child == numLevels;
  std::vector<const NestLoop *> outerTemporal, outerSpatial, inner;
  for (const NestLoop &loop : nest.loops) {
    if (loop.level >= child)
      inner.push_back(&loop);
    else if (loop.spatial)
      outerSpatial.push_back(&loop);
    else
      outerTemporal.push_back(&loop);
  }
  auto merges = [&](int level) {
    return isOutput ? arch.fanOuts[level].reduction : arch.fanOuts[level].multicast;
  };

  // Every child instance: its base coordinate and the key of the group sharing parent reads.
  struct Instance {
    std::vector<int64_t> base;
    int64_t group = 0;
    std::vector<Element> held;
    std::set<Element> ever;
  };
  std::vector<Instance> instances;
  forEachIteration(outerSpatial, [&](const std::vector<int64_t> &digits) {
    Instance inst;
    inst.base.assign(numDims, 0);
    for (size_t k = 0; k < outerSpatial.size(); ++k) {
      const NestLoop &loop = *outerSpatial[k];
      inst.base[loop.dim] += digits[k] * loop.stride;
      // Children under different parent instances, or on a non-merging fan-out, never share.
      if (loop.level < parent || !merges(loop.level))
        inst.group = inst.group * loop.factor + digits[k];
    }
    instances.push_back(std::move(inst));
  });
  std::vector<std::vector<int64_t>> innerOffsets;
  forEachIteration(inner, [&](const std::vector<int64_t> &digits) {
    std::vector<int64_t> offset(numDims, 0);
    for (size_t k = 0; k < inner.size(); ++k)
      offset[inner[k]->dim] += digits[k] * inner[k]->stride;
    innerOffsets.push_back(std::move(offset));
  });

  FlowCounts counts;
  std::set<GroupElement> groupEver;
  std::vector<int64_t> coord(numDims);
  forEachIteration(outerTemporal, [&](const std::vector<int64_t> &digits) {
    std::set<GroupElement> stepEntries, stepLeaves;
    for (Instance &inst : instances) {
      std::vector<Element> tile;
      for (const std::vector<int64_t> &offset : innerOffsets) {
        for (size_t d = 0; d < numDims; ++d)
          coord[d] = inst.base[d] + offset[d];
        for (size_t k = 0; k < outerTemporal.size(); ++k)
          coord[outerTemporal[k]->dim] += digits[k] * outerTemporal[k]->stride;
        tile.push_back(project(tensor, coord));
      }
      std::sort(tile.begin(), tile.end());
      tile.erase(std::unique(tile.begin(), tile.end()), tile.end());
      std::vector<Element> entering, leaving;
      if (isCompute) {
        // Compute units hold nothing: every operand enters and every result leaves each step.
        entering = tile;
        leaving = tile;
      } else {
        std::set_difference(tile.begin(), tile.end(), inst.held.begin(), inst.held.end(),
                            std::back_inserter(entering));
        std::set_difference(inst.held.begin(), inst.held.end(), tile.begin(), tile.end(),
                            std::back_inserter(leaving));
        inst.held = std::move(tile);
      }
      for (Element e : entering) {
        ++counts.entries;
        counts.firstEntries += inst.ever.insert(e).second;
        stepEntries.insert({inst.group, e});
      }
      for (Element e : leaving) {
        ++counts.leaves;
        stepLeaves.insert({inst.group, e});
      }
    }
    counts.groupEntries += static_cast<int64_t>(stepEntries.size());
    for (const GroupElement &ge : stepEntries)
      counts.groupFirst += groupEver.insert(ge).second;
    counts.groupLeaves += static_cast<int64_t>(stepLeaves.size());
  });
  // At the end every held element leaves the child for the last time.
  std::set<GroupElement> flush;
  for (const Instance &inst : instances)
    for (Element e : inst.held) {
      ++counts.leaves;
      flush.insert({inst.group, e});
    }
  counts.groupLeaves += static_cast<int64_t>(flush.size());
  return counts;
}

} // namespace

CostReport evaluateOracle(const Problem &problem, const Arch &arch, const Mapping &mapping) {
  CostReport report;
  LoopNest nest;
  Simulator sim(problem, arch, nest);
  evaluateFlows(problem, arch, mapping, nest, report, [&](int tensor, int parent, int child) {
    return sim.simulate(tensor, parent, child);
  });
  return report;
}

void OracleModel::evaluate(const Mapping &mapping, CostReport &report) const {
  report = evaluateOracle(prob, hw, mapping);
}

} // namespace tessel::cost
