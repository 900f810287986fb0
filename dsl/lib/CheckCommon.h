// Helpers shared by the .hw and .wl checkers: attribute sets, params, small AST queries.
#ifndef TESSEL_DSL_LIB_CHECKCOMMON_H
#define TESSEL_DSL_LIB_CHECKCOMMON_H

#include "tessel/dsl/Ast.h"
#include "tessel/dsl/Check.h"
#include "tessel/dsl/Eval.h"

#include <map>
#include <string>
#include <vector>

namespace tessel::dsl {

/// Accepts each known attribute key once; reports unknown keys (with a
/// suggestion) and duplicates (with a note at the first occurrence).
class AttrSet {
public:
  AttrSet(DiagnosticEngine &diags, std::string where, std::vector<std::string> known)
      : diags(diags), where(std::move(where)), known(std::move(known)) {}
  bool accept(const ast::Attr &a);
  bool seen(const std::string &key) const { return seenKeys.count(key) != 0; }

private:
  DiagnosticEngine &diags;
  std::string where;
  std::vector<std::string> known;
  std::map<std::string, SourceRange> seenKeys;
};

/// Values that replace param defaults: unchecked overrides (sweep points) and
/// user assignments checked against each declaration (`--param`).
struct ParamInputs {
  const ParamOverrides &overrides;
  const ParamAssignments &given;
};

/// Checks `param NAME = default [in domain];`, applies an override or a checked
/// assignment and binds the value in `scope`. Appends the ParamInfo to `out`
/// when non-null.
void checkParam(const ast::Param &p, Scope &scope, DiagnosticEngine &diags,
                const ParamInputs &ov, std::vector<ParamInfo> *out);

/// The name if `e` is a bare identifier, else "".
std::string plainIdent(const ast::Expr &e);
/// `sram` -> "sram"; `dram(lpddr4)` -> "dram" with sub = "lpddr4".
std::string classOf(const ast::Expr &e, std::string &sub);
/// The expression as written (normalised spacing).
std::string exprText(const ast::Expr &e);

HwModel checkAccelerator(const ast::Accelerator &acc, const std::string &file,
                         DiagnosticEngine &diags, const ParamInputs &ov,
                         Scope &scope);
WlModel checkWorkload(const ast::Workload &w, const std::string &file,
                      DiagnosticEngine &diags, const ParamInputs &ov,
                      Scope &scope);

} // namespace tessel::dsl

#endif // TESSEL_DSL_LIB_CHECKCOMMON_H
