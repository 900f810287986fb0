// Defines the .wl grammar: workloads, lets, tensors, named ops, einsums, repeat and weight
// blocks.
#ifndef TESSEL_DSL_GRAMMAR_WLDEF_H
#define TESSEL_DSL_GRAMMAR_WLDEF_H

#include "AstAdapted.h"
#include "Expr.h"
#include "Wl.h"

namespace tessel::dsl::grammar {

struct WlFileRule : FailFile {};
struct WlTopRule {};
struct WorkloadRule : Annotate {};
struct WlStmtRule : RecoverStatement {};
struct LetRule : Annotate {};
struct TensorRule : Annotate {};
struct OpStmtRule : Annotate {};
struct OpArgRule : Annotate {};
struct ArgValueRule {};
struct ArgListRule : Annotate {};
struct EinsumRule : Annotate {};
struct AccessRule : Annotate {};
struct IndexRangeRule : Annotate {};
struct RepeatRule : Annotate {};
struct WeightRule : Annotate {};
struct DensityRule : Annotate {};
struct TensorNameRule : Annotate {};
struct WlUnexpectedRule {};
struct WlEndRule {};
struct AssignRule {};
struct ArgKeyRule {};

namespace wl {
auto const &ident = identRule();
auto const &expr = exprRule();
auto const &string = stringRule();
auto const &param = paramRule();
auto const &import = importRule();

wl_file_type const file = "wl file";
x3::rule<WlTopRule, ast::WlTop> const top = "'workload' or 'import'";
x3::rule<WorkloadRule, ast::Workload> const workload = "workload";
x3::rule<WlStmtRule, ast::WlStmt> const stmt = "statement";
x3::rule<LetRule, ast::Let> const let = "let";
x3::rule<TensorRule, ast::TensorDecl> const tensor = "tensor";
x3::rule<OpStmtRule, ast::OpStmt> const opStmt = "operator";
x3::rule<OpArgRule, ast::OpArg> const opArg = "argument";
x3::rule<ArgValueRule, ast::ArgValue> const argValue = "argument value";
x3::rule<ArgKeyRule, ast::Ident> const argKey = "argument name";
x3::rule<ArgListRule, ast::ArgList> const argList = "list";
x3::rule<EinsumRule, ast::Einsum> const einsum = "einsum";
x3::rule<AccessRule, ast::Access> const access = "tensor access 'T[i, j]'";
x3::rule<IndexRangeRule, ast::IndexRange> const indexRange =
    "index range 'i < N'";
x3::rule<RepeatRule, ast::Repeat> const repeat = "repeat";
x3::rule<WeightRule, ast::WeightBlock> const weightBlock = "weight block";
x3::rule<DensityRule, ast::Density> const density = "density";
x3::rule<TensorNameRule, ast::Ident> const tensorName = "tensor name";
x3::rule<AssignRule, std::string> const assign = "'+=' or '='";
x3::rule<WlUnexpectedRule> const unexpected =
    "a statement ('let', 'param', 'tensor', 'repeat', 'weight', 'density', 'x = op(...)' or "
    "'label: Out[...] += ...')";
x3::rule<WlEndRule> const end = "'workload', 'import' or end of file";

auto const file_def = *top > end;
auto const end_def = x3::eoi;
auto const top_def = import | workload;
auto const workload_def = kw("workload") > ident > '{' > *stmt > '}';
auto const stmt_def = let | param | tensor | repeat | weightBlock | density | einsum | opStmt |
                      ((!(x3::lit('}') | x3::eoi)) > unexpected);
auto const unexpected_def = x3::eps(false);
auto const let_def = kw("let") > ident > '=' > expr > ';';
auto const tensor_def =
    kw("tensor") > ident > '[' > (expr % ',') > ']' > ident > ';';
auto const repeat_def = kw("repeat") > expr > '{' > *stmt > '}';
// `weight` is not reserved (a tensor or op may be called weight): the word starts a block
// unless '=' or ':' follows it.
auto const weightBlock_def =
    kw("weight") >> !(x3::lit('=') | ':') > expr > '{' > *stmt > '}';
// `density` is not reserved either: `density = op(...)` and `density: ...` are statements.
auto const density_def = kw("density") >> tensorName > '=' > expr > ';';
// A tensor's name, with the implicit weights' dotted form (`conv1.weight`).
auto const nameSegment = (x3::alpha | '_') >> *(x3::alnum | '_');
auto const tensorName_def = x3::lexeme[x3::raw[nameSegment >> *('.' >> nameSegment)]];
auto const opStmt_def = ident >> '=' > ident > '(' > -(opArg % ',') > ')' >
                        -ident > ';';
auto const argKey_def = ident >> '=' >> !x3::lit('=');
auto const opArg_def = -argKey >> argValue;
auto const argValue_def = argList | expr;
auto const argList_def = '[' > (expr % ',') > ']';
auto const assign_def = x3::string("+=") | x3::string("=");
auto const access_def = ident >> '[' > (expr % ',') > ']';
auto const indexRange_def = ident > '<' > expr;
auto const einsum_def = ident >> ':' > access > assign > (access % '*') >
                        kw("for") > (indexRange % ',') > ';';

} // namespace wl

using namespace wl;
BOOST_SPIRIT_DEFINE(file, top, workload, stmt, unexpected, let, tensor, repeat, weightBlock, density,
                    tensorName, opStmt, opArg, argKey, argValue, argList, assign, access,
                    indexRange, einsum, end)

} // namespace tessel::dsl::grammar

#endif // TESSEL_DSL_GRAMMAR_WLDEF_H
