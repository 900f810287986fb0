// Source positions of the values of a JSON text, by JSON pointer, for located error messages.
#ifndef TESSEL_COST_LIB_JSONPOSITIONS_H
#define TESSEL_COST_LIB_JSONPOSITIONS_H

#include <cstddef>
#include <map>
#include <string>
#include <utility>

namespace tessel::cost {

/// Scans a JSON text the JSON library has already accepted and records where every value
/// starts. Object members are addressed by JSON pointer ("/levels/0/name", with "~0"/"~1"
/// escapes); the key of a member by its pointer plus "#key".
class JsonPositions {
public:
  explicit JsonPositions(const std::string &text);

  /// 1-based line and column of the value at `pointer`, or of its nearest recorded ancestor.
  std::pair<int, int> locate(const std::string &pointer) const;
  /// 1-based line and column of byte `offset` of `text` (clamped to the text).
  static std::pair<int, int> lineColumn(const std::string &text, size_t offset);

  /// Where the token that ends at byte `end` (1-based, as the JSON library reports a parse
  /// error) starts: the opening quote of a string, the first character of a number or literal.
  static size_t tokenStart(const std::string &text, size_t end);

  /// `key` escaped for use as one JSON pointer segment.
  static std::string escape(const std::string &key);

private:
  void skipSpace();
  std::string readString();
  void scanValue(const std::string &pointer);

  const std::string &text;
  size_t pos = 0;
  std::map<std::string, size_t> starts;
};

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_JSONPOSITIONS_H
