// Instantiates the .hw grammar once for the common parse context.
#include "HwDef.h"

namespace tessel::dsl::grammar {
using hw::file;
BOOST_SPIRIT_INSTANTIATE(hw_file_type, Iterator, Context)
hw_file_type const &hwFileRule() { return hw::file; }
} // namespace tessel::dsl::grammar
