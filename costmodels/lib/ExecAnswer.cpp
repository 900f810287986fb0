// Reading exec-protocol answers (docs/plugins.md, "The answer"): strict keys, derived defaults.
#include "ExecAnswer.h"

#include "tessel/cost/ExecModel.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

namespace tessel::cost {

using nlohmann::json;

namespace {

/// Thrown inside this file only, caught by readExecAnswer.
struct AnswerError {
  std::string message;
};

[[noreturn]] void fail(std::string message) { throw AnswerError{std::move(message)}; }

void checkKeys(const json &object, const std::string &where, const std::set<std::string> &keys) {
  if (!object.is_object())
    fail(where + " must be an object");
  for (const auto &item : object.items())
    if (!keys.count(item.key()))
      fail("unknown key '" + item.key() + "' in " + where);
}

/// A non-negative finite number at `key` of `object`, or `fallback` when it is absent.
double number(const json &object, const std::string &key, const std::string &where,
              double fallback) {
  auto it = object.find(key);
  if (it == object.end())
    return fallback;
  if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < 0)
    fail("'" + key + "' in " + where + " must be a non-negative number, got " + it->dump());
  return it->get<double>();
}

/// A count: a non-negative number, rounded up to an integer.
int64_t count(const json &object, const std::string &key, const std::string &where,
              int64_t fallback) {
  double value = number(object, key, where, static_cast<double>(fallback));
  if (value > 9.0e18)
    fail("'" + key + "' in " + where + " is too large");
  return static_cast<int64_t>(std::ceil(value));
}

const json &required(const json &object, const std::string &key, const std::string &where) {
  auto it = object.find(key);
  if (it == object.end())
    fail("missing '" + key + "' in " + where);
  return *it;
}

AccessCounts readCounts(const json &object, const std::string &where) {
  checkKeys(object, where, {"fills", "reads", "updates", "read_backs"});
  return {count(object, "fills", where, 0), count(object, "reads", where, 0),
          count(object, "updates", where, 0), count(object, "read_backs", where, 0)};
}

void readTensor(const json &object, const std::string &where, TensorLevelStats &stats) {
  checkKeys(object, where, {"total", "per_instance", "words", "energy_pj"});
  if (object.contains("total"))
    stats.total = readCounts(object["total"], "'total' of " + where);
  if (object.contains("per_instance"))
    stats.perInstance = readCounts(object["per_instance"], "'per_instance' of " + where);
  stats.words = number(object, "words", where, 0);
  if (object.contains("energy_pj")) {
    const json &energy = object["energy_pj"];
    std::string at = "'energy_pj' of " + where;
    checkKeys(energy, at, {"fill", "read", "update", "read_back", "total"});
    stats.fillEnergy = number(energy, "fill", at, 0);
    stats.readEnergy = number(energy, "read", at, 0);
    stats.updateEnergy = number(energy, "update", at, 0);
    stats.readBackEnergy = number(energy, "read_back", at, 0);
  }
}

int levelIndex(const Arch &arch, const std::string &name) {
  for (size_t l = 0; l < arch.levels.size(); ++l)
    if (arch.levels[l].name == name)
      return static_cast<int>(l);
  return -1;
}

void readLevels(const json &levels, const Problem &problem, const Arch &arch,
                CostReport &report) {
  if (!levels.is_array())
    fail("'levels' must be an array");
  for (const json &level : levels) {
    checkKeys(level, "a level",
              {"name", "instances", "active_instances", "average_active_instances",
               "transfer_cycles", "network_transfers_below", "area_um2", "energy_pj", "tensors"});
    const json &name = required(level, "name", "a level");
    int l = name.is_string() ? levelIndex(arch, name.get<std::string>()) : -1;
    if (l < 0)
      fail("level " + name.dump() + " is not a level of arch '" + arch.name + "'");
    std::string where = "level '" + arch.levels[l].name + "'";
    report.activeInstances[l] = count(level, "active_instances", where, 1);
    report.averageActiveInstances[l] = number(level, "average_active_instances", where,
                                              static_cast<double>(report.activeInstances[l]));
    report.levelCycles[l] = count(level, "transfer_cycles", where, 0);
    report.networkTransfers[l] = count(level, "network_transfers_below", where, 0);
    report.levelArea[l] = number(level, "area_um2", where, 0);
    number(level, "energy_pj", where, 0);
    if (!level.contains("tensors"))
      continue;
    const json &tensors = level["tensors"];
    if (!tensors.is_object())
      fail("'tensors' of " + where + " must be an object");
    for (const auto &item : tensors.items()) {
      int t = -1;
      for (size_t i = 0; i < problem.tensors.size(); ++i)
        if (problem.tensors[i].name == item.key())
          t = static_cast<int>(i);
      if (t < 0)
        fail("tensor '" + item.key() + "' of " + where + " is not a tensor of '" +
             problem.name + "'");
      readTensor(item.value(), "tensor '" + item.key() + "' of " + where, report.at(l, t));
    }
  }
}

void readValid(const json &doc, const Problem &problem, const Arch &arch, CostReport &report) {
  const std::string where = "the answer";
  size_t numLevels = arch.levels.size();
  report.numTensors = static_cast<int>(problem.tensors.size());
  report.stats.assign(numLevels * problem.tensors.size(), TensorLevelStats{});
  report.levelCycles.assign(numLevels, 0);
  report.activeInstances.assign(numLevels, 1);
  report.averageActiveInstances.assign(numLevels, 1.0);
  report.networkTransfers.assign(numLevels, 0);
  report.levelArea.assign(numLevels, 0);
  if (doc.contains("levels"))
    readLevels(doc["levels"], problem, arch, report);

  int64_t units = std::max<int64_t>(1, arch.computeUnits());
  required(doc, "cycles", where);
  report.cycles = count(doc, "cycles", where, 0);
  report.macs = count(doc, "macs", where, problem.macs());
  report.computeCycles = count(doc, "compute_cycles", where, (report.macs + units - 1) / units);
  report.activeComputeUnits = count(doc, "active_compute_units", where, units);
  report.averageActiveComputeUnits =
      number(doc, "average_active_compute_units", where,
             report.computeCycles > 0
                 ? static_cast<double>(report.macs) / static_cast<double>(report.computeCycles)
                 : 0.0);
  double ideal = static_cast<double>(report.cycles) * static_cast<double>(units);
  report.utilization = number(doc, "utilization", where,
                              ideal > 0 ? static_cast<double>(report.macs) / ideal : 0.0);
  report.boundLevel = -1;
  if (doc.contains("bound_by")) {
    const json &bound = doc["bound_by"];
    if (!bound.is_string())
      fail("'bound_by' must be a string");
    if (bound.get<std::string>() != "compute") {
      report.boundLevel = levelIndex(arch, bound.get<std::string>());
      if (report.boundLevel < 0)
        fail("'bound_by' names " + bound.dump() + ", which is neither 'compute' nor a level");
    }
  }

  const json &energy = required(doc, "energy_pj", where);
  checkKeys(energy, "'energy_pj'", {"total", "storage", "mac", "network", "leakage"});
  required(energy, "total", "'energy_pj'");
  report.totalEnergy = number(energy, "total", "'energy_pj'", 0);
  double storage = 0;
  for (const TensorLevelStats &s : report.stats)
    storage += s.fillEnergy + s.readEnergy + s.updateEnergy + s.readBackEnergy;
  report.storageEnergy = number(energy, "storage", "'energy_pj'", storage);
  report.macEnergy = number(energy, "mac", "'energy_pj'", 0);
  report.networkEnergy = number(energy, "network", "'energy_pj'", 0);
  report.leakageEnergy = number(energy, "leakage", "'energy_pj'", 0);

  double levelArea = 0;
  for (double area : report.levelArea)
    levelArea += area;
  report.computeArea = report.totalArea = 0;
  if (doc.contains("area_um2")) {
    const json &area = doc["area_um2"];
    checkKeys(area, "'area_um2'", {"total", "compute"});
    report.computeArea = number(area, "compute", "'area_um2'", 0);
    report.totalArea = number(area, "total", "'area_um2'", levelArea + report.computeArea);
  }
}

void readAnswer(const json &doc, int64_t id, const Problem &problem, const Arch &arch,
                CostReport &report) {
  if (!doc.is_object())
    fail("the answer must be a JSON object");
  const json &version = required(doc, "version", "the answer");
  if (!version.is_number_integer() || version.get<int64_t>() != kExecProtocolVersion)
    fail("the answer has protocol version " + version.dump() + "; this tessel speaks version " +
         std::to_string(kExecProtocolVersion));
  const json &answerId = required(doc, "id", "the answer");
  if (!answerId.is_number_integer() || answerId.get<int64_t>() != id)
    fail("the answer has id " + answerId.dump() + " but the request had id " +
         std::to_string(id));
  if (doc.contains("error")) {
    checkKeys(doc, "an error answer", {"version", "id", "error"});
    const json &error = doc["error"];
    fail("it reported an error: " + (error.is_string() ? error.get<std::string>() : error.dump()));
  }
  const json &valid = required(doc, "valid", "the answer");
  if (!valid.is_boolean())
    fail("'valid' must be true or false");
  report = CostReport{};
  report.valid = valid.get<bool>();
  if (!report.valid) {
    checkKeys(doc, "an answer for an invalid mapping",
              {"version", "id", "valid", "model", "violations"});
    const json &violations = required(doc, "violations", "an answer for an invalid mapping");
    if (!violations.is_array() || violations.empty())
      fail("'violations' must be a non-empty array of strings");
    for (const json &v : violations) {
      if (!v.is_string())
        fail("'violations' must be a non-empty array of strings");
      report.violations.push_back(v.get<std::string>());
    }
    return;
  }
  checkKeys(doc, "the answer",
            {"version", "id", "valid", "model", "macs", "cycles", "compute_cycles", "bound_by",
             "utilization", "compute_units", "energy_pj", "energy_per_mac_pj", "area_um2",
             "active_compute_units", "average_active_compute_units", "levels"});
  readValid(doc, problem, arch, report);
}

} // namespace

std::string readExecAnswer(const std::string &line, int64_t id, const Problem &problem,
                           const Arch &arch, CostReport &report) {
  try {
    readAnswer(json::parse(line), id, problem, arch, report);
  } catch (const AnswerError &e) {
    report.valid = false;
    return e.message;
  } catch (const json::exception &e) {
    report.valid = false;
    std::string shown = line.size() > 80 ? line.substr(0, 80) + "..." : line;
    return "it answered malformed JSON (" + std::string(e.what()) + "): " + shown;
  }
  return "";
}

} // namespace tessel::cost
