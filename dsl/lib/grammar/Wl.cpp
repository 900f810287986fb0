// Instantiates the .wl grammar once for the common parse context.
#include "WlDef.h"

namespace tessel::dsl::grammar {
using wl::file;
BOOST_SPIRIT_INSTANTIATE(wl_file_type, Iterator, Context)
wl_file_type const &wlFileRule() { return wl::file; }
} // namespace tessel::dsl::grammar
