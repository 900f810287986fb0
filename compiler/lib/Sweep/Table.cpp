// Aligned tables and CSV of records (the Pareto front, or every point).
#include "tessel/Sweep/Pareto.h"

#include "tessel/Sweep/Values.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <set>
#include <string>

namespace tessel::sweep {

namespace {

std::vector<std::string> paramNames(const std::vector<TableRow> &rows) {
  std::set<std::string> names;
  for (const TableRow &r : rows)
    for (const auto &p : r.record->params)
      names.insert(p.first);
  return {names.begin(), names.end()};
}

/// CSV keeps machine values: the param in base units, empty when the record lacks it.
std::string baseValueText(const Record &r, const std::string &name) {
  for (const auto &p : r.params)
    if (p.first == name)
      return formatValue(p.second);
  return "";
}

std::string statusText(const Record &r) {
  if (r.valid())
    return "valid";
  if (!r.error.empty())
    return "invalid: " + r.error;
  return "invalid: violates " + r.violations.front() +
         (r.violations.size() > 1 ? " (+" + std::to_string(r.violations.size() - 1) + ")" : "");
}

std::string csvField(const std::string &s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos)
    return s;
  std::string q = "\"";
  for (char c : s)
    q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

} // namespace

void printTable(std::ostream &os, const std::vector<TableRow> &rows,
                const std::vector<Metric> &objectives, bool markFront) {
  std::vector<Metric> metrics = objectives;
  for (Metric m : {Metric::Latency, Metric::Energy, Metric::Area, Metric::Power})
    if (std::find(metrics.begin(), metrics.end(), m) == metrics.end())
      metrics.push_back(m);
  std::vector<std::string> params = paramNames(rows);

  // Cells as text, column by column; numbers are right-aligned, the status left-aligned.
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> cells(rows.size());
  if (markFront) {
    header.push_back("front");
    for (size_t i = 0; i < rows.size(); ++i)
      cells[i].push_back(rows[i].onFront ? "*" : "");
  }
  header.push_back("point");
  for (size_t i = 0; i < rows.size(); ++i)
    cells[i].push_back(std::to_string(rows[i].record->point));
  for (const std::string &p : params) {
    header.push_back(p);
    for (size_t i = 0; i < rows.size(); ++i)
      cells[i].push_back(paramText(*rows[i].record, p));
  }
  for (Metric m : metrics) {
    std::vector<double> values;
    for (const TableRow &r : rows)
      if (std::optional<double> v = metricValue(*r.record, m))
        values.push_back(*v);
    auto [unit, scale] = displayUnit(m, values);
    header.push_back(std::string(metricName(m)) + (unit.empty() ? "" : " [" + unit + "]"));
    for (size_t i = 0; i < rows.size(); ++i) {
      std::optional<double> v = metricValue(*rows[i].record, m);
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4g", v ? *v / scale : 0.0);
      cells[i].push_back(v ? buf : "-");
    }
  }
  if (markFront) {
    header.push_back("status");
    for (size_t i = 0; i < rows.size(); ++i)
      cells[i].push_back(statusText(*rows[i].record));
  }
  std::vector<size_t> width(header.size());
  for (size_t c = 0; c < header.size(); ++c) {
    width[c] = header[c].size();
    for (const auto &row : cells)
      width[c] = std::max(width[c], row[c].size());
  }
  auto emit = [&](const std::vector<std::string> &row) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      bool last = c + 1 == row.size();
      if (c)
        line += "  ";
      if (markFront && last)
        line += row[c];
      else
        line += std::string(width[c] - row[c].size(), ' ') + row[c];
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    os << line << '\n';
  };
  emit(header);
  for (const auto &row : cells)
    emit(row);
}

void writeCsv(std::ostream &os, const std::vector<TableRow> &rows, bool markFront) {
  std::vector<std::string> params = paramNames(rows);
  os << "point,key";
  for (const std::string &p : params)
    os << ',' << csvField(p);
  os << ",status,reason,latency_s,energy_j,area_mm2,power_w,edp_js,energy_per_inference_j,"
        "cycles,utilization"
     << (markFront ? ",on_front" : "") << "\n";
  for (const TableRow &row : rows) {
    const Record &r = *row.record;
    os << r.point << ',' << csvField(r.key);
    for (const std::string &p : params)
      os << ',' << baseValueText(r, p);
    os << ',' << (r.valid() ? "valid" : "invalid") << ','
       << csvField(r.valid() ? "" : statusText(r).substr(9));
    auto num = [&](Metric m) {
      std::optional<double> v = metricValue(r, m);
      os << ',' << (v ? formatValue(*v) : "");
    };
    num(Metric::Latency);
    num(Metric::Energy);
    os << ',' << (r.totals ? formatValue(r.totals->areaMm2) : "");
    num(Metric::Power);
    num(Metric::Edp);
    num(Metric::EnergyPerInference);
    num(Metric::Cycles);
    num(Metric::Utilization);
    if (markFront)
      os << ',' << (row.onFront ? 1 : 0);
    os << "\n";
  }
}

} // namespace tessel::sweep
