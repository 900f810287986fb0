// `tessel compile ARCH.hw MODEL.wl --emit=mapped`: the module after map-search.
#ifndef TESSEL_TOOLS_COMPILEMAPPED_H
#define TESSEL_TOOLS_COMPILEMAPPED_H

#include "Cli.h"

#include <vector>

namespace tessel::cli {

/// The options only --emit=mapped uses: --param, --accelerator, the search options of
/// `tessel map` and the cost-model options.
std::vector<OptionSpec> mappedOptions();

/// Imports, binds, lowers and runs map-search, then prints the module and per-workload totals
/// as comments. Returns the exit status.
int emitMapped(const ParsedArgs &args, const std::string &usage);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_COMPILEMAPPED_H
