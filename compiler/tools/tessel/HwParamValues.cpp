// Accelerator --param values -> DSL overrides in base units.
#include "HwParamValues.h"

#include "tessel/Import/Import.h"

namespace tessel::cli {

bool hwParamOverrides(const std::vector<std::pair<std::string, std::string>> &values,
                      bool checkDomains, const dsl::HwModel &hw, LoadedInputs &in,
                      dsl::ParamOverrides &out, std::ostream &err) {
  dsl::DiagnosticEngine diags;
  for (const auto &[name, text] : values) {
    const dsl::ParamInfo *param = nullptr;
    for (const dsl::ParamInfo &p : hw.params)
      if (!param && p.name == name)
        param = &p;
    if (!param)
      continue; // splitParams reported unknown names
    uint32_t id = in.sm.addBuffer("--param", name + "=" + text);
    std::optional<dsl::ParamAssignment> a = dsl::parseParamAssignment(in.sm, id, diags);
    if (!a)
      continue;
    const dsl::Dim &dim = param->value.dim;
    double value;
    if (a->value.dim == dim) {
      value = a->value.value;
    } else if (a->value.dim.dimensionless()) {
      // A plain number is in the arch.param's unit (bits for sizes in words, pJ, ...).
      value = a->value.value / importer::paramScale(dim, hw.wordBits);
    } else {
      dsl::Diagnostic &d = diags.error(
          a->valueLoc,
          "param '" + name + "' is " + dsl::describeDim(dim) + ", but " +
              dsl::formatQuantity(a->value) + " is " + dsl::describeDim(a->value.dim),
          "give a unit, e.g. " + dsl::exampleUnits(dim));
      d.notes.push_back({dsl::Severity::Note, param->loc,
                         "param '" + name + "' is declared here", "", {}});
      continue;
    }
    if (checkDomains && !param->inDomain(value)) {
      dsl::Diagnostic &d = diags.error(
          a->valueLoc,
          dsl::formatQuantity({value, dim, a->value.integral}) + " is outside the domain " +
              param->domainText() + " of param '" + name + "'",
          "pick a value from the domain, or widen the domain in the file");
      d.notes.push_back({dsl::Severity::Note, param->loc,
                         "param '" + name + "' is declared here", "", {}});
      continue;
    }
    out[name] = value;
  }
  return reportDiagnostics(err, in.sm, diags);
}

} // namespace tessel::cli
