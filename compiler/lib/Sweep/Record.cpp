// Records as canonical JSON lines and back (nlohmann::json; exceptions are caught here).
#include "tessel/Sweep/Record.h"

#include "tessel/Sweep/Values.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace tessel::sweep {

using Json = nlohmann::ordered_json;

namespace {

/// Integral values as JSON integers (so "8" stays "8"), others as doubles.
Json number(double v) {
  if (!std::isfinite(v))
    return nullptr;
  if (v == std::floor(v) && std::fabs(v) < 9007199254740992.0)
    return static_cast<int64_t>(v);
  return v;
}

/// A double written as a JSON double (totals keep their type whatever their value).
Json real(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json namedValues(const NamedValues &values, bool asParams) {
  Json o = Json::object();
  for (const auto &[name, v] : values)
    o[name] = asParams ? number(v) : real(v);
  return o;
}

const std::set<std::string> &knownFields() {
  static const std::set<std::string> known = {"schema",
                                              "point",
                                              "key",
                                              "params",
                                              "param_units",
                                              "status",
                                              "reason",
                                              "violations",
                                              "latency_s",
                                              "cycles",
                                              "energy_j",
                                              "energy_by_level_j",
                                              "area_mm2",
                                              "power_w",
                                              "utilization",
                                              "macs",
                                              "inferences",
                                              "layers"};
  return known;
}

std::string reasonOf(const Record &r) {
  if (!r.error.empty())
    return r.error;
  if (r.violations.empty())
    return "no results";
  std::string s = r.violations.size() == 1 ? "violates constraint " : "violates constraints ";
  for (size_t i = 0; i < r.violations.size(); ++i)
    s += (i ? ", " : "") + r.violations[i];
  return s;
}

} // namespace

std::string recordToJsonLine(const Record &r) {
  Json j;
  j["schema"] = kRecordSchemaVersion;
  j["point"] = r.point;
  j["key"] = r.key;
  j["params"] = namedValues(r.params, true);
  if (!r.paramUnits.empty()) { // written only when a param has a unit
    Json units = Json::object();
    for (const auto &[name, unit] : r.paramUnits)
      units[name] = unit;
    j["param_units"] = std::move(units);
  }
  j["status"] = r.valid() ? "valid" : "invalid";
  if (!r.valid())
    j["reason"] = reasonOf(r);
  if (r.error.empty() && !r.violations.empty())
    j["violations"] = r.violations;
  if (const std::optional<Totals> &t = r.totals) {
    j["latency_s"] = real(t->latencyS);
    j["cycles"] = t->cycles;
    j["energy_j"] = real(t->energyJ);
    j["energy_by_level_j"] = namedValues(t->energyByLevelJ, false);
    j["area_mm2"] = real(t->areaMm2);
    j["power_w"] = real(t->powerW);
    j["utilization"] = real(t->utilization);
    j["macs"] = t->macs;
  }
  j["inferences"] = number(r.inferences);
  if (!r.layers.empty()) {
    Json layers = Json::array();
    for (const LayerResult &l : r.layers) {
      Json o;
      o["name"] = l.name;
      if (!l.workload.empty())
        o["workload"] = l.workload;
      o["count"] = l.count;
      if (l.weight != 1) // written only when it matters, so unweighted records stay as they were
        o["weight"] = real(l.weight);
      if (!l.error.empty()) {
        o["error"] = l.error;
      } else {
        o["latency_s"] = real(l.latencyS);
        o["energy_j"] = real(l.energyJ);
        o["utilization"] = real(l.utilization);
        o["macs"] = l.macs;
        o["energy_by_level_j"] = namedValues(l.energyByLevelJ, false);
        if (!l.mapping.empty())
          o["mapping"] = l.mapping;
      }
      layers.push_back(std::move(o));
    }
    j["layers"] = std::move(layers);
  }
  for (const auto &[name, text] : r.extra)
    if (!knownFields().count(name))
      j[name] = Json::parse(text, nullptr, false);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

namespace {

/// Thrown inside this file only: a field problem, located at the field's name when found.
struct FieldError {
  std::string field;
  std::string message;
};

const Json &field(const Json &o, const char *name) {
  auto it = o.find(name);
  if (it == o.end())
    throw FieldError{"", std::string("missing field \"") + name + "\""};
  return *it;
}

double getReal(const Json &o, const char *name) {
  const Json &v = field(o, name);
  if (!v.is_number())
    throw FieldError{name, std::string("\"") + name + "\" must be a number"};
  return v.get<double>();
}

int64_t getInt(const Json &o, const char *name) {
  const Json &v = field(o, name);
  if (!v.is_number_integer())
    throw FieldError{name, std::string("\"") + name + "\" must be an integer"};
  return v.get<int64_t>();
}

std::string getString(const Json &o, const char *name) {
  const Json &v = field(o, name);
  if (!v.is_string())
    throw FieldError{name, std::string("\"") + name + "\" must be a string"};
  return v.get<std::string>();
}

NamedValues getNamed(const Json &o, const char *name) {
  const Json &v = field(o, name);
  if (!v.is_object())
    throw FieldError{name, std::string("\"") + name + "\" must be an object of numbers"};
  NamedValues out;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!it.value().is_number())
      throw FieldError{name, std::string("\"") + name + "\" must be an object of numbers"};
    out.emplace_back(it.key(), it.value().get<double>());
  }
  return out;
}

LayerResult getLayer(const Json &o) {
  if (!o.is_object())
    throw FieldError{"layers", "\"layers\" must be an array of objects"};
  LayerResult l;
  l.name = getString(o, "name");
  if (o.contains("workload"))
    l.workload = getString(o, "workload");
  l.count = getInt(o, "count");
  if (o.contains("weight"))
    l.weight = getReal(o, "weight");
  if (o.contains("error")) {
    l.error = getString(o, "error");
    return l;
  }
  l.latencyS = getReal(o, "latency_s");
  l.energyJ = getReal(o, "energy_j");
  l.utilization = getReal(o, "utilization");
  l.macs = getInt(o, "macs");
  l.energyByLevelJ = getNamed(o, "energy_by_level_j");
  if (o.contains("mapping"))
    l.mapping = getString(o, "mapping");
  return l;
}

Record recordOf(const Json &j) {
  if (!j.is_object())
    throw FieldError{"", "a record must be a JSON object"};
  int64_t schema = getInt(j, "schema");
  if (schema != kRecordSchemaVersion)
    throw FieldError{"schema", "record schema " + std::to_string(schema) +
                                   " is not supported (this tessel reads schema " +
                                   std::to_string(kRecordSchemaVersion) + ")"};
  Record r;
  int64_t point = getInt(j, "point");
  if (point < 0)
    throw FieldError{"point", "\"point\" must not be negative"};
  r.point = static_cast<uint64_t>(point);
  r.key = getString(j, "key");
  r.params = getNamed(j, "params");
  std::sort(r.params.begin(), r.params.end());
  if (pointKey(r.params) != r.key)
    throw FieldError{"key", "\"key\" is \"" + r.key + "\" but the params give \"" +
                                pointKey(r.params) + "\""};
  if (j.contains("param_units")) {
    const Json &u = j["param_units"];
    const char *shape = "\"param_units\" must be an object of unit names of the params";
    if (!u.is_object())
      throw FieldError{"param_units", shape};
    for (auto it = u.begin(); it != u.end(); ++it) {
      bool known = std::any_of(r.params.begin(), r.params.end(),
                               [&](const auto &p) { return p.first == it.key(); });
      if (!it.value().is_string() || !known)
        throw FieldError{"param_units", shape};
      r.paramUnits.emplace_back(it.key(), it.value().get<std::string>());
    }
    std::sort(r.paramUnits.begin(), r.paramUnits.end());
  }
  std::string status = getString(j, "status");
  if (status != "valid" && status != "invalid")
    throw FieldError{"status", "\"status\" must be \"valid\" or \"invalid\""};
  if (j.contains("latency_s")) {
    Totals t;
    t.latencyS = getReal(j, "latency_s");
    t.cycles = getInt(j, "cycles");
    t.energyJ = getReal(j, "energy_j");
    t.energyByLevelJ = getNamed(j, "energy_by_level_j");
    t.areaMm2 = getReal(j, "area_mm2");
    t.powerW = getReal(j, "power_w");
    t.utilization = getReal(j, "utilization");
    t.macs = getInt(j, "macs");
    r.totals = std::move(t);
  }
  if (j.contains("violations")) {
    const Json &v = j["violations"];
    if (!v.is_array() || v.empty())
      throw FieldError{"violations", "\"violations\" must be a non-empty array of strings"};
    for (const Json &s : v) {
      if (!s.is_string())
        throw FieldError{"violations", "\"violations\" must be a non-empty array of strings"};
      r.violations.push_back(s.get<std::string>());
    }
  }
  if (status == "invalid" && r.violations.empty()) {
    r.error = getString(j, "reason");
    if (r.error.empty())
      throw FieldError{"reason", "an invalid record needs a non-empty \"reason\""};
  }
  if (status == "valid" && (!r.totals || !r.violations.empty() || j.contains("reason")))
    throw FieldError{"status", "a valid record has totals and no \"reason\" or \"violations\""};
  if (!r.totals && !r.violations.empty())
    throw FieldError{"violations", "a record with \"violations\" needs its totals"};
  r.inferences = getReal(j, "inferences");
  if (j.contains("layers")) {
    const Json &ls = j["layers"];
    if (!ls.is_array())
      throw FieldError{"layers", "\"layers\" must be an array of objects"};
    for (const Json &l : ls)
      r.layers.push_back(getLayer(l));
  }
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!knownFields().count(it.key()))
      r.extra.emplace_back(it.key(), it.value().dump());
  return r;
}

} // namespace

