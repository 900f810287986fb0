// Declares the rules shared by the .hw and .wl grammars: expressions, identifiers, literals,
// params with domains and imports.
#ifndef TESSEL_DSL_GRAMMAR_EXPR_H
#define TESSEL_DSL_GRAMMAR_EXPR_H

#include "Config.h"

namespace tessel::dsl::grammar {

struct IdentRule;
struct NumberRule;
struct ExprRule;
struct StringRule;
struct ParamRule;
struct ImportRule;
struct AssignRule;

using ident_type = x3::rule<IdentRule, ast::Ident>;
using number_type = x3::rule<NumberRule, ast::Number>;
using expr_type = x3::rule<ExprRule, ast::Expr>;
using string_type = x3::rule<StringRule, std::string>;
using param_type = x3::rule<ParamRule, ast::Param>;
using import_type = x3::rule<ImportRule, ast::Import>;
/// `NAME = EXPR`, a param value given on the command line (`--param S=256`).
using assign_type = x3::rule<AssignRule, ast::Let>;

BOOST_SPIRIT_DECLARE(ident_type, number_type, expr_type, string_type, param_type, import_type,
                     assign_type)

ident_type const &identRule();
number_type const &numberRule();
expr_type const &exprRule();
string_type const &stringRule();
param_type const &paramRule();
import_type const &importRule();
assign_type const &assignRule();

/// A reserved word that is not a prefix of a longer identifier.
inline auto kw(const char *word) {
  return x3::lexeme[x3::lit(word) >> !(x3::alnum | '_')];
}

} // namespace tessel::dsl::grammar

#endif // TESSEL_DSL_GRAMMAR_EXPR_H
