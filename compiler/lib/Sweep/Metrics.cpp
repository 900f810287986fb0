// Metric values of records, --objectives and --constraint parsing, constraint checks.
#include "tessel/Sweep/Metrics.h"

#include "tessel/Sweep/Values.h"
#include "tessel/dsl/Diagnostics.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace tessel::sweep {

namespace {

struct MetricInfo {
  Metric metric;
  const char *name;
};

const MetricInfo kMetrics[] = {
    {Metric::Latency, "latency"}, {Metric::Energy, "energy"},
    {Metric::Area, "area"},       {Metric::Power, "power"},
    {Metric::Edp, "edp"},         {Metric::EnergyPerInference, "energy_per_inference"},
    {Metric::Cycles, "cycles"},   {Metric::Utilization, "utilization"},
};

std::vector<std::string> metricNames() {
  std::vector<std::string> names;
  for (const MetricInfo &m : kMetrics)
    names.push_back(m.name);
  return names;
}

std::optional<Metric> lookupMetric(std::string_view name) {
  for (const MetricInfo &m : kMetrics)
    if (name == m.name)
      return m.metric;
  return std::nullopt;
}

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

void skipBlanks(std::string_view arg, size_t &pos) {
  while (pos < arg.size() && arg[pos] == ' ')
    ++pos;
}

/// Skips blanks, then reads a metric name at `pos`; `begin` receives its offset.
std::string scanName(std::string_view arg, size_t &pos, size_t &begin) {
  skipBlanks(arg, pos);
  begin = pos;
  while (pos < arg.size() && isNameChar(arg[pos]))
    ++pos;
  return std::string(arg.substr(begin, pos - begin));
}

const char *const kObjectiveList =
    "objectives: latency, energy, area, power, edp, energy_per_inference, cycles";

} // namespace

const char *metricName(Metric m) {
  for (const MetricInfo &i : kMetrics)
    if (i.metric == m)
      return i.name;
  return "?";
}

dsl::Dim metricDim(Metric m) {
  switch (m) {
  case Metric::Latency:
    return dsl::dimTime();
  case Metric::Energy:
  case Metric::EnergyPerInference:
    return dsl::dimEnergy();
  case Metric::Area:
    return dsl::dimArea();
  case Metric::Power:
    return dsl::dimPower();
  case Metric::Edp:
    return dsl::dimEnergy() * dsl::dimTime();
  case Metric::Cycles:
    return dsl::dimCycles();
  case Metric::Utilization:
    return dsl::Dim::none();
  }
  return dsl::Dim::none();
}

std::optional<double> metricValue(const Record &r, Metric m) {
  if (!r.totals)
    return std::nullopt;
  const Totals &t = *r.totals;
  switch (m) {
  case Metric::Latency:
    return t.latencyS;
  case Metric::Energy:
    return t.energyJ;
  case Metric::Area:
    return t.areaMm2 * 1e-6;
  case Metric::Power:
    return t.powerW;
  case Metric::Edp:
    return t.energyJ * t.latencyS;
  case Metric::EnergyPerInference:
    return r.inferences > 0 ? std::optional<double>(t.energyJ / r.inferences) : std::nullopt;
  case Metric::Cycles:
    return static_cast<double>(t.cycles);
  case Metric::Utilization:
    return t.utilization;
  }
  return std::nullopt;
}

Result<std::vector<Metric>, ArgError> parseObjectives(std::string_view arg,
                                                      const std::string &option) {
  std::vector<Metric> out;
  auto fail = [&](size_t col, std::string msg, std::string hint = {}) {
    return argError(option, std::string(arg), col, std::move(msg), std::move(hint));
  };
  std::vector<std::string> names = metricNames();
  names.pop_back(); // utilization is not minimised
  size_t pos = 0;
  for (;;) {
    size_t b = 0;
    std::string name = scanName(arg, pos, b);
    if (name.empty())
      return fail(b + 1, "expected an objective name", kObjectiveList);
    std::optional<Metric> m = lookupMetric(name);
    if (m == Metric::Utilization)
      return fail(b + 1, "utilization is not an objective to minimise",
                  "bound it instead, e.g. --constraint 'utilization>=0.5'");
    if (!m)
      return fail(b + 1, "unknown objective '" + name + "'",
                  dsl::didYouMean(name, names, kObjectiveList));
    if (std::find(out.begin(), out.end(), *m) != out.end())
      return fail(b + 1, "objective '" + name + "' is given twice");
    out.push_back(*m);
    skipBlanks(arg, pos);
    if (pos == arg.size())
      return out;
    if (arg[pos] != ',')
      return fail(pos + 1, std::string("unexpected '") + arg[pos] + "'",
                  "separate objectives with ','");
    ++pos;
  }
}

