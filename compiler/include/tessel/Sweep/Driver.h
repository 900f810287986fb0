// The sweep driver: evaluates design points on a thread pool with an injected evaluator,
// streams one record per point to a results file (resumable) and reports progress.
#ifndef TESSEL_SWEEP_DRIVER_H
#define TESSEL_SWEEP_DRIVER_H

#include "tessel/Sweep/DesignSpace.h"
#include "tessel/Sweep/Metrics.h"
#include "tessel/Sweep/Record.h"
#include "tessel/Sweep/Result.h"

#include <atomic>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace tessel::sweep {

/// Evaluates one design point. It fills the results (error or totals, inferences, layers);
/// runSweep sets point, key and params from the DesignPoint and applies the constraints.
/// It must be a pure function of the point and safe to call from several threads at once.
/// An exception it throws becomes the point's error ("internal error: ...").
using Evaluator = std::function<Record(const DesignPoint &)>;

enum class Verbosity { Quiet, Normal, Verbose };

/// The points a running sweep still has to evaluate, for evaluators outside this process
/// (RunOptions::remote). Thread-safe.
class PointQueue {
public:
  virtual ~PointQueue() = default;
  /// The next point to evaluate, or null when every point has been handed out or the sweep
  /// is stopping (cancelled, or a record could not be written).
  virtual const DesignPoint *claim() = 0;
  /// Hands over the record of a claimed point, as evaluatePoint makes it. An error when the
  /// record is not that point's, is `fatal` or cannot be written (the sweep then stops).
  virtual Result<Ok> deliver(const DesignPoint &point, Record record) = 0;
};

struct RunOptions {
  /// The results file; "-" streams records to `out` in point order (no resume).
  std::string output = "-";
  /// Continue from the records already in `output` (see docs/sweep.md, "Resume").
  bool resume = false;
  /// Replace an existing `output` (without it, an existing file is an error unless resuming).
  bool overwrite = false;
  unsigned threads = 1;
  Verbosity verbosity = Verbosity::Normal;
  /// Redraw a one-line progress display on `err` (the CLI sets it when stderr is a terminal
  /// and --quiet is not given): points done/total, rate, ETA, best value of each objective.
  bool progress = false;
  /// Keep per-layer results in the records (otherwise Record::layers is dropped).
  bool detail = false;
  /// Objectives shown as "best so far" in the progress display.
  std::vector<Metric> objectives;
  /// Evaluated points violating any of these are recorded as invalid with the violations.
  std::vector<Constraint> constraints;
  /// When set (e.g. by a SIGINT handler), no new point is started; finished points are kept.
  const std::atomic<bool> *cancel = nullptr;
  /// Evaluators outside this process (e.g. the other ranks of an MPI job). When set, runSweep
  /// calls it on the calling thread while `threads` local threads evaluate points as well; it
  /// returns once every point it claimed has been delivered, or with an error.
  std::function<Result<Ok>(PointQueue &)> remote;
};

struct SweepOutcome {
  /// The record of every finished point (resumed and new), in point order.
  std::vector<Record> records;
  size_t evaluated = 0; ///< points evaluated by this run
  size_t resumed = 0;   ///< points taken from the existing file
  /// False when cancelled before every point finished (the file then holds the finished
  /// points in completion order; --resume completes it).
  bool complete = true;
};

/// Evaluates one point as runSweep does: an exception of `evaluate` becomes the record's
/// error; the identity fields are set from `point`, per-layer detail dropped unless
/// options.detail, and options.constraints applied.
Record evaluatePoint(const DesignPoint &point, const Evaluator &evaluate,
                     const RunOptions &options);

/// Runs the sweep over `points` (indices unique; keys unique). With an output file, each
/// record is appended and reaches the kernel as soon as its point finishes; once every point
/// is done the file is rewritten atomically in point order, so the final file is the same
/// whatever the thread count, resumes or interruptions. `err` receives progress, warnings
/// (e.g. dropped corrupt lines on resume) and, with Verbosity::Verbose, one line per point.
Result<SweepOutcome> runSweep(const RunOptions &options, const std::vector<DesignPoint> &points,
                              const Evaluator &evaluate, std::ostream &out, std::ostream &err);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_DRIVER_H
