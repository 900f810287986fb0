// Compiler-style diagnostics: severity, location, message, hint; rendered with source line and caret.
#ifndef TESSEL_DSL_DIAGNOSTICS_H
#define TESSEL_DSL_DIAGNOSTICS_H

#include "tessel/dsl/Source.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace tessel::dsl {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceRange range;
  std::string message;
  std::string hint; ///< optional "did you mean ..." style help
  std::vector<Diagnostic> notes;
};

/// Collects diagnostics in the order they were reported.
class DiagnosticEngine {
public:
  Diagnostic &error(SourceRange r, std::string msg, std::string hint = {});
  Diagnostic &warning(SourceRange r, std::string msg, std::string hint = {});
  const std::vector<Diagnostic> &all() const { return diags; }
  unsigned errorCount() const { return errors; }
  bool hasErrors() const { return errors != 0; }

private:
  std::vector<Diagnostic> diags;
  unsigned errors = 0;
};

/// Renders `file:line:col: error: message`, the source line, `^~~~` under the range and a hint.
void printDiagnostic(std::ostream &os, const SourceManager &sm,
                     const Diagnostic &d, bool color = false);
void printDiagnostics(std::ostream &os, const SourceManager &sm,
                      const DiagnosticEngine &de, bool color = false);

/// The closest candidate to `word` by edit distance, or "" when none is close enough.
std::string closestMatch(const std::string &word,
                         const std::vector<std::string> &candidates);

/// The hint for an unknown `word`: "did you mean 'x'?" when a candidate is
/// close enough, otherwise `fallback` (which may list the valid choices, or be
/// empty).
std::string didYouMean(const std::string &word,
                       const std::vector<std::string> &candidates,
                       std::string fallback = {});

} // namespace tessel::dsl

#endif // TESSEL_DSL_DIAGNOSTICS_H
