// Writing the --report file of `tessel sweep` and `tessel pareto`.
#include "ReportOutput.h"

#include <unistd.h>

#include <filesystem>
#include <ostream>

namespace tessel::cli {

std::string commandLine(const std::string &command, int argc, char **argv) {
  std::vector<std::string> args = {"tessel", command};
  for (int i = 0; i < argc; ++i)
    args.push_back(argv[i]);
  return sweep::shellQuote(args);
}

std::string toolVersion() { return "tessel " TESSEL_VERSION; }

bool checkReportPath(const std::string &path, const std::string &command, std::ostream &err) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty())
    dir = ".";
  std::error_code ec;
  std::string why;
  if (fs::is_directory(path, ec))
    why = "it is a directory";
  else if (!fs::is_directory(dir, ec))
    why = "directory '" + dir.string() + "' does not exist";
  else if (access(dir.c_str(), W_OK) != 0)
    why = "directory '" + dir.string() + "' is not writable";
  if (why.empty())
    return true;
  err << "tessel " << command << ": error: --report '" << path << "': " << why << "\n";
  return false;
}

bool writeReportFile(const std::string &path, const std::string &command,
                     const std::vector<const sweep::Record *> &records,
                     const sweep::ReportOptions &options, std::ostream &err) {
  auto page = sweep::writeReport(path, records, options);
  if (!page) {
    err << "tessel " << command << ": error: cannot write the report '" << path
        << "': " << page.error() << "\n";
    return false;
  }
  for (const std::string &note : page->notes)
    err << "tessel " << command << ": note: " << path << ": " << note << "\n";
  return true;
}

} // namespace tessel::cli
