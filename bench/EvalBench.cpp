// bench-eval: analytical-model evaluations per second on VGG-16 conv5 / Eyeriss-like, one thread.
#include "EyerissVgg.h"

#include "tessel/cost/Analytical.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <time.h>

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

  using Clock = std::chrono::steady_clock;
  int64_t evals = 0;
  double checksum = 0;
  auto start = Clock::now();
  double cpuStart = threadSeconds();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (int i = 0; i < 10000; ++i) {
      model.evaluate(mapping, report);
      checksum += report.totalEnergy;
    }
    evals += 10000;
    elapsed = threadSeconds() - cpuStart;
  }
  double wall = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("{\"bench\":\"eval\",\"model\":\"analytical\",\"problem\":\"%s\",\"arch\":\"%s\","
              "\"threads\":1,\"evals\":%lld,\"cpu_seconds\":%.3f,\"evals_per_s\":%.0f,"
              "\"wall_seconds\":%.3f,\"wall_evals_per_s\":%.0f,"
              "\"energy_pJ\":%.6g,\"cycles\":%lld,\"checksum\":%.6g}\n",
              problem.name.c_str(), arch.name.c_str(), static_cast<long long>(evals), elapsed,
              static_cast<double>(evals) / elapsed, wall, static_cast<double>(evals) / wall,
              report.totalEnergy,
              static_cast<long long>(report.cycles), checksum);
  return 0;
}
