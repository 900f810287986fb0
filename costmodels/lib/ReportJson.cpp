// Cost reports as JSON (docs/mapping-format.md, "Cost reports").
#include "tessel/cost/MappingJson.h"

#include <nlohmann/json.hpp>

namespace tessel::cost {

using nlohmann::ordered_json;

namespace {

ordered_json countsToJson(const AccessCounts &c) {
  return {{"fills", c.fills}, {"reads", c.reads}, {"updates", c.updates},
          {"read_backs", c.readBacks}};
}

} // namespace

ordered_json costReportToJsonValue(const CostReport &report, const Problem &problem,
                                   const Arch &arch) {
  ordered_json doc;
  doc["valid"] = report.valid;
  if (!report.valid) {
    doc["violations"] = report.violations;
    return doc;
  }
  doc["macs"] = report.macs;
  doc["cycles"] = report.cycles;
  doc["compute_cycles"] = report.computeCycles;
  doc["bound_by"] = report.boundBy(arch);
  doc["utilization"] = report.utilization;
  doc["compute_units"] = arch.computeUnits();
  doc["energy_pj"] = {{"total", report.totalEnergy},     {"storage", report.storageEnergy},
                      {"mac", report.macEnergy},         {"network", report.networkEnergy},
                      {"leakage", report.leakageEnergy}};
  doc["energy_per_mac_pj"] =
      report.macs > 0 ? report.totalEnergy / static_cast<double>(report.macs) : 0.0;
  doc["area_um2"] = {{"total", report.totalArea}, {"compute", report.computeArea}};
  doc["active_compute_units"] = report.activeComputeUnits;
  doc["average_active_compute_units"] = report.averageActiveComputeUnits;
  ordered_json levels = ordered_json::array();
  for (size_t l = 0; l < arch.levels.size(); ++l) {
    ordered_json level;
    level["name"] = arch.levels[l].name;
    level["instances"] = arch.instances(l);
    level["active_instances"] =
        l < report.activeInstances.size() ? report.activeInstances[l] : int64_t(0);
    level["average_active_instances"] =
        l < report.activeInstances.size() ? report.averageActive(l) : 0.0;
    level["transfer_cycles"] = l < report.levelCycles.size() ? report.levelCycles[l] : int64_t(0);
    level["network_transfers_below"] =
        l < report.networkTransfers.size() ? report.networkTransfers[l] : int64_t(0);
    level["area_um2"] = l < report.levelArea.size() ? report.levelArea[l] : 0.0;
    ordered_json tensors = ordered_json::object();
    double levelEnergy = 0;
    for (size_t t = 0; t < problem.tensors.size(); ++t) {
      if ((l + 1) * problem.tensors.size() > report.stats.size())
        break;
      const TensorLevelStats &s = report.at(l, t);
      if (s.total == AccessCounts{})
        continue;
      double energy = s.fillEnergy + s.readEnergy + s.updateEnergy + s.readBackEnergy;
      levelEnergy += energy;
      tensors[problem.tensors[t].name] = {
          {"total", countsToJson(s.total)},
          {"per_instance", countsToJson(s.perInstance)},
          {"words", s.words},
          {"energy_pj",
           {{"fill", s.fillEnergy},
            {"read", s.readEnergy},
            {"update", s.updateEnergy},
            {"read_back", s.readBackEnergy},
            {"total", energy}}}};
    }
    level["energy_pj"] = levelEnergy;
    level["tensors"] = std::move(tensors);
    levels.push_back(std::move(level));
  }
  doc["levels"] = std::move(levels);
  return doc;
}

std::string costReportToJson(const CostReport &report, const Problem &problem, const Arch &arch,
                             int indent) {
  return costReportToJsonValue(report, problem, arch)
      .dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

std::string mappingWithCostToJson(const Mapping &mapping, const Problem &problem,
                                  const Arch &arch, const CostReport &report,
                                  const std::string &modelName, int indent) {
  ordered_json doc = mappingToJsonValue(mapping, problem, arch);
  ordered_json cost = {{"model", modelName}};
  ordered_json fields = costReportToJsonValue(report, problem, arch);
  for (auto &[key, value] : fields.items())
    cost[key] = std::move(value);
  doc["cost"] = std::move(cost);
  return doc.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

} // namespace tessel::cost
