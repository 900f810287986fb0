// `tessel pareto results.jsonl --objectives energy,latency`: the Pareto front of sweep results.
#include "Commands.h"
#include "ReportOutput.h"

#include "tessel/Sweep/Pareto.h"
#include "tessel/Sweep/ResultsFile.h"

#include <iostream>

namespace tessel::cli {

const CommandSpec kParetoSpec = {
    "pareto",
    "tessel pareto [options] RESULTS.jsonl...",
    "Print the Pareto front of sweep results (JSON lines) over chosen objectives.",
    "The front holds the valid points that no other valid point dominates (at least as good\n"
    "in every objective, better in one); all objectives are minimised. Several files are\n"
    "joined as 'tessel merge' does. Objectives: latency, energy, area, power, edp,\n"
    "energy_per_inference, cycles. A corrupt line is an error (file:line:col); an incomplete\n"
    "last line (a sweep still running or interrupted) is skipped with a warning.\n"
    "Params are shown in their natural unit (108 KiB, 200 MHz) from the records'\n"
    "param_units (older files: base units); --csv keeps base units (bits, Hz, s).\n"
    "--report FILE writes the HTML report of the files (as 'tessel sweep --report' does);\n"
    "front points whose records have no per-layer results (a sweep without --detail) are\n"
    "shown without them, with a notice in the report and a note on stderr.\n"
    "Exit status: 0 on success, 1 on bad options or input. See docs/sweep.md.",
    {{"objectives", "LIST",
      "Objectives to minimise, e.g. energy,latency,area (default energy,latency)"},
     {"constraint", "EXPR", "Only points meeting EXPR, e.g. 'area<=4mm2' (repeatable)"},
     {"csv", "FILE", "Also write the rows as CSV (SI and base units, full precision)"},
     {"all", "", "List every point with the front marked, not only the front"},
     {"report", "FILE", "Also write an HTML report: plots, per-layer and per-level energy, "
                        "sensitivity"}},
};

int runPareto(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args = parseArgs(kParetoSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  if (args->positional.empty()) {
    std::cerr << "tessel pareto: error: no results file\n"
                 "hint: tessel pareto results.jsonl --objectives energy,latency\n";
    return 1;
  }
  sweep::ParetoOptions opts;
  if (std::optional<std::string> v = args->get("objectives")) {
    auto objectives = sweep::parseObjectives(*v);
    if (!objectives) {
      std::cerr << sweep::formatArgError(objectives.error());
      return 1;
    }
    opts.objectives = *objectives;
  }
  if (args->has("constraint"))
    for (const std::string &c : args->values.at("constraint")) {
      auto constraint = sweep::parseConstraint(c);
      if (!constraint) {
        std::cerr << sweep::formatArgError(constraint.error());
        return 1;
      }
      opts.constraints.push_back(*constraint);
    }
  opts.csvPath = args->get("csv").value_or("");
  opts.all = args->has("all");

  auto merged = sweep::mergeResultFiles(args->positional, std::cerr);
  if (!merged) {
    std::cerr << merged.error() << "\n";
    return 1;
  }
  std::vector<const sweep::Record *> records;
  for (const sweep::SourcedRecord &s : *merged)
    records.push_back(&s.record);
  if (auto r = sweep::printPareto(records, opts, std::cout); !r) {
    std::cerr << "tessel pareto: error: " << r.error() << "\n";
    return 1;
  }
  if (std::optional<std::string> path = args->get("report")) {
    sweep::ReportOptions report;
    report.objectives = opts.objectives;
    report.constraints = opts.constraints;
    report.toolVersion = toolVersion();
    report.commandLine = commandLine("pareto", argc, argv);
    for (const std::string &file : args->positional) {
      auto input = sweep::readReportInput(file);
      if (!input) {
        std::cerr << input.error() << "\n";
        return 1;
      }
      report.inputs.push_back(*input);
    }
    if (!writeReportFile(*path, "pareto", records, report, std::cerr))
      return 1;
  }
  return 0;
}

} // namespace tessel::cli
