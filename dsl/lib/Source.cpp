// Source buffer bookkeeping: loading files and mapping offsets to lines and columns.
#include "tessel/dsl/Source.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace tessel::dsl {

uint32_t SourceManager::addBuffer(std::string name, std::string text) {
  Buffer b;
  b.name = std::move(name);
  b.text = std::move(text);
  b.lineStarts.push_back(0);
  for (uint32_t i = 0; i < b.text.size(); ++i)
    if (b.text[i] == '\n')
      b.lineStarts.push_back(i + 1);
  buffers.push_back(std::move(b));
  return static_cast<uint32_t>(buffers.size());
}

std::optional<uint32_t> SourceManager::addFile(const std::string &path,
                                               std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open file '" + path + "'";
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = "cannot read file '" + path + "'";
    return std::nullopt;
  }
  return addBuffer(path, ss.str());
}

std::string_view SourceManager::text(uint32_t file) const {
  return buffer(file).text;
}

const std::string &SourceManager::name(uint32_t file) const {
  return buffer(file).name;
}

LineCol SourceManager::lineCol(uint32_t file, uint32_t offset) const {
  const Buffer &b = buffer(file);
  auto it = std::upper_bound(b.lineStarts.begin(), b.lineStarts.end(), offset);
  unsigned line = static_cast<unsigned>(it - b.lineStarts.begin());
  return {line, offset - b.lineStarts[line - 1] + 1};
}

std::string_view SourceManager::lineText(uint32_t file, unsigned line) const {
  const Buffer &b = buffer(file);
  if (line == 0 || line > b.lineStarts.size())
    return {};
  uint32_t start = b.lineStarts[line - 1];
  uint32_t end = line < b.lineStarts.size() ? b.lineStarts[line] - 1
                                            : static_cast<uint32_t>(b.text.size());
  std::string_view sv(b.text);
  sv = sv.substr(start, end - start);
  if (!sv.empty() && sv.back() == '\r')
    sv.remove_suffix(1);
  return sv;
}

} // namespace tessel::dsl
