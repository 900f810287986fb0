// The JSON document of `tessel analyze --json` (see AnalyzeOutput.h and docs/analysis.md).
#include "AnalyzeOutput.h"

namespace tessel::cli {

using analysis::KindTotals;
using analysis::Machine;
using analysis::OpProfile;
using analysis::Role;
using analysis::WorkloadProfile;
using nlohmann::json;

namespace {

/// Bytes by role (integers per execution, doubles for weighted totals).
template <typename T> json bytesJson(T input, T weight, T output) {
  return {{"input", input}, {"weight", weight}, {"output", output},
          {"total", input + weight + output}};
}

json placementJson(const analysis::Placement &p, const Machine &m, double multiplicity) {
  json levels = json::array();
  for (size_t l = 0; l < m.levels.size(); ++l) {
    const analysis::LevelPlacement &lp = p.levels[l];
    levels.push_back({{"level", m.levels[l].level},
                      {"bytes", lp.bytes},
                      {"intensity", lp.intensity},
                      {"seconds", lp.seconds},
                      {"bandwidth_bound", lp.memoryBound}});
  }
  return {{"compute_seconds", p.computeSeconds},
          {"seconds", p.seconds},
          {"total_seconds", p.seconds * multiplicity},
          {"bottleneck", p.seconds > 0 ? analysis::bottleneckName(p, m) : "none"},
          {"attainable_macs_per_second", p.attainableMacsPerSecond},
          {"levels", levels}};
}

json opJson(const OpProfile &o, const Machine *m) {
  json tensors = json::array();
  for (const analysis::TensorTraffic &t : o.tensors)
    tensors.push_back({{"tensor", t.tensor}, {"role", analysis::roleName(t.role)},
                       {"bytes", t.bytes}});
  double n = o.multiplicity();
  json j = {{"name", o.name},
            {"kind", o.kind},
            {"count", o.count},
            {"weight", o.weight},
            {"macs", o.macs},
            {"other_ops", o.otherOps},
            {"total_macs", o.macs * n},
            {"bytes", bytesJson(o.bytes(Role::Input), o.bytes(Role::Weight),
                                o.bytes(Role::Output))},
            {"total_bytes", o.bytes() * n},
            {"intensity", o.intensity()},
            {"output_shape", o.outputShape},
            {"dims", o.dims},
            {"tensors", tensors}};
  if (m)
    j["roofline"] = placementJson(analysis::place(o, *m), *m, n);
  return j;
}

json kindsJson(const std::vector<WorkloadProfile> &ws) {
  json kinds = json::array();
  for (const KindTotals &k : analysis::totalsByKind(ws))
    kinds.push_back({{"kind", k.kind},
                     {"ops", k.ops},
                     {"executions", k.executions},
                     {"macs", k.macs},
                     {"other_ops", k.otherOps},
                     {"bytes", bytesJson(k.bytes[0], k.bytes[1], k.bytes[2])},
                     {"intensity", k.intensity()}});
  return kinds;
}

json totalsJson(const std::vector<WorkloadProfile> &ws, const Machine *m) {
  KindTotals all = analysis::totalsOf(ws);
  json j = {{"macs", all.macs},
            {"other_ops", all.otherOps},
            {"bytes", bytesJson(all.bytes[0], all.bytes[1], all.bytes[2])},
            {"intensity", all.intensity()}};
  if (m) {
    json shares = json::array();
    double total = 0;
    for (const analysis::TimeShare &s : analysis::timeByBottleneck(ws, *m)) {
      total += s.seconds;
      shares.push_back({{"bottleneck", s.bottleneck}, {"seconds", s.seconds}, {"ops", s.ops}});
    }
    j["seconds"] = total;
    j["time_by_bottleneck"] = shares;
  }
  return j;
}

} // namespace

json analysisJson(const AnalysisView &v) {
  const Machine *m = v.machine ? &*v.machine : nullptr;
  json j;
  if (m) {
    json levels = json::array();
    for (size_t l = 0; l < m->levels.size(); ++l) {
      const analysis::MemoryRoof &r = m->levels[l];
      json keeps = json::array();
      for (Role role : {Role::Input, Role::Weight, Role::Output})
        if (r.keeps[static_cast<int>(role)])
          keeps.push_back(analysis::roleName(role));
      levels.push_back({{"level", r.level},
                        {"bytes_per_second", r.bytesPerSecond},
                        {"ridge", m->ridge(l)},
                        {"keeps", keeps}});
    }
    j["hw"] = {{"name", m->name},
               {"file", m->file},
               {"peak_macs_per_second", m->peakMacsPerSecond},
               {"levels", levels}};
  }
  j["workloads"] = json::array();
  for (const WorkloadProfile &w : v.workloads) {
    json ops = json::array();
    for (const OpProfile &o : w.ops)
      ops.push_back(opJson(o, m));
    WorkloadProfile unweighted = w;
    unweighted.weight = 1;
    j["workloads"].push_back({{"name", w.name},
                              {"file", w.file},
                              {"weight", w.weight},
                              {"totals", totalsJson({unweighted}, m)},
                              {"ops", ops},
                              {"by_kind", kindsJson({unweighted})}});
  }
  if (v.workloads.size() > 1)
    j["fleet"] = {{"totals", totalsJson(v.workloads, m)}, {"by_kind", kindsJson(v.workloads)}};
  return j;
}

} // namespace tessel::cli
