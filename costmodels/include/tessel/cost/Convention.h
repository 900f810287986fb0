// Counting conventions: tessel's own rules, or a peer's (Timeloop's) for cross-checking.
#ifndef TESSEL_COST_CONVENTION_H
#define TESSEL_COST_CONVENTION_H

#include <optional>
#include <string>
#include <string_view>

namespace tessel::cost {

/// Which rules the exact models (oracle and analytical) count by; docs/model.md section 11
/// states both precisely.
enum class Convention {
  /// Sliding-window overlap is reused between any two consecutive tiles; each access action
  /// (fill, read, update, read-back) is billed per block on its own.
  Tessel,
  /// Timeloop's nest analysis: overlap is reused on advances of the innermost loop above a
  /// tile, and on another loop's advance only when Timeloop sees the same translation (else the
  /// tile is refilled in full); reads and read-backs are one action billed per block.
  Timeloop,
};

/// "tessel" or "timeloop".
const char *conventionName(Convention convention);

/// The convention called `name` ("tessel", "timeloop"), or nullopt.
std::optional<Convention> parseConvention(std::string_view name);

/// The registered name of the model `model` counting by `convention`: `model` itself for
/// tessel, "model(timeloop)" for timeloop (registered for "analytical" and "oracle").
std::string conventionModelName(const std::string &model, Convention convention);

} // namespace tessel::cost

#endif // TESSEL_COST_CONVENTION_H
