// Defines the .hw grammar: accelerators, params with domains, nested blocks, attributes.
#ifndef TESSEL_DSL_GRAMMAR_HWDEF_H
#define TESSEL_DSL_GRAMMAR_HWDEF_H

#include "AstAdapted.h"
#include "Expr.h"
#include "Hw.h"

namespace tessel::dsl::grammar {

struct HwFileRule : FailFile {};
struct HwTopRule {};
struct ImportRule : Annotate, RecoverStatement {};
struct AcceleratorRule : Annotate {};
struct HwItemRule : RecoverStatement {};
struct BlockRule : Annotate {};
struct AttrRule : Annotate {};
struct ParamRule : Annotate {};
struct DomainRule {};
struct SetDomainRule : Annotate {};
struct RangeDomainRule : Annotate {};
struct UnexpectedRule {};
struct HwEndRule {};

namespace hw {
auto const &ident = identRule();
auto const &expr = exprRule();
auto const &string = stringRule();

hw_file_type const file = "hw file";
x3::rule<HwTopRule, ast::HwTop> const top = "'accelerator' or 'import'";
x3::rule<ImportRule, ast::Import> const import = "import";
x3::rule<AcceleratorRule, ast::Accelerator> const accelerator = "accelerator";
x3::rule<HwItemRule, ast::HwItem> const item = "declaration";
x3::rule<BlockRule, ast::Block> const block = "block";
x3::rule<AttrRule, ast::Attr> const attribute = "attribute";
x3::rule<ParamRule, ast::Param> const param = "param";
x3::rule<DomainRule, ast::Domain> const domain = "domain ('{a, b}' or 'lo..hi step s')";
x3::rule<SetDomainRule, ast::SetDomain> const setDomain = "set";
x3::rule<RangeDomainRule, ast::RangeDomain> const rangeDomain = "range";
x3::rule<UnexpectedRule> const unexpected =
    "a declaration such as 'name value;' or 'kind name { ... }'";
x3::rule<HwEndRule> const end = "'accelerator', 'import' or end of file";

auto const file_def = *top > end;
auto const end_def = x3::eoi;
auto const top_def = import | accelerator;
auto const import_def = kw("import") > string > ';';
auto const accelerator_def = kw("accelerator") > ident > '{' > *item > '}';
auto const item_def = param | block | attribute | (!(x3::lit('}') | x3::eoi) > unexpected);
auto const unexpected_def = x3::eps(false);
auto const block_def = ident >> -ident >> *('[' > expr > ']') >> '{' > *item >
                       '}';
auto const attribute_def = ident >> -(expr % ',') > ';';
auto const param_def =
    kw("param") > ident > '=' > expr > -(kw("in") > domain) > ';';
auto const domain_def = setDomain | rangeDomain;
auto const setDomain_def = '{' > (expr % ',') > '}';
auto const rangeDomain_def = expr >> ".." > expr > -(kw("step") > expr);

} // namespace hw

using namespace hw;
BOOST_SPIRIT_DEFINE(file, top, import, accelerator, item, unexpected, block,
                    attribute, param, domain, setDomain, rangeDomain, end)

} // namespace tessel::dsl::grammar

#endif // TESSEL_DSL_GRAMMAR_HWDEF_H
