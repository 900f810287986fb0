// Physical units and dimension checking for DSL quantities (sizes, clocks, bandwidths, energies...).
#ifndef TESSEL_DSL_UNITS_H
#define TESSEL_DSL_UNITS_H

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tessel::dsl {

/// Exponents of the base dimensions: bit, second, joule, metre, cycle, word.
struct Dim {
  enum Base { Bit, Second, Joule, Metre, Cycle, Word, NumBases };
  std::array<int8_t, NumBases> e{};

  static Dim none() { return {}; }
  static Dim of(Base b, int8_t p = 1) {
    Dim d;
    d.e[b] = p;
    return d;
  }
  Dim operator*(const Dim &o) const;
  Dim operator/(const Dim &o) const;
  bool operator==(const Dim &o) const { return e == o.e; }
  bool operator!=(const Dim &o) const { return e != o.e; }
  bool dimensionless() const { return *this == Dim(); }
};

// Named dimensions used by the checkers.
Dim dimBits();
Dim dimWords();
Dim dimFrequency();
Dim dimBitsPerSecond();
Dim dimBitsPerCycle();
Dim dimWordsPerCycle();
Dim dimEnergy();
Dim dimLength();
Dim dimArea();
Dim dimPower();
Dim dimTime();
Dim dimCycles();

/// A value in base units (bits, seconds, joules, metres, cycles, words).
struct Quantity {
  double value = 0;
  Dim dim;
  bool integral = true; ///< exact integer (no fractional literal or division remainder)
};

struct UnitInfo {
  double scale; ///< base units per one of this unit
  Dim dim;
};

/// The unit called `name` (e.g. "KiB", "MHz", "bit/cycle"), or nullptr.
const UnitInfo *lookupUnit(std::string_view name);
/// Every unit name, for the lexer.
const std::vector<std::string> &unitNames();
/// A human description of a dimension: "a size", "a frequency", ...; or its unit formula.
std::string describeDim(const Dim &d);
/// A few example units of a dimension, for hints ("e.g. KiB, bit, words").
std::string exampleUnits(const Dim &d);
/// Prints a quantity with a readable unit, e.g. "108 KiB", "200 MHz", "0.5 pJ".
std::string formatQuantity(const Quantity &q);

} // namespace tessel::dsl

#endif // TESSEL_DSL_UNITS_H
