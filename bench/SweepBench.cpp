// bench-sweep: design points per second of `tessel sweep` as users run it (the built tessel
// binary, timed from outside): the README's Eyeriss x ResNet-50 sweep, the same sweep with
// --no-memo (the memo's speed-up), and a 1,000-point sweep of widened Eyeriss domains. One
// JSON line per run and the memo's speed-up (docs/performance.md#sweep-throughput).
#include "tessel/Sweep/ResultsFile.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

extern char **environ;

namespace {

struct Settings {
  std::string tessel = TESSEL_BIN;
  std::string source = TESSEL_SOURCE_DIR;
  std::string threads = "2";
  std::string workDir = "/tmp";
  bool readme = true, noMemo = true, wide = true;
};

/// The README's sweep (README.md, command 1): every Eyeriss param (rows, cols, glb: 45 points)
/// over ResNet-50 at batch 1, annealing under 20,000 evaluations per distinct layer, mappings
/// minimising EDP, the latency/area front, the HTML report.
const char *const kReadmeOptions = "--param N=1 --search anneal --budget 20000 --objective edp "
                                   "--objectives latency,area";

std::vector<std::string> readmeSweep(const Settings &s) {
  std::vector<std::string> a = {"sweep", s.source + "/hwspecs/eyeriss.hw",
                                s.source + "/examples/resnet50.wl"};
  std::istringstream options(kReadmeOptions);
  for (std::string word; options >> word;)
    a.push_back(word);
  a.push_back("--report");
  a.push_back(s.workDir + "/bench-sweep-report.html");
  return a;
}

/// 1,000 points: Eyeriss's domains widened to 10 values each (rows and cols 8..26 step 2, the
/// global buffer 64..352 KiB step 32 KiB), the same workload and search options, no report.
std::vector<std::string> wideSweep(const Settings &s) {
  std::vector<std::string> a = readmeSweep(s);
  a.resize(a.size() - 2);
  for (const char *p : {"rows=8..26:2", "cols=8..26:2", "glb=64KiB..352KiB:32KiB"}) {
    a.push_back("--param");
    a.push_back(p);
  }
  return a;
}

std::string loadAverage() {
  std::ifstream f("/proc/loadavg");
  std::string one, five, fifteen;
  f >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

struct RunResult {
  int status = -1;
  double wallS = 0, cpuS = 0;
  size_t points = 0, valid = 0;
  std::string summary; ///< tessel's --verbose summary line (searches, memo hits)
};

std::string lastLineWith(const std::string &path, const std::string &needle) {
  std::ifstream f(path);
  std::string line, found;
  while (std::getline(f, line))
    if (line.find(needle) != std::string::npos)
      found = line;
  return found;
}

/// Runs `tessel ARGS --threads N -o FILE --overwrite --verbose`, stdout discarded, stderr to a
/// file; wall time around the process, CPU time from its rusage.
std::optional<RunResult> run(const Settings &s, const std::string &name,
                             std::vector<std::string> args) {
  std::string out = s.workDir + "/bench-sweep-" + name + ".jsonl";
  std::string log = s.workDir + "/bench-sweep-" + name + ".log";
  for (const char *a :
       {"--threads", s.threads.c_str(), "-o", out.c_str(), "--overwrite", "--verbose"})
    args.push_back(a);
  args.insert(args.begin(), s.tessel);
  std::vector<char *> argv;
  for (std::string &a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    std::fprintf(stderr, "bench-sweep: cannot run %s: %s\n", argv[0], std::strerror(rc));
    return std::nullopt;
  }
  RunResult r;
  struct rusage usage;
  if (wait4(pid, &r.status, 0, &usage) < 0)
    return std::nullopt;
  r.wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.cpuS = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           1e-6 * (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0) {
    std::fprintf(stderr, "bench-sweep: %s failed (status %d); see %s\n", name.c_str(), r.status,
                 log.c_str());
    return std::nullopt;
  }
  auto contents = tessel::sweep::readResultsFile(out);
  if (!contents) {
    std::fprintf(stderr, "bench-sweep: %s\n", contents.error().c_str());
    return std::nullopt;
  }
  for (const tessel::sweep::SourcedRecord &rec : contents->records) {
    ++r.points;
    r.valid += rec.record.valid();
  }
  r.summary = lastLineWith(log, "points evaluated");
  return r;
}

void print(const Settings &s, const std::string &name, const RunResult &r) {
  std::printf("{\"bench\":\"sweep\",\"run\":\"%s\",\"threads\":%s,\"points\":%zu,\"valid\":%zu,"
              "\"wall_s\":%.2f,\"cpu_s\":%.2f,\"points_per_s\":%.3f,\"load\":\"%s\","
              "\"summary\":\"%s\"}\n",
              name.c_str(), s.threads.c_str(), r.points, r.valid, r.wallS, r.cpuS,
              r.points / r.wallS, loadAverage().c_str(), r.summary.c_str());
  std::fflush(stdout);
}

const char *const kUsage = "usage: bench-sweep [--only readme|no-memo|wide] [--threads N] "
                           "[--tessel PATH] [--source DIR] [--work-dir DIR]\n";

/// -1 to go on, otherwise the exit status.
int parse(int argc, char **argv, Settings &s) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help") {
      std::printf("%s", kUsage);
      return 0;
    }
    const char *v = i + 1 < argc ? argv[++i] : nullptr;
    if (!v) {
      std::fprintf(stderr, "bench-sweep: %s needs a value\n%s", a.c_str(), kUsage);
      return 1;
    }
    if (a == "--tessel") {
      s.tessel = v;
    } else if (a == "--source") {
      s.source = v;
    } else if (a == "--threads") {
      s.threads = v;
    } else if (a == "--work-dir") {
      s.workDir = v;
    } else if (a == "--only") {
      std::string which = v;
      s.readme = which == "readme";
      s.noMemo = which == "no-memo";
      s.wide = which == "wide";
      if (!s.readme && !s.noMemo && !s.wide) {
        std::fprintf(stderr, "bench-sweep: --only takes readme, no-memo or wide\n");
        return 1;
      }
    } else {
      std::fprintf(stderr, "bench-sweep: unknown option %s\n%s", a.c_str(), kUsage);
      return 1;
    }
  }
  return -1;
}

} // namespace

int main(int argc, char **argv) {
  Settings s;
  if (int status = parse(argc, argv, s); status >= 0)
    return status;
  std::printf("{\"bench\":\"sweep\",\"tessel\":\"%s\",\"cores\":%ld,\"load\":\"%s\"}\n",
              s.tessel.c_str(), sysconf(_SC_NPROCESSORS_ONLN), loadAverage().c_str());
  std::fflush(stdout);
  std::optional<RunResult> readme, noMemo;
  if (s.readme && !(readme = run(s, "readme", readmeSweep(s))))
    return 1;
  if (readme)
    print(s, "readme", *readme);
  if (s.noMemo) {
    std::vector<std::string> args = readmeSweep(s);
    args.push_back("--no-memo");
    if (!(noMemo = run(s, "readme-no-memo", args)))
      return 1;
    print(s, "readme-no-memo", *noMemo);
  }
  if (readme && noMemo)
    std::printf("{\"bench\":\"sweep\",\"memo_speedup\":%.2f}\n", noMemo->wallS / readme->wallS);
  if (s.wide) {
    std::optional<RunResult> wide = run(s, "wide-1000", wideSweep(s));
    if (!wide)
      return 1;
    print(s, "wide-1000", *wide);
  }
  return 0;
}
