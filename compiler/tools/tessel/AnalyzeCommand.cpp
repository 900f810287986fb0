// `tessel analyze`: op mix, arithmetic intensity, fleet view and roofline placement of
// workloads (docs/analysis.md).
#include "AnalyzeOutput.h"
#include "Commands.h"
#include "Frontend.h"
#include "ParamArgs.h"

#include <charconv>
#include <fstream>
#include <iostream>

namespace tessel::cli {

const CommandSpec kAnalyzeSpec = {
    "analyze",
    "tessel analyze [options] MODEL.wl [MORE.wl ...]",
    "Characterise workloads: op mix, bytes, arithmetic intensity, roofline on a design.",
    "For every operator: MACs, the bytes of each tensor it reads and writes (every\n"
    "tensor once per execution: compulsory traffic; embedding_bag reads the rows it\n"
    "gathers; flatten/reshape are views), arithmetic intensity (MACs per byte) and\n"
    "its share of the workload; totals per op kind. Operators count executions\n"
    "(repeat) x weight (weight blocks). Several workloads also get a fleet view, each\n"
    "counted by its --weight.\n"
    "With --hw: the design's peak MAC/s and each memory level's bandwidth (read\n"
    "bandwidth x instances x clock) and ridge point (peak / bandwidth); for every\n"
    "operator its intensity at each level (bytes of the tensors the level keeps),\n"
    "whether it is bandwidth-bound there, its bottleneck, attainable MAC/s and time\n"
    "(max of compute and every level: a lower bound with perfect reuse), and the\n"
    "time share by bottleneck. --plot writes the roofline as SVG.\n"
    "--representative K clusters the ops of one workload by shape features (kind,\n"
    "intensity, MACs, bytes of each role, dims; with --hw also bottleneck and time),\n"
    "keeps one medoid per cluster and fits weights so that the weighted MACs, bytes and\n"
    "(with --hw) time equal the full workload's; it reports the clusters and the error\n"
    "of the reduced set, and -o writes it as a valid .wl in which each medoid sits in a\n"
    "`weight W { }` block (honoured by tessel analyze, map and sweep).\n"
    "Exit status: 0 on success, 1 on any error.",
    {{"hw", "FILE", "Place every op on the roofline of the accelerator in FILE (.hw)"},
     {"accelerator", "NAME", "The accelerator, when the .hw defines several"},
     {"weight", "W[,W...]", "Fleet weight of each workload, in order (repeatable)"},
     {"plot", "FILE", "Write an SVG roofline plot (needs --hw)"},
     {"top", "N", "Rows of each op table (default 25; 0 = all)"},
     {"representative", "K", "Pick K representative ops of the workload (with weights)"},
     {"o", "FILE", "With --representative: write them as a .wl of weight blocks"},
     {"json", "", "Print one JSON document"},
     {"param", "NAME=VALUE", "Set param NAME to VALUE (units allowed; repeatable)"}},
};

namespace {

bool parseCount(const std::string &s, size_t &out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

/// The fleet weights of `--weight` (comma lists, repeatable); false after an error.
bool parseWeights(const ParsedArgs &args, std::vector<double> &weights) {
  auto it = args.values.find("weight");
  if (it == args.values.end())
    return true;
  for (const std::string &arg : it->second) {
    size_t start = 0;
    while (start <= arg.size()) {
      size_t comma = std::min(arg.find(',', start), arg.size());
      std::string item = arg.substr(start, comma - start);
      double w = 0;
      auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), w);
      if (ec != std::errc() || p != item.data() + item.size() || !(w > 0)) {
        std::cerr << "tessel analyze: error: --weight: expected a positive number, got '"
                  << item << "'\n";
        return false;
      }
      weights.push_back(w);
      start = comma + 1;
    }
  }
  return true;
}

/// The accelerator --hw names (with --accelerator when the file defines several).
const dsl::HwModel *pickAccelerator(const LoadedInputs &in, const ParsedArgs &args) {
  std::optional<std::string> name = args.get("accelerator");
  if (!name) {
    if (in.hw.size() == 1)
      return &in.hw.front();
    std::cerr << "tessel analyze: error: the .hw defines " << in.hw.size()
              << " accelerators\nhint: choose one with --accelerator NAME:";
    for (const dsl::HwModel &m : in.hw)
      std::cerr << " " << m.name;
    std::cerr << "\n";
    return nullptr;
  }
  for (const dsl::HwModel &m : in.hw)
    if (m.name == *name)
      return &m;
  std::cerr << "tessel analyze: error: no accelerator '" << *name << "' in the .hw\n";
  return nullptr;
}

} // namespace

