// Diagnostic collection, clang-style rendering and "did you mean" suggestions.
#include "tessel/dsl/Diagnostics.h"

#include <algorithm>
#include <cstdint>
#include <ostream>

namespace tessel::dsl {

Diagnostic &DiagnosticEngine::error(SourceRange r, std::string msg,
                                    std::string hint) {
  ++errors;
  diags.push_back({Severity::Error, r, std::move(msg), std::move(hint), {}});
  return diags.back();
}

Diagnostic &DiagnosticEngine::warning(SourceRange r, std::string msg,
                                      std::string hint) {
  diags.push_back({Severity::Warning, r, std::move(msg), std::move(hint), {}});
  return diags.back();
}

static const char *severityName(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  return "error";
}

static const char *severityColor(Severity s) {
  switch (s) {
  case Severity::Error:
    return "\033[1;31m";
  case Severity::Warning:
    return "\033[1;35m";
  case Severity::Note:
    return "\033[1;36m";
  }
  return "";
}

void printDiagnostic(std::ostream &os, const SourceManager &sm,
                     const Diagnostic &d, bool color) {
  const char *bold = color ? "\033[1m" : "";
  const char *reset = color ? "\033[0m" : "";
  if (d.range.valid()) {
    LineCol lc = sm.lineCol(d.range.file, d.range.begin);
    os << bold << sm.name(d.range.file) << ':' << lc.line << ':' << lc.col
       << ": " << reset;
  } else {
    os << bold << "tessel: " << reset;
  }
  os << (color ? severityColor(d.severity) : "") << severityName(d.severity)
     << ": " << reset << bold << d.message << reset << '\n';
  if (d.range.valid()) {
    LineCol lc = sm.lineCol(d.range.file, d.range.begin);
    std::string_view line = sm.lineText(d.range.file, lc.line);
    os << line << '\n';
    std::string marker;
    for (unsigned i = 1; i < lc.col && i - 1 < line.size(); ++i)
      marker += line[i - 1] == '\t' ? '\t' : ' ';
    marker += '^';
    // Underline the rest of the range on this line.
    size_t len = d.range.end > d.range.begin ? d.range.end - d.range.begin : 1;
    size_t avail = line.size() >= lc.col ? line.size() - lc.col + 1 : 1;
    for (size_t i = 1; i < std::min(len, avail); ++i)
      marker += '~';
    os << (color ? "\033[1;32m" : "") << marker << reset << '\n';
  }
  if (!d.hint.empty())
    os << (color ? "\033[1;36m" : "") << "hint: " << reset << d.hint << '\n';
  for (const Diagnostic &n : d.notes)
    printDiagnostic(os, sm, n, color);
}

void printDiagnostics(std::ostream &os, const SourceManager &sm,
                      const DiagnosticEngine &de, bool color) {
  for (const Diagnostic &d : de.all())
    printDiagnostic(os, sm, d, color);
}

/// Optimal-string-alignment distance: edits plus adjacent transpositions.
static size_t editDistance(const std::string &a, const std::string &b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i)
    d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j)
    d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::string closestMatch(const std::string &word,
                         const std::vector<std::string> &candidates) {
  std::string best;
  size_t bestDist = SIZE_MAX;
  for (const std::string &c : candidates) {
    size_t d = editDistance(word, c);
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  size_t limit = std::max<size_t>(1, word.size() / 3);
  return bestDist <= limit && bestDist < word.size() ? best : std::string();
}

std::string didYouMean(const std::string &word,
                       const std::vector<std::string> &candidates,
                       std::string fallback) {
  std::string best = closestMatch(word, candidates);
  return best.empty() ? fallback : "did you mean '" + best + "'?";
}

} // namespace tessel::dsl
