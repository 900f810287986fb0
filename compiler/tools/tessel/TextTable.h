// Plain-text tables whose column widths fit their widest cell (tessel check summaries).
#ifndef TESSEL_TOOLS_TEXTTABLE_H
#define TESSEL_TOOLS_TEXTTABLE_H

#include <iosfwd>
#include <string>
#include <vector>

namespace tessel::cli {

class TextTable {
public:
  /// `rightAligned[i]` right-aligns column i (numbers); missing entries are left-aligned.
  explicit TextTable(std::vector<std::string> header, std::vector<bool> rightAligned = {});
  /// Adds a row; missing trailing cells are empty.
  void add(std::vector<std::string> row);
  /// Prints the header and the rows, each line starting with `indent`, columns
  /// separated by `gap` spaces. A trailing left-aligned column is not padded.
  void print(std::ostream &os, const std::string &indent = "  ", size_t gap = 2) const;

private:
  std::vector<std::vector<std::string>> rows; ///< rows[0] is the header
  std::vector<bool> right;
};

} // namespace tessel::cli

#endif // TESSEL_TOOLS_TEXTTABLE_H
