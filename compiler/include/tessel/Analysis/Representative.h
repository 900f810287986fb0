//===- Representative.h - a few operators standing for a workload -*- C++ -*-===//
// `tessel analyze --representative K`: clusters a workload's operators by shape features,
// keeps one medoid per cluster with a weight so that the weighted MACs, bytes and
// estimated time of the medoids match the full workload, reports the error, and writes
// the reduced set as a .wl of `weight` blocks.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_ANALYSIS_REPRESENTATIVE_H
#define TESSEL_ANALYSIS_REPRESENTATIVE_H

#include "tessel/Analysis/Profile.h"
#include "tessel/Analysis/Roofline.h"

#include <optional>
#include <string>
#include <vector>

namespace tessel::analysis {

/// One cluster: its medoid (an index into WorkloadProfile::ops), members and weight.
struct Cluster {
  size_t medoid = 0;
  std::vector<size_t> members;
  /// The medoid's weight in the reduced workload (it stands for `weight` executions).
  double weight = 0;
  /// The members' executions (sum of multiplicities).
  double executions = 0;
};

/// One compared total: the full workload's and the reduced set's.
struct Comparison {
  std::string metric; ///< "MACs", "bytes", "time (s)", "<kind> share of MACs", ...
  double full = 0, reduced = 0;
  bool share = false; ///< a fraction of a total (compare by difference, not ratio)
  bool fitted = false; ///< a total the weights were fitted to
  /// (reduced - full) / full for totals, reduced - full for shares.
  double error() const;
};

struct Representatives {
  std::vector<Cluster> clusters; ///< ranked by the work they stand for
  /// Fitted totals (MACs, bytes, time with a machine), then checks the fit does not target:
  /// each op kind's MAC share and each bottleneck's time share.
  std::vector<Comparison> comparisons;
  /// Operators without work (views) are left out of every cluster.
  size_t skipped = 0;
};

/// Picks at most `k` medoids of `w` (k-medoids over features: op kind, log intensity, log
/// MACs, log bytes of each role, log dims, and with `m` the bottleneck and log time) and
/// fits their weights: least change from the per-cluster weights that match each
/// cluster's time (MACs without `m`) under the constraint that the totals of MACs, bytes
/// and time equal the full workload's. Deterministic.
Representatives pickRepresentatives(const WorkloadProfile &w, size_t k,
                                    const Machine *m = nullptr);

/// Writes operators of `model` (by index into model.ops) as a standalone .wl workload
/// named `name`: each inside `weight W { }`, its operands declared as input tensors
/// (`OP_in0`, ...). Fails with `error` set for an operator it cannot restate.
std::optional<std::string> writeWeightedOps(const dsl::WlModel &model,
                                            const std::vector<std::pair<size_t, double>> &ops,
                                            const std::string &name,
                                            const std::string &header, std::string &error);

} // namespace tessel::analysis

#endif // TESSEL_ANALYSIS_REPRESENTATIVE_H
