// Problems and architectures as JSON (docs/plugins.md, "The request").
#include "tessel/cost/ModelJson.h"

#include <nlohmann/json.hpp>

namespace tessel::cost {

using nlohmann::ordered_json;

ordered_json problemToJsonValue(const Problem &problem) {
  ordered_json dims = ordered_json::array();
  for (const Dim &dim : problem.dims)
    dims.push_back({{"name", dim.name}, {"bound", dim.bound}});
  ordered_json tensors = ordered_json::array();
  for (const Tensor &tensor : problem.tensors) {
    ordered_json indices = ordered_json::array();
    for (const std::vector<int64_t> &row : tensor.projection) {
      ordered_json index = ordered_json::object();
      for (size_t d = 0; d < row.size() && d < problem.dims.size(); ++d)
        if (row[d] != 0)
          index[problem.dims[d].name] = row[d];
      indices.push_back(std::move(index));
    }
    tensors.push_back({{"name", tensor.name},
                       {"output", tensor.isOutput},
                       {"element_bits", tensor.elementBits},
                       {"density", tensor.density},
                       {"indices", std::move(indices)}});
  }
  return {{"name", problem.name},
          {"dims", std::move(dims)},
          {"tensors", std::move(tensors)},
          {"macs", problem.macs()}};
}

ordered_json archToJsonValue(const Arch &arch, const Problem &problem) {
  ordered_json levels = ordered_json::array();
  for (size_t l = 0; l < arch.levels.size(); ++l) {
    const StorageLevel &level = arch.levels[l];
    ordered_json keeps = ordered_json::array();
    for (size_t t = 0; t < problem.tensors.size(); ++t)
      if (level.keepMask >> t & 1)
        keeps.push_back(problem.tensors[t].name);
    ordered_json entry = {{"name", level.name},
                          {"instances", arch.instances(l)},
                          {"capacity_words", level.capacityWords},
                          {"keeps", std::move(keeps)},
                          {"word_bits", level.wordBits},
                          {"block_words", level.blockWords},
                          {"read_bandwidth", level.readBandwidth},
                          {"write_bandwidth", level.writeBandwidth},
                          {"shared_bandwidth", level.sharedBandwidth},
                          {"read_energy_pj", level.readEnergy},
                          {"write_energy_pj", level.writeEnergy},
                          {"update_energy_pj", level.updateEnergy},
                          {"area_um2", level.area},
                          {"leakage_pj_per_cycle", level.leakage}};
    ordered_json compress = ordered_json::array();
    for (size_t t = 0; t < problem.tensors.size(); ++t)
      if (level.compressMask >> t & 1)
        compress.push_back(problem.tensors[t].name);
    entry["compress"] = std::move(compress);
    entry["run_bits"] = level.runBits;
    FanOut fan = l < arch.fanOuts.size() ? arch.fanOuts[l] : FanOut{};
    entry["fanout_below"] = {{"x", fan.x},
                             {"y", fan.y},
                             {"multicast", fan.multicast},
                             {"reduction", fan.reduction},
                             {"hop_energy_pj", fan.hopEnergy}};
    levels.push_back(std::move(entry));
  }
  return {{"name", arch.name},
          {"compute_units", arch.computeUnits()},
          {"levels", std::move(levels)},
          {"compute",
           {{"name", arch.compute.name},
            {"mac_energy_pj", arch.compute.macEnergy},
            {"area_um2", arch.compute.area},
            {"leakage_pj_per_cycle", arch.compute.leakage}}}};
}

} // namespace tessel::cost
