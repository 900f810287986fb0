// Entry points of the X3 parsers: text -> AST, syntax errors reported as diagnostics.
#ifndef TESSEL_DSL_PARSER_H
#define TESSEL_DSL_PARSER_H

#include "tessel/dsl/Ast.h"
#include "tessel/dsl/Diagnostics.h"

namespace tessel::dsl {

/// Parses buffer `file` as a .hw file. Returns false after reporting every
/// syntax error found (the parser recovers at statement boundaries). Never throws.
bool parseHw(const SourceManager &sm, uint32_t file, DiagnosticEngine &diags,
             ast::HwFile &out);

/// Parses buffer `file` as a .wl file; same contract as parseHw.
bool parseWl(const SourceManager &sm, uint32_t file, DiagnosticEngine &diags,
             ast::WlFile &out);

/// Parses the whole of buffer `file` as `NAME = EXPR` (a `--param` argument).
bool parseAssignment(const SourceManager &sm, uint32_t file, DiagnosticEngine &diags,
                     ast::Let &out);

} // namespace tessel::dsl

#endif // TESSEL_DSL_PARSER_H
