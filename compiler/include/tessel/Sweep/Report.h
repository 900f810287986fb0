// The HTML report of a sweep (`--report FILE`): one self-contained file with
// Pareto scatter plots (inline SVG), per-layer and per-level breakdowns of the
// front, parameter sensitivity and the inputs, tool version and command line
// that produced it. Layout in docs/sweep.md.
#ifndef TESSEL_SWEEP_REPORT_H
#define TESSEL_SWEEP_REPORT_H

#include "tessel/Sweep/Metrics.h"
#include "tessel/Sweep/Record.h"
#include "tessel/Sweep/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tessel::sweep {

/// An input named in the report by its contents.
struct ReportInput {
  std::string path;
  uint64_t bytes = 0;
  std::string sha256; ///< 64 lowercase hex digits
};

/// The input `path` whose contents are `bytes`.
ReportInput reportInput(const std::string &path, std::string_view bytes);

/// Reads `path` and describes it; an error when it cannot be read.
Result<ReportInput> readReportInput(const std::string &path);

struct ReportOptions {
  /// The objectives of the front and of the plots (every pair gets a scatter
  /// plot).
  std::vector<Metric> objectives = {Metric::Energy, Metric::Latency};
  /// Only valid records meeting these are candidates for the front (as
  /// ParetoOptions).
  std::vector<Constraint> constraints;
  std::vector<ReportInput> inputs;
  std::string toolVersion; ///< e.g. "tessel 0.1.0"
  std::string commandLine; ///< the exact command, shell-quoted (see shellQuote)
  /// Shown when not empty; the report holds no time of its own, so that the
  /// same records and options give the same bytes.
  std::string generatedAt;
};

/// One value of a parameter in the sensitivity analysis: the valid points that
/// have it.
struct SensitivityGroup {
  double value = 0;
  size_t count = 0;
  double median = 0; ///< of the objective over the group (mean of the middle two when even)
  double min = 0;
};

/// How much an objective moves with one parameter: the valid candidates are
/// grouped by the parameter's value; `spread` = largest group median / smallest
/// group median - 1 (0 when the objective does not depend on the parameter; a
/// relative figure, so independent of units). Parameters taking fewer than two
/// values among the candidates are left out.
struct Sensitivity {
  std::string param;
  Metric objective = Metric::Energy;
  std::vector<SensitivityGroup> groups; ///< by increasing value
  double spread = 0;
};

/// The sensitivity of every objective to every parameter of `candidates`
/// (params by name, then objectives in the given order). Records without a
/// value of an objective are skipped.
std::vector<Sensitivity> computeSensitivity(const std::vector<const Record *> &candidates,
                                            const std::vector<Metric> &objectives);

/// A rendered report.
struct ReportPage {
  std::string html;
  /// What the report could not show, one sentence each (e.g. front points whose records have
  /// no per-layer results); the page says it too, the commands print these as notes.
  std::vector<std::string> notes;
};

/// The report as HTML text. Deterministic: the same records and options give
/// the same bytes. Records without per-layer detail (written without --detail)
/// are shown without it, with a notice. An error only without objectives.
Result<ReportPage> renderReport(const std::vector<const Record *> &records,
                                const ReportOptions &options);

/// renderReport written to `path` atomically (a temporary file renamed over
/// it); the page written, for its notes.
Result<ReportPage> writeReport(const std::string &path, const std::vector<const Record *> &records,
                               const ReportOptions &options);

/// `args` joined by blanks, each quoted for a POSIX shell when it needs it ('a
/// b' -> "'a b'").
std::string shellQuote(const std::vector<std::string> &args);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_REPORT_H
