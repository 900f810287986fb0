// A stable, readable dump of .hw/.wl ASTs with line:col positions (used by golden tests).
#ifndef TESSEL_DSL_ASTDUMP_H
#define TESSEL_DSL_ASTDUMP_H

#include "tessel/dsl/Ast.h"

#include <iosfwd>
#include <string>

namespace tessel::dsl {

void dumpAst(std::ostream &os, const SourceManager &sm, const ast::HwFile &f);
void dumpAst(std::ostream &os, const SourceManager &sm, const ast::WlFile &f);
/// An expression in fully parenthesised infix form, e.g. `(2 * p) + r`.
std::string exprToString(const ast::Expr &e);

} // namespace tessel::dsl

#endif // TESSEL_DSL_ASTDUMP_H
