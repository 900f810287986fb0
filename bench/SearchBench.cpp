// bench-search: time to the proven optimum (branch and bound, energy) of VGG-16 conv5 on the
// Eyeriss-like arch, evaluations per second during the search, and the optimum's figures.
#include "EyerissVgg.h"

#include "tessel/Search/Search.h"
#include "tessel/cost/Analytical.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

int main(int argc, char **argv) {
  using namespace tessel;
  search::SearchOptions options;
  options.threads = 2;
  options.objective = search::Objective::single(search::Metric::Energy);
  bool printMapping = false;
  int64_t warmEvals = 0;
  bool rowStationary = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char * {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "bench-search: %s needs a value\n", arg.c_str());
        std::exit(1);
      }
      return argv[++i];
    };
    if (arg == "--threads")
      options.threads = std::atoi(value());
    else if (arg == "--seconds")
      options.maxSeconds = std::atof(value());
    else if (arg == "--evals")
      options.maxEvaluations = std::atoll(value());
    else if (arg == "--search") {
      std::optional<search::Algorithm> a = search::parseAlgorithm(value());
      if (!a) {
        std::fprintf(stderr, "bench-search: unknown search\n");
        return 1;
      }
      options.algorithm = *a;
    } else if (arg == "--warm-anneal")
      warmEvals = std::atoll(value());
    else if (arg == "--row-stationary")
      rowStationary = true;
    else if (arg == "--mapping")
      printMapping = true;
    else {
      std::fprintf(stderr, "usage: bench-search [--threads N] [--seconds S] [--evals N] "
                           "[--search bnb|exhaustive|random|anneal] [--mapping]\n");
      return 1;
    }
  }
  cost::Problem problem = bench::vggConv5();
  cost::Arch arch = bench::eyerissLike();
  cost::MapConstraints constraints;
  if (rowStationary) {
    // The row_stationary preset as the .hw extraction expands it (docs/extract.md): on the PE
    // array, X carries P, N, K and Y carries R, C, K.
    constraints.levels.resize(arch.levels.size());
    auto dims = [&](std::initializer_list<const char *> names) {
      cost::DimMask m = 0;
      for (const char *n : names)
        m |= cost::DimMask(1) << problem.dimIndex(n);
      return m;
    };
    constraints.levels[1].spatialX = dims({"p", "n", "k"});
    constraints.levels[1].spatialY = dims({"r", "c", "k"});
    constraints.dataflow = "row_stationary";
  }
  auto factory = [](const cost::Problem &p, const cost::Arch &a) {
    return std::make_unique<cost::AnalyticalModel>(p, a);
  };
  if (warmEvals > 0) {
    // Experiment: start from an annealed mapping (its time is not counted below).
    search::SearchOptions anneal = options;
    anneal.algorithm = search::Algorithm::Anneal;
    anneal.maxEvaluations = warmEvals;
    anneal.maxSeconds = 0;
    search::SearchResult warm = search::search(problem, arch, constraints, anneal, factory);
    std::fprintf(stderr, "warm start: %.6g pJ after %.1f s\n", warm.report.totalEnergy,
                 warm.seconds);
    if (warm.found)
      options.warmStarts.push_back(warm.mapping);
  }
  // CPU time of the whole process (all threads): robust to other processes on a shared machine.
  std::clock_t cpuStart = std::clock();
  search::SearchResult r = search::search(problem, arch, constraints, options, factory);
  double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
  if (!r.errors.empty()) {
    for (const std::string &e : r.errors)
      std::fprintf(stderr, "bench-search: %s\n", e.c_str());
    return 1;
  }
  const search::Certificate &c = r.certificate;
  double macs = static_cast<double>(problem.macs());
  std::printf("{\"bench\":\"search\",\"search\":\"%s\",\"problem\":\"%s\",\"arch\":\"%s\","
              "\"constraints\":\"%s\",\"threads\":%d,\"status\":\"%s\",\"seconds\":%.3f,"
              "\"cpu_seconds\":%.3f,\"evaluations\":%lld,\"evals_per_s\":%.0f,"
              "\"evals_per_cpu_s\":%.0f,\"nodes\":%lld,\"pruned\":%lld,\"leaves\":%lld,"
              "\"energy_pJ\":%.6g,\"energy_per_mac_pJ\":%.6g,\"cycles\":%lld,"
              "\"utilization\":%.4f,\"lower_bound_pJ\":%.6g,\"gap_percent\":%.4g}\n",
              search::algorithmName(options.algorithm), problem.name.c_str(), arch.name.c_str(),
              rowStationary ? "row_stationary" : "none", r.threads, search::statusName(r.status),
              r.seconds, cpu, static_cast<long long>(c.evaluations),
              r.seconds > 0 ? static_cast<double>(c.evaluations) / r.seconds : 0.0,
              cpu > 0 ? static_cast<double>(c.evaluations) / cpu : 0.0,
              static_cast<long long>(c.nodes), static_cast<long long>(c.pruned),
              static_cast<long long>(c.leaves), r.report.totalEnergy,
              r.report.totalEnergy / macs, static_cast<long long>(r.report.cycles),
              r.report.utilization, c.lowerBound.value_or(-1), c.gapPercent.value_or(-1));
  if (printMapping) {
    std::fprintf(stderr, "depth: bounds / kept\n");
    for (size_t d = 0; d < c.depthNodes.size(); ++d)
      std::fprintf(stderr, "  %zu: %lld / %lld\n", d, static_cast<long long>(c.depthNodes[d]),
                   static_cast<long long>(c.depthKept[d]));
  }
  if (printMapping && r.found)
    std::fprintf(stderr, "%s%s",
                 search::describePoint(*search::Mapspace::create(problem, arch, constraints,
                                                                 r.errors),
                                       r.point)
                     .c_str(),
                 cost::toString(r.report, problem, arch).c_str());
  return r.found ? 0 : 2;
}
