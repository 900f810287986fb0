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

/// The base unit of `dim` as records name it in "param_units" ("bit", "words", "Hz", "bit/s",
/// "bit/cycle", "word/cycle", "J", "W", "s", "cycle"): the first unit of dsl's table with
/// scale 1 and this dimension. "" for plain numbers and for dimensions without such a unit
/// (lengths, areas, energies per bit), whose values are then shown as plain numbers.
std::string baseUnitName(const dsl::Dim &dim);

/// A value in base units as people read it, in the natural unit of its dimension (the one
/// place that decides how design-point values look in tables, reports and messages):
///   sizes: whole multiples of 1024 B in the largest binary unit that keeps the number whole
///     ("108 KiB", "1.5 MiB" is never written: 1536 KiB), other multiples of 8 bits in bytes
///     ("24 B"), the rest in bits ("12 bit"); per cycle likewise in "B/cycle" or "bit/cycle";
///   frequencies, times, energies, powers, bandwidths (bytes per second when a whole number of
///     bytes, else bit/s), lengths, areas: the largest SI unit of dsl's table not above the
///     value ("200 MHz", "1.5 ms", "12.8 GB/s", "500 fJ"), the smallest one for tiny values;
///   words, cycles: the count with the unit ("64 words", "3 cycles");
///   plain numbers and other dimensions: formatValue (the base-unit number).
/// The number is the shortest text of the value rounded to 15 digits, so distinct canonical
/// values stay distinct; every text with a unit is valid input for --param.
std::string formatQuantityText(double v, const dsl::Dim &dim);

/// formatQuantityText with the dimension given by a base unit name (as in "param_units");
/// formatValue when `baseUnit` is empty or not a known base unit.
std::string formatParamValue(double v, std::string_view baseUnit);

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
