// Source buffers and ranges: every AST node and diagnostic points into a SourceManager.
#ifndef TESSEL_DSL_SOURCE_H
#define TESSEL_DSL_SOURCE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessel::dsl {

/// A half-open byte range [begin, end) in one source buffer.
struct SourceRange {
  uint32_t file = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  bool valid() const { return file != 0; }
};

/// A 1-based line and column.
struct LineCol {
  unsigned line = 0;
  unsigned col = 0;
};

/// Owns the text of every loaded file. File ids start at 1; 0 means "no location".
class SourceManager {
public:
  /// Adds a buffer and returns its id.
  uint32_t addBuffer(std::string name, std::string text);
  /// Reads a file from disk; returns std::nullopt (and sets `error`) when it cannot be read.
  std::optional<uint32_t> addFile(const std::string &path, std::string &error);

  std::string_view text(uint32_t file) const;
  const std::string &name(uint32_t file) const;
  LineCol lineCol(uint32_t file, uint32_t offset) const;
  /// The text of the (1-based) line, without its newline.
  std::string_view lineText(uint32_t file, unsigned line) const;
  size_t numFiles() const { return buffers.size(); }

private:
  struct Buffer {
    std::string name;
    std::string text;
    std::vector<uint32_t> lineStarts;
  };
  std::vector<Buffer> buffers;
  const Buffer &buffer(uint32_t file) const { return buffers.at(file - 1); }
};

} // namespace tessel::dsl

#endif // TESSEL_DSL_SOURCE_H