Result<Record, LineError> parseRecordLine(std::string_view line) {
  Json j;
  try {
    j = Json::parse(line.begin(), line.end());
  } catch (const Json::parse_error &e) {
    std::string what = e.what();
    if (size_t p = what.find(": ", what.find("column")); p != std::string::npos)
      what = what.substr(p + 2);
    return LineError{std::min(e.byte, line.size() + 1), "invalid JSON: " + what};
  } catch (const Json::exception &e) { // e.g. out_of_range: "number overflow parsing '1e999'"
    std::string what = e.what();
    if (size_t p = what.find("] "); p != std::string::npos)
      what = what.substr(p + 2);
    size_t col = 0;
    if (size_t q = what.find('\''), r = what.rfind('\''); q != std::string::npos && r > q)
      if (size_t p = line.find(what.substr(q + 1, r - q - 1)); p != std::string_view::npos)
        col = p + 1;
    return LineError{col, "invalid JSON: " + what};
  }
  try {
    return recordOf(j);
  } catch (const FieldError &e) {
    size_t col = 0;
    if (!e.field.empty())
      if (size_t p = line.find("\"" + e.field + "\""); p != std::string_view::npos)
        col = p + 1;
    return LineError{col, e.message};
  } catch (const Json::exception &e) {
    return LineError{0, std::string("malformed record: ") + e.what()};
  }
}

