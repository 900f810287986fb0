// Text tables of one evaluation.
#include "EvalOutput.h"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <ostream>
#include <vector>

namespace tessel::cli {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", 100 * v);
  return buf;
}

void printHeader(std::ostream &os, const EvalInputs &in, const std::string &mappingFile,
                 const std::string &model, const cost::Mapping &mapping) {
  const cost::Problem &p = in.problem;
  os << "layer " << p.name << " of " << in.workload << " on " << in.accelerator
     << " (cost model " << model << ")\n";
  if (in.repeat > 1)
    os << "  runs " << in.repeat << " times in the workload; figures are for one run\n";
  if (!in.boundParams.empty()) {
    os << "  params:";
    for (const auto &[name, value] : in.boundParams)
      os << ' ' << name << '=' << value;
    os << '\n';
  }
  os << "  einsum: " << p.tensors[p.outputTensor()].name << " +=";
  for (size_t t = 0; t < p.tensors.size(); ++t)
    if (!p.tensors[t].isOutput)
      os << (t ? " * " : " ") << p.tensors[t].name;
  os << " over";
  for (const cost::Dim &d : p.dims)
    os << ' ' << d.name << '=' << d.bound;
  os << "; " << p.macs() << " MACs\n";
  os << "mapping " << mappingFile << ":\n";
  std::string nest = cost::toString(mapping, p, in.arch);
  for (size_t start = 0; start < nest.size();) {
    size_t end = nest.find('\n', start);
    os << "  " << nest.substr(start, end - start) << '\n';
    start = end == std::string::npos ? nest.size() : end + 1;
  }
}

/// Coded traffic of the levels that run-length code tensors (docs/model.md section 13).
void printCoded(std::ostream &os, const cost::Problem &p, const cost::Arch &a,
                const cost::CostReport &r) {
  for (size_t l = 0; l < a.levels.size(); ++l) {
    const cost::StorageLevel &level = a.levels[l];
    if (level.compressMask == 0)
      continue;
    os << "\nrun-length coded at " << level.name << " (" << level.runBits
       << "-bit runs; words of " << level.wordBits << " bits, docs/model.md section 13):\n";
    for (size_t t = 0; t < p.tensors.size(); ++t) {
      const cost::TensorLevelStats &s = r.at(l, t);
      if (!(level.compressMask >> t & 1) || s.total == cost::AccessCounts{})
        continue;
      const cost::AccessCounts &c = s.total;
      double dense = static_cast<double>(c.fills + c.reads + c.updates + c.readBacks) *
                     static_cast<double>(cost::wordsPerElement(p, static_cast<int>(t),
                                                               level.wordBits));
      os << "  " << p.tensors[t].name << ": density " << num(p.tensors[t].density) << ", "
         << num(s.words) << " words moved (" << num(dense) << " uncoded, x"
         << num(dense > 0 ? s.words / dense : 0) << ")\n";
    }
  }
}

