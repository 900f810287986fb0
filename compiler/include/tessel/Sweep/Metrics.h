// Result metrics of a record (latency, energy, area, power, EDP, ...), objectives to minimise
// (--objectives) and constraints with units (--constraint "area<=4mm2").
#ifndef TESSEL_SWEEP_METRICS_H
#define TESSEL_SWEEP_METRICS_H

#include "tessel/Sweep/Record.h"
#include "tessel/Sweep/Result.h"
#include "tessel/dsl/Units.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessel::sweep {

enum class Metric { Latency, Energy, Area, Power, Edp, EnergyPerInference, Cycles, Utilization };

/// The user-facing name of a metric: latency, energy, area, power, edp, energy_per_inference,
/// cycles, utilization.
const char *metricName(Metric m);

/// The dimension of a metric's value in SI base units (EDP: joule * second).
dsl::Dim metricDim(Metric m);

/// The metric's value for an evaluated record, in SI base units (latency s, energy J, area m2,
/// power W, EDP J*s, energy per inference J); std::nullopt without totals.
std::optional<double> metricValue(const Record &record, Metric m);

/// Parses "energy,latency[,area]": a comma-separated list of distinct objectives to minimise
/// (every metric except utilization). Errors carry the column of the offending name.
Result<std::vector<Metric>, ArgError> parseObjectives(std::string_view arg,
                                                      const std::string &option = "objectives");

/// A bound on a metric, e.g. "area<=4mm2", "power<2W", "latency<=10ms", "energy<=3mJ",
/// "utilization>=0.5", "cycles<=1e6", "edp<=1e-6" (EDP in J*s, as a plain number).
struct Constraint {
  enum class Op { Le, Lt, Ge, Gt };
  Metric metric = Metric::Latency;
  Op op = Op::Le;
  double bound = 0; ///< SI base units
  std::string text; ///< canonical text: the argument without blanks
};

/// Parses one --constraint argument (blanks allowed between the parts).
Result<Constraint, ArgError> parseConstraint(std::string_view arg);

/// True when the record's totals satisfy the constraint (false without totals).
bool satisfies(const Record &record, const Constraint &c);

/// The canonical text of every constraint the evaluated record violates, in the given order.
std::vector<std::string> violatedConstraints(const Record &record,
                                             const std::vector<Constraint> &constraints);

/// A display unit for a column of metric values: its name and its size in SI base units,
/// chosen so that the largest magnitude reads between 1 and 1000 (e.g. {"ms", 1e-3}).
/// Areas use mm2 down to 0.001 mm2.
std::pair<std::string, double> displayUnit(Metric m, const std::vector<double> &values);

/// One value in its display unit with 4 significant digits, e.g. "1.234 ms", "0.64 mm2".
std::string formatMetric(Metric m, double value);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_METRICS_H
