// `tessel analyze --representative K [-o FILE]`: the clusters, the error of the reduced set
// and the reduced .wl (see AnalyzeOutput.h and docs/analysis.md).
#include "AnalyzeOutput.h"
#include "TextTable.h"

#include "tessel/Analysis/Representative.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace tessel::cli {

namespace {

std::string fixed(double v, const char *format) {
  char buf[48];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string errorText(const analysis::Comparison &c) {
  double e = 100 * c.error();
  if (c.share)
    return std::fabs(e) < 0.05 ? "0.0 pt" : fixed(e, "%+.1f pt");
  return std::fabs(e) < 0.005 ? "0.00%" : fixed(e, "%+.2f%%");
}

std::string value(const analysis::Comparison &c, double v) {
  if (c.share)
    return fixed(100 * v, "%.1f%%");
  return c.metric == "time (s)" ? fixed(v, "%.4g") : si(v);
}

/// The members' names, up to `limit`, then "+N more".
std::string memberNames(const analysis::WorkloadProfile &w, const analysis::Cluster &c,
                        size_t limit) {
  std::string s;
  for (size_t i = 0; i < c.members.size() && i < limit; ++i)
    s += (i ? ", " : "") + w.ops[c.members[i]].name;
  if (c.members.size() > limit)
    s += ", +" + std::to_string(c.members.size() - limit) + " more";
  return s;
}

std::string header(const analysis::WorkloadProfile &w, const analysis::Representatives &r,
                   const analysis::Machine *m, size_t k) {
  std::ostringstream os;
  os << "// " << r.clusters.size() << " representative operators of workload " << w.name
     << " (" << w.file << "), written by\n// `tessel analyze --representative " << k
     << (m ? " --hw " + m->file : "") << "`: each stands for a cluster of\n"
     << "// operators with similar shape features and is weighted so that the weighted "
     << "MACs, bytes" << (m ? " and\n// roofline time on " + m->name : "")
     << " equal the full workload's.\n// Reduced set against the full workload:\n";
  for (const analysis::Comparison &c : r.comparisons)
    os << "//   " << c.metric << (c.fitted ? " (fitted)" : "") << ": full "
       << value(c, c.full) << ", reduced " << value(c, c.reduced) << ", error "
       << errorText(c) << "\n";
  return os.str();
}

nlohmann::json toJson(const analysis::WorkloadProfile &w, const analysis::Representatives &r) {
  nlohmann::json clusters = nlohmann::json::array();
  for (const analysis::Cluster &c : r.clusters) {
    nlohmann::json members = nlohmann::json::array();
    for (size_t i : c.members)
      members.push_back(w.ops[i].name);
    clusters.push_back({{"medoid", w.ops[c.medoid].name},
                        {"kind", w.ops[c.medoid].kind},
                        {"weight", c.weight},
                        {"executions", c.executions},
                        {"members", members}});
  }
  nlohmann::json comparisons = nlohmann::json::array();
  for (const analysis::Comparison &c : r.comparisons)
    comparisons.push_back({{"metric", c.metric},
                           {"full", c.full},
                           {"reduced", c.reduced},
                           {"error", c.error()},
                           {"share", c.share},
                           {"fitted", c.fitted}});
  return {{"workload", w.name},
          {"clusters", clusters},
          {"comparisons", comparisons},
          {"ops_without_work", r.skipped}};
}

} // namespace

int runRepresentatives(const AnalysisView &v, const dsl::WlModel &model, size_t k,
                       const std::optional<std::string> &outFile, bool json) {
  const analysis::WorkloadProfile &w = v.workloads.front();
  const analysis::Machine *m = v.machine ? &*v.machine : nullptr;
  analysis::Representatives r = analysis::pickRepresentatives(w, k, m);
  if (r.clusters.empty()) {
    std::cerr << "tessel analyze: error: workload '" << w.name << "' has no operator with work\n";
    return 1;
  }
  if (outFile) {
    std::vector<std::pair<size_t, double>> ops;
    for (const analysis::Cluster &c : r.clusters)
      ops.emplace_back(c.medoid, c.weight);
    std::string error;
    std::optional<std::string> text = analysis::writeWeightedOps(
        model, ops, w.name + "_rep" + std::to_string(r.clusters.size()), header(w, r, m, k),
        error);
    if (!text) {
      std::cerr << "tessel analyze: error: " << error << "\n";
      return 1;
    }
    std::ofstream out(*outFile);
    out << *text;
    if (!out) {
      std::cerr << "tessel analyze: error: cannot write '" << *outFile << "'\n";
      return 1;
    }
  }
  if (json) {
    std::cout << toJson(w, r).dump(2) << "\n";
    return 0;
  }
  std::cout << "representatives of " << w.name << " (" << w.file << "): " << r.clusters.size()
            << " of " << w.ops.size() - r.skipped << " ops with work";
  if (m)
    std::cout << ", reference " << m->name << " (" << m->file << ")";
  std::cout << "\n";
  TextTable t({"medoid", "kind", "members", "executions", "weight", "stands for"},
              {false, false, true, true, true, false});
  for (const analysis::Cluster &c : r.clusters)
    t.add({w.ops[c.medoid].name, w.ops[c.medoid].kind, std::to_string(c.members.size()),
           fixed(c.executions, "%.6g"), fixed(c.weight, "%.6g"), memberNames(w, c, 4)});
  t.print(std::cout);
  std::cout << "  reduced set against the full workload:\n";
  TextTable e({"metric", "full", "reduced", "error"}, {false, true, true, true});
  for (const analysis::Comparison &c : r.comparisons)
    e.add({c.metric + (c.fitted ? " (fitted)" : ""), value(c, c.full), value(c, c.reduced),
           errorText(c)});
  e.print(std::cout, "    ");
  if (outFile)
    std::cout << "  wrote " << *outFile << " (each medoid in a weight block)\n";
  return 0;
}

} // namespace tessel::cli
