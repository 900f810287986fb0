// The options of `tessel sweep` (parsed from the CLI's option values) and the plan of points
// they select: design space, enumeration or sample, shard.
#ifndef TESSEL_SWEEP_OPTIONS_H
#define TESSEL_SWEEP_OPTIONS_H

#include "tessel/Sweep/DesignSpace.h"
#include "tessel/Sweep/Driver.h"
#include "tessel/Sweep/Pareto.h"
#include "tessel/Sweep/Result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tessel::sweep {

/// A workload of the sweep and its weight in the aggregate (`--workload FILE[:WEIGHT]`).
struct WeightedWorkload {
  std::string path;
  double weight = 1;
};

struct SweepOptions {
  std::string arch; ///< the .hw file
  /// --accelerator NAME: which accelerator of the .hw (needed when it defines several).
  std::optional<std::string> accelerator;
  std::vector<WeightedWorkload> workloads;
  RunOptions run;
  std::vector<ParamOverride> params;
  std::optional<uint64_t> sample; ///< --sample N
  uint64_t seed = 1;
  SampleMethod sampleMethod = SampleMethod::LatinHypercube;
  std::optional<Shard> shard;
  ParetoOptions pareto; ///< objectives, --csv, --all (constraints live in `run`)
  /// --report FILE: the HTML report (Report.h) written after the sweep; empty: none.
  std::string reportPath;
  /// --mpi: the points are shared among the ranks of an MPI job (docs/scale-out.md); the
  /// default of --threads (per rank) is then 1.
  bool mpi = false;
  /// --no-memo: every layer of every point is searched (no search results are reused).
  bool memo = true;
};

/// One option of `tessel sweep` for the CLI's option table and --help.
struct OptionHelp {
  const char *name;      ///< without dashes
  const char *valueName; ///< "" for flags
  const char *help;
};
const std::vector<OptionHelp> &sweepOptionHelp();

/// Option values by name (repeated options accumulate; flags have one empty value).
using ArgValues = std::map<std::string, std::vector<std::string>>;

/// Builds the options from the positional arguments (ARCH.hw, then .wl files of weight 1) and
/// option values. `stderrIsTerminal` turns the progress display on unless --quiet.
Result<SweepOptions, ArgError> parseSweepOptions(const std::vector<std::string> &positional,
                                                 const ArgValues &values, bool stderrIsTerminal);

/// The design points the options select from `params` (the .hw's and .wl's, in order):
/// the cartesian product of the domains with --param overrides, or a --sample, then --shard.
/// Each point carries the units of the params (DesignPoint::units).
Result<std::vector<DesignPoint>, ArgError> planPoints(const SweepOptions &options,
                                                      const std::vector<dsl::ParamInfo> &params,
                                                      const dsl::SourceManager *sm = nullptr);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_OPTIONS_H
