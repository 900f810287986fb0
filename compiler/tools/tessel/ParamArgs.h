// `--param NAME=VALUE` for tessel check: parsing into located buffers, and the check
// that every NAME is a param of the loaded files.
#ifndef TESSEL_TOOLS_PARAMARGS_H
#define TESSEL_TOOLS_PARAMARGS_H

#include "Frontend.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace tessel::cli {

/// Parses each argument (`S=256`, `glb=64KiB`) as a buffer named "--param" of `in.sm`,
/// so that errors point into the argument. Syntax and unit errors and a NAME given
/// twice are reported to `in.diags`.
dsl::ParamAssignments parseParamArgs(const std::vector<std::string> &args, LoadedInputs &in);

/// Reports every assignment whose NAME is no param of the loaded models (with a
/// suggestion) to `err`; returns false when there was one.
bool checkParamNames(const dsl::ParamAssignments &given, const LoadedInputs &in,
                     std::ostream &err);

/// Parses `paramArgs` (the values of --param), then loads and checks `files` at those values
/// and checks their names; reports every problem to `err` and returns false on any.
bool loadInputsAtParams(const std::vector<std::string> &files,
                        const std::vector<std::string> &paramArgs, LoadedInputs &in,
                        std::ostream &err);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_PARAMARGS_H
