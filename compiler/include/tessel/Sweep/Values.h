// Canonical number formatting (point keys, records) and numbers with units in command-line text.
#ifndef TESSEL_SWEEP_VALUES_H
#define TESSEL_SWEEP_VALUES_H

#include "tessel/Sweep/Result.h"
#include "tessel/dsl/Units.h"

#include <string>
#include <string_view>

namespace tessel::sweep {

/// Rounds to 15 significant digits, so that a value reached by stepping a range (0.1 + 0.2)
/// equals the same value typed by hand (0.3); maps -0 to 0.
double canonicalValue(double v);

/// The canonical text of a value: integers (|v| < 2^53) as plain digits ("884736"), other
/// values as the shortest text that reads back to the same double ("0.3", "1.5e-12").
std::string formatValue(double v);

/// A number with an optional unit, as parsed from command-line text.
struct ParsedQuantity {
  double value = 0; ///< in base units (bits, Hz, s, J, m2, W ...)
  dsl::Dim dim;     ///< Dim::none() for a plain number
  bool hasUnit = false;
  size_t begin = 0;     ///< offset of the number in the text
  size_t unitBegin = 0; ///< offset of the unit (== end of the number when there is none)
};

/// Parses a number with an optional unit ("64KiB", "2 W", "1.5e-3", "200MHz") at text[pos],
/// skipping leading blanks, and advances `pos` past it. The unit may be followed by "..",
/// ":" or "," (it is made of letters, digits and '/'). Errors carry 1-based columns of `text`
/// (option and arg are left for the caller to fill). `expected`, when given, is the dimension
/// the caller wants: "did you mean" hints for unknown units then prefer units of it.
Result<ParsedQuantity, ArgError> parseQuantity(std::string_view text, size_t &pos,
                                               const dsl::Dim *expected = nullptr);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_VALUES_H
