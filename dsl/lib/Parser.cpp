// The parser API: runs the X3 grammars on a buffer and keeps every exception inside.
#include "tessel/dsl/Parser.h"

#include "grammar/Expr.h"
#include "grammar/Hw.h"
#include "grammar/Wl.h"

#include <exception>

namespace tessel::dsl {

template <typename Rule, typename Attr>
static bool runParser(const Rule &rule, const SourceManager &sm, uint32_t file,
                      DiagnosticEngine &diags, Attr &out, bool whole = false) {
  std::string_view text = sm.text(file);
  grammar::ParseState st;
  st.begin = text.data();
  st.file = file;
  st.diags = &diags;
  if (whole)
    st.endName = "end of the argument";
  grammar::Iterator first = text.data();
  grammar::Iterator last = text.data() + text.size();
  try {
    bool ok = grammar::x3::phrase_parse(
        first, last, grammar::x3::with<grammar::StateTag>(st)[rule],
        grammar::skipper, out);
    if (!ok && !st.failed)
      diags.error(st.range(first, first + (first != last ? 1 : 0)),
                  "syntax error");
    if (ok && !st.failed && whole && first != last) {
      diags.error(st.range(first, last),
                  "unexpected '" + std::string(first, last) + "' after the value");
      return false;
    }
    return ok && !st.failed;
  } catch (const std::exception &e) {
    diags.error({file, 0, 0}, std::string("internal parser error: ") + e.what());
  } catch (...) {
    diags.error({file, 0, 0}, "internal parser error");
  }
  return false;
}

bool parseHw(const SourceManager &sm, uint32_t file, DiagnosticEngine &diags,
             ast::HwFile &out) {
  return runParser(grammar::hwFileRule(), sm, file, diags, out.items);
}

bool parseWl(const SourceManager &sm, uint32_t file, DiagnosticEngine &diags,
             ast::WlFile &out) {
  return runParser(grammar::wlFileRule(), sm, file, diags, out.items);
}

bool parseAssignment(const SourceManager &sm, uint32_t file, DiagnosticEngine &diags,
                     ast::Let &out) {
  return runParser(grammar::assignRule(), sm, file, diags, out, true);
}

} // namespace tessel::dsl
