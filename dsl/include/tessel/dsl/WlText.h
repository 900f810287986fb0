// Pieces of .wl source text, for the tools that write .wl files (ONNX import, representative
// workloads): integer lists and keyword arguments of op calls as the parser reads them.
#ifndef TESSEL_DSL_WLTEXT_H
#define TESSEL_DSL_WLTEXT_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tessel::dsl {

/// `[a, b, c]`: a shape or a per-axis argument.
inline std::string wlList(const std::vector<int64_t> &v) {
  std::string r = "[";
  for (size_t i = 0; i < v.size(); ++i)
    r += (i ? ", " : "") + std::to_string(v[i]);
  return r + "]";
}

/// `, key=v` for one value, `, key=[a, b]` for several: a keyword argument of an op call.
inline std::string wlArg(std::string_view key, const std::vector<int64_t> &v) {
  return ", " + std::string(key) + "=" + (v.size() == 1 ? std::to_string(v[0]) : wlList(v));
}

} // namespace tessel::dsl

#endif // TESSEL_DSL_WLTEXT_H