std::string paramUnit(const Record &r, const std::string &name) {
  for (const auto &[p, unit] : r.paramUnits)
    if (p == name)
      return unit;
  return "";
}

std::string paramText(const Record &r, const std::string &name) {
  for (const auto &[p, v] : r.params)
    if (p == name)
      return formatParamValue(v, paramUnit(r, name));
  return "-";
}

std::string describeParams(const Record &r) {
  if (r.params.empty())
    return "(no params)";
  std::string s;
  for (const auto &[name, v] : r.params)
    s += (s.empty() ? "" : ", ") + name + "=" + formatParamValue(v, paramUnit(r, name));
  return s;
}

bool isFinite(const Record &r) {
  auto named = [](const NamedValues &v) {
    for (const auto &p : v)
      if (!std::isfinite(p.second))
        return false;
    return true;
  };
  if (!named(r.params) || !std::isfinite(r.inferences))
    return false;
  if (const auto &t = r.totals)
    if (!std::isfinite(t->latencyS) || !std::isfinite(t->energyJ) || !std::isfinite(t->areaMm2) ||
        !std::isfinite(t->powerW) || !std::isfinite(t->utilization) || !named(t->energyByLevelJ))
      return false;
  for (const LayerResult &l : r.layers)
    if (!std::isfinite(l.latencyS) || !std::isfinite(l.energyJ) || !std::isfinite(l.utilization) ||
        !std::isfinite(l.weight) || !named(l.energyByLevelJ))
      return false;
  return true;
}

} // namespace tessel::sweep
