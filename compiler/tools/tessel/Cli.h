// A small per-subcommand option parser with --help text and "did you mean" for unknown flags.
#ifndef TESSEL_TOOLS_CLI_H
#define TESSEL_TOOLS_CLI_H

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tessel::cli {

struct OptionSpec {
  std::string name;     ///< without dashes, e.g. "json"
  std::string valueName; ///< empty for flags, e.g. "FORMAT"
  std::string help;
};

struct CommandSpec {
  std::string name;
  std::string usage;   ///< e.g. "tessel check FILE..."
  std::string summary; ///< one line
  std::string details; ///< free text after the options
  std::vector<OptionSpec> options;
};

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> values; ///< repeated options accumulate
  bool has(const std::string &o) const { return values.count(o) != 0; }
  std::optional<std::string> get(const std::string &o) const;
};

/// Parses argv for one command. On error prints `tessel: error: ...` (with a
/// hint for misspelled options) to `err` and returns std::nullopt.
/// `--help` prints help to `out` and sets `helpShown`.
std::optional<ParsedArgs> parseArgs(const CommandSpec &spec, int argc, char **argv,
                                    std::ostream &out, std::ostream &err, bool &helpShown);

void printHelp(const CommandSpec &spec, std::ostream &out);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_CLI_H
