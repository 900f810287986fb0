// `tessel check`: diagnostics, or a summary of each checked file (text or JSON).
#include "Commands.h"
#include "EnergySummary.h"
#include "Frontend.h"
#include "ParamArgs.h"
#include "Summary.h"

#include <iostream>

namespace tessel::cli {

const CommandSpec kCheckSpec = {
    "check",
    "tessel check [options] FILE...",
    "Parse and check .hw and .wl files; print diagnostics, or a summary of each file.",
    "A .hw summary lists params, memory levels (capacity, instances, kept tensors,\n"
    "bandwidth), arrays, compute units and peak MAC/s, then the per-access energy,\n"
    "area and leakage of every memory level, compute unit and array network, each\n"
    "marked 'given' (written in the file) or 'model' (the component library at the\n"
    "file's technology; docs/components.md). Figures the library cannot supply are\n"
    "'n/a' with a warning. A .wl summary lists every operator with its output shape,\n"
    "repeat multiplicity (xN inside 'repeat N'), MACs and parameters (both totals\n"
    "over the repeats), then total MACs, other (non-MAC) element ops, parameters\n"
    "(weight elements x repeat counts) and their bytes, embedding_bag gathered\n"
    "bytes and tensor bytes (each tensor once, and with repeats).\n"
    "--param NAME=VALUE replaces the default of every param NAME in the files; the\n"
    "value may use units and arithmetic (S=256, glb=64KiB, L=2*1024) and must have\n"
    "the param's dimension and lie in its domain.\n"
    "Exit status: 0 when every file is valid, 1 on any error.",
    {{"json", "", "Print the summaries as one JSON document"},
     {"param", "NAME=VALUE", "Set param NAME to VALUE (units allowed; repeatable)"},
     {"quiet", "", "Print diagnostics only, no summaries"},
     {"sources", "", "Also print the source and formula of every model figure"}},
};

int runCheck(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args = parseArgs(kCheckSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  if (args->positional.empty()) {
    std::cerr << "tessel check: error: no input files\nhint: tessel check arch.hw model.wl\n";
    return 1;
  }
  LoadedInputs in;
  if (!loadInputsAtParams(args->positional, args->values["param"], in, std::cerr))
    return 1;
  cost::ComponentLibrary library;
  cost::registerBuiltinComponents(library);
  std::vector<ResolvedHw> resolved;
  for (const dsl::HwModel &m : in.hw) {
    resolved.push_back(resolveHw(m, library));
    warnUnresolved(std::cerr, in.sm, resolved.back(), useColor());
  }
  if (args->has("quiet"))
    return 0;
  if (args->has("json")) {
    nlohmann::json j = nlohmann::json::array();
    for (size_t i = 0; i < in.hw.size(); ++i) {
      j.push_back(toJson(in.hw[i]));
      j.back()["energy"] = toJson(resolved[i]);
    }
    for (const dsl::WlModel &m : in.wl)
      j.push_back(toJson(m));
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  bool first = true;
  for (size_t i = 0; i < in.hw.size(); ++i) {
    if (!first)
      std::cout << "\n";
    first = false;
    printSummary(std::cout, in.hw[i]);
    printEnergies(std::cout, resolved[i], args->has("sources"));
  }
  for (const dsl::WlModel &m : in.wl) {
    if (!first)
      std::cout << "\n";
    first = false;
    printSummary(std::cout, m);
  }
  return 0;
}

} // namespace tessel::cli