Result<Constraint, ArgError> parseConstraint(std::string_view arg) {
  const std::string option = "constraint";
  auto fail = [&](size_t col, std::string msg, std::string hint = {}) {
    return argError(option, std::string(arg), col, std::move(msg), std::move(hint));
  };
  Constraint c;
  size_t pos = 0, b = 0;
  std::string name = scanName(arg, pos, b);
  if (name.empty())
    return fail(b + 1, "expected a metric name", "e.g. --constraint 'area<=4mm2'");
  std::optional<Metric> m = lookupMetric(name);
  if (!m)
    return fail(b + 1, "unknown metric '" + name + "'",
                dsl::didYouMean(name, metricNames(),
                                "metrics: latency, energy, area, power, edp, energy_per_inference, "
                                "cycles, utilization"));
  c.metric = *m;
  skipBlanks(arg, pos);
  std::string_view rest = arg.substr(pos);
  if (rest.substr(0, 2) == "<=")
    c.op = Constraint::Op::Le, pos += 2;
  else if (rest.substr(0, 2) == ">=")
    c.op = Constraint::Op::Ge, pos += 2;
  else if (rest.substr(0, 1) == "<")
    c.op = Constraint::Op::Lt, pos += 1;
  else if (rest.substr(0, 1) == ">")
    c.op = Constraint::Op::Gt, pos += 1;
  else
    return fail(pos + 1, "expected a comparison (<=, <, >=, >) after '" + name + "'");
  dsl::Dim want = metricDim(c.metric);
  auto q = parseQuantity(arg, pos, &want);
  if (!q) {
    ArgError e = q.error();
    e.option = option;
    return e;
  }
  skipBlanks(arg, pos);
  if (pos < arg.size())
    return fail(pos + 1, std::string("unexpected '") + arg[pos] + "' after the bound");
  bool plainOk = want.dimensionless() || c.metric == Metric::Cycles || c.metric == Metric::Edp;
  if (!q->hasUnit && !plainOk)
    return fail(q->begin + 1,
                std::string(metricName(c.metric)) + " is " + dsl::describeDim(want) +
                    "; give the bound a unit",
                "e.g. " + dsl::exampleUnits(want));
  if (q->hasUnit && q->dim != want)
    return fail(q->unitBegin + 1,
                "this bound is " + dsl::describeDim(q->dim) + ", but " + metricName(c.metric) +
                    " is " + dsl::describeDim(want),
                c.metric == Metric::Edp ? "give EDP as a plain number in J*s"
                : want.dimensionless()  ? "give a plain number"
                                        : "use a unit such as " + dsl::exampleUnits(want));
  c.bound = q->value;
  for (char ch : arg)
    if (ch != ' ')
      c.text += ch;
  return c;
}

bool satisfies(const Record &r, const Constraint &c) {
  std::optional<double> v = metricValue(r, c.metric);
  if (!v)
    return false;
  switch (c.op) {
  case Constraint::Op::Le:
    return *v <= c.bound;
  case Constraint::Op::Lt:
    return *v < c.bound;
  case Constraint::Op::Ge:
    return *v >= c.bound;
  case Constraint::Op::Gt:
    return *v > c.bound;
  }
  return false;
}

std::vector<std::string> violatedConstraints(const Record &r,
                                             const std::vector<Constraint> &constraints) {
  std::vector<std::string> out;
  for (const Constraint &c : constraints)
    if (!satisfies(r, c))
      out.push_back(c.text);
  return out;
}

std::pair<std::string, double> displayUnit(Metric m, const std::vector<double> &values) {
  double big = 0;
  for (double v : values)
    big = std::max(big, std::fabs(v));
  std::vector<std::pair<std::string, double>> units;
  switch (m) {
  case Metric::Latency:
    units = {{"ns", 1e-9}, {"us", 1e-6}, {"ms", 1e-3}, {"s", 1}};
    break;
  case Metric::Energy:
  case Metric::EnergyPerInference:
    units = {{"pJ", 1e-12}, {"nJ", 1e-9}, {"uJ", 1e-6}, {"mJ", 1e-3}, {"J", 1}};
    break;
  case Metric::Area:
    return big >= 1e-9 ? std::make_pair(std::string("mm2"), 1e-6)
                       : std::make_pair(std::string("um2"), 1e-12);
  case Metric::Power:
    units = {{"uW", 1e-6}, {"mW", 1e-3}, {"W", 1}};
    break;
  case Metric::Edp:
    return {"J*s", 1};
  case Metric::Cycles:
    return {"cycles", 1};
  case Metric::Utilization:
    return {"", 1};
  }
  std::pair<std::string, double> best = units.front();
  for (const auto &u : units)
    if (big >= u.second)
      best = u;
  return best;
}

std::string formatMetric(Metric m, double value) {
  auto [unit, scale] = displayUnit(m, {value});
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", value / scale);
  return unit.empty() ? std::string(buf) : std::string(buf) + " " + unit;
}

} // namespace tessel::sweep
