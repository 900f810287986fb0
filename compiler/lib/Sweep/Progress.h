// The sweep's live progress line and per-point log on stderr (internal to the sweep library).
#ifndef TESSEL_SWEEP_LIB_PROGRESS_H
#define TESSEL_SWEEP_LIB_PROGRESS_H

#include "tessel/Sweep/Driver.h"

#include <chrono>
#include <optional>
#include <ostream>
#include <vector>

namespace tessel::sweep {

/// Not thread-safe: the driver calls it under its lock.
class Progress {
public:
  Progress(const RunOptions &options, size_t total, std::ostream &err);
  /// Counts a record taken from the existing file (no rate, no log line).
  void resumed(const Record &r);
  /// Counts a point this run finished; logs it when verbose and redraws at most 10 times/s.
  void finished(const Record &r);
  /// Draws the final state and ends the line (progress display only).
  void done();

  /// "37/120 points (31%), 4.2 points/s, ETA 20s, best latency 1.23 ms, energy 4.56 mJ".
  std::string statusLine() const;

private:
  void track(const Record &r);
  void draw();

  const RunOptions &options;
  std::ostream &err;
  size_t total;
  size_t doneCount = 0, newCount = 0;
  std::vector<std::optional<double>> best;
  std::chrono::steady_clock::time_point start, lastDraw;
  bool drawn = false;
};

/// "1h02m", "3m05s", "42s".
std::string formatDuration(double seconds);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_LIB_PROGRESS_H
