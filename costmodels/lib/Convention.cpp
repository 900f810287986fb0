// Names of the counting conventions.
#include "tessel/cost/Convention.h"

namespace tessel::cost {

const char *conventionName(Convention convention) {
  return convention == Convention::Timeloop ? "timeloop" : "tessel";
}

std::optional<Convention> parseConvention(std::string_view name) {
  if (name == "tessel")
    return Convention::Tessel;
  if (name == "timeloop")
    return Convention::Timeloop;
  return std::nullopt;
}

std::string conventionModelName(const std::string &model, Convention convention) {
  if (convention == Convention::Tessel)
    return model;
  return model + "(" + conventionName(convention) + ")";
}

} // namespace tessel::cost
