// bench-eval: analytical-model evaluations per second on VGG-16 conv5 / Eyeriss-like, one thread.
#include "EyerissVgg.h"

#include "tessel/cost/Analytical.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <time.h>
#include <vector>

namespace {

/// CPU time of this thread, seconds: robust to other processes sharing the core.
double threadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

} // namespace

int main(int argc, char **argv) {
  using namespace tessel;
  double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  cost::Problem problem = bench::vggConv5();
  cost::Arch arch = bench::eyerissLike();
  cost::Mapping mapping = bench::rowStationary(problem);
  cost::AnalyticalModel model(problem, arch);
  cost::CostReport report;
  model.evaluate(mapping, report);
  if (!report.valid) {
    std::fprintf(stderr, "bench-eval: fixture mapping is invalid:\n%s",
                 cost::toString(report, problem, arch).c_str());
    return 1;
  }
  if (argc > 2 && std::string(argv[2]) == "--report")
    std::fprintf(stderr, "%s", cost::toString(report, problem, arch).c_str());
  if (argc > 2 && std::string(argv[1]) == "--evals") {
    // A fixed number of evaluations, for instruction counting (e.g. under callgrind).
    int64_t n = std::atoll(argv[2]);
    double checksum = 0;
    for (int64_t i = 0; i < n; ++i) {
      model.evaluate(mapping, report);
      checksum += report.totalEnergy;
    }
    std::printf("{\"bench\":\"eval\",\"evals\":%lld,\"checksum\":%.6g}\n",
                static_cast<long long>(n), checksum);
    return 0;
  }

  // Rounds of ~0.2 s of thread CPU time; the best round is the figure (other processes sharing
  // the core only ever slow a round down), the median is printed too.
  using Clock = std::chrono::steady_clock;
  int64_t evals = 0;
  double checksum = 0, cpuTotal = 0;
  std::vector<double> rates;
  auto start = Clock::now();
  while (cpuTotal < seconds) {
    double roundStart = threadSeconds(), elapsed = 0;
    int64_t roundEvals = 0;
    while (elapsed < 0.2) {
      for (int i = 0; i < 10000; ++i) {
        model.evaluate(mapping, report);
        checksum += report.totalEnergy;
      }
      roundEvals += 10000;
      elapsed = threadSeconds() - roundStart;
    }
    evals += roundEvals;
    cpuTotal += elapsed;
    rates.push_back(static_cast<double>(roundEvals) / elapsed);
  }
  double wall = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(rates.begin(), rates.end());
  std::printf("{\"bench\":\"eval\",\"model\":\"analytical\",\"problem\":\"%s\","
              "\"arch\":\"%s\",\"threads\":1,\"evals\":%lld,\"rounds\":%zu,"
              "\"evals_per_s\":%.0f,\"median_evals_per_s\":%.0f,\"cpu_seconds\":%.3f,"
              "\"wall_seconds\":%.3f,\"energy_pJ\":%.6g,\"cycles\":%lld,\"checksum\":%.6g}\n",
              problem.name.c_str(), arch.name.c_str(), static_cast<long long>(evals),
              rates.size(), rates.back(), rates[rates.size() / 2], cpuTotal, wall,
              report.totalEnergy, static_cast<long long>(report.cycles), checksum);
  return 0;
}
