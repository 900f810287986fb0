// bench-search: time to the proven optimum (branch and bound, energy) of VGG-16 conv5, or of
// every distinct ResNet-50 layer, on the Eyeriss-like arch; evaluations per second during the
// search and the optimum's figures, one JSON line per search (docs/performance.md).
#include "EyerissVgg.h"

#include "tessel/Search/Search.h"
#include "tessel/cost/Analytical.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

namespace {

using namespace tessel;

struct Settings {
  search::SearchOptions options;
  bool printMapping = false, rowStationary = false, resnet50 = false, depths = false;
  int64_t warmEvals = 0;
};

/// One distinct ResNet-50 convolution (shared/reference/layers.csv: K, C, R, S, P, Q, stride)
/// and how many layers of the network have its shape.
struct ConvShape {
  int64_t k, c, r, s, p, q, stride;
  int count;
};

const ConvShape kResNet50[] = {
    {64, 3, 7, 7, 112, 112, 2, 1},   {64, 64, 1, 1, 56, 56, 1, 1},   {64, 64, 3, 3, 56, 56, 1, 3},
    {256, 64, 1, 1, 56, 56, 1, 4},   {64, 256, 1, 1, 56, 56, 1, 2},  {128, 256, 1, 1, 56, 56, 1, 1},
    {128, 128, 3, 3, 28, 28, 2, 1},  {512, 128, 1, 1, 28, 28, 1, 4}, {512, 256, 1, 1, 28, 28, 2, 1},
    {128, 512, 1, 1, 28, 28, 1, 3},  {128, 128, 3, 3, 28, 28, 1, 3}, {256, 512, 1, 1, 28, 28, 1, 1},
    {256, 256, 3, 3, 14, 14, 2, 1},  {1024, 256, 1, 1, 14, 14, 1, 6}, {1024, 512, 1, 1, 14, 14, 2, 1},
    {256, 1024, 1, 1, 14, 14, 1, 5}, {256, 256, 3, 3, 14, 14, 1, 5}, {512, 1024, 1, 1, 14, 14, 1, 1},
    {512, 512, 3, 3, 7, 7, 2, 1},    {2048, 512, 1, 1, 7, 7, 1, 3},  {2048, 1024, 1, 1, 7, 7, 2, 1},
    {512, 2048, 1, 1, 7, 7, 1, 2},   {512, 512, 3, 3, 7, 7, 1, 2},   {1000, 2048, 1, 1, 1, 1, 1, 1},
};

cost::Problem conv(const ConvShape &s) {
  cost::Problem p;
  p.name = "K" + std::to_string(s.k) + "_C" + std::to_string(s.c) + "_R" + std::to_string(s.r) +
           "_P" + std::to_string(s.p) + "_s" + std::to_string(s.stride);
  p.dims = {{"n", 1}, {"c", s.c}, {"k", s.k}, {"p", s.p}, {"q", s.q}, {"r", s.r}, {"s", s.s}};
  std::vector<std::string> e;
  p.tensors.push_back(cost::makeTensor(
      p, "I", {{{"n", 1}}, {{"c", 1}}, {{"p", s.stride}, {"r", 1}}, {{"q", s.stride}, {"s", 1}}},
      false, e));
  p.tensors.push_back(
      cost::makeTensor(p, "W", {{{"k", 1}}, {{"c", 1}}, {{"r", 1}}, {{"s", 1}}}, false, e));
  p.tensors.push_back(
      cost::makeTensor(p, "O", {{{"n", 1}}, {{"k", 1}}, {{"p", 1}}, {{"q", 1}}}, true, e));
  return p;
}

/// The row_stationary preset as the .hw extraction expanded it before P was allowed on Y for
/// folded PE sets (docs/extract.md): on the PE array, X carries P, N, K and Y carries R, C, K.
/// docs/performance.md's bench-search figures were measured with this mapspace.
cost::MapConstraints rowStationary(const cost::Problem &problem, const cost::Arch &arch) {
  cost::MapConstraints c;
  c.levels.resize(arch.levels.size());
  auto dims = [&](std::initializer_list<const char *> names) {
    cost::DimMask m = 0;
    for (const char *n : names)
      m |= cost::DimMask(1) << problem.dimIndex(n);
    return m;
  };
  c.levels[1].spatialX = dims({"p", "n", "k"});
  c.levels[1].spatialY = dims({"r", "c", "k"});
  c.dataflow = "row_stationary";
  return c;
}

/// Runs one search and prints its JSON line; returns whether it proved the optimum.
bool run(const cost::Problem &problem, const Settings &settings, double &cpuTotal) {
  cost::Arch arch = bench::eyerissLike();
  cost::MapConstraints constraints;
  if (settings.rowStationary)
    constraints = rowStationary(problem, arch);
  auto factory = [](const cost::Problem &p, const cost::Arch &a) {
    return std::make_unique<cost::AnalyticalModel>(p, a);
  };
  search::SearchOptions options = settings.options;
  if (settings.warmEvals > 0) {
    // Experiment: start from an annealed mapping (its time is not counted below).
    search::SearchOptions anneal = options;
    anneal.algorithm = search::Algorithm::Anneal;
    anneal.maxEvaluations = settings.warmEvals;
    anneal.maxSeconds = 0;
    search::SearchResult warm = search::search(problem, arch, constraints, anneal, factory);
    if (warm.found)
      options.warmStarts.push_back(warm.mapping);
  }
  // CPU time of the whole process (all threads): robust to other processes on a shared machine.
  std::clock_t cpuStart = std::clock();
  search::SearchResult r = search::search(problem, arch, constraints, options, factory);
  double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
  cpuTotal += cpu;
  for (const std::string &e : r.errors)
    std::fprintf(stderr, "bench-search: %s\n", e.c_str());
  const search::Certificate &c = r.certificate;
  double macs = static_cast<double>(problem.macs());
  std::printf("{\"bench\":\"search\",\"search\":\"%s\",\"problem\":\"%s\",\"arch\":\"%s\","
              "\"constraints\":\"%s\",\"threads\":%d,\"status\":\"%s\",\"seconds\":%.3f,"
              "\"cpu_seconds\":%.3f,\"evaluations\":%lld,\"evals_per_s\":%.0f,"
              "\"nodes\":%lld,\"nodes_per_cpu_s\":%.0f,\"pruned\":%lld,\"leaves\":%lld,"
              "\"energy_pJ\":%.6g,\"energy_per_mac_pJ\":%.6g,\"cycles\":%lld,"
              "\"utilization\":%.4f,\"lower_bound_pJ\":%.6g,\"gap_percent\":%.4g}\n",
              search::algorithmName(options.algorithm), problem.name.c_str(), arch.name.c_str(),
              settings.rowStationary ? "row_stationary" : "none", r.threads,
              search::statusName(r.status), r.seconds, cpu, static_cast<long long>(c.evaluations),
              r.seconds > 0 ? static_cast<double>(c.evaluations) / r.seconds : 0.0,
              static_cast<long long>(c.nodes), cpu > 0 ? static_cast<double>(c.nodes) / cpu : 0.0,
              static_cast<long long>(c.pruned), static_cast<long long>(c.leaves),
              r.report.totalEnergy, r.report.totalEnergy / macs,
              static_cast<long long>(r.report.cycles), r.report.utilization,
              c.lowerBound.value_or(-1), c.gapPercent.value_or(-1));
  if (settings.depths) {
    // Where the work is: bounds computed and children kept per tree depth (bypass, fan-outs,
    // levels from the inside, then order steps).
    std::printf("{\"bench\":\"search-depths\",\"problem\":\"%s\",\"nodes\":[",
                problem.name.c_str());
    for (size_t i = 0; i < c.depthNodes.size(); ++i)
      std::printf("%s%lld", i ? "," : "", static_cast<long long>(c.depthNodes[i]));
    std::printf("],\"kept\":[");
    for (size_t i = 0; i < c.depthKept.size(); ++i)
      std::printf("%s%lld", i ? "," : "", static_cast<long long>(c.depthKept[i]));
    std::printf("]}\n");
  }
  std::fflush(stdout);
  if (settings.printMapping && r.found) {
    std::vector<std::string> errors;
    auto space = search::Mapspace::create(problem, arch, constraints, errors);
    std::fprintf(stderr, "%s%s", search::describePoint(*space, r.point).c_str(),
                 cost::toString(r.report, problem, arch).c_str());
  }
  return r.status == search::SearchStatus::Optimal;
}

} // namespace

