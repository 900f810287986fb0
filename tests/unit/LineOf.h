// Test support: the line of a source file that holds some text, so that tests of located
// diagnostics on shipped files (hwspecs/, examples/) do not hard-code line numbers.
#ifndef TESSEL_TESTS_UNIT_LINEOF_H
#define TESSEL_TESTS_UNIT_LINEOF_H

#include <fstream>
#include <string>

namespace tessel::testing {

/// 1-based number of the first line of `file` containing `text` (0 when none).
inline int lineContaining(const std::string &file, const std::string &text) {
  std::ifstream in(file);
  int n = 0;
  for (std::string line; std::getline(in, line);)
    if (++n, line.find(text) != std::string::npos)
      return n;
  return 0;
}

} // namespace tessel::testing

#endif // TESSEL_TESTS_UNIT_LINEOF_H
