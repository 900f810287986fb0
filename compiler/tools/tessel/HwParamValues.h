// Accelerator parameter values of one design point (--param, a sweep point) as DSL overrides,
// so that the .hw is checked again at that point and every field follows its params.
#ifndef TESSEL_TOOLS_HWPARAMVALUES_H
#define TESSEL_TOOLS_HWPARAMVALUES_H

#include "Frontend.h"

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace tessel::cli {

/// Converts accelerator parameter values (NAME, TEXT) into overrides in DSL base units, added
/// to `out`. TEXT is a constant DSL expression (`64KiB`, `3.35TB/s`, `2*128`) of the param's
/// dimension, or a plain number in the unit of its `arch.param` (bits, Hz, pJ, ...). Every
/// NAME must be an accelerator param of `in` (of the accelerator named `accelerator` when
/// given: another one may declare a param of the same name with another domain); with
/// `checkDomains`, the value must lie in its domain (a sweep passes false: its --param may
/// replace a domain). Errors are printed to `err` (located in a "--param" buffer); returns
/// false after one.
bool hwParamOverrides(const std::vector<std::pair<std::string, std::string>> &values,
                      bool checkDomains, LoadedInputs &in, dsl::ParamOverrides &out,
                      std::ostream &err, const std::string *accelerator = nullptr);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_HWPARAMVALUES_H
