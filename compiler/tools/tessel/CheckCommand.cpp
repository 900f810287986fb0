// `tessel check`: diagnostics, or a summary of each checked file (text or JSON).
#include "Commands.h"
#include "Frontend.h"
#include "Summary.h"

#include <iostream>

namespace tessel::cli {

const CommandSpec kCheckSpec = {
    "check",
    "tessel check [options] FILE...",
    "Parse and check .hw and .wl files; print diagnostics, or a summary of each file.",
    "A .hw summary lists params, memory levels (capacity, instances, kept tensors,\n"
    "bandwidth), arrays, compute units and peak MAC/s. A .wl summary lists every\n"
    "operator with its output shape and MACs, the total MACs and tensor bytes.\n"
    "Exit status: 0 when every file is valid, 1 on any error.",
    {{"json", "", "Print the summaries as one JSON document"},
     {"quiet", "", "Print diagnostics only, no summaries"}},
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
  if (!loadInputs(args->positional, in, std::cerr))
    return 1;
  if (args->has("quiet"))
    return 0;
  if (args->has("json")) {
    nlohmann::json j = nlohmann::json::array();
    for (const dsl::HwModel &m : in.hw)
      j.push_back(toJson(m));
    for (const dsl::WlModel &m : in.wl)
      j.push_back(toJson(m));
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  bool first = true;
  for (const dsl::HwModel &m : in.hw) {
    if (!first)
      std::cout << "\n";
    first = false;
    printSummary(std::cout, m);
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
