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
/// NAME must be a param of `hw`, the chosen accelerator of `in` (another accelerator of the
/// same .hw may declare a param of the same name with another domain); with `checkDomains`,
/// the value must lie in its domain (a sweep passes false: its --param may replace a domain).
/// Errors are printed to `err` (located in a "--param" buffer of `in`); returns false after
/// one.
bool hwParamOverrides(const std::vector<std::pair<std::string, std::string>> &values,
                      bool checkDomains, const dsl::HwModel &hw, LoadedInputs &in,
                      dsl::ParamOverrides &out, std::ostream &err);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_HWPARAMVALUES_H
