// CLI-side loading of input files and diagnostic printing.
#include "Frontend.h"

#include <cstdlib>
#include <ostream>
#include <unistd.h>

namespace tessel::cli {

FileKind fileKind(const std::string &path) {
  auto ends = [&](const char *ext) {
    std::string e(ext);
    return path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".hw"))
    return FileKind::Hw;
  if (ends(".wl"))
    return FileKind::Wl;
  return FileKind::Unknown;
}

bool useColor() {
  return isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

bool loadInputs(const std::vector<std::string> &files, LoadedInputs &in, std::ostream &err,
                const dsl::ParamOverrides &ov, const dsl::ParamAssignments &given) {
  bool ok = true;
  for (const std::string &f : files) {
    switch (fileKind(f)) {
    case FileKind::Hw: {
      auto models = dsl::checkHwFile(f, in.sm, in.diags, ov, given);
      in.hw.insert(in.hw.end(), models.begin(), models.end());
      break;
    }
    case FileKind::Wl: {
      auto models = dsl::checkWlFile(f, in.sm, in.diags, ov, given);
      in.wl.insert(in.wl.end(), models.begin(), models.end());
      break;
    }
    case FileKind::Unknown:
      err << "tessel: error: '" << f << "' is neither a .hw nor a .wl file\n";
      ok = false;
      break;
    }
  }
  return reportDiagnostics(err, in.sm, in.diags) && ok;
}

bool reportDiagnostics(std::ostream &err, const dsl::SourceManager &sm,
                       const dsl::DiagnosticEngine &diags) {
  dsl::printDiagnostics(err, sm, diags, useColor());
  if (diags.errorCount())
    err << diags.errorCount() << (diags.errorCount() == 1 ? " error" : " errors")
        << " generated.\n";
  return !diags.hasErrors();
}

} // namespace tessel::cli
