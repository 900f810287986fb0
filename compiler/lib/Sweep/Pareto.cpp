// Exact Pareto front over minimised objectives.
#include "tessel/Sweep/Pareto.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <numeric>
#include <ostream>
#include <unordered_set>

namespace tessel::sweep {

namespace {
bool dominates(const std::vector<double> &a, const std::vector<double> &b) {
  bool strictly = false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] > b[i])
      return false;
    strictly |= a[i] < b[i];
  }
  return strictly;
}
} // namespace

std::vector<size_t> paretoFront(const std::vector<std::vector<double>> &rows) {
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  // A dominating row precedes the rows it dominates in lexicographic order, and a row
  // dominated by anything is dominated by a front row: checking the front found so far
  // suffices.
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return rows[a] < rows[b]; });
  std::vector<size_t> front;
  for (size_t i : order) {
    bool dominated = std::any_of(front.begin(), front.end(),
                                 [&](size_t f) { return dominates(rows[f], rows[i]); });
    if (!dominated)
      front.push_back(i);
  }
  return front;
}

std::vector<std::vector<double>> objectiveRows(const std::vector<const Record *> &records,
                                               const std::vector<Metric> &objectives,
                                               std::vector<size_t> &kept) {
  std::vector<std::vector<double>> rows;
  kept.clear();
  for (size_t i = 0; i < records.size(); ++i) {
    std::vector<double> row;
    for (Metric m : objectives)
      if (std::optional<double> v = metricValue(*records[i], m))
        row.push_back(*v);
    if (row.size() != objectives.size())
      continue;
    rows.push_back(std::move(row));
    kept.push_back(i);
  }
  return rows;
}

Result<Ok> printPareto(const std::vector<const Record *> &records, const ParetoOptions &options,
                       std::ostream &out) {
  std::vector<const Record *> candidates;
  for (const Record *r : records)
    if (r->valid() && violatedConstraints(*r, options.constraints).empty())
      candidates.push_back(r);
  std::vector<size_t> kept;
  std::vector<std::vector<double>> rows = objectiveRows(candidates, options.objectives, kept);
  std::vector<size_t> front = paretoFront(rows);

  std::vector<TableRow> table;
  if (options.all) {
    std::unordered_set<const Record *> onFront;
    for (size_t f : front)
      onFront.insert(candidates[kept[f]]);
    for (const Record *r : records)
      table.push_back({r, onFront.count(r) != 0});
  } else {
    for (size_t f : front)
      table.push_back({candidates[kept[f]], true});
  }

  out << "Pareto front over ";
  for (size_t i = 0; i < options.objectives.size(); ++i)
    out << (i ? ", " : "") << metricName(options.objectives[i]);
  out << ": " << front.size() << " of " << rows.size() << " valid points";
  if (!options.constraints.empty())
    out << " meeting the constraints";
  out << " (" << records.size() << " records)\n";
  if (!table.empty())
    printTable(out, table, options.objectives, options.all);

  if (!options.csvPath.empty()) {
    std::ofstream csv(options.csvPath, std::ios::binary);
    if (csv)
      writeCsv(csv, table, options.all);
    if (!csv || !csv.flush())
      return "cannot write '" + options.csvPath + "': " + std::strerror(errno);
  }
  return Ok{};
}

} // namespace tessel::sweep
