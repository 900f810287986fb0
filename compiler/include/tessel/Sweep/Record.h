// One design point's result: the record written as one JSON line of a results file
// (schema in docs/sweep.md), its canonical text and its parser.
#ifndef TESSEL_SWEEP_RECORD_H
#define TESSEL_SWEEP_RECORD_H

#include "tessel/Sweep/DesignSpace.h"
#include "tessel/Sweep/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tessel::sweep {

/// The "schema" field of every record; readers reject other versions.
constexpr int kRecordSchemaVersion = 1;

/// Named values in a fixed order (e.g. energy by memory level), serialised as a JSON object.
using NamedValues = std::vector<std::pair<std::string, double>>;

/// Whole-workload results of a design point (SI units, area in mm2).
struct Totals {
  double latencyS = 0;
  int64_t cycles = 0;
  double energyJ = 0;
  NamedValues energyByLevelJ; ///< e.g. {"DRAM", ...}, {"GLB", ...}, {"mac", ...}
  double areaMm2 = 0;
  double powerW = 0;      ///< average power over the run
  double utilization = 0; ///< MAC-unit utilisation in [0, 1]
  int64_t macs = 0;
  bool operator==(const Totals &) const = default;
};

/// Per-layer detail (`--detail`).
struct LayerResult {
  std::string name;
  int64_t count = 1; ///< executions of the layer per inference
  double latencyS = 0;
  double energyJ = 0;
  double utilization = 0;
  int64_t macs = 0;
  NamedValues energyByLevelJ;
  std::string mapping; ///< compact mapping text (may be empty)
  std::string error;   ///< why the layer has no valid mapping (empty when it has one)
  /// The workload file of the layer when the sweep has several (`--workload`); empty with one.
  std::string workload;
  /// How much each execution counts in the point's totals: the workload's weight
  /// (`--workload FILE:WEIGHT`) times the factor of the `weight` block holding the layer. The
  /// totals are the sum over layers of count x weight x the layer's figures.
  double weight = 1;
  bool operator==(const LayerResult &) const = default;
};

/// The result of one design point. A record must be a pure function of its point (no wall
/// times, thread ids or host names), so that files are identical whatever the thread count.
struct Record {
  uint64_t point = 0; ///< DesignPoint::index
  std::string key;    ///< pointKey(params)
  ParamValues params; ///< sorted by name, base units
  /// The base unit of each param that has one ("glb" -> "bit"), sorted by name: how people
  /// are shown the values (paramText). Empty in records of files written before units were
  /// recorded; their values are shown as plain numbers.
  ParamUnits paramUnits;
  /// Why the point could not be evaluated (e.g. no valid mapping); empty when it was.
  std::string error;
  /// Set by an evaluator when the point failed for a reason that fails every point (a cost
  /// model that fails): the sweep's queue takes no record for it and the sweep stops with this
  /// as its error. Not serialised: a record sent as a JSON line (from an MPI rank) arrives
  /// without it, as an invalid point whose `error` the evaluator should set to the same text.
  std::string fatal;
  /// The result constraints it violates, in their canonical text (e.g. "area<=4mm2"); only
  /// for evaluated points (empty `error`, totals present).
  std::vector<std::string> violations;
  /// Present when the point was evaluated (also when it violates constraints).
  std::optional<Totals> totals;
  /// Inferences the totals cover (batch size), for energy per inference.
  double inferences = 1;
  std::vector<LayerResult> layers;
  /// Fields this version does not know, as (name, canonical JSON text); kept verbatim. An
  /// entry named like a schema field is not written.
  std::vector<std::pair<std::string, std::string>> extra;

  bool valid() const { return error.empty() && violations.empty() && totals.has_value(); }
  bool operator==(const Record &) const = default;
};

/// The record as one line of canonical JSON (fixed field order, shortest round-trip numbers,
/// no trailing newline). Parsing the line and printing it again gives the same text.
/// Non-finite numbers cannot be written: they are replaced by null, which the reader rejects,
/// so evaluators must not produce them (runSweep turns such records into errors).
std::string recordToJsonLine(const Record &record);

/// A problem in one line; column is 1-based within the line (0 when unknown).
struct LineError {
  size_t column = 0;
  std::string message;
};

/// Parses one record line (the JSON must be one object with the schema's fields).
Result<Record, LineError> parseRecordLine(std::string_view line);

/// The value of param `name` of `r` in its natural unit ("108 KiB", "12"; formatParamValue),
/// or "-" when `r` has no such param.
std::string paramText(const Record &r, const std::string &name);

/// The unit of param `name` in `r` ("" when none is recorded).
std::string paramUnit(const Record &r, const std::string &name);

/// The point's params for people: "cols=14, glb=108 KiB, rows=12"; "(no params)" when none.
std::string describeParams(const Record &r);

/// True when every number of the record is finite (a record that can be written and read).
bool isFinite(const Record &record);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_RECORD_H
