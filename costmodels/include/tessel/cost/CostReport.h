// CostReport: access counts, latency, energy and area of one mapping, as every cost model fills it.
#ifndef TESSEL_COST_COSTREPORT_H
#define TESSEL_COST_COSTREPORT_H

#include "tessel/cost/Arch.h"
#include "tessel/cost/Mapping.h"
#include "tessel/cost/Problem.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tessel::cost {

/// Element accesses of one tensor at one level (see docs/model.md for each definition).
struct AccessCounts {
  /// Elements written into the level from the outer keeper (for the output: read-backs received).
  int64_t fills = 0;
  /// Elements read out of the level: operands sent inwards, or output elements drained outwards.
  int64_t reads = 0;
  /// Output elements written into the level from the inner side (accumulations).
  int64_t updates = 0;
  /// Partially accumulated output elements read out of the level and sent back inwards.
  int64_t readBacks = 0;

  bool operator==(const AccessCounts &) const = default;
};

/// Counts and energies of one tensor at one level.
struct TensorLevelStats {
  /// Counts of one active instance (all active instances of a level are symmetric).
  AccessCounts perInstance;
  /// Counts summed over the active instances.
  AccessCounts total;
  double fillEnergy = 0;
  /// Energy of the reads; under the Timeloop convention also of the read-backs, billed in the
  /// same blocks (readBackEnergy is then 0; docs/model.md section 11).
  double readEnergy = 0;
  double updateEnergy = 0;
  double readBackEnergy = 0;
  /// Words moved at the level (fills, reads, updates, read-backs), summed over the active
  /// instances; run-length coded tensors move their expected coded size (docs/model.md 13).
  double words = 0;
};

/// The result of evaluating one mapping.
struct CostReport {
  /// False when the mapping was rejected; `violations` then says why and the other fields are
  /// unspecified.
  bool valid = false;
  std::vector<std::string> violations;

  int64_t macs = 0;
  /// Product of all temporal factors.
  int64_t computeCycles = 0;
  /// max(computeCycles, every level's transfer cycles).
  int64_t cycles = 0;
  /// macs / (cycles * compute units).
  double utilization = 0;
  /// Level index bounding latency, or -1 when compute bounds it.
  int boundLevel = -1;
  /// Transfer cycles of each level (per instance, under its bandwidth).
  std::vector<int64_t> levelCycles;
  /// Instances of each level that do any work: those with an unmasked iteration below them at
  /// some step. All of them work at the first step, so this is also the most at any one step.
  /// Without imperfect factorisation: the product of the spatial factors above the level.
  std::vector<int64_t> activeInstances;
  /// Mean over the steps of each level (the iterations of the temporal loops above it) of the
  /// instances with an unmasked iteration below them; below activeInstances only when an
  /// imperfectly factored dim leaves instances idle in its partial tiles (docs/model.md 12).
  /// Empty when every active instance works at every step (read it with averageActive()).
  std::vector<double> averageActiveInstances;
  /// Compute units that perform any MAC (the most busy in any one cycle), and the mean number
  /// busy per compute cycle (macs / computeCycles).
  int64_t activeComputeUnits = 0;
  double averageActiveComputeUnits = 0;

  /// stats[level * numTensors + tensor].
  std::vector<TensorLevelStats> stats;
  int numTensors = 0;
  /// Elements moved across the fan-out below each level (both directions).
  std::vector<int64_t> networkTransfers;

  double macEnergy = 0;
  double networkEnergy = 0;
  double leakageEnergy = 0;
  /// Sum of all per-access energies (all levels, tensors, actions).
  double storageEnergy = 0;
  double totalEnergy = 0;

  /// Area of all instances of each level; area of all compute units; their sum.
  std::vector<double> levelArea;
  double computeArea = 0;
  double totalArea = 0;

  const TensorLevelStats &at(size_t level, size_t tensor) const {
    return stats[level * numTensors + tensor];
  }
  TensorLevelStats &at(size_t level, size_t tensor) {
    return stats[level * numTensors + tensor];
  }
  /// averageActiveInstances[level], or activeInstances[level] when that is empty.
  double averageActive(size_t level) const {
    return level < averageActiveInstances.size() ? averageActiveInstances[level]
                                                 : static_cast<double>(activeInstances[level]);
  }
  /// Name of the bounding resource: "compute" or the level's name.
  std::string boundBy(const Arch &arch) const;
};

/// Readable multi-line table of a report (counts per level and tensor, energy, latency).
std::string toString(const CostReport &report, const Problem &problem, const Arch &arch);

} // namespace tessel::cost

#endif // TESSEL_COST_COSTREPORT_H
