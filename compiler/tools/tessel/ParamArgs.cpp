// Parsing of `--param` arguments and the unknown-name check.
#include "ParamArgs.h"

#include <ostream>
#include <set>

namespace tessel::cli {

dsl::ParamAssignments parseParamArgs(const std::vector<std::string> &args, LoadedInputs &in) {
  dsl::ParamAssignments out;
  for (const std::string &arg : args) {
    uint32_t id = in.sm.addBuffer("--param", arg);
    std::optional<dsl::ParamAssignment> a = dsl::parseParamAssignment(in.sm, id, in.diags);
    if (!a)
      continue;
    bool twice = false;
    for (const dsl::ParamAssignment &prev : out)
      if (prev.name == a->name) {
        dsl::Diagnostic &d =
            in.diags.error(a->nameLoc, "param '" + a->name + "' is given twice");
        d.notes.push_back({dsl::Severity::Note, prev.nameLoc, "first given here", "", {}});
        twice = true;
      }
    if (!twice)
      out.push_back(*a);
  }
  return out;
}

bool checkParamNames(const dsl::ParamAssignments &given, const LoadedInputs &in,
                     std::ostream &err) {
  std::set<std::string> names;
  for (const dsl::HwModel &m : in.hw)
    for (const dsl::ParamInfo &p : m.params)
      names.insert(p.name);
  for (const dsl::WlModel &m : in.wl)
    for (const dsl::ParamInfo &p : m.params)
      names.insert(p.name);
  std::string known;
  for (const std::string &n : names)
    known += (known.empty() ? "" : ", ") + n;
  dsl::DiagnosticEngine diags;
  for (const dsl::ParamAssignment &a : given)
    if (!names.count(a.name))
      diags.error(a.nameLoc, "no param '" + a.name + "' in the checked files",
                  dsl::didYouMean(a.name, {names.begin(), names.end()},
                                  names.empty() ? "the checked files declare no params"
                                                : "their params are: " + known));
  return reportDiagnostics(err, in.sm, diags);
}

bool loadInputsAtParams(const std::vector<std::string> &files,
                        const std::vector<std::string> &paramArgs, LoadedInputs &in,
                        std::ostream &err) {
  dsl::ParamAssignments given = parseParamArgs(paramArgs, in);
  if (!reportDiagnostics(err, in.sm, in.diags))
    return false;
  return loadInputs(files, in, err, {}, given) && checkParamNames(given, in, err);
}

} // namespace tessel::cli
