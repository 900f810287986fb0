// Internal: turns the access counts of a CostReport into latency, energy and area.
#ifndef TESSEL_COST_LIB_FINALIZE_H
#define TESSEL_COST_LIB_FINALIZE_H

#include "LoopNest.h"
#include "tessel/cost/Convention.h"
#include "tessel/cost/CostReport.h"

namespace tessel::cost {

/// Totals of one flow of one tensor between keeper `parent` and its next inner keeper `child`
/// (child == number of levels means the compute units), summed over all instances.
struct FlowCounts {
  int64_t entries = 0;      // elements entering child tiles (summed over child instances)
  int64_t firstEntries = 0; // entries of an element the child instance never held before
  int64_t leaves = 0;       // elements leaving child tiles, including the final drain
  int64_t groupEntries = 0; // per step, distinct (group, element) entering, summed over steps
  int64_t groupFirst = 0;   // distinct (group, element) ever entering
  int64_t groupLeaves = 0;  // per step, distinct (group, element) leaving, summed over steps
  int64_t tileSize = 0;     // elements in one child tile (0 for compute units)
};

/// Adds one flow's counts to the report: parent reads/updates/read-backs, child fills/drains,
/// and network transfers on every fan-out between parent and child.
void accumulateFlow(CostReport &report, bool isOutput, int tensor, int parent, int child,
                    int numLevels, const FlowCounts &counts);

/// Prepares `report` for `arch` and `problem`: valid, zeroed total counts (and per-instance
/// counts with `perInstanceToo`), sized vectors.
void resetReport(const Problem &problem, const Arch &arch, CostReport &report,
                 bool perInstanceToo = false);

/// Given report.stats[*].total, networkTransfers, activeInstances, macs and computeCycles,
/// fills per-instance counts (total / active instances, unless `perInstanceKnown` says the
/// caller accumulated them), latency, energy and area as docs/model.md defines them (the
/// convention decides which actions are billed per block together).
void finalizeReport(const Problem &problem, const Arch &arch, CostReport &report,
                    Convention convention = Convention::Tessel, bool perInstanceKnown = false);

/// Visits every flow between consecutive keepers of every tensor (child == number of levels is
/// the compute units), accumulates `flowCounts(tensor, parent, child)` into `report` and
/// finalizes it. `report` must be reset, with macs, computeCycles and activeInstances set.
template <typename FlowFn>
void runFlows(const Problem &problem, const Arch &arch, const Mapping &mapping,
              CostReport &report, FlowFn &&flowCounts,
              Convention convention = Convention::Tessel) {
  int numLevels = static_cast<int>(arch.levels.size());
  for (int t = 0; t < static_cast<int>(problem.tensors.size()); ++t) {
    int parent = 0;
    for (int child = 1; child <= numLevels; ++child) {
      if (child < numLevels && !(keptTensors(arch, mapping, child) >> t & 1))
        continue;
      accumulateFlow(report, problem.tensors[t].isOutput, t, parent, child, numLevels,
                     flowCounts(t, parent, child));
      parent = child;
    }
  }
  finalizeReport(problem, arch, report, convention);
}

/// The evaluation the reference models share: checkMapping (violations leave `report`
/// invalid), the flattened nest in `nest`, `activity(nest, report)` setting the active
/// instances (as spatialActivity does), then runFlows.
template <typename FlowFn, typename ActivityFn>
void evaluateFlows(const Problem &problem, const Arch &arch, const Mapping &mapping,
                   LoopNest &nest, CostReport &report, FlowFn &&flowCounts,
                   Convention convention, ActivityFn &&activity) {
  report.violations = checkMapping(problem, arch, mapping);
  if (!report.violations.empty()) {
    report.valid = false;
    return;
  }
  resetReport(problem, arch, report);
  buildNest(problem, mapping, nest);
  report.macs = problem.macs();
  report.computeCycles = temporalIterations(nest);
  activity(nest, report);
  runFlows(problem, arch, mapping, report, flowCounts, convention);
}

/// evaluateFlows with the active instances in closed form (spatialActivity).
template <typename FlowFn>
void evaluateFlows(const Problem &problem, const Arch &arch, const Mapping &mapping,
                   LoopNest &nest, CostReport &report, FlowFn &&flowCounts,
                   Convention convention = Convention::Tessel) {
  evaluateFlows(problem, arch, mapping, nest, report, flowCounts, convention,
                [&](const LoopNest &n, CostReport &r) {
                  spatialActivity(problem, n, arch.levels.size(), r);
                });
}

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_FINALIZE_H
