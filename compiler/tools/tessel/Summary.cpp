// Text and JSON summaries printed by `tessel check`.
#include "Summary.h"
#include "TextTable.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

namespace tessel::cli {

using dsl::formatQuantity;
using dsl::Quantity;

std::string withCommas(int64_t v) {
  std::string s = std::to_string(v < 0 ? -v : v), r;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0)
      r += ',';
    r += s[i];
  }
  return v < 0 ? "-" + r : r;
}

static std::string bits(double b) { return formatQuantity({b, dsl::dimBits(), true}); }

static std::string join(const std::vector<std::string> &v, const char *sep = ",") {
  std::string r;
  for (size_t i = 0; i < v.size(); ++i)
    r += (i ? sep : "") + v[i];
  return r;
}

static std::string paramText(const dsl::ParamInfo &p) {
  std::string domain = p.domainText();
  return p.name + " = " + formatQuantity(p.value) + (domain.empty() ? "" : " in " + domain);
}

static std::string rate(double perSecond) {
  const char *units[] = {"", "K", "M", "G", "T", "P"};
  int i = 0;
  while (perSecond >= 1000 && i < 5) {
    perSecond /= 1000;
    ++i;
  }
  std::ostringstream os;
  os << std::setprecision(4) << perSecond << " " << units[i];
  return os.str();
}

void printSummary(std::ostream &os, const dsl::HwModel &m) {
  os << "accelerator " << m.name << " (" << m.file << ")\n";
  os << "  technology " << m.technologyNm << " nm, clock "
     << formatQuantity({m.clockHz, dsl::dimFrequency(), true}) << ", word " << m.wordBits
     << " bit, cost model " << m.costModel;
  if (!m.dataflow.empty())
    os << ", dataflow " << m.dataflow;
  os << "\n";
  for (const dsl::ParamInfo &p : m.params)
    os << "  param " << paramText(p) << "\n";
  TextTable levels({"level", "class", "size", "instances", "total", "keeps",
                    "bandwidth (bit/cycle)"});
  for (const dsl::MemoryLevel &L : m.levels) {
    std::string cls = L.cls + (L.subclass.empty() ? "" : "(" + L.subclass + ")");
    std::string size = L.sizeBits > 0 ? bits(L.sizeBits) : "unbounded";
    std::string total = L.sizeBits > 0 ? bits(L.sizeBits * L.instances) : "-";
    std::ostringstream bw;
    if (L.readBandwidth > 0)
      bw << L.readBandwidth;
    if (L.sharedBandwidth > 0)
      bw << (L.readBandwidth > 0 ? ", " : "") << L.sharedBandwidth << " shared";
    if (L.readBandwidth <= 0 && L.sharedBandwidth <= 0)
      bw << "unbounded";
    levels.add({L.name, cls, size, std::to_string(L.instances), total, join(L.keeps),
                bw.str()});
  }
  levels.print(os);
  for (const dsl::MemoryLevel &L : m.levels)
    if (!L.compress.empty())
      os << "  " << L.name << " stores " << join(L.compress, ", ") << " run-length coded, "
         << L.runBits << "-bit runs\n";
  for (const dsl::SpatialArray &A : m.arrays) {
    os << "  array " << A.name << " " << A.fanY << " x " << A.fanX << " ("
       << A.instances * A.fanX * A.fanY << " instances)";
    if (A.multicast)
      os << ", multicast";
    if (A.reduction)
      os << ", reduction";
    os << "\n";
  }
  for (const dsl::ComputeUnit &c : m.compute)
    os << "  compute " << c.name << ": " << c.cls << " " << c.bits << "-bit"
       << (c.format.empty() ? "" : " " + c.format) << " x " << c.count * c.instances << "\n";
  for (const dsl::Constraint &c : m.constraints)
    os << "  constraint " << c.target << " " << c.kind << ": " << join(c.values, ", ") << "\n";
  os << "  peak " << rate(m.peakMacsPerSecond()) << "MAC/s (" << m.totalMacUnits()
     << " MAC units)\n";
}

static std::string weightText(double w) {
  std::ostringstream os;
  os << std::setprecision(6) << w;
  return os.str();
}

