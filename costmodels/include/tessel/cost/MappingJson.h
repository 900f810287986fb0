// The mapping JSON format (docs/mapping-format.md): writing and reading mappings by name, and
// cost reports as JSON. Exceptions of the JSON library never cross this API.
#ifndef TESSEL_COST_MAPPINGJSON_H
#define TESSEL_COST_MAPPINGJSON_H

#include "tessel/cost/CostReport.h"
#include "tessel/cost/Mapping.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tessel::cost {

/// The version written into every mapping document; readers reject other versions.
constexpr int kMappingFormatVersion = 1;

/// One problem found while reading a mapping document. `line` and `column` are 1-based and
/// point at the offending JSON value (0 when unknown); `path` is its JSON pointer, e.g.
/// "/levels/2/temporal/0/dim".
struct JsonError {
  int line = 0;
  int column = 0;
  std::string path;
  std::string message;
};

/// "FILE:LINE:COL: error: MESSAGE" (or "FILE: error: MESSAGE" without a position).
std::string formatJsonError(const JsonError &error, const std::string &file);

/// The result of reading a mapping document: a mapping, or every error found.
struct MappingParseResult {
  std::optional<Mapping> mapping;
  std::vector<JsonError> errors;
};

/// The mapping as a JSON value: {"version", "layer", "arch", "levels": [...]} with every level
/// of `arch` in order and dims, levels, tensors by name.
nlohmann::ordered_json mappingToJsonValue(const Mapping &mapping, const Problem &problem,
                                          const Arch &arch);

/// mappingToJsonValue() as text, indented by `indent` spaces (-1: one line).
std::string mappingToJson(const Mapping &mapping, const Problem &problem, const Arch &arch,
                          int indent = 2);

/// Reads a mapping document for `problem` on `arch`. The document is either one mapping or
/// {"version": 1, "mappings": [...]} from which the entry whose "layer" is problem.name is
/// taken. Names are resolved against the problem and arch (unknown ones are reported with a
/// "did you mean"); the mapping's validity (factor products, capacities, fan-out sizes) is
/// left to checkMapping().
MappingParseResult parseMappingJson(const std::string &text, const Problem &problem,
                                    const Arch &arch);

/// The report as a JSON value (docs/mapping-format.md, "Cost reports").
nlohmann::ordered_json costReportToJsonValue(const CostReport &report, const Problem &problem,
                                             const Arch &arch);

/// costReportToJsonValue() as text, indented by `indent` spaces (-1: one line).
std::string costReportToJson(const CostReport &report, const Problem &problem, const Arch &arch,
                             int indent = 2);

/// A mapping document (as mappingToJsonValue) whose "cost" key holds the report (as
/// costReportToJsonValue) plus "model": `modelName`. Readers of mappings accept it back.
std::string mappingWithCostToJson(const Mapping &mapping, const Problem &problem,
                                  const Arch &arch, const CostReport &report,
                                  const std::string &modelName, int indent = 2);

} // namespace tessel::cost

#endif // TESSEL_COST_MAPPINGJSON_H
