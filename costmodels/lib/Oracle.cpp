// Brute-force reference model: literal set simulation of every tile of every level instance.
#include "tessel/cost/Oracle.h"

#include "Finalize.h"
#include "LoopNest.h"

#include <algorithm>
#include <cstdint>
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
  Simulator(const Problem &problem, const Arch &arch, const LoopNest &nest, Convention convention)
      : problem(problem), arch(arch), nest(nest), convention(convention),
        numLevels(static_cast<int>(arch.levels.size())) {}

  /// Simulates tensor `tensor` moving between keeper `parent` and `child` (numLevels = compute).
  FlowCounts simulate(int tensor, int parent, int child) const;

private:
  /// Value of index `index` of tensor `tensor` at iteration-space point `coord`.
  int64_t indexValue(int tensor, size_t index, const std::vector<int64_t> &coord) const {
    const std::vector<int64_t> &coeffs = problem.tensors[tensor].projection[index];
    int64_t value = 0;
    for (size_t d = 0; d < coeffs.size(); ++d)
      value += coeffs[d] * coord[d];
    return value;
  }
  Element project(int tensor, const std::vector<int64_t> &coord) const {
    Element key = 0;
    for (size_t i = 0; i < problem.tensors[tensor].projection.size(); ++i)
      key = key * problem.indexExtent(tensor, static_cast<int>(i)) + indexValue(tensor, i, coord);
    return key;
  }

  const Problem &problem;
  const Arch &arch;
  const LoopNest &nest;
  Convention convention;
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

  // Every child instance: its base coordinate, the key of the group sharing parent reads, its
  // tile and, for the Timeloop convention, the translation Timeloop last saw (docs/model.md 11).
  struct Instance {
    std::vector<int64_t> base;
    int64_t group = 0;
    std::vector<Element> held;
    std::vector<int64_t> heldCorner;
    std::set<Element> ever;
    bool hasTranslation = false;
    std::vector<int64_t> translation;
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

  // The tile of `inst` when the outer temporal loops are at `digits` (sorted, distinct): the
  // elements its unmasked points touch (docs/model.md section 12), and its corner: the value of
  // each index at the tile's first point, masked or not (the smallest value when unmasked).
  size_t numIndices = problem.tensors[tensor].projection.size();
  std::vector<int64_t> origin(numDims), coord(numDims);
  auto tileAt = [&](const Instance &inst, const std::vector<int64_t> &digits,
                    std::vector<Element> &tile, std::vector<int64_t> &corner) {
    tile.clear();
    origin = inst.base;
    for (size_t k = 0; k < outerTemporal.size(); ++k)
      origin[outerTemporal[k]->dim] += digits[k] * outerTemporal[k]->stride;
    corner.resize(numIndices);
    for (size_t i = 0; i < numIndices; ++i)
      corner[i] = indexValue(tensor, i, origin);
    for (const std::vector<int64_t> &offset : innerOffsets) {
      bool masked = false;
      for (size_t d = 0; d < numDims; ++d) {
        coord[d] = origin[d] + offset[d];
        masked = masked || coord[d] >= problem.dims[d].bound;
      }
      if (!masked)
        tile.push_back(project(tensor, coord));
    }
    std::sort(tile.begin(), tile.end());
    tile.erase(std::unique(tile.begin(), tile.end()), tile.end());
  };
  auto difference = [](const std::vector<Element> &a, const std::vector<Element> &b) {
    std::vector<Element> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
  };

  FlowCounts counts;
  std::set<GroupElement> groupEver;
  std::vector<int64_t> previous, refDigits, corner, refCorner;
  std::vector<Element> refTile;
  forEachIteration(outerTemporal, [&](const std::vector<int64_t> &digits) {
    // The loop that advanced at this step (-1 on the first step); the loops inside it wrapped.
    int advanced = -1;
    if (!previous.empty())
      for (size_t k = 0; k < digits.size() && advanced < 0; ++k)
        if (digits[k] != previous[k])
          advanced = static_cast<int>(k);
    std::set<GroupElement> stepEntries, stepLeaves;
    for (Instance &inst : instances) {
      std::vector<Element> tile, entering, leaving;
      tileAt(inst, digits, tile, corner);
      if (isCompute) {
        // Compute units hold nothing: every operand enters and every result leaves each step.
        entering = tile;
        leaving = tile;
      } else if (advanced < 0 || convention == Convention::Tessel) {
        // What is not already held enters; what is no longer needed leaves.
        entering = difference(tile, inst.held);
        leaving = difference(inst.held, tile);
      } else {
        // Timeloop compares the tile with the one it saw last. It evaluates only iterations 0
        // and 1 of every loop, so after an outer loop advances, that is the tile with the
        // wrapped inner loops at iteration 1, not at their last iteration.
        const std::vector<Element> *ref = &inst.held;
        refCorner = inst.heldCorner;
        if (static_cast<size_t>(advanced) + 1 < digits.size()) {
          refDigits = previous;
          for (size_t k = static_cast<size_t>(advanced) + 1; k < refDigits.size(); ++k)
            refDigits[k] = 1;
          tileAt(inst, refDigits, refTile, refCorner);
          ref = &refTile;
        }
        std::vector<int64_t> translation(numIndices);
        for (size_t i = 0; i < numIndices; ++i)
          translation[i] = corner[i] - refCorner[i];
        if (!inst.hasTranslation || translation == inst.translation) {
          // Same stride as before (or none recorded yet): only the difference enters.
          entering = difference(tile, *ref);
          leaving = difference(*ref, tile);
          if (!inst.hasTranslation)
            inst.translation = translation;
          inst.hasTranslation = true;
        } else {
          // The stride changed: the held tile is discarded and the new one filled in full.
          entering = tile;
          leaving = inst.held;
          inst.hasTranslation = false;
        }
      }
      if (!isCompute) {
        inst.held = std::move(tile);
        inst.heldCorner = corner;
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
    previous = digits;
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

/// The active instances of every level and the compute units' activity by enumeration: at
/// every step of the level, the instances with at least one unmasked point below them.
void countActivity(const Problem &problem, const LoopNest &nest, size_t numLevels,
                   CostReport &report) {
  size_t numDims = problem.dims.size();
  report.averageActiveInstances.resize(numLevels);
  for (size_t level = 0; level <= numLevels; ++level) {
    std::vector<const NestLoop *> temporal, spatial, below;
    for (const NestLoop &loop : nest.loops)
      (static_cast<size_t>(loop.level) >= level ? below
       : loop.spatial                            ? spatial
                                                 : temporal)
          .push_back(&loop);
    std::set<std::vector<int64_t>> everActive;
    int64_t busy = 0, steps = 0;
    std::vector<int64_t> coord(numDims);
    forEachIteration(temporal, [&](const std::vector<int64_t> &time) {
      ++steps;
      forEachIteration(spatial, [&](const std::vector<int64_t> &place) {
        bool active = false;
        forEachIteration(below, [&](const std::vector<int64_t> &inner) {
          std::fill(coord.begin(), coord.end(), 0);
          for (size_t k = 0; k < temporal.size(); ++k)
            coord[temporal[k]->dim] += time[k] * temporal[k]->stride;
          for (size_t k = 0; k < spatial.size(); ++k)
            coord[spatial[k]->dim] += place[k] * spatial[k]->stride;
          for (size_t k = 0; k < below.size(); ++k)
            coord[below[k]->dim] += inner[k] * below[k]->stride;
          bool masked = false;
          for (size_t d = 0; d < numDims; ++d)
            masked = masked || coord[d] >= problem.dims[d].bound;
          active = active || !masked;
        });
        busy += active;
        if (active)
          everActive.insert(place);
      });
    });
    auto used = static_cast<int64_t>(everActive.size());
    if (level < numLevels) {
      report.activeInstances[level] = used;
      report.averageActiveInstances[level] = static_cast<double>(busy) / static_cast<double>(steps);
    } else {
      report.activeComputeUnits = used;
      report.averageActiveComputeUnits = static_cast<double>(busy) / static_cast<double>(steps);
    }
  }
}

} // namespace

CostReport evaluateOracle(const Problem &problem, const Arch &arch, const Mapping &mapping,
                          Convention convention) {
  CostReport report;
  LoopNest nest;
  Simulator sim(problem, arch, nest, convention);
  evaluateFlows(
      problem, arch, mapping, nest, report,
      [&](int tensor, int parent, int child) { return sim.simulate(tensor, parent, child); },
      convention,
      [&](const LoopNest &n, CostReport &r) { countActivity(problem, n, arch.levels.size(), r); });
  return report;
}

void OracleModel::evaluate(const Mapping &mapping, CostReport &report) const {
  report = evaluateOracle(prob, hw, mapping, conv);
}

} // namespace tessel::cost
