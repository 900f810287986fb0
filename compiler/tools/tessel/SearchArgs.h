// The options of commands that search mappings (map, sweep): objective, searcher, budget,
// threads, seed, limits; and the shared reading of the .hw/.wl operands and --param values.
#ifndef TESSEL_TOOLS_SEARCHARGS_H
#define TESSEL_TOOLS_SEARCHARGS_H

#include "Cli.h"
#include "EvalPipeline.h"

#include "tessel/Search/Search.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace tessel::cli {

/// --objective, --search, --budget, --threads, --seed, --min-utilization, --max-cycles.
std::vector<OptionSpec> searchOptionSpecs();
/// A help paragraph on those options.
extern const char *const kSearchHelp;

/// The SearchOptions the options ask for; prints "tessel COMMAND: error: ..." and returns
/// nullopt on a bad value.
std::optional<search::SearchOptions> readSearchOptions(const ParsedArgs &args,
                                                       const std::string &command,
                                                       std::ostream &err);

/// Sets request.hwFile / wlFile from the operands (exactly one of each).
bool readInputFiles(const ParsedArgs &args, const std::string &command,
                    const std::string &usage, EvalRequest &request, std::ostream &err);

/// Appends every --param NAME=VALUE (also "A=1,B=2") to request.params.
bool readParamArgs(const ParsedArgs &args, const std::string &command, EvalRequest &request,
                   std::ostream &err);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_SEARCHARGS_H
