// Canonical value formatting, values in their natural unit for people, and parsing of numbers
// with units in command-line arguments.
#include "tessel/Sweep/Values.h"

#include "tessel/dsl/Diagnostics.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>

namespace tessel::sweep {

double canonicalValue(double v) {
  if (v == 0 || !std::isfinite(v))
    return v == 0 ? 0.0 : v;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return std::strtod(buf, nullptr);
}

std::string formatValue(double v) {
  if (v == 0)
    return "0";
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 9007199254740992.0) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, ec == std::errc() ? end : buf);
}

std::string baseUnitName(const dsl::Dim &dim) {
  if (dim.dimensionless())
    return "";
  for (const std::string &n : dsl::unitNames())
    if (const dsl::UnitInfo *u = dsl::lookupUnit(n); u->scale == 1 && u->dim == dim)
      return n;
  return "";
}

namespace {

struct Scaled {
  const char *unit;
  double scale;
};

std::string withUnit(double v, const Scaled &u) {
  return formatValue(canonicalValue(v / u.scale)) + " " + u.unit;
}

/// The largest unit not above |v| (units in increasing order), else the smallest.
std::string siText(double v, std::initializer_list<Scaled> units) {
  const Scaled *best = units.begin();
  for (const Scaled &u : units)
    if (v == 0 ? u.scale == 1 : std::fabs(v) >= u.scale)
      best = &u;
  return withUnit(v, *best);
}

bool wholeMultiple(double v, double of) { return std::fmod(v, of) == 0; }

/// Sizes: the largest binary unit keeping the number whole, else bytes, else bits.
std::string sizeText(double bits) {
  if (bits == 0 || !wholeMultiple(bits, 8))
    return withUnit(bits, {"bit", 1});
  static const Scaled binary[] = {
      {"B", 8}, {"KiB", 8192.0}, {"MiB", 8192.0 * 1024}, {"GiB", 8192.0 * 1024 * 1024},
      {"TiB", 8192.0 * 1024 * 1024 * 1024}};
  const Scaled *best = &binary[0];
  for (const Scaled &u : binary)
    if (std::fabs(bits) >= u.scale && wholeMultiple(bits, u.scale))
      best = &u;
  return withUnit(bits, *best);
}

} // namespace

std::string formatQuantityText(double v, const dsl::Dim &d) {
  if (!std::isfinite(v))
    return formatValue(v);
  if (d == dsl::dimBits())
    return sizeText(v);
  if (d == dsl::dimBitsPerCycle())
    return v != 0 && wholeMultiple(v, 8) ? withUnit(v, {"B/cycle", 8})
                                         : withUnit(v, {"bit/cycle", 1});
  if (d == dsl::dimBitsPerSecond())
    return v == 0 || !wholeMultiple(v, 8)
               ? withUnit(v, {"bit/s", 1})
               : siText(v, {{"B/s", 8}, {"kB/s", 8e3}, {"MB/s", 8e6}, {"GB/s", 8e9},
                            {"TB/s", 8e12}});
  if (d == dsl::dimFrequency())
    return siText(v, {{"Hz", 1}, {"kHz", 1e3}, {"MHz", 1e6}, {"GHz", 1e9}});
  if (d == dsl::dimTime())
    return siText(v, {{"ns", 1e-9}, {"us", 1e-6}, {"ms", 1e-3}, {"s", 1}});
  if (d == dsl::dimEnergy())
    return siText(v, {{"fJ", 1e-15}, {"pJ", 1e-12}, {"nJ", 1e-9}, {"uJ", 1e-6},
                      {"mJ", 1e-3}, {"J", 1}});
  if (d == dsl::dimEnergy() / dsl::dimBits())
    return siText(v, {{"fJ/bit", 1e-15}, {"pJ/bit", 1e-12}});
  if (d == dsl::dimPower())
    return siText(v, {{"uW", 1e-6}, {"mW", 1e-3}, {"W", 1}});
  if (d == dsl::dimLength())
    return siText(v, {{"nm", 1e-9}, {"um", 1e-6}, {"mm", 1e-3}});
  if (d == dsl::dimArea())
    return siText(v, {{"um2", 1e-12}, {"mm2", 1e-6}});
  if (d == dsl::dimWords())
    return withUnit(v, {"words", 1});
  if (d == dsl::dimWordsPerCycle())
    return withUnit(v, {"words/cycle", 1});
  if (d == dsl::dimCycles())
    return withUnit(v, {"cycles", 1});
  return formatValue(v);
}

