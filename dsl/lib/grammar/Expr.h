// Declares the expression, identifier and literal rules shared by the .hw and .wl grammars.
#ifndef TESSEL_DSL_GRAMMAR_EXPR_H
#define TESSEL_DSL_GRAMMAR_EXPR_H

#include "Config.h"

namespace tessel::dsl::grammar {

struct IdentRule;
struct NumberRule;
struct ExprRule;
struct StringRule;

using ident_type = x3::rule<IdentRule, ast::Ident>;
using number_type = x3::rule<NumberRule, ast::Number>;
using expr_type = x3::rule<ExprRule, ast::Expr>;
using string_type = x3::rule<StringRule, std::string>;

BOOST_SPIRIT_DECLARE(ident_type, number_type, expr_type, string_type)

ident_type const &identRule();
number_type const &numberRule();
expr_type const &exprRule();
string_type const &stringRule();

/// A reserved word that is not a prefix of a longer identifier.
inline auto kw(const char *word) {
  return x3::lexeme[x3::lit(word) >> !(x3::alnum | '_')];
}

} // namespace tessel::dsl::grammar

#endif // TESSEL_DSL_GRAMMAR_EXPR_H
