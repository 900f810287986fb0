// Pareto fronts over minimised objectives, and the tables / CSV that present records.
#ifndef TESSEL_SWEEP_PARETO_H
#define TESSEL_SWEEP_PARETO_H

#include "tessel/Sweep/Metrics.h"
#include "tessel/Sweep/Record.h"
#include "tessel/Sweep/Result.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace tessel::sweep {

/// Indices of the rows that no other row dominates, minimising every column: a dominates b
/// when a <= b in every column and a < b in at least one (exact comparisons, no tolerance).
/// Rows with equal vectors do not dominate each other, so all of them are kept. The result
/// is ordered by the rows' vectors (lexicographically), ties by index. O(n log n + n * f * d)
/// for n rows, f front rows and d columns.
std::vector<size_t> paretoFront(const std::vector<std::vector<double>> &rows);

/// The rows of a table: records (not owned) and whether each is on the front.
struct TableRow {
  const Record *record = nullptr;
  bool onFront = false;
};

/// The objective vectors (SI units) of the records that have every objective; `kept`
/// receives the position in `records` of each returned row.
std::vector<std::vector<double>> objectiveRows(const std::vector<const Record *> &records,
                                               const std::vector<Metric> &objectives,
                                               std::vector<size_t> &kept);

/// Prints an aligned table: point, one column per param (base units), the objectives and then
/// latency, energy, area and power when they are not objectives (each column in one display
/// unit, 4 significant digits); with `markFront`, a first column "front" holding '*' for
/// rows on the front and a last column with the status.
void printTable(std::ostream &os, const std::vector<TableRow> &rows,
                const std::vector<Metric> &objectives, bool markFront);

/// Writes CSV (fields quoted as in RFC 4180, '\n' line ends): point, key, params, status, reason,
/// every metric in SI units with full precision (latency_s, energy_j, area_mm2, power_w, edp_js,
/// energy_per_inference_j, cycles, utilization) and, with `markFront`, on_front (1/0).
void writeCsv(std::ostream &os, const std::vector<TableRow> &rows, bool markFront);

/// What `tessel pareto` (and the end of a sweep) shows.
struct ParetoOptions {
  std::vector<Metric> objectives = {Metric::Energy, Metric::Latency};
  /// Further filters: only valid records satisfying these are candidates for the front.
  std::vector<Constraint> constraints;
  /// List every record (front marked) instead of the front only, in the table and the CSV.
  bool all = false;
  /// Also write the rows as CSV to this file (empty: no CSV).
  std::string csvPath;
};

/// Computes the front of the valid records (satisfying options.constraints) and prints a
/// one-line heading and the table to `out`; writes the CSV when asked. Records are listed in
/// front order (by objective vector), or with `all` in the order given. An error only when
/// the CSV cannot be written.
Result<Ok> printPareto(const std::vector<const Record *> &records, const ParetoOptions &options,
                       std::ostream &out);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_PARETO_H
