// `tessel analyze` output: op and op-kind tables, fleet view and roofline placement, as text
// or JSON.
#ifndef TESSEL_TOOLS_ANALYZEOUTPUT_H
#define TESSEL_TOOLS_ANALYZEOUTPUT_H

#include "tessel/Analysis/Profile.h"
#include "tessel/Analysis/Roofline.h"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace tessel::cli {

struct AnalysisView {
  std::vector<analysis::WorkloadProfile> workloads;
  std::optional<analysis::Machine> machine;
  size_t top = 25; ///< op-table rows per workload (0 = all)
};

void printAnalysis(std::ostream &os, const AnalysisView &v);

/// `--representative K [-o FILE]` on the one workload of `v` (its checked `model`): prints
/// the clusters and the error of the reduced set (text or JSON) and writes the .wl.
/// Returns the exit code.
int runRepresentatives(const AnalysisView &v, const dsl::WlModel &model, size_t k,
                       const std::optional<std::string> &outFile, bool json);
nlohmann::json analysisJson(const AnalysisView &v);

/// 7.14e9 -> "7.14 G" (three significant digits, SI prefixes up to E).
std::string si(double v);
/// With a unit: "7.14 GB", "22 B", "0 B".
std::string si(double v, const std::string &unit);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_ANALYZEOUTPUT_H
