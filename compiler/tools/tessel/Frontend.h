// Loading .hw/.wl files for the CLI: dispatch by extension and print diagnostics.
#ifndef TESSEL_TOOLS_FRONTEND_H
#define TESSEL_TOOLS_FRONTEND_H

#include "tessel/dsl/Check.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace tessel::cli {

struct LoadedInputs {
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  std::vector<dsl::HwModel> hw;
  std::vector<dsl::WlModel> wl;
};

enum class FileKind { Hw, Wl, Unknown };
FileKind fileKind(const std::string &path);

/// Checks every file (by extension); prints diagnostics to `err`. `given` are
/// checked param values (`--param`). Returns false when there were errors (or a
/// file of unknown type).
bool loadInputs(const std::vector<std::string> &files, LoadedInputs &in, std::ostream &err,
                const dsl::ParamOverrides &ov = {},
                const dsl::ParamAssignments &given = {});

/// True when stderr is a terminal that should get colours.
bool useColor();

/// Prints every diagnostic of `diags` and "N errors generated." to `err`;
/// returns false when there were errors.
bool reportDiagnostics(std::ostream &err, const dsl::SourceManager &sm,
                       const dsl::DiagnosticEngine &diags);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_FRONTEND_H
