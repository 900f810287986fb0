// Pass/fail rules of a validation check and the text and Markdown tables.
#include "Check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tessel::validation {

namespace {

std::string percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f%%", 100 * fraction);
  return buf;
}

struct Row {
  std::string name, source, expected, tessel, tolerance, deviation, result;
};

Row rowOf(const Check &c) {
  Row r{c.name, c.source, formatValue(c.expected), "", c.tolerance.describe(), "", ""};
  if (!c.error.empty()) {
    r.tessel = "error (below)";
    r.result = "FAIL";
    return r;
  }
  r.tessel = formatValue(c.tessel);
  r.deviation = c.expected != 0 ? percent(c.deviation()) : formatValue(c.tessel - c.expected);
  r.result = c.passes() ? "pass" : "FAIL";
  return r;
}

/// Groups in order of first appearance.
std::vector<std::string> groupsOf(const std::vector<Check> &checks) {
  std::vector<std::string> groups;
  for (const Check &c : checks)
    if (std::find(groups.begin(), groups.end(), c.group) == groups.end())
      groups.push_back(c.group);
  return groups;
}

/// Each distinct error once, with the checks it made fail.
void printErrors(std::ostream &os, const std::vector<Check> &checks, const char *bullet) {
  std::vector<std::string> seen;
  for (const Check &c : checks)
    if (!c.error.empty() && std::find(seen.begin(), seen.end(), c.error) == seen.end()) {
      seen.push_back(c.error);
      os << bullet << c.group << ", " << c.name << ": " << c.error << "\n";
    }
  if (!seen.empty())
    os << "\n";
}

std::string summary(const std::vector<Check> &checks) {
  size_t failed = std::count_if(checks.begin(), checks.end(),
                                [](const Check &c) { return !c.passes(); });
  return std::to_string(checks.size()) + " checks, " +
         std::to_string(checks.size() - failed) + " pass, " + std::to_string(failed) +
         " outside tolerance";
}

} // namespace

std::string Tolerance::describe() const {
  switch (kind) {
  case Exact:
    return "exact";
  case Relative:
    return "+-" + formatValue(100 * value) + "%";
  case Absolute:
    return "+-" + formatValue(value);
  case AtLeast:
    return ">= (bound)";
  }
  return "?";
}

bool Check::passes() const {
  if (!error.empty() || !std::isfinite(tessel))
    return false;
  double diff = std::fabs(tessel - expected);
  switch (tolerance.kind) {
  case Tolerance::Exact:
    return diff <= 1e-9 * std::max(1.0, std::fabs(expected));
  case Tolerance::Relative:
    return diff <= tolerance.value * std::fabs(expected);
  case Tolerance::Absolute:
    // A hair of slack so that a value exactly half a digit away is not lost to rounding.
    return diff <= tolerance.value * (1 + 1e-9);
  case Tolerance::AtLeast:
    return tessel >= expected;
  }
  return false;
}

Check failedCheck(std::string group, std::string name, std::string source, double expected,
                  Tolerance tolerance, std::string error) {
  Check c{std::move(group), std::move(name), std::move(source), expected, 0, tolerance};
  c.error = error.empty() ? "unknown error" : std::move(error);
  return c;
}

double Check::deviation() const { return expected != 0 ? (tessel - expected) / expected : 0; }

std::string formatValue(double v) {
  if (!std::isfinite(v))
    return std::isnan(v) ? "nan" : "inf";
  char buf[64];
  if (v == std::trunc(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
    std::string digits = buf, out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0)
        out += ',';
      out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
  }
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void printTable(std::ostream &os, const std::vector<Check> &checks) {
  std::vector<Row> rows;
  for (const Check &c : checks)
    rows.push_back(rowOf(c));
  Row head{"check", "source", "expected", "tessel", "tolerance", "deviation", "result"};
  auto width = [&](std::string Row::*field) {
    size_t w = (head.*field).size();
    for (const Row &r : rows)
      w = std::max(w, (r.*field).size());
    return w;
  };
  std::string Row::*fields[] = {&Row::name,      &Row::source,    &Row::expected, &Row::tessel,
                                &Row::tolerance, &Row::deviation, &Row::result};
  std::vector<size_t> widths;
  for (auto f : fields)
    widths.push_back(width(f));
  auto print = [&](const Row &r) {
    os << "  ";
    for (size_t i = 0; i < std::size(fields); ++i) {
      const std::string &cell = r.*fields[i];
      bool number = i >= 2 && i <= 5;
      std::string pad(widths[i] - cell.size(), ' ');
      os << (number ? pad + cell : cell + (i + 1 < std::size(fields) ? pad : ""));
      if (i + 1 < std::size(fields))
        os << "  ";
    }
    os << "\n";
  };
  for (const std::string &group : groupsOf(checks)) {
    os << group << "\n";
    print(head);
    for (size_t i = 0; i < checks.size(); ++i)
      if (checks[i].group == group)
        print(rows[i]);
    os << "\n";
  }
  printErrors(os, checks, "error: ");
  os << summary(checks) << "\n";
}

void printMarkdown(std::ostream &os, const std::vector<Check> &checks) {
  for (const std::string &group : groupsOf(checks)) {
    os << "### " << group << "\n\n"
       << "| check | source | expected | tessel | tolerance | deviation | result |\n"
       << "|---|---|--:|--:|---|--:|---|\n";
    for (const Check &c : checks) {
      if (c.group != group)
        continue;
      Row r = rowOf(c);
      os << "| " << r.name << " | " << r.source << " | " << r.expected << " | " << r.tessel
         << " | " << r.tolerance << " | " << r.deviation << " | "
         << (r.result == "FAIL" ? "**FAIL**" : r.result) << " |\n";
    }
    os << "\n";
  }
  printErrors(os, checks, "- error: ");
  os << summary(checks) << ".\n";
}

} // namespace tessel::validation
