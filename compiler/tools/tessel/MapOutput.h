// What `tessel map` prints: per-layer mappings with cost and optimality, whole-workload totals,
// mapspace explanations and the JSON document of all mappings.
#ifndef TESSEL_TOOLS_MAPOUTPUT_H
#define TESSEL_TOOLS_MAPOUTPUT_H

#include "Cli.h"
#include "EvalPipeline.h"

#include "tessel/Network/MapNetwork.h"

#include <iosfwd>
#include <string>

namespace tessel::cli {

/// Keeps only the layers named by --layer (all when absent); an unknown name is an error with
/// a suggestion.
bool selectLayers(const ParsedArgs &args, NetworkInputs &in, std::ostream &err);

/// One mapspace explanation per distinct layer shape.
void printExplanations(std::ostream &os, const std::vector<network::Layer> &layers);

/// The optimality status of a search: "optimal", "gap 3.2%", "best of 20000", "no mapping".
std::string statusText(const search::SearchResult &result);

/// Per-layer table, each layer's loop nest, and the totals.
void printNetworkMapping(std::ostream &os, const NetworkInputs &in,
                         const search::SearchOptions &options, const std::string &model,
                         const network::NetworkOutcome &outcome,
                         const network::SearchMemo &memo);

/// {"version", "accelerator", "workload", "model", "objective", "search", "layers": [{"name",
/// "count", "status", "gap_percent", "mapping": mapping document with "cost"}], "totals"}.
std::string networkMappingJson(const NetworkInputs &in, const search::SearchOptions &options,
                               const std::string &model,
                               const network::NetworkOutcome &outcome);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_MAPOUTPUT_H
