// Reading a mapping back from mapped MLIR (`tessel compile --emit=mapped`) for `tessel eval`.
#ifndef TESSEL_TOOLS_MAPPEDIR_H
#define TESSEL_TOOLS_MAPPEDIR_H

#include "tessel/cost/Mapping.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace tessel::cli {

/// The map.mapping of the wl.einsum labelled `layer` (in the wl.graph `workload` when given)
/// in the MLIR file `path`, as a mapping of `problem` on `arch` (docs/extract.md). Prints
/// errors, located in the file, to `err` and returns nullopt on any problem: a file that does
/// not parse or verify, no such einsum, an einsum without map.mapping, names the problem or
/// the arch do not have.
std::optional<cost::Mapping> readMappedIr(const std::string &path, const std::string &layer,
                                          const std::optional<std::string> &workload,
                                          const cost::Problem &problem, const cost::Arch &arch,
                                          std::ostream &err);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_MAPPEDIR_H
