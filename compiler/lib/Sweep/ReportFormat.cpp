// Text of the HTML report: escaping, locale-independent numbers, shell quoting,
// input hashes.
#include "ReportHtml.h"

#include "tessel/Sweep/ResultsFile.h"
#include "tessel/Sweep/Sha256.h"

#include <charconv>
#include <cmath>

namespace tessel::sweep {

namespace report {

std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      // Control characters other than tab and newline are not allowed in XML
      // text.
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')
        out += ' ';
      else
        out += c;
    }
  }
  return out;
}

std::string num(double v, int digits) {
  if (!std::isfinite(v))
    return "-";
  if (v == 0)
    return "0";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, digits);
  std::string s(buf, ec == std::errc() ? end : buf);
  // "1.5e-05" -> "1.5e-5", "2e+08" -> "2e8".
  if (size_t e = s.find('e'); e != std::string::npos) {
    std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
    bool negative = exponent[0] == '-';
    size_t first = exponent.find_first_not_of("+-0");
    s = mantissa + "e" + (negative ? "-" : "") +
        (first == std::string::npos ? "0" : exponent.substr(first));
  }
  return s;
}

std::string px(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  std::string s(buf, ec == std::errc() ? end : buf);
  while (!s.empty() && s.back() == '0')
    s.pop_back();
  if (!s.empty() && s.back() == '.')
    s.pop_back();
  return s == "-0" || s.empty() ? "0" : s;
}

std::string metricText(Metric m, double si) {
  auto [unit, scale] = displayUnit(m, {si});
  std::string text = num(si / scale);
  return unit.empty() ? text : text + " " + unit;
}

std::string metricHeading(Metric m, const std::vector<double> &values) {
  std::string unit = displayUnit(m, values).first;
  std::string name = metricName(m);
  return unit.empty() || unit == name ? name : name + " [" + unit + "]";
}

} // namespace report

ReportInput reportInput(const std::string &path, std::string_view bytes) {
  return ReportInput{path, bytes.size(), sha256Hex(bytes)};
}

Result<ReportInput> readReportInput(const std::string &path) {
  std::string text;
  if (std::string error = readWholeFile(path, text); !error.empty())
    return error;
  return reportInput(path, text);
}

std::string shellQuote(const std::vector<std::string> &args) {
  std::string out;
  for (const std::string &a : args) {
    if (!out.empty())
      out += ' ';
    bool plain =
        !a.empty() && a.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
                                          "VWXYZ0123456789_-+=/.,:@%") == std::string::npos;
    if (plain) {
      out += a;
      continue;
    }
    out += '\'';
    for (char c : a)
      out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    out += '\'';
  }
  return out;
}

} // namespace tessel::sweep
