// Defines the shared grammar: numbers with units, identifiers, calls, + - * /, params, imports.
#ifndef TESSEL_DSL_GRAMMAR_EXPRDEF_H
#define TESSEL_DSL_GRAMMAR_EXPRDEF_H

#include "AstAdapted.h"
#include "Expr.h"
#include "tessel/dsl/Units.h"

namespace tessel::dsl::grammar {

struct IdentRule : Annotate {};
struct NumberRule : Annotate {};
struct ExprRule : Annotate {};
struct StringRule {};
struct MulExprRule : Annotate {};
struct OperandRule {};
struct UnaryRule : Annotate {};
struct CallRule : Annotate {};
struct ParenRule {};
struct AddTailRule : Annotate {};
struct MulTailRule : Annotate {};
struct UnitRule {};
struct ParamRule : Annotate {};
struct DomainRule {};
struct SetDomainRule : Annotate {};
struct RangeDomainRule : Annotate {};
struct ImportRule : Annotate, RecoverStatement {};
struct AssignRule : Annotate, FailFile {};

/// Every unit name the lexer knows (see Units.h for their meaning).
struct UnitSymbols : x3::symbols<std::string> {
  UnitSymbols() {
    for (const std::string &u : unitNames())
      add(u, u);
  }
};

inline const UnitSymbols &unitSymbols() {
  static const UnitSymbols table;
  return table;
}

inline auto const keyword = kw("import") | kw("accelerator") |
                            kw("workload") | kw("param") | kw("let") |
                            kw("tensor") | kw("repeat") | kw("for") |
                            kw("in") | kw("step");

ident_type const ident = "identifier";
number_type const number = "number";
expr_type const expr = "expression";
string_type const string = "string";
x3::rule<MulExprRule, ast::Expr> const mulExpr = "expression";
x3::rule<OperandRule, ast::Operand> const operand = "operand";
x3::rule<UnaryRule, ast::Unary> const unary = "operand";
x3::rule<CallRule, ast::Call> const call = "call";
x3::rule<ParenRule, ast::Expr> const paren = "'('";
x3::rule<AddTailRule, ast::BinaryTail> const addTail = "operator";
x3::rule<MulTailRule, ast::BinaryTail> const mulTail = "operator";
x3::rule<UnitRule, std::string> const unit = "unit";
x3::rule<class MulOperandRule, ast::Operand> const mulOperand = "expression";
param_type const param = "param";
x3::rule<DomainRule, ast::Domain> const domain = "domain ('{a, b}' or 'lo..hi step s')";
x3::rule<SetDomainRule, ast::SetDomain> const setDomain = "set";
x3::rule<RangeDomainRule, ast::RangeDomain> const rangeDomain = "range";
import_type const import = "import";
assign_type const assign = "NAME=VALUE";

auto const ident_def = x3::lexeme[!keyword >> x3::raw[(x3::alpha | '_') >>
                                                     *(x3::alnum | '_')]];
// The lookahead matches the whole unit first: a failed match must not leave a partial
// unit in the attribute (`256 step` is 256, not 256 s followed by "tep").
auto const unit_def =
    x3::lexeme[&(x3::omit[unitSymbols()] >> !(x3::alnum | x3::char_("_/"))) >>
               unitSymbols()];
auto const digits = x3::lexeme[x3::raw[+x3::digit >>
                                       -('.' >> +x3::digit) >>
                                       -(x3::char_("eE") >> -x3::char_("+-") >>
                                         +x3::digit)]];
auto const number_def = digits >> -unit;
auto const string_def = x3::lexeme['"' > *(x3::char_ - '"' - x3::eol) > '"'];
auto const call_def = ident >> '(' >> -(expr % ',') > ')';
auto const paren_def = '(' > expr > ')';
auto const unary_def = x3::char_('-') >> operand;
auto const operand_def = unary | number | call | ident | paren;
auto const mulTail_def = x3::char_("*/") >> operand;
auto const mulExpr_def = operand >> *mulTail;
auto const mulOperand_def = mulExpr;
auto const addTail_def = x3::char_("+-") >> mulOperand;
auto const expr_def = mulOperand >> *addTail;
auto const param_def = kw("param") > ident > '=' > expr > -(kw("in") > domain) > ';';
auto const domain_def = setDomain | rangeDomain;
auto const setDomain_def = '{' > (expr % ',') > '}';
auto const rangeDomain_def = expr >> ".." > expr > -(kw("step") > expr);
auto const import_def = kw("import") > string > ';';
auto const assign_def = x3::eps > ident > '=' > expr;

BOOST_SPIRIT_DEFINE(ident, number, expr, string, mulExpr, operand, unary, call,
                    paren, addTail, mulTail, unit, mulOperand, param, domain, setDomain,
                    rangeDomain, import, assign)

} // namespace tessel::dsl::grammar

#endif // TESSEL_DSL_GRAMMAR_EXPRDEF_H