int runAnalyze(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args =
      parseArgs(kAnalyzeSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  if (args->positional.empty()) {
    std::cerr << "tessel analyze: error: no workload files\nhint: " << kAnalyzeSpec.usage
              << "\n";
    return 1;
  }
  for (const std::string &f : args->positional)
    if (fileKind(f) != FileKind::Wl) {
      std::cerr << "tessel analyze: error: '" << f
                << "' is not a .wl file\nhint: give the accelerator with --hw FILE\n";
      return 1;
    }
  AnalysisView view;
  if (std::optional<std::string> top = args->get("top"); top && !parseCount(*top, view.top)) {
    std::cerr << "tessel analyze: error: --top: expected a count, got '" << *top << "'\n";
    return 1;
  }
  std::vector<double> weights;
  if (!parseWeights(*args, weights))
    return 1;
  size_t representatives = 0;
  if (std::optional<std::string> k = args->get("representative");
      k && (!parseCount(*k, representatives) || representatives == 0)) {
    std::cerr << "tessel analyze: error: --representative: expected a positive count, got '"
              << *k << "'\n";
    return 1;
  }
  if (args->has("o") && !representatives) {
    std::cerr << "tessel analyze: error: -o needs --representative K\n";
    return 1;
  }
  std::optional<std::string> hwFile = args->get("hw"), plot = args->get("plot");
  if (plot && !hwFile) {
    std::cerr << "tessel analyze: error: --plot needs --hw FILE\n";
    return 1;
  }
  if (hwFile && fileKind(*hwFile) != FileKind::Hw) {
    std::cerr << "tessel analyze: error: --hw: '" << *hwFile << "' is not a .hw file\n";
    return 1;
  }
  LoadedInputs in;
  std::vector<std::string> files = args->positional;
  if (hwFile)
    files.insert(files.begin(), *hwFile);
  if (!loadInputsAtParams(files, args->values["param"], in, std::cerr))
    return 1;
  if (!weights.empty() && weights.size() != in.wl.size()) {
    std::cerr << "tessel analyze: error: --weight gives " << weights.size() << " weight"
              << (weights.size() == 1 ? "" : "s") << " for " << in.wl.size() << " workload"
              << (in.wl.size() == 1 ? "" : "s") << "\n";
    return 1;
  }
  if (representatives && in.wl.size() != 1) {
    std::cerr << "tessel analyze: error: --representative takes one workload, got "
              << in.wl.size() << "\n";
    return 1;
  }
  for (size_t i = 0; i < in.wl.size(); ++i) {
    view.workloads.push_back(analysis::profileWorkload(in.wl[i]));
    if (!weights.empty())
      view.workloads.back().weight = weights[i];
  }
  if (hwFile) {
    const dsl::HwModel *hw = pickAccelerator(in, *args);
    if (!hw)
      return 1;
    view.machine = analysis::machineFromHw(*hw);
  }
  if (plot) {
    std::ofstream out(*plot);
    out << analysis::rooflineSvg(view.workloads, *view.machine);
    if (!out) {
      std::cerr << "tessel analyze: error: cannot write '" << *plot << "'\n";
      return 1;
    }
  }
  if (representatives)
    return runRepresentatives(view, in.wl.front(), representatives, args->get("o"),
                              args->has("json"));
  if (args->has("json"))
    std::cout << analysisJson(view).dump(2) << "\n";
  else
    printAnalysis(std::cout, view);
  return 0;
}

} // namespace tessel::cli