static double weightedMacs(const dsl::WlModel &m) {
  double n = 0;
  for (const dsl::OpInfo &o : m.ops)
    n += static_cast<double>(o.macs) * static_cast<double>(o.count) * o.weight;
  return n;
}

static std::string bytesText(const dsl::TensorBytes &b) {
  return "inputs " + withCommas(b.inputs) + ", activations " + withCommas(b.activations) +
         ", weights " + withCommas(b.weights);
}

void printSummary(std::ostream &os, const dsl::WlModel &m) {
  os << "workload " << m.name << " (" << m.file << ")\n";
  for (const dsl::ParamInfo &p : m.params)
    os << "  param " << paramText(p) << "\n";
  std::map<std::string, int64_t> byKind; // executions
  bool weighted = std::any_of(m.ops.begin(), m.ops.end(),
                              [](const dsl::OpInfo &o) { return o.weight != 1; });
  std::vector<std::string> header = {"op", "kind", "output", "repeat", "MACs", "params"};
  if (weighted)
    header.insert(header.begin() + 4, "weight");
  TextTable ops(header, {false, false, false, true, true, true, true});
  for (const dsl::OpInfo &o : m.ops) {
    const dsl::TensorInfo *t = m.tensor(o.output);
    std::string shape = "[";
    if (t)
      for (size_t i = 0; i < t->shape.size(); ++i)
        shape += (i ? "," : "") + std::to_string(t->shape[i]);
    shape += "]";
    std::vector<std::string> row = {o.name, o.kind, shape, "x" + std::to_string(o.count),
                                    withCommas(o.macs * o.count), withCommas(m.opParams(o))};
    if (weighted)
      row.insert(row.begin() + 4, weightText(o.weight));
    ops.add(std::move(row));
    byKind[o.kind] += o.count;
  }
  ops.print(os);
  bool repeats = false, repeatedWeights = false;
  for (const dsl::TensorInfo &t : m.tensors) {
    repeats |= t.count > 1;
    repeatedWeights |= t.count > 1 && t.kind == dsl::TensorInfo::Kind::Weight;
  }
  dsl::TensorBytes once = m.tensorBytes(false), all = m.tensorBytes(true);
  os << "  ops by kind:";
  for (auto &[k, n] : byKind)
    os << " " << k << " " << n;
  os << "\n  total MACs: " << withCommas(m.totalMacs()) << "\n";
  if (weighted)
    os << "  weighted MACs: " << withCommas(std::llround(weightedMacs(m)))
       << " (MACs x repeat x weight)\n";
  os << "  other ops: " << withCommas(m.totalOps()) << " (non-MAC element operations)\n";
  os << "  parameters: " << withCommas(m.totalParams()) << " (" << withCommas(all.weights)
     << " B" << (repeatedWeights ? "; weights inside 'repeat N' counted N times" : "")
     << ")\n";
  if (int64_t g = m.gatheredBytes())
    os << "  embedding_bag gathered bytes: " << withCommas(g) << "\n";
  os << "  tensor bytes: " << bytesText(once) << (repeats ? " (repeat bodies once)" : "")
     << "\n";
  if (repeats)
    os << "  tensor bytes with repeats: " << bytesText(all) << "\n";
  std::ostringstream densities;
  densities << std::setprecision(6);
  for (const dsl::TensorInfo &t : m.tensors)
    if (t.density < 1)
      densities << (densities.tellp() > 0 ? ", " : "") << t.name << " " << t.density;
  if (densities.tellp() > 0)
    os << "  densities (non-zero fraction): " << densities.str() << "\n";
}

