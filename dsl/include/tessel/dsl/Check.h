// Front-end entry points: parse + semantic check of .hw and .wl files (with imports).
#ifndef TESSEL_DSL_CHECK_H
#define TESSEL_DSL_CHECK_H

#include "tessel/dsl/Diagnostics.h"
#include "tessel/dsl/HwModel.h"
#include "tessel/dsl/WlModel.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tessel::dsl {

/// Parameter values that replace defaults (one design point), in base units.
/// They are not checked against the params' domains (a sweep may leave them).
using ParamOverrides = std::map<std::string, double>;

/// A param value given by the user (`tessel check --param NAME=VALUE`). Before it
/// replaces the default of a param called NAME it must have the default's dimension,
/// be an integer when the default is one, and lie in the param's domain; otherwise an
/// error is reported at `valueLoc` with a note at the declaration.
struct ParamAssignment {
  std::string name;
  Quantity value;
  SourceRange nameLoc, valueLoc; ///< in the buffer holding the argument
};
using ParamAssignments = std::vector<ParamAssignment>;

/// Parses `NAME=VALUE` held in buffer `file` of `sm`; VALUE is a constant DSL
/// expression with units (`256`, `64KiB`, `2*128`, `1.5 GHz`). Errors go to `diags`.
std::optional<ParamAssignment> parseParamAssignment(const SourceManager &sm,
                                                    uint32_t file,
                                                    DiagnosticEngine &diags);

/// Parses and checks `path` and everything it imports. Every accelerator
/// defined in those files is returned (imports first). All errors are reported
/// to `diags`; the result is only meaningful when diags has no errors.
std::vector<HwModel> checkHwFile(const std::string &path, SourceManager &sm,
                                 DiagnosticEngine &diags,
                                 const ParamOverrides &overrides = {},
                                 const ParamAssignments &given = {});

/// Same for workloads.
std::vector<WlModel> checkWlFile(const std::string &path, SourceManager &sm,
                                 DiagnosticEngine &diags,
                                 const ParamOverrides &overrides = {},
                                 const ParamAssignments &given = {});

/// Checks the .wl text held in buffer `file` of `sm` (imports resolve against the folder of
/// the buffer's name), e.g. a workload a tool generated.
std::vector<WlModel> checkWlBuffer(uint32_t file, SourceManager &sm, DiagnosticEngine &diags);

} // namespace tessel::dsl

#endif // TESSEL_DSL_CHECK_H
