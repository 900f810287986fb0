// Instantiates the shared expression rules once for the common parse context.
#include "ExprDef.h"

#include <cctype>

namespace tessel::dsl::grammar {

BOOST_SPIRIT_INSTANTIATE(ident_type, Iterator, Context)
BOOST_SPIRIT_INSTANTIATE(number_type, Iterator, Context)
BOOST_SPIRIT_INSTANTIATE(expr_type, Iterator, Context)
BOOST_SPIRIT_INSTANTIATE(string_type, Iterator, Context)
BOOST_SPIRIT_INSTANTIATE(param_type, Iterator, Context)
BOOST_SPIRIT_INSTANTIATE(import_type, Iterator, Context)
BOOST_SPIRIT_INSTANTIATE(assign_type, Iterator, Context)

ident_type const &identRule() { return ident; }
number_type const &numberRule() { return number; }
expr_type const &exprRule() { return expr; }
string_type const &stringRule() { return string; }
param_type const &paramRule() { return param; }
import_type const &importRule() { return import; }
assign_type const &assignRule() { return assign; }

void RecoverStatement::reportExpected(ParseState &st, Iterator where,
                                      Iterator last, const std::string &what) {
  st.failed = true;
  // The failing parser has not skipped whitespace and comments yet: do it here.
  for (;;) {
    while (where != last && std::isspace(static_cast<unsigned char>(*where)))
      ++where;
    if (last - where >= 2 && where[0] == '/' && where[1] == '/') {
      while (where != last && *where != '\n')
        ++where;
      continue;
    }
    break;
  }
  Iterator end = where;
  if (end != last && (std::isalnum(static_cast<unsigned char>(*end)) || *end == '_'))
    while (end != last &&
           (std::isalnum(static_cast<unsigned char>(*end)) || *end == '_'))
      ++end;
  else if (end != last)
    ++end;
  std::string msg = "expected " + what;
  if (where == last)
    msg += std::string(" before ") + st.endName;
  else if (end - where <= 24)
    msg += ", found '" + std::string(where, end) + "'";
  st.diags->error(st.range(where, end), msg);
}

bool RecoverStatement::missingSemicolon(ParseState &st, Iterator where) {
  Iterator p = where;
  bool sawNewline = false;
  while (p != st.begin) {
    char c = p[-1];
    if (c == '\n')
      sawNewline = true;
    else if (!std::isspace(static_cast<unsigned char>(c)))
      break;
    --p;
  }
  if (!sawNewline || p == st.begin)
    return false;
  st.failed = true;
  st.diags->error(st.range(p, p), "expected ';' at end of statement");
  return true;
}

} // namespace tessel::dsl::grammar
