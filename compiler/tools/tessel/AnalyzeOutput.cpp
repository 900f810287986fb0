// Text and JSON output of `tessel analyze` (see AnalyzeOutput.h).
#include "AnalyzeOutput.h"
#include "TextTable.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>

namespace tessel::cli {

using analysis::KindTotals;
using analysis::Machine;
using analysis::OpProfile;
using analysis::Placement;
using analysis::Role;
using analysis::WorkloadProfile;

std::string si(double v) {
  if (v == 0)
    return "0";
  const char *prefix[] = {"", " k", " M", " G", " T", " P", " E"};
  int i = 0;
  while (std::fabs(v) >= 999.5 && i < 6) {
    v /= 1000;
    ++i;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.3g%s", v, prefix[i]);
  return buf;
}

std::string si(double v, const std::string &unit) {
  std::string s = si(v);
  bool prefixed = !s.empty() && std::isalpha(static_cast<unsigned char>(s.back()));
  return s + (prefixed ? "" : " ") + unit;
}

namespace {

std::string percent(double part, double whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", whole > 0 ? 100 * part / whole : 0.0);
  return buf;
}

std::string seconds(double s) {
  if (s == 0)
    return "0 s";
  const char *unit[] = {"s", "ms", "us", "ns"};
  int i = 0;
  while (std::fabs(s) < 0.9995 && i < 3) {
    s *= 1000;
    ++i;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.3g %s", s, unit[i]);
  return buf;
}

std::string weightText(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", w);
  return buf;
}

bool anyWeighted(const WorkloadProfile &w) {
  return std::any_of(w.ops.begin(), w.ops.end(), [](const OpProfile &o) { return o.weight != 1; });
}

/// Weighted seconds of one op (per inference) on `m`.
double opSeconds(const OpProfile &o, const Machine &m) {
  return analysis::place(o, m).seconds * o.multiplicity();
}

double workloadSeconds(const WorkloadProfile &w, const Machine &m) {
  double s = 0;
  for (const OpProfile &o : w.ops)
    s += opSeconds(o, m);
  return s;
}

/// Time per op kind over `ws` (each workload times its weight).
std::map<std::string, double> secondsByKind(const std::vector<WorkloadProfile> &ws,
                                            const Machine &m) {
  std::map<std::string, double> t;
  for (const WorkloadProfile &w : ws)
    for (const OpProfile &o : w.ops)
      t[o.kind] += opSeconds(o, m) * w.weight;
  return t;
}

void printMachine(std::ostream &os, const Machine &m) {
  os << "roofline: " << m.name << " (" << m.file << "), peak "
     << si(m.peakMacsPerSecond, "MAC/s") << "\n";
  TextTable t({"level", "bandwidth", "ridge (MAC/B)", "keeps"}, {false, true, true, false});
  for (size_t l = 0; l < m.levels.size(); ++l) {
    const analysis::MemoryRoof &r = m.levels[l];
    std::string keeps;
    for (Role role : {Role::Input, Role::Weight, Role::Output})
      if (r.keeps[static_cast<int>(role)])
        keeps += (keeps.empty() ? "" : ",") + std::string(analysis::roleName(role));
    bool bounded = r.bytesPerSecond > 0;
    t.add({r.level, bounded ? si(r.bytesPerSecond, "B/s") : "unbounded",
           bounded ? si(m.ridge(l)) : "-", keeps});
  }
  t.print(os);
}

void printKinds(std::ostream &os, const std::vector<WorkloadProfile> &ws, const Machine *m) {
  std::vector<KindTotals> kinds = analysis::totalsByKind(ws);
  KindTotals all = analysis::totalsOf(ws);
  std::vector<std::string> header = {"kind", "ops", "executions", "MACs", "MACs %",
                                     "bytes", "bytes %", "MAC/B"};
  std::map<std::string, double> time;
  double total = 0;
  if (m) {
    header.insert(header.end(), {"time", "time %"});
    time = secondsByKind(ws, *m);
    for (auto &[k, s] : time)
      total += s;
  }
  TextTable t(header, {false, true, true, true, true, true, true, true, true, true});
  for (const KindTotals &k : kinds) {
    std::vector<std::string> row = {k.kind,          std::to_string(k.ops),
                                    si(k.executions), si(k.macs),
                                    percent(k.macs, all.macs), si(k.totalBytes(), "B"),
                                    percent(k.totalBytes(), all.totalBytes()),
                                    si(k.intensity())};
    if (m)
      row.insert(row.end(), {seconds(time[k.kind]), percent(time[k.kind], total)});
    t.add(std::move(row));
  }
  t.print(os, "    ");
}

void printShares(std::ostream &os, const std::vector<WorkloadProfile> &ws, const Machine &m) {
  std::vector<analysis::TimeShare> shares = analysis::timeByBottleneck(ws, m);
  double total = 0;
  for (const analysis::TimeShare &s : shares)
    total += s.seconds;
  std::stable_sort(shares.begin(), shares.end(),
                   [](const auto &a, const auto &b) { return a.seconds > b.seconds; });
  os << "  time by bottleneck:";
  for (const analysis::TimeShare &s : shares)
    if (s.ops > 0)
      os << " " << s.bottleneck << " " << percent(s.seconds, total) << " (" << s.ops << " op"
         << (s.ops == 1 ? "" : "s") << ")";
  os << "\n";
}

void printOps(std::ostream &os, const WorkloadProfile &w, const Machine *m, size_t top) {
  bool weighted = anyWeighted(w);
  double macs = w.macs(), bytes = w.bytes(), total = m ? workloadSeconds(w, *m) : 0;
  std::vector<size_t> order(w.ops.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  auto key = [&](size_t i) {
    const OpProfile &o = w.ops[i];
    return std::make_pair(m ? opSeconds(o, *m) : o.macs * o.multiplicity(),
                          o.bytes() * o.multiplicity());
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return key(a) > key(b); });
  std::vector<std::string> header = {"op", "kind", "count"};
  if (weighted)
    header.push_back("weight");
  header.insert(header.end(), {"MACs", "input B", "weight B", "output B", "MAC/B", "MACs %",
                               "bytes %"});
  std::vector<size_t> roofs;
  if (m) {
    for (size_t l = 0; l < m->levels.size(); ++l)
      if (m->levels[l].bytesPerSecond > 0) {
        roofs.push_back(l);
        header.push_back(m->levels[l].level + " MAC/B");
      }
    header.insert(header.end(), {"bound", "MAC/s", "% peak", "time", "time %"});
  }
  std::vector<bool> right(header.size(), true);
  right[0] = right[1] = false;
  TextTable t(header, right);
  size_t shown = top == 0 ? order.size() : std::min(top, order.size());
  for (size_t r = 0; r < shown; ++r) {
    const OpProfile &o = w.ops[order[r]];
    double n = o.multiplicity();
    std::vector<std::string> row = {o.name, o.kind, "x" + std::to_string(o.count)};
    if (weighted)
      row.push_back(weightText(o.weight));
    row.insert(row.end(), {si(o.macs * n), si(o.bytes(Role::Input)), si(o.bytes(Role::Weight)),
                           si(o.bytes(Role::Output)), si(o.intensity()),
                           percent(o.macs * n, macs), percent(o.bytes() * n, bytes)});
    if (m) {
      Placement p = analysis::place(o, *m);
      for (size_t l : roofs)
        row.push_back(p.levels[l].bytes > 0
                          ? si(p.levels[l].intensity) + (p.levels[l].memoryBound ? " *" : "")
                          : "-");
      row.insert(row.end(),
                 {p.seconds > 0 ? analysis::bottleneckName(p, *m) : "-",
                  si(p.attainableMacsPerSecond),
                  percent(p.attainableMacsPerSecond, m->peakMacsPerSecond),
                  seconds(p.seconds * n), percent(p.seconds * n, total)});
    }
    t.add(std::move(row));
  }
  os << "  ops (" << w.ops.size() << ", ranked by " << (m ? "time" : "MACs");
  if (shown < order.size())
    os << "; top " << shown << ", --top 0 for all";
  os << "; bytes per execution):\n";
  t.print(os, "    ");
  if (m && !roofs.empty())
    os << "    (* below the level's ridge point: bandwidth-bound at that level)\n";
}

void printWorkload(std::ostream &os, const WorkloadProfile &w, const Machine *m, size_t top) {
  os << "workload " << w.name << " (" << w.file << ")";
  if (w.weight != 1)
    os << ", fleet weight " << weightText(w.weight);
  os << "\n";
  double macs = w.macs(), bytes = w.bytes();
  os << "  " << w.ops.size() << " ops" << (anyWeighted(w) ? " (weighted)" : "") << ", "
     << si(macs) << " MACs, " << si(w.otherOps()) << " other ops" << ", " << si(bytes, "B")
     << " moved (input " << si(w.bytes(Role::Input), "B") << ", weight "
     << si(w.bytes(Role::Weight), "B") << ", output " << si(w.bytes(Role::Output), "B")
     << "), intensity " << si(bytes > 0 ? macs / bytes : 0, "MAC/B") << "\n";
  if (m) {
    double s = workloadSeconds(w, *m);
    os << "  on " << m->name << ": " << seconds(s) << " per inference, "
       << si(s > 0 ? macs / s : 0, "MAC/s") << " ("
       << percent(s > 0 ? macs / s : 0, m->peakMacsPerSecond) << " of peak)\n";
    printShares(os, {w}, *m);
  }
  printOps(os, w, m, top);
  os << "  by kind:\n";
  WorkloadProfile alone = w; // per inference of this workload: without its fleet weight
  alone.weight = 1;
  printKinds(os, {alone}, m);
}

void printFleet(std::ostream &os, const std::vector<WorkloadProfile> &ws, const Machine *m) {
  KindTotals all = analysis::totalsOf(ws);
  double total = 0;
  if (m)
    for (const WorkloadProfile &w : ws)
      total += workloadSeconds(w, *m) * w.weight;
  os << "fleet (" << ws.size() << " workloads, each counted by its --weight)\n";
  os << "  " << si(all.macs) << " MACs, " << si(all.totalBytes(), "B")
     << " moved, intensity " << si(all.intensity(), "MAC/B");
  if (m)
    os << ", " << seconds(total) << " on " << m->name;
  os << "\n";
  std::vector<std::string> header = {"workload", "weight", "MACs", "bytes", "MAC/B", "MACs %"};
  if (m)
    header.insert(header.end(), {"time", "time %"});
  TextTable t(header, {false, true, true, true, true, true, true, true});
  for (const WorkloadProfile &w : ws) {
    double macs = w.macs() * w.weight, bytes = w.bytes() * w.weight;
    std::vector<std::string> row = {w.name, weightText(w.weight), si(macs), si(bytes, "B"),
                                    si(bytes > 0 ? macs / bytes : 0), percent(macs, all.macs)};
    if (m) {
      double s = workloadSeconds(w, *m) * w.weight;
      row.insert(row.end(), {seconds(s), percent(s, total)});
    }
    t.add(std::move(row));
  }
  t.print(os);
  if (m)
    printShares(os, ws, *m);
  os << "  by kind:\n";
  printKinds(os, ws, m);
}

} // namespace

void printAnalysis(std::ostream &os, const AnalysisView &v) {
  const Machine *m = v.machine ? &*v.machine : nullptr;
  if (m) {
    printMachine(os, *m);
    os << "\n";
  }
  for (size_t i = 0; i < v.workloads.size(); ++i) {
    if (i)
      os << "\n";
    printWorkload(os, v.workloads[i], m, v.top);
  }
  if (v.workloads.size() > 1) {
    os << "\n";
    printFleet(os, v.workloads, m);
  }
}

} // namespace tessel::cli
