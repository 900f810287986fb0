// Declares the .wl grammar's top rule.
#ifndef TESSEL_DSL_GRAMMAR_WL_H
#define TESSEL_DSL_GRAMMAR_WL_H

#include "Config.h"

namespace tessel::dsl::grammar {

struct WlFileRule;
using wl_file_type = x3::rule<WlFileRule, std::vector<ast::WlTop>>;
BOOST_SPIRIT_DECLARE(wl_file_type)
wl_file_type const &wlFileRule();

} // namespace tessel::dsl::grammar

#endif // TESSEL_DSL_GRAMMAR_WL_H
