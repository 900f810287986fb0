// Shared body of the fuzz targets: parse + check one in-memory file and print diagnostics.
#ifndef TESSEL_TESTS_FUZZ_FUZZCOMMON_H
#define TESSEL_TESTS_FUZZ_FUZZCOMMON_H

#include "tessel/dsl/Check.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace tessel::fuzz {

/// Writes the input to a private temporary file (imports resolve next to it, so
/// an `import "fuzz.hw"` exercises cycle detection) and runs the full front end.
inline void checkOne(const char *name, const uint8_t *data, size_t size, bool hw) {
  namespace fs = std::filesystem;
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("tessel-fuzz-" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  fs::path file = dir / name;
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
  }
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  if (hw)
    dsl::checkHwFile(file.string(), sm, diags);
  else
    dsl::checkWlFile(file.string(), sm, diags);
  std::ostringstream sink;
  dsl::printDiagnostics(sink, sm, diags);
}

} // namespace tessel::fuzz

#endif // TESSEL_TESTS_FUZZ_FUZZCOMMON_H
