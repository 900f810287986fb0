// Results files (JSON lines): reading with torn/corrupt line detection, atomic rewrites, appends
// that reach the kernel before the call returns, and joining records by point key.
#ifndef TESSEL_SWEEP_RESULTSFILE_H
#define TESSEL_SWEEP_RESULTSFILE_H

#include "tessel/Sweep/Record.h"
#include "tessel/Sweep/Result.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessel::sweep {

/// A record and where it was read.
struct SourcedRecord {
  Record record;
  std::string file;
  size_t line = 0;
};

/// A line that is not a record.
struct LineIssue {
  size_t line = 0;
  size_t column = 0; ///< 1-based, 0 when unknown
  std::string message;
};

struct ResultsFileContents {
  std::vector<SourcedRecord> records; ///< in file order
  /// Complete lines (ending in '\n') that are not records. Blank lines are ignored.
  std::vector<LineIssue> corrupt;
  /// The last line when it lacks its '\n' and is not a record: a write cut short by a kill.
  /// (An unterminated last line that is a whole record is kept as a record.)
  std::optional<LineIssue> torn;
};

/// Splits `text` into records and issues; `file` names the records' source.
ResultsFileContents parseResultsText(std::string_view text, const std::string &file);

/// Reads the whole file at `path` into `text`; returns "" or "PATH: error: cannot read: WHY".
std::string readWholeFile(const std::string &path, std::string &text);

/// Reads and parses a results file; an error only when it cannot be read.
Result<ResultsFileContents> readResultsFile(const std::string &path);

/// "FILE:LINE:COL: SEVERITY: MESSAGE" (":COL" left out when unknown).
std::string formatLineIssue(const std::string &file, const LineIssue &issue,
                            const std::string &severity);

/// Replaces `path` with `lines` (each followed by '\n') atomically: writes a temporary file
/// beside it, flushes it to disk, then renames it over `path`. A kill at any moment leaves
/// either the old file or the new one.
Result<Ok> writeLinesAtomically(const std::string &path, const std::vector<std::string> &lines);

/// An open results file to which whole lines are appended (O_APPEND, one write(2) per line,
/// partial writes retried): once append() returns the line survives a kill of the process.
class AppendFile {
public:
  static Result<AppendFile> open(const std::string &path);
  AppendFile(AppendFile &&other) noexcept;
  AppendFile &operator=(AppendFile &&other) noexcept;
  AppendFile(const AppendFile &) = delete;
  AppendFile &operator=(const AppendFile &) = delete;
  ~AppendFile();
  /// Writes `line` + '\n'.
  Result<Ok> append(std::string_view line);

private:
  explicit AppendFile(int fd, std::string path) : fd(fd), path(std::move(path)) {}
  int fd = -1;
  std::string path;
};

/// Joins records by point key: records equal apart from "point" are kept once (the one with
/// the smallest point; "param_units" missing from one of them, as in files written before
/// units were recorded, is no difference: the units of the other are kept); different
/// records for one key are an error naming the key, both places (file:line) and the first
/// field that differs. The result is in canonical order: by point, then key.
Result<std::vector<SourcedRecord>> uniqueByKey(std::vector<SourcedRecord> records);

/// Reads every file and joins their records (uniqueByKey). Corrupt lines are errors (file,
/// line, column); a torn last line is skipped with a warning printed to `warnings`.
Result<std::vector<SourcedRecord>> mergeResultFiles(const std::vector<std::string> &paths,
                                                    std::ostream &warnings);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_RESULTSFILE_H
