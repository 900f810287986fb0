// Reading results files, atomic rewrites, appends and the join of records by point key.
#include "tessel/Sweep/ResultsFile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

namespace tessel::sweep {

ResultsFileContents parseResultsText(std::string_view text, const std::string &file) {
  ResultsFileContents out;
  size_t lineNo = 0, pos = 0;
  while (pos < text.size()) {
    ++lineNo;
    size_t nl = text.find('\n', pos);
    bool terminated = nl != std::string_view::npos;
    std::string_view line = text.substr(pos, (terminated ? nl : text.size()) - pos);
    pos = terminated ? nl + 1 : text.size();
    if (line.find_first_not_of(" \t\r") == std::string_view::npos)
      continue;
    Result<Record, LineError> r = parseRecordLine(line);
    if (r) {
      out.records.push_back({std::move(*r), file, lineNo});
      continue;
    }
    LineIssue issue{lineNo, r.error().column, r.error().message};
    if (terminated)
      out.corrupt.push_back(std::move(issue));
    else
      out.torn = std::move(issue);
  }
  return out;
}

std::string readWholeFile(const std::string &path, std::string &text) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return path + ": error: cannot read: " + std::strerror(errno);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad())
    return path + ": error: cannot read: " + std::strerror(errno);
  text = std::move(ss).str();
  return "";
}

Result<ResultsFileContents> readResultsFile(const std::string &path) {
  std::string text;
  if (std::string error = readWholeFile(path, text); !error.empty())
    return error;
  return parseResultsText(text, path);
}

std::string formatLineIssue(const std::string &file, const LineIssue &issue,
                            const std::string &severity) {
  std::string s = file + ":" + std::to_string(issue.line);
  if (issue.column)
    s += ":" + std::to_string(issue.column);
  return s + ": " + severity + ": " + issue.message;
}

namespace {

std::string errnoText(const std::string &what, const std::string &path) {
  return "cannot " + what + " '" + path + "': " + std::strerror(errno);
}

/// Writes all of `data`, retrying partial writes and interrupted calls.
bool writeAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

} // namespace

Result<Ok> writeLinesAtomically(const std::string &path, const std::vector<std::string> &lines) {
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return errnoText("create", tmp);
  std::string data;
  for (const std::string &l : lines)
    data += l + "\n";
  bool ok = writeAll(fd, data) && ::fsync(fd) == 0;
  std::string err = ok ? "" : errnoText("write", tmp);
  ::close(fd);
  if (ok && ::rename(tmp.c_str(), path.c_str()) != 0) {
    ok = false;
    err = errnoText("replace", path);
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    return err;
  }
  return Ok{};
}

Result<AppendFile> AppendFile::open(const std::string &path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0)
    return errnoText("open", path);
  return AppendFile(fd, path);
}

AppendFile::AppendFile(AppendFile &&o) noexcept : fd(o.fd), path(std::move(o.path)) { o.fd = -1; }

AppendFile &AppendFile::operator=(AppendFile &&o) noexcept {
  std::swap(fd, o.fd);
  std::swap(path, o.path);
  return *this;
}

AppendFile::~AppendFile() {
  if (fd >= 0)
    ::close(fd);
}

Result<Ok> AppendFile::append(std::string_view line) {
  std::string data(line);
  data += '\n';
  if (!writeAll(fd, data))
    return errnoText("write", path);
  return Ok{};
}

namespace {

/// " (in \"field\": A vs B)" for the first top-level field that differs between two lines.
std::string firstDifference(const std::string &a, const std::string &b) {
  nlohmann::ordered_json ja = nlohmann::ordered_json::parse(a, nullptr, false);
  nlohmann::ordered_json jb = nlohmann::ordered_json::parse(b, nullptr, false);
  if (!ja.is_object() || !jb.is_object())
    return "";
  for (auto it = ja.begin(); it != ja.end(); ++it) {
    auto other = jb.find(it.key());
    std::string va = it.value().dump(), vb = other == jb.end() ? "nothing" : other->dump();
    if (va != vb)
      return " (\"" + it.key() + "\": " + va + " vs " + vb + ")";
  }
  for (auto it = jb.begin(); it != jb.end(); ++it)
    if (!ja.contains(it.key()))
      return " (\"" + it.key() + "\": nothing vs " + it.value().dump() + ")";
  return "";
}

} // namespace

Result<std::vector<SourcedRecord>> uniqueByKey(std::vector<SourcedRecord> records) {
  // Compare records without their point index, and without their param units when one of
  // them has none (a file written before units were recorded).
  auto body = [](const Record &r, bool units) {
    Record copy = r;
    copy.point = 0;
    if (!units)
      copy.paramUnits.clear();
    return recordToJsonLine(copy);
  };
  std::map<std::string, size_t> firstOf;
  std::vector<SourcedRecord> out;
  for (SourcedRecord &s : records) {
    auto [it, fresh] = firstOf.emplace(s.record.key, out.size());
    if (fresh) {
      out.push_back(std::move(s));
      continue;
    }
    SourcedRecord &kept = out[it->second];
    bool units = !kept.record.paramUnits.empty() && !s.record.paramUnits.empty();
    std::string a = body(kept.record, units), b = body(s.record, units);
    if (a != b)
      return s.file + ":" + std::to_string(s.line) + ": error: conflicting results for point '" +
             s.record.key + "': this record differs from " + kept.file + ":" +
             std::to_string(kept.line) + firstDifference(a, b);
    ParamUnits known =
        kept.record.paramUnits.empty() ? s.record.paramUnits : kept.record.paramUnits;
    if (s.record.point < kept.record.point)
      kept = std::move(s);
    kept.record.paramUnits = std::move(known);
  }
  std::sort(out.begin(), out.end(), [](const SourcedRecord &a, const SourcedRecord &b) {
    return a.record.point != b.record.point ? a.record.point < b.record.point
                                            : a.record.key < b.record.key;
  });
  return out;
}

Result<std::vector<SourcedRecord>> mergeResultFiles(const std::vector<std::string> &paths,
                                                    std::ostream &warnings) {
  std::vector<SourcedRecord> all;
  for (const std::string &path : paths) {
    Result<ResultsFileContents> c = readResultsFile(path);
    if (!c)
      return c.error();
    if (!c->corrupt.empty()) {
      std::string msg;
      for (const LineIssue &i : c->corrupt)
        msg += (msg.empty() ? "" : "\n") + formatLineIssue(path, i, "error");
      return msg;
    }
    if (c->torn)
      warnings << formatLineIssue(path, *c->torn, "warning")
               << " (an incomplete last line, skipped: the sweep writing it was interrupted or "
                  "is still running)\n";
    for (SourcedRecord &r : c->records)
      all.push_back(std::move(r));
  }
  return uniqueByKey(std::move(all));
}

} // namespace tessel::sweep
