// Front-end entry points: parse + semantic check of .hw and .wl files (with imports).
#ifndef TESSEL_DSL_CHECK_H
#define TESSEL_DSL_CHECK_H

#include "tessel/dsl/Diagnostics.h"
#include "tessel/dsl/HwModel.h"
#include "tessel/dsl/WlModel.h"

#include <map>
#include <string>
#include <vector>

namespace tessel::dsl {

/// Parameter values that replace defaults (one design point), in base units.
using ParamOverrides = std::map<std::string, double>;

/// Parses and checks `path` and everything it imports. Every accelerator
/// defined in those files is returned (imports first). All errors are reported
/// to `diags`; the result is only meaningful when diags has no errors.
std::vector<HwModel> checkHwFile(const std::string &path, SourceManager &sm,
                                 DiagnosticEngine &diags,
                                 const ParamOverrides &overrides = {});

/// Same for workloads.
std::vector<WlModel> checkWlFile(const std::string &path, SourceManager &sm,
                                 DiagnosticEngine &diags,
                                 const ParamOverrides &overrides = {});

} // namespace tessel::dsl

#endif // TESSEL_DSL_CHECK_H
