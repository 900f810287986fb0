// Column-width computation and printing of TextTable.
#include "TextTable.h"

#include <algorithm>
#include <ostream>

namespace tessel::cli {

TextTable::TextTable(std::vector<std::string> header, std::vector<bool> rightAligned)
    : right(std::move(rightAligned)) {
  rows.push_back(std::move(header));
}

void TextTable::add(std::vector<std::string> row) { rows.push_back(std::move(row)); }

void TextTable::print(std::ostream &os, const std::string &indent, size_t gap) const {
  size_t columns = 0;
  for (const auto &r : rows)
    columns = std::max(columns, r.size());
  std::vector<size_t> width(columns, 0);
  for (const auto &r : rows)
    for (size_t c = 0; c < r.size(); ++c)
      width[c] = std::max(width[c], r[c].size());
  for (const auto &r : rows) {
    std::string line = indent;
    for (size_t c = 0; c < columns; ++c) {
      const std::string cell = c < r.size() ? r[c] : "";
      bool alignRight = c < right.size() && right[c];
      bool last = c + 1 == columns;
      std::string pad(width[c] - cell.size(), ' ');
      if (alignRight)
        line += pad + cell;
      else
        line += cell + (last ? "" : pad);
      if (!last)
        line += std::string(gap, ' ');
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    os << line << '\n';
  }
}

} // namespace tessel::cli
