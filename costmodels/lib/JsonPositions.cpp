// A minimal scanner over valid JSON that records the offset of every value by JSON pointer.
#include "JsonPositions.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace tessel::cost {

JsonPositions::JsonPositions(const std::string &text) : text(text) {
  skipSpace();
  scanValue("");
}

std::string JsonPositions::escape(const std::string &key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

void JsonPositions::skipSpace() {
  while (pos < text.size() &&
         (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
    ++pos;
}

std::string JsonPositions::readString() {
  std::string out;
  ++pos; // opening quote
  while (pos < text.size() && text[pos] != '"') {
    char c = text[pos++];
    if (c != '\\' || pos >= text.size()) {
      out += c;
      continue;
    }
    char e = text[pos++];
    switch (e) {
    case 'n': out += '\n'; break;
    case 't': out += '\t'; break;
    case 'r': out += '\r'; break;
    case 'b': out += '\b'; break;
    case 'f': out += '\f'; break;
    case 'u': // keep \uXXXX verbatim: such keys fall back to their parent's position
      out += "\\u";
      break;
    default: out += e; break;
    }
  }
  ++pos; // closing quote
  return out;
}

void JsonPositions::scanValue(const std::string &pointer) {
  if (pos >= text.size())
    return;
  starts.emplace(pointer, pos);
  char c = text[pos];
  if (c == '{' || c == '[') {
    char close = c == '{' ? '}' : ']';
    ++pos;
    skipSpace();
    for (size_t index = 0; pos < text.size() && text[pos] != close; ++index) {
      size_t before = pos;
      std::string child = pointer + "/" + std::to_string(index);
      if (c == '{') {
        size_t keyStart = pos;
        child = pointer + "/" + escape(readString());
        starts.emplace(child + "#key", keyStart);
        skipSpace();
        ++pos; // ':'
        skipSpace();
      }
      scanValue(child);
      skipSpace();
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        skipSpace();
      } else if (pos == before) {
        break; // not valid JSON: stop rather than spin
      }
    }
    ++pos;
    return;
  }
  if (c == '"') {
    readString();
    return;
  }
  while (pos < text.size() && std::string_view(",]} \t\r\n").find(text[pos]) == std::string::npos)
    ++pos;
}

size_t JsonPositions::tokenStart(const std::string &text, size_t end) {
  if (end == 0 || text.empty())
    return 0;
  size_t last = std::min(end, text.size()) - 1;
  auto word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-';
  };
  if (text[last] == '"') {
    // Back to the opening quote, skipping escaped quotes.
    for (size_t i = last; i-- > 0;)
      if (text[i] == '"' && (i == 0 || text[i - 1] != '\\'))
        return i;
    return last;
  }
  size_t start = last;
  while (start > 0 && word(text[start]) && word(text[start - 1]))
    --start;
  return start;
}

std::pair<int, int> JsonPositions::lineColumn(const std::string &text, size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1;
  size_t lineStart = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  return {line, static_cast<int>(offset - lineStart) + 1};
}

std::pair<int, int> JsonPositions::locate(const std::string &pointer) const {
  std::string p = pointer;
  while (true) {
    auto it = starts.find(p);
    if (it != starts.end())
      return lineColumn(text, it->second);
    if (p.empty())
      return {0, 0};
    size_t hash = p.rfind('#');
    size_t slash = p.rfind('/');
    if (hash != std::string::npos && (slash == std::string::npos || hash > slash))
      p.resize(hash);
    else
      p.resize(slash == std::string::npos ? 0 : slash);
  }
}

} // namespace tessel::cost