void printAccesses(std::ostream &os, const EvalInputs &in, const cost::CostReport &r) {
  const cost::Problem &p = in.problem;
  const cost::Arch &a = in.arch;
  // Rows after the level x tensor ones: first column, note, energy, text after the energy.
  struct Extra {
    std::string first, note;
    double energy;
    std::string after;
  };
  std::vector<Extra> extra;
  extra.push_back({"mac", std::to_string(r.macs) + " MACs", r.macEnergy, ""});
  for (size_t l = 0; l < a.fanOuts.size(); ++l)
    if (a.fanOuts[l].x * a.fanOuts[l].y > 1)
      extra.push_back({"network", "below " + a.levels[l].name + ": " +
                                      std::to_string(r.networkTransfers[l]) + " transfers",
                       static_cast<double>(r.networkTransfers[l]) * a.fanOuts[l].hopEnergy, ""});
  extra.push_back({"leakage", std::to_string(r.cycles) + " cycles", r.leakageEnergy, ""});
  extra.push_back({"total", "", r.totalEnergy,
                   "  (" + num(r.macs ? r.totalEnergy / static_cast<double>(r.macs) : 0) +
                       " pJ/MAC)"});
  size_t lw = 8, tw = 8;
  for (const cost::StorageLevel &l : a.levels)
    lw = std::max(lw, l.name.size());
  for (const cost::Tensor &t : p.tensors)
    tw = std::max(tw, t.name.size());
  auto row = [&](const std::string &level, const std::string &tensor) -> std::ostream & {
    return os << "  " << std::left << std::setw(static_cast<int>(lw)) << level << "  "
              << std::setw(static_cast<int>(tw)) << tensor << std::right;
  };
  os << "\naccesses (elements, all active instances) and energy (pJ):\n";
  row("level", "tensor") << std::setw(13) << "fills" << std::setw(13) << "reads"
                         << std::setw(13) << "updates" << std::setw(13) << "read-backs"
                         << std::setw(14) << "energy" << '\n';
  for (size_t l = 0; l < a.levels.size(); ++l)
    for (size_t t = 0; t < p.tensors.size(); ++t) {
      const cost::TensorLevelStats &s = r.at(l, t);
      if (s.total == cost::AccessCounts{})
        continue;
      row(a.levels[l].name, p.tensors[t].name)
          << std::setw(13) << s.total.fills << std::setw(13) << s.total.reads << std::setw(13)
          << s.total.updates << std::setw(13) << s.total.readBacks << std::setw(14)
          << num(s.fillEnergy + s.readEnergy + s.updateEnergy + s.readBackEnergy) << '\n';
    }
  for (const Extra &e : extra) {
    // A note longer than the tensor column runs into the (empty) count columns.
    size_t used = std::max(tw, e.note.size());
    row(e.first, e.note) << std::string(tw + 4 * 13 - used, ' ') << std::setw(14)
                         << num(e.energy) << e.after << '\n';
  }
  printCoded(os, p, a, r);
}

void printLatencyAndArea(std::ostream &os, const EvalInputs &in, const cost::CostReport &r) {
  const cost::Arch &a = in.arch;
  os << "\nlatency: " << r.cycles << " cycles, bound by " << r.boundBy(a) << " (compute "
     << r.computeCycles << " cycles)\n  transfer cycles per instance:";
  for (size_t l = 0; l < a.levels.size(); ++l)
    os << (l ? ", " : " ") << a.levels[l].name << ' ' << r.levelCycles[l];
  os << "\n  active instances:";
  for (size_t l = 0; l < a.levels.size(); ++l) {
    os << (l ? ", " : " ") << a.levels[l].name << ' ' << r.activeInstances[l] << '/'
       << a.instances(l);
    // Imperfect factorisations leave instances idle at some steps (docs/model.md section 12).
    if (r.averageActive(l) != static_cast<double>(r.activeInstances[l]))
      os << " (average " << num(r.averageActive(l)) << ')';
  }
  os << "\n  utilization " << percent(r.utilization) << " of " << a.computeUnits()
     << " MAC units; active MAC units " << r.activeComputeUnits << " (average "
     << num(r.averageActiveComputeUnits) << " per compute cycle)\n";
  os << "area (um^2): total " << num(r.totalArea) << " = " << a.compute.name << ' '
     << num(r.computeArea) << " (x" << a.computeUnits() << ')';
  for (size_t l = 0; l < a.levels.size(); ++l)
    os << " + " << a.levels[l].name << ' ' << num(r.levelArea[l]) << " (x" << a.instances(l)
       << ')';
  os << '\n';
}

} // namespace

void printEvaluation(std::ostream &os, const EvalInputs &in, const std::string &mappingFile,
                     const std::string &model, const cost::Mapping &mapping,
                     const cost::CostReport &report) {
  printHeader(os, in, mappingFile, model, mapping);
  printAccesses(os, in, report);
  printLatencyAndArea(os, in, report);
}

} // namespace tessel::cli
