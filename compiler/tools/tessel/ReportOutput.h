// `--report FILE` of `tessel sweep` and `tessel pareto`: the HTML report of
// their records.
#ifndef TESSEL_TOOLS_REPORTOUTPUT_H
#define TESSEL_TOOLS_REPORTOUTPUT_H

#include "tessel/Sweep/Report.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace tessel::cli {

/// "tessel COMMAND ARGS...", shell-quoted, for the report's provenance.
std::string commandLine(const std::string &command, int argc, char **argv);

/// The version line of `tessel --version` ("tessel 0.1.0").
std::string toolVersion();

/// Checks, before a long run, that the report can be written at `path` (its directory exists and
/// is writable, and `path` is not a directory); otherwise prints "tessel COMMAND: error: ..." to
/// `err` and returns false.
bool checkReportPath(const std::string &path, const std::string &command, std::ostream &err);

/// Writes the report to `path`, printing its notes ("tessel COMMAND: note: ...", e.g. front
/// points without per-layer results) to `err`; on failure prints "tessel COMMAND: error: ..."
/// to `err` and returns false.
bool writeReportFile(const std::string &path, const std::string &command,
                     const std::vector<const sweep::Record *> &records,
                     const sweep::ReportOptions &options, std::ostream &err);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_REPORTOUTPUT_H
