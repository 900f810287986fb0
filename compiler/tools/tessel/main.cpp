// Entry point of the `tessel` command-line tool: dispatches to subcommands.
#include "Commands.h"

#include <cstring>
#include <iostream>

#include "tessel/dsl/Diagnostics.h"

namespace {

struct Command {
  const char *name;
  int (*run)(int, char **);
  const tessel::cli::CommandSpec *spec;
};

const Command kCommands[] = {
    {"check", tessel::cli::runCheck, &tessel::cli::kCheckSpec},
    {"compile", tessel::cli::runCompile, &tessel::cli::kCompileSpec},
    {"eval", tessel::cli::runEval, &tessel::cli::kEvalSpec},
    {"import", tessel::cli::runImport, &tessel::cli::kImportSpec},
    {"map", tessel::cli::runMap, &tessel::cli::kMapSpec},
    {"sweep", tessel::cli::runSweep, &tessel::cli::kSweepSpec},
    {"plugins", tessel::cli::runPlugins, &tessel::cli::kPluginsSpec},
    {"merge", tessel::cli::runMerge, &tessel::cli::kMergeSpec},
    {"pareto", tessel::cli::runPareto, &tessel::cli::kParetoSpec},
    {"analyze", tessel::cli::runAnalyze, &tessel::cli::kAnalyzeSpec},
};

void usage(std::ostream &os) {
  os << "USAGE: tessel <command> [options] [files]\n\n"
        "tessel: a hardware/software co-design explorer for AI accelerators.\n\n"
        "COMMANDS:\n";
  for (const Command &c : kCommands)
    os << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.spec->summary
       << "\n";
  os << "\nRun 'tessel <command> --help' for the options of a command.\n"
        "  --version     Print the version and exit\n";
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(std::cerr);
    return 1;
  }
  std::string cmd = argv[1];
  if (cmd == "--version" || cmd == "version") {
    std::cout << "tessel " TESSEL_VERSION "\n";
    return 0;
  }
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    usage(std::cout);
    return 0;
  }
  std::vector<std::string> names;
  for (const Command &c : kCommands) {
    if (cmd == c.name)
      return c.run(argc - 2, argv + 2);
    names.push_back(c.name);
  }
  std::cerr << "tessel: error: unknown command '" << cmd << "'\n";
  std::string best = tessel::dsl::closestMatch(cmd, names);
  if (!best.empty())
    std::cerr << "hint: did you mean 'tessel " << best << "'?\n";
  else
    std::cerr << "hint: run 'tessel --help' for the list of commands\n";
  return 1;
}
