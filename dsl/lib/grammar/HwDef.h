// Defines the .hw grammar: accelerators, params with domains, nested blocks, attributes.
#ifndef TESSEL_DSL_GRAMMAR_HWDEF_H
#define TESSEL_DSL_GRAMMAR_HWDEF_H

#include "AstAdapted.h"
#include "Expr.h"
#include "Hw.h"

namespace tessel::dsl::grammar {

struct HwFileRule : FailFile {};
struct HwTopRule {};
struct AcceleratorRule : Annotate {};
struct HwItemRule : RecoverStatement {};
struct BlockRule : Annotate {};
struct AttrRule : Annotate {};
struct UnexpectedRule {};
struct HwEndRule {};

namespace hw {
auto const &ident = identRule();
auto const &expr = exprRule();
auto const &string = stringRule();
auto const &param = paramRule();
auto const &import = importRule();

hw_file_type const file = "hw file";
x3::rule<HwTopRule, ast::HwTop> const top = "'accelerator' or 'import'";
x3::rule<AcceleratorRule, ast::Accelerator> const accelerator = "accelerator";
x3::rule<HwItemRule, ast::HwItem> const item = "declaration";
x3::rule<BlockRule, ast::Block> const block = "block";
x3::rule<AttrRule, ast::Attr> const attribute = "attribute";
x3::rule<UnexpectedRule> const unexpected =
    "a declaration such as 'name value;' or 'kind name { ... }'";
x3::rule<HwEndRule> const end = "'accelerator', 'import' or end of file";

auto const file_def = *top > end;
auto const end_def = x3::eoi;
auto const top_def = import | accelerator;
auto const accelerator_def = kw("accelerator") > ident > '{' > *item > '}';
auto const item_def = param | block | attribute | ((!(x3::lit('}') | x3::eoi)) > unexpected);
auto const unexpected_def = x3::eps(false);
auto const block_def = ident >> -ident >> *('[' > expr > ']') >> '{' > *item >
                       '}';
auto const attribute_def = ident >> -(expr % ',') > ';';

} // namespace hw

using namespace hw;
BOOST_SPIRIT_DEFINE(file, top, accelerator, item, unexpected, block, attribute, end)

} // namespace tessel::dsl::grammar

#endif // TESSEL_DSL_GRAMMAR_HWDEF_H