nlohmann::json toJson(const dsl::HwModel &m) {
  nlohmann::json j;
  j["kind"] = "accelerator";
  j["name"] = m.name;
  j["file"] = m.file;
  j["technology_nm"] = m.technologyNm;
  j["clock_hz"] = m.clockHz;
  j["word_bits"] = m.wordBits;
  j["cost_model"] = m.costModel;
  j["dataflow"] = m.dataflow;
  j["params"] = nlohmann::json::array();
  for (const dsl::ParamInfo &p : m.params)
    j["params"].push_back({{"name", p.name}, {"value", p.value.value},
                           {"domain", p.domainValues()}});
  j["levels"] = nlohmann::json::array();
  for (const dsl::MemoryLevel &L : m.levels) {
    nlohmann::json l = {{"name", L.name},
                        {"class", L.cls},
                        {"subclass", L.subclass},
                        {"size_bits", L.sizeBits},
                        {"instances", L.instances},
                        {"banks", L.banks},
                        {"ports", L.ports},
                        {"width_bits", L.widthBits},
                        {"read_bandwidth_bits_per_cycle", L.readBandwidth},
                        {"write_bandwidth_bits_per_cycle", L.writeBandwidth},
                        {"shared_bandwidth_bits_per_cycle", L.sharedBandwidth},
                        {"keeps", L.keeps},
                        {"array", L.enclosingArray}};
    if (L.readEnergyPJ)
      l["read_energy_pj"] = *L.readEnergyPJ;
    if (L.writeEnergyPJ)
      l["write_energy_pj"] = *L.writeEnergyPJ;
    if (L.areaUm2)
      l["area_um2"] = *L.areaUm2;
    if (!L.compress.empty()) {
      l["compress"] = L.compress;
      l["run_bits"] = L.runBits;
    }
    j["levels"].push_back(l);
  }
  j["arrays"] = nlohmann::json::array();
  for (const dsl::SpatialArray &A : m.arrays)
    j["arrays"].push_back({{"name", A.name}, {"fan_x", A.fanX}, {"fan_y", A.fanY},
                           {"instances", A.instances}, {"multicast", A.multicast},
                           {"reduction", A.reduction}});
  j["compute"] = nlohmann::json::array();
  for (const dsl::ComputeUnit &c : m.compute)
    j["compute"].push_back({{"name", c.name}, {"class", c.cls}, {"bits", c.bits},
                            {"format", c.format}, {"count", c.count * c.instances}});
  j["mac_units"] = m.totalMacUnits();
  j["peak_macs_per_second"] = m.peakMacsPerSecond();
  return j;
}

nlohmann::json toJson(const dsl::WlModel &m) {
  nlohmann::json j;
  j["kind"] = "workload";
  j["name"] = m.name;
  j["file"] = m.file;
  j["params"] = nlohmann::json::array();
  for (const dsl::ParamInfo &p : m.params)
    j["params"].push_back({{"name", p.name}, {"value", p.value.value},
                           {"domain", p.domainValues()}});
  j["ops"] = nlohmann::json::array();
  for (const dsl::OpInfo &o : m.ops) {
    const dsl::TensorInfo *t = m.tensor(o.output);
    j["ops"].push_back({{"name", o.name},
                        {"kind", o.kind},
                        {"inputs", o.inputs},
                        {"weights", o.weights},
                        {"output", o.output},
                        {"output_shape", t ? t->shape : std::vector<int64_t>{}},
                        {"macs", o.macs},
                        {"ops", o.ops},
                        {"count", o.count},
                        {"weight", o.weight},
                        {"total_macs", o.macs * o.count},
                        {"total_ops", o.ops * o.count},
                        {"params", m.opParams(o)},
                        {"gathered_bytes", o.extraBytes * o.count}});
  }
  j["tensors"] = nlohmann::json::array();
  for (const dsl::TensorInfo &t : m.tensors)
    j["tensors"].push_back({{"name", t.name}, {"shape", t.shape},
                            {"dtype", dsl::dtypeName(t.dtype)},
                            {"kind", dsl::tensorKindName(t.kind)}, {"bytes", t.bytes()},
                            {"count", t.count}, {"density", t.density}});
  auto bytesJson = [](const dsl::TensorBytes &b) {
    return nlohmann::json{
        {"inputs", b.inputs}, {"activations", b.activations}, {"weights", b.weights}};
  };
  dsl::TensorBytes all = m.tensorBytes(true);
  j["total_macs"] = m.totalMacs();
  j["weighted_macs"] = weightedMacs(m);
  j["total_ops"] = m.totalOps();
  j["total_params"] = m.totalParams();
  j["weight_bytes"] = all.weights;
  j["gathered_bytes"] = m.gatheredBytes();
  j["tensor_bytes"] = bytesJson(m.tensorBytes(false));
  j["tensor_bytes_with_repeats"] = bytesJson(all);
  return j;
}

} // namespace tessel::cli
