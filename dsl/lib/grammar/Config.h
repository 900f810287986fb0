// Shared X3 configuration of the .hw/.wl grammars: iterator, skipper, context, handlers.
#ifndef TESSEL_DSL_GRAMMAR_CONFIG_H
#define TESSEL_DSL_GRAMMAR_CONFIG_H

#include "tessel/dsl/Ast.h"
#include "tessel/dsl/Diagnostics.h"

#include <boost/spirit/home/x3.hpp>

#include <type_traits>

namespace tessel::dsl::grammar {

namespace x3 = boost::spirit::x3;

using Iterator = const char *;

/// What the parser needs besides the text: where it starts and where errors go.
struct ParseState {
  Iterator begin = nullptr;
  uint32_t file = 0;
  DiagnosticEngine *diags = nullptr;
  bool failed = false;
  /// How messages name the end of the text ("expected ';' before end of file").
  const char *endName = "end of file";

  SourceRange range(Iterator a, Iterator b) const {
    return {file, static_cast<uint32_t>(a - begin),
            static_cast<uint32_t>(b - begin)};
  }
};

struct StateTag;

// Whitespace, `// line` and `/* block */` comments.
inline auto const skipper = x3::space |
                            (x3::lit("//") >> *(x3::char_ - x3::eol)) |
                            (x3::lit("/*") >> *(x3::char_ - "*/") >> "*/");
using Skipper = std::remove_cv_t<decltype(skipper)>;

using PhraseContext = x3::phrase_parse_context<Skipper>::type;
using Context = x3::context<StateTag, ParseState, PhraseContext>;

/// Records the source range of every Located attribute a rule produces.
struct Annotate {
  template <typename It, typename Attr, typename Ctx>
  void on_success(It const &first, It const &last, Attr &attr,
                  Ctx const &ctx) const {
    if constexpr (std::is_base_of_v<ast::Located, Attr>) {
      ParseState &st = x3::get<StateTag>(ctx);
      attr.loc = st.range(first, last);
    }
  }
};

/// Reports an expectation failure and skips to the end of the statement
/// (past the next `;`, or up to the `}` closing the enclosing block).
struct RecoverStatement {
  template <typename It, typename Exc, typename Ctx>
  x3::error_handler_result on_error(It &first, It const &last, Exc const &x,
                                    Ctx const &ctx) const {
    ParseState &st = x3::get<StateTag>(ctx);
    if (x.which() == "';'" && missingSemicolon(st, x.where())) {
      first = x.where();
      return x3::error_handler_result::accept;
    }
    reportExpected(st, x.where(), last, x.which());
    It p = x.where();
    int depth = 0;
    while (p != last) {
      char c = *p;
      if (c == '/' && p + 1 != last && p[1] == '/') {
        while (p != last && *p != '\n')
          ++p;
        continue;
      }
      if (c == '{')
        ++depth;
      else if (c == '}') {
        if (depth == 0)
          break;
        --depth;
      } else if (c == ';' && depth == 0) {
        ++p;
        break;
      }
      ++p;
    }
    if (p == first) {
      // No progress possible (e.g. at end of input): let the enclosing rule fail,
      // otherwise a repeated statement rule would loop forever.
      if (p == last)
        return x3::error_handler_result::fail;
      ++p;
    }
    first = p;
    return x3::error_handler_result::accept;
  }

  static void reportExpected(ParseState &st, Iterator where, Iterator last,
                             const std::string &what);
  /// When a line ends without `;` and the next token starts a new line, report
  /// the missing `;` after the last token and resume parsing at `where`.
  static bool missingSemicolon(ParseState &st, Iterator where);
};

/// Reports an expectation failure and gives up on the rest of the file.
struct FailFile {
  template <typename It, typename Exc, typename Ctx>
  x3::error_handler_result on_error(It &first, It const &last, Exc const &x,
                                    Ctx const &ctx) const {
    ParseState &st = x3::get<StateTag>(ctx);
    RecoverStatement::reportExpected(st, x.where(), last, x.which());
    first = last;
    return x3::error_handler_result::fail;
  }
};

} // namespace tessel::dsl::grammar

#endif // TESSEL_DSL_GRAMMAR_CONFIG_H
