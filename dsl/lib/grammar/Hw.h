// Declares the .hw grammar's top rule.
#ifndef TESSEL_DSL_GRAMMAR_HW_H
#define TESSEL_DSL_GRAMMAR_HW_H

#include "Config.h"

namespace tessel::dsl::grammar {

struct HwFileRule;
using hw_file_type = x3::rule<HwFileRule, std::vector<ast::HwTop>>;
BOOST_SPIRIT_DECLARE(hw_file_type)
hw_file_type const &hwFileRule();

} // namespace tessel::dsl::grammar

#endif // TESSEL_DSL_GRAMMAR_HW_H
