// Evaluation of DSL expressions with units, names bound in scopes, and located errors.
#ifndef TESSEL_DSL_EVAL_H
#define TESSEL_DSL_EVAL_H

#include "tessel/dsl/Ast.h"
#include "tessel/dsl/Diagnostics.h"
#include "tessel/dsl/Units.h"

#include <map>
#include <optional>
#include <string>

namespace tessel::dsl {

/// A lexical scope of named values (params, lets); lookups fall back to the parent.
class Scope {
public:
  explicit Scope(const Scope *parent = nullptr) : parent(parent) {}
  struct Entry {
    Quantity value;
    SourceRange loc;
  };
  /// Returns false when `name` is already bound in this scope.
  bool define(const std::string &name, Quantity v, SourceRange loc);
  const Entry *lookup(const std::string &name) const;
  /// Every visible name (for "did you mean" hints).
  std::vector<std::string> names() const;

private:
  const Scope *parent;
  std::map<std::string, Entry> entries;
};

/// Evaluates `e`; reports problems (unknown names and units, dimension
/// mismatches, division by zero) to `diags` and returns std::nullopt.
std::optional<Quantity> evaluate(const ast::Expr &e, const Scope &scope,
                                 DiagnosticEngine &diags);

/// Evaluates and checks the dimension: `what` names the attribute for messages
/// (e.g. "size"). Dimensionless literals are accepted where `dimensionlessOk`.
std::optional<Quantity> evaluateAs(const ast::Expr &e, const Scope &scope,
                                   DiagnosticEngine &diags,
                                   const std::vector<Dim> &allowed,
                                   const std::string &what);

/// Evaluates an integer (dimensionless, exact) expression.
std::optional<int64_t> evaluateInt(const ast::Expr &e, const Scope &scope,
                                   DiagnosticEngine &diags,
                                   const std::string &what);

/// The source range of an expression including all operands.
SourceRange exprRange(const ast::Expr &e);

} // namespace tessel::dsl

#endif // TESSEL_DSL_EVAL_H
