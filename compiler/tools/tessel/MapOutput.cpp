// Text and JSON output of `tessel map`.
#include "MapOutput.h"
#include "Summary.h"
#include "TextTable.h"

#include "tessel/Support/Number.h"
#include "tessel/cost/MappingJson.h"
#include "tessel/dsl/Diagnostics.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <ostream>
#include <set>

namespace tessel::cli {

namespace {

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

/// pJ in a readable SI unit.
std::string energyText(double pj) {
  if (pj >= 1e12)
    return fixed(pj / 1e12, 3) + " J";
  if (pj >= 1e9)
    return fixed(pj / 1e9, 3) + " mJ";
  if (pj >= 1e6)
    return fixed(pj / 1e6, 3) + " uJ";
  if (pj >= 1e3)
    return fixed(pj / 1e3, 3) + " nJ";
  return fixed(pj, 3) + " pJ";
}

std::string secondsText(double s) {
  if (s >= 1)
    return fixed(s, 3) + " s";
  if (s >= 1e-3)
    return fixed(s * 1e3, 3) + " ms";
  return fixed(s * 1e6, 3) + " us";
}

std::string percent(double f) { return fixed(100 * f, 1) + "%"; }

} // namespace

bool selectLayers(const ParsedArgs &args, NetworkInputs &in, std::ostream &err) {
  auto it = args.values.find("layer");
  if (it == args.values.end())
    return true;
  std::set<std::string> wanted(it->second.begin(), it->second.end());
  std::vector<std::string> names;
  for (const network::Layer &l : in.layers)
    names.push_back(l.name);
  for (const std::string &w : wanted)
    if (std::find(names.begin(), names.end(), w) == names.end()) {
      err << "tessel map: error: unknown layer '" << w << "'\nhint: "
          << dsl::didYouMean(w, names, "'tessel compile FILE.wl --emit=einsum' lists the layers")
          << '\n';
      return false;
    }
  std::vector<network::Layer> kept;
  for (network::Layer &l : in.layers)
    if (wanted.count(l.name))
      kept.push_back(std::move(l));
  in.layers = std::move(kept);
  return true;
}

void printExplanations(std::ostream &os, const std::vector<network::Layer> &layers) {
  std::set<std::string> seen;
  search::SearchOptions keyOptions;
  for (const network::Layer &l : layers) {
    if (!seen.insert(network::searchKey(l, keyOptions, "")).second)
      continue;
    std::vector<std::string> errors;
    std::unique_ptr<search::Mapspace> space =
        search::Mapspace::create(l.problem, l.arch, l.constraints, errors);
    os << "mapspace of layer " << l.name << ":\n";
    if (!space) {
      for (const std::string &e : errors)
        os << "  error: " << e << '\n';
      continue;
    }
    os << search::toString(search::explain(*space)) << '\n';
  }
}

std::string statusText(const search::SearchResult &r) {
  if (!r.errors.empty())
    return "error";
  if (!r.found)
    return "no mapping";
  switch (r.status) {
  case search::SearchStatus::Optimal:
    return "optimal";
  case search::SearchStatus::Stopped:
    return r.certificate.gapPercent ? "gap " + fixed(*r.certificate.gapPercent, 2) + "%"
                                    : "stopped";
  case search::SearchStatus::Finished:
    return "best of " + withCommas(r.certificate.evaluations);
  case search::SearchStatus::NoValidMapping:
    return "no mapping";
  }
  return "?";
}

void printNetworkMapping(std::ostream &os, const NetworkInputs &in,
                         const search::SearchOptions &options, const std::string &model,
                         const network::NetworkOutcome &outcome,
                         const network::SearchMemo &memo) {
  os << "accelerator " << in.accelerator << ", workload " << in.workload << ", model " << model
     << ", objective " << search::toString(options.objective) << ", search "
     << search::algorithmName(options.algorithm) << '\n';
  if (!in.boundParams.empty()) {
    os << "design point:";
    for (const auto &[name, value] : in.boundParams)
      os << ' ' << name << '=' << value;
    os << '\n';
  }
  os << '\n';
  TextTable table({"layer", "x", "MACs", "energy", "pJ/MAC", "cycles", "util", "bound", "status"},
                  {false, true, true, true, true, true, true, false, false});
  for (size_t i = 0; i < outcome.layers.size(); ++i) {
    const network::LayerOutcome &l = outcome.layers[i];
    const search::SearchResult &r = *l.result;
    if (!r.found) {
      table.add({l.name, std::to_string(l.count), withCommas(in.layers[i].problem.macs()), "-",
                 "-", "-", "-", "-", statusText(r)});
      continue;
    }
    const cost::CostReport &rep = r.report;
    table.add({l.name, std::to_string(l.count), withCommas(rep.macs),
               energyText(rep.totalEnergy), fixed(rep.totalEnergy / rep.macs, 3),
               withCommas(rep.cycles), percent(rep.utilization),
               rep.boundBy(in.layers[i].arch), statusText(r)});
  }
  table.print(os);

  os << "\nmappings (per level: temporal loops outer to inner | spatial loops | bypassed):\n";
  for (size_t i = 0; i < outcome.layers.size(); ++i) {
    const network::LayerOutcome &l = outcome.layers[i];
    if (!l.result->found)
      continue;
    os << "  " << l.name << (l.memoHit ? "  (same shape as a layer above)" : "") << '\n';
    std::vector<std::string> errors;
    std::unique_ptr<search::Mapspace> space = search::Mapspace::create(
        in.layers[i].problem, in.layers[i].arch, in.layers[i].constraints, errors);
    std::string nest = space ? search::describePoint(*space, l.result->point)
                             : cost::toString(l.result->mapping, in.layers[i].problem,
                                              in.layers[i].arch);
    size_t start = 0;
    while (start < nest.size()) {
      size_t end = nest.find('\n', start);
      if (end == std::string::npos)
        end = nest.size();
      os << "    " << nest.substr(start, end - start) << '\n';
      start = end + 1;
    }
  }

  if (!outcome.errors.empty())
    return;
  const network::Totals &t = outcome.totals;
  os << "\ntotals (per inference, " << in.layers.size() << " layers, " << memo.size()
     << " distinct searches):\n";
  TextTable totals({"", ""}, {false, true});
  totals.add({"MACs", withCommas(t.macs)});
  totals.add({"cycles", withCommas(t.cycles)});
  if (in.clockHz > 0)
    totals.add({"latency", secondsText(t.cycles / in.clockHz)});
  totals.add({"energy", energyText(t.energy)});
  for (const auto &[level, e] : t.energyByLevel)
    totals.add({"  " + level, energyText(e) + " (" + percent(e / t.energy) + ")"});
  totals.add({"  MACs", energyText(t.macEnergy) + " (" + percent(t.macEnergy / t.energy) + ")"});
  totals.add({"  network", energyText(t.networkEnergy)});
  totals.add({"  leakage", energyText(t.leakageEnergy)});
  totals.add({"energy/MAC", fixed(t.energy / t.macs, 3) + " pJ"});
  totals.add({"utilisation", percent(t.utilization)});
  totals.add({"area", fixed(t.area / 1e6, 3) + " mm2"});
  totals.print(os);
}

std::string networkMappingJson(const NetworkInputs &in, const search::SearchOptions &options,
                               const std::string &model,
                               const network::NetworkOutcome &outcome) {
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  doc["accelerator"] = in.accelerator;
  doc["workload"] = in.workload;
  nlohmann::ordered_json params = nlohmann::ordered_json::object();
  for (const auto &[name, value] : in.boundParams)
    params[name] = value;
  doc["params"] = params;
  doc["model"] = model;
  doc["objective"] = search::toString(options.objective);
  doc["search"] = search::algorithmName(options.algorithm);
  doc["layers"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < outcome.layers.size(); ++i) {
    const network::LayerOutcome &l = outcome.layers[i];
    const search::SearchResult &r = *l.result;
    nlohmann::ordered_json j;
    j["name"] = l.name;
    j["count"] = l.count;
    j["status"] = statusText(r);
    if (r.certificate.gapPercent)
      j["gap_percent"] = *r.certificate.gapPercent;
    j["evaluations"] = r.certificate.evaluations;
    if (r.found) {
      nlohmann::ordered_json m =
          cost::mappingToJsonValue(r.mapping, in.layers[i].problem, in.layers[i].arch);
      m["cost"] = cost::costReportToJsonValue(r.report, in.layers[i].problem, in.layers[i].arch);
      m["cost"]["model"] = model;
      j["mapping"] = std::move(m);
    } else {
      j["diagnosis"] = r.diagnosis;
    }
    doc["layers"].push_back(std::move(j));
  }
  if (outcome.errors.empty()) {
    const network::Totals &t = outcome.totals;
    nlohmann::ordered_json totals;
    totals["macs"] = t.macs;
    totals["cycles"] = t.cycles;
    if (in.clockHz > 0)
      totals["latency_s"] = t.cycles / in.clockHz;
    totals["energy_pj"] = t.energy;
    nlohmann::ordered_json byLevel = nlohmann::ordered_json::object();
    for (const auto &[level, e] : t.energyByLevel)
      byLevel[level] = e;
    totals["energy_by_level_pj"] = byLevel;
    totals["mac_energy_pj"] = t.macEnergy;
    totals["network_energy_pj"] = t.networkEnergy;
    totals["leakage_energy_pj"] = t.leakageEnergy;
    totals["utilization"] = t.utilization;
    totals["area_um2"] = t.area;
    doc["totals"] = totals;
  } else {
    doc["errors"] = outcome.errors;
  }
  return doc.dump(2);
}

} // namespace tessel::cli
