// One validation check (a published or hand-derived value against tessel's) and the table of
// all of them (docs/validation.md).
#ifndef TESSEL_VALIDATION_CHECK_H
#define TESSEL_VALIDATION_CHECK_H

#include <ostream>
#include <string>
#include <vector>

namespace tessel::validation {

/// How close tessel's value must be to the expected one.
struct Tolerance {
  enum Kind {
    /// A closed form: equal up to floating-point rounding (relative 1e-9).
    Exact,
    /// |tessel - expected| <= value * |expected| (measured silicon figures: 0.10).
    Relative,
    /// |tessel - expected| <= value: the rounding of a published figure (half its last digit).
    Absolute,
    /// tessel >= expected: tessel's figure is an upper bound of a measured one.
    AtLeast,
  };
  Kind kind = Exact;
  double value = 0;

  static Tolerance exact() { return {Exact, 0}; }
  static Tolerance relative(double r) { return {Relative, r}; }
  static Tolerance rounding(double halfDigit) { return {Absolute, halfDigit}; }
  static Tolerance atLeast() { return {AtLeast, 0}; }
  std::string describe() const;
};

struct Check {
  Check(std::string group, std::string name, std::string source, double expected, double tessel,
        Tolerance tolerance)
      : group(std::move(group)), name(std::move(name)), source(std::move(source)),
        expected(expected), tessel(tessel), tolerance(tolerance) {}

  /// Section of the table, e.g. "Eyeriss", "TPU v1", "Systolic", "Peak".
  std::string group;
  /// What is compared, e.g. "AlexNet CONV1-5 DRAM accesses/MAC, N=4".
  std::string name;
  /// Where the expected value comes from: a publication with its refdata tag, or "hand".
  std::string source;
  double expected = 0;
  double tessel = 0;
  Tolerance tolerance;
  /// Set when tessel's value could not be computed (the check then fails).
  std::string error;

  bool passes() const;
  /// Signed deviation (tessel - expected) / expected, or 0 when expected is 0.
  double deviation() const;
};

/// A check whose tessel value could not be computed (it fails, showing `error`).
Check failedCheck(std::string group, std::string name, std::string source, double expected,
                  Tolerance tolerance, std::string error);

/// Prints the checks as an aligned text table, one section per group, then a summary line.
void printTable(std::ostream &os, const std::vector<Check> &checks);
/// Prints the same as a Markdown table (docs/validation.md).
void printMarkdown(std::ostream &os, const std::vector<Check> &checks);

/// Compact decimal text of a value: integers with thousands separators, others with up to 6
/// significant digits.
std::string formatValue(double v);

} // namespace tessel::validation

#endif // TESSEL_VALIDATION_CHECK_H
