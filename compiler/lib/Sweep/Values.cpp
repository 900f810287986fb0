// Canonical value formatting and parsing of numbers with units in command-line arguments.
#include "tessel/Sweep/Values.h"

#include "tessel/dsl/Diagnostics.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

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
