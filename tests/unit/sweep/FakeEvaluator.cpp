// The fake evaluator and file helpers shared by the sweep tests.
#include "FakeEvaluator.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace tessel::sweep::test {

DesignSpace fakeSpace() {
  DesignSpace s;
  s.axes.push_back({"rows", dsl::Dim::none(), {4, 8, 12, 16}, false, 0, 0, "test"});
  s.axes.push_back({"cols", dsl::Dim::none(), {8, 14}, false, 0, 0, "test"});
  s.axes.push_back(
      {"glb", dsl::dimBits(), {524288, 1048576, 1572864, 2097152}, false, 0, 0, "test"});
  return s;
}

Record fakeEvaluate(const DesignPoint &p, int sleepMicros) {
  double rows = 1, cols = 1, glb = 0;
  for (const auto &[name, v] : p.params) {
    if (name == "rows")
      rows = v;
    else if (name == "cols")
      cols = v;
    else if (name == "glb")
      glb = v;
  }
  if (sleepMicros)
    std::this_thread::sleep_for(
        std::chrono::microseconds(sleepMicros * static_cast<int>(1 + (p.index * 7) % 4)));
  Record r;
  if (rows * cols > 200) {
    r.error = "no valid mapping for layer fc: " + std::to_string(int(rows * cols)) +
              " PEs exceed the fan-out limit";
    return r;
  }
  Totals t;
  t.macs = 1000000000;
  t.cycles = static_cast<int64_t>(1e9 / (rows * cols));
  t.latencyS = static_cast<double>(t.cycles) / 2e8;
  double dram = 1e-3 * (1 + 64 / rows), sram = glb * 1e-10, mac = 2e-4;
  t.energyJ = dram + sram + mac;
  t.energyByLevelJ = {{"DRAM", dram}, {"GLB", sram}, {"mac", mac}};
  t.areaMm2 = 0.01 * rows * cols + glb / 8192 * 0.005;
  t.powerW = t.energyJ / t.latencyS;
  t.utilization = 0.5 + 0.01 * rows;
  r.totals = t;
  r.layers.push_back({"conv1",
                      1,
                      t.latencyS / 3,
                      t.energyJ / 3,
                      t.utilization,
                      t.macs / 3,
                      {{"DRAM", dram / 3}},
                      "",
                      "",
                      "",
                      1});
  r.layers.push_back({"fc",
                      2,
                      t.latencyS / 3,
                      t.energyJ / 3,
                      t.utilization,
                      t.macs / 3,
                      {{"DRAM", dram / 3}},
                      "DRAM[k4] GLB[c8] PE[x:k14]",
                      "",
                      "",
                      1});
  return r;
}

std::string readText(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

namespace {
/// The test process's temporary directory, removed when the process exits normally (forked
/// children leave with _exit and do not remove it).
struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("tessel-sweep-tests-" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};
} // namespace

std::string tempPath(const std::string &name) {
  static TempDir dir;
  std::filesystem::path p = dir.path / name;
  std::filesystem::remove(p);
  return p.string();
}

} // namespace tessel::sweep::test
