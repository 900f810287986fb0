// Rendering of command-line argument errors with a caret under the offending column.
#include "tessel/Sweep/Result.h"

namespace tessel::sweep {

std::string formatArgError(const ArgError &e) {
  std::string s = "tessel: error: ";
  if (e.option.empty() && e.arg.empty())
    return s + e.message + "\n" + (e.hint.empty() ? "" : "hint: " + e.hint + "\n");
  if (!e.option.empty())
    s += "--" + e.option + " ";
  s += "'" + e.arg + "'";
  if (e.column)
    s += ": column " + std::to_string(e.column);
  s += ": " + e.message + "\n";
  if (e.column) {
    s += "  " + e.arg + "\n";
    s += "  " + std::string(e.column - 1, ' ') + "^\n";
  }
  if (!e.hint.empty())
    s += "hint: " + e.hint + "\n";
  return s;
}

} // namespace tessel::sweep