int main(int argc, char **argv) {
  Settings settings;
  settings.options.threads = 2;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char * {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "bench-search: %s needs a value\n", arg.c_str());
        std::exit(1);
      }
      return argv[++i];
    };
    if (arg == "--threads") {
      settings.options.threads = std::atoi(value());
    } else if (arg == "--seconds") {
      settings.options.maxSeconds = std::atof(value());
    } else if (arg == "--evals") {
      settings.options.maxEvaluations = std::atoll(value());
    } else if (arg == "--search") {
      std::optional<search::Algorithm> a = search::parseAlgorithm(value());
      if (!a) {
        std::fprintf(stderr, "bench-search: unknown search\n");
        return 1;
      }
      settings.options.algorithm = *a;
    } else if (arg == "--warm-anneal") {
      settings.warmEvals = std::atoll(value());
    } else if (arg == "--row-stationary") {
      settings.rowStationary = true;
    } else if (arg == "--resnet50") {
      settings.resnet50 = true;
    } else if (arg == "--mapping") {
      settings.printMapping = true;
    } else if (arg == "--depths") {
      settings.depths = true;
    } else {
      std::fprintf(stderr,
                   "usage: bench-search [--threads N] [--seconds S] [--evals N] "
                   "[--search bnb|exhaustive|random|anneal] [--warm-anneal N] "
                   "[--row-stationary] [--resnet50] [--mapping] [--depths]\n"
                   "  --seconds and --evals apply to each search (each layer with --resnet50)\n");
      return 1;
    }
  }
  double cpu = 0;
  if (!settings.resnet50)
    return run(bench::vggConv5(), settings, cpu) ? 0 : 2;
  int proven = 0, layers = 0, searches = 0;
  for (const ConvShape &s : kResNet50) {
    proven += run(conv(s), settings, cpu) ? s.count : 0;
    layers += s.count;
    ++searches;
  }
  std::printf("{\"bench\":\"search-resnet50\",\"layers\":%d,\"searches\":%d,"
              "\"layers_proven_optimal\":%d,\"cpu_seconds\":%.3f}\n",
              layers, searches, proven, cpu);
  return proven == layers ? 0 : 2;
}