std::string formatParamValue(double v, std::string_view baseUnit) {
  if (baseUnit.empty())
    return formatValue(v);
  const dsl::UnitInfo *u = dsl::lookupUnit(baseUnit);
  if (!u || u->scale != 1)
    return formatValue(v);
  return formatQuantityText(v, u->dim);
}

namespace {
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUnitStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool isUnitChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '/'; }
} // namespace

Result<ParsedQuantity, ArgError> parseQuantity(std::string_view text, size_t &pos,
                                               const dsl::Dim *expected) {
  auto fail = [&](size_t at, std::string msg, std::string hint = {}) {
    return ArgError{"", std::string(text), at + 1, std::move(msg), std::move(hint)};
  };
  while (pos < text.size() && text[pos] == ' ')
    ++pos;
  ParsedQuantity q;
  q.begin = pos;
  size_t i = pos;
  if (i < text.size() && (text[i] == '-' || text[i] == '+'))
    ++i;
  size_t digits = 0;
  while (i < text.size() && isDigit(text[i]))
    ++i, ++digits;
  // A '.' belongs to the number only when a digit follows ("64..128" is a range).
  if (i + 1 < text.size() && text[i] == '.' && isDigit(text[i + 1])) {
    ++i;
    while (i < text.size() && isDigit(text[i]))
      ++i, ++digits;
  }
  if (!digits)
    return fail(pos, pos < text.size() ? "expected a number" : "expected a number here",
                "e.g. 4mm2, 2W, 10ms, 64KiB");
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    size_t j = i + 1;
    if (j < text.size() && (text[j] == '-' || text[j] == '+'))
      ++j;
    if (j < text.size() && isDigit(text[j])) {
      while (j < text.size() && isDigit(text[j]))
        ++j;
      i = j;
    }
  }
  std::string number(text.substr(pos, i - pos));
  if (number[0] == '+')
    number.erase(0, 1);
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), q.value);
  if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(q.value))
    return fail(pos, "'" + number + "' is not a representable number");
  size_t u = i;
  while (u < text.size() && text[u] == ' ')
    ++u;
  q.unitBegin = i;
  if (u < text.size() && isUnitStart(text[u])) {
    size_t ue = u;
    while (ue < text.size() && isUnitChar(text[ue]))
      ++ue;
    std::string unit(text.substr(u, ue - u));
    const dsl::UnitInfo *info = dsl::lookupUnit(unit);
    if (!info) {
      std::vector<std::string> candidates;
      if (expected)
        for (const std::string &n : dsl::unitNames())
          if (dsl::lookupUnit(n)->dim == *expected)
            candidates.push_back(n);
      std::string hint = dsl::didYouMean(unit, candidates);
      if (hint.empty())
        hint = dsl::didYouMean(unit, dsl::unitNames(),
                               expected && !expected->dimensionless()
                                   ? "units of " + dsl::describeDim(*expected) + ": " +
                                         dsl::exampleUnits(*expected)
                                   : "units include mm2, W, ms, mJ, KiB, MHz");
      return fail(u, "unknown unit '" + unit + "'", hint);
    }
    q.value *= info->scale;
    q.dim = info->dim;
    q.hasUnit = true;
    q.unitBegin = u;
    i = ue;
  }
  pos = i;
  return q;
}

} // namespace tessel::sweep
