// tessel-validate: checks tessel against published results and hand-derived closed forms by
// running the tessel command line on the shipped hwspecs and examples, prints the table of all
// checks (text, or Markdown for docs/validation.md) and fails when any is outside tolerance.
#include "Checks.h"

#include <cstring>
#include <functional>
#include <iostream>
#include <set>
#include <string>

using namespace tessel::validation;

namespace {

struct Group {
  const char *name;
  void (*add)(const TesselRun &, std::vector<Check> &);
};

const Group kGroups[] = {
    {"peak", addPeakChecks},
    {"tpu", addTpuChecks},
    {"systolic", addSystolicChecks},
    {"eyeriss-energy", addEyerissEnergyChecks},
    {"eyeriss-pes", addEyerissPeChecks},
    {"eyeriss-rs", addEyerissRsChecks},
    {"eyeriss-rs-measured", addEyerissRsMeasuredChecks},
    {"eyeriss-library", addEyerissLibraryChecks},
    {"eyeriss-alexnet", addEyerissAlexNetChecks},
    {"eyeriss-vgg", addEyerissVggChecks},
};

int usage(const std::string &problem) {
  std::cerr << "tessel-validate: " << problem << "\n"
            << "usage: tessel-validate --tessel PATH --root DIR [--threads N] [--markdown]\n"
            << "                       [--only GROUP]... [--skip GROUP]...\n"
            << "groups:";
  for (const Group &g : kGroups)
    std::cerr << " " << g.name;
  std::cerr << "\n";
  return 2;
}

bool knownGroup(const std::string &name) {
  for (const Group &g : kGroups)
    if (name == g.name)
      return true;
  return false;
}

} // namespace

int main(int argc, char **argv) {
  std::string binary, root;
  int threads = 2;
  bool markdown = false;
  std::set<std::string> only, skip;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char * { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--markdown") {
      markdown = true;
      continue;
    }
    if (arg != "--tessel" && arg != "--root" && arg != "--threads" && arg != "--only" &&
        arg != "--skip")
      return usage("unknown argument '" + arg + "'");
    const char *v = value();
    if (!v)
      return usage(arg + " needs a value");
    if (arg == "--tessel")
      binary = v;
    else if (arg == "--root")
      root = v;
    else if (arg == "--threads")
      threads = std::atoi(v);
    else if (!knownGroup(v))
      return usage("unknown group '" + std::string(v) + "'");
    else
      (arg == "--only" ? only : skip).insert(v);
  }
  if (binary.empty() || root.empty())
    return usage("--tessel and --root are required");
  if (threads < 1)
    return usage("--threads must be a positive integer");
  TesselRun tessel(binary, root, threads);
  std::vector<Check> checks;
  for (const Group &g : kGroups)
    if ((only.empty() || only.count(g.name)) && !skip.count(g.name))
      g.add(tessel, checks);
  if (markdown)
    printMarkdown(std::cout, checks);
  else
    printTable(std::cout, checks);
  for (const Check &c : checks)
    if (!c.passes())
      return 1;
  return 0;
}
