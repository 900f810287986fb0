// Unit tests for expression parsing + evaluation: arithmetic, units, integer division, errors.
#include "tessel/dsl/Eval.h"
#include "tessel/dsl/Parser.h"

#include <boost/variant/get.hpp>
#include <catch2/catch.hpp>

using namespace tessel::dsl;

namespace {
/// Evaluates `expr` as the value of `param v = expr;` in a tiny accelerator.
struct Fixture {
  SourceManager sm;
  DiagnosticEngine diags;
  std::optional<Quantity> eval(const std::string &expr, Scope *scope = nullptr) {
    uint32_t id = sm.addBuffer("t.hw", "accelerator a { param v = " + expr + "; }");
    ast::HwFile f;
    if (!parseHw(sm, id, diags, f))
      return std::nullopt;
    const auto &acc = boost::get<ast::Accelerator>(f.items.at(0));
    const auto &p = boost::get<ast::Param>(acc.items.at(0));
    Scope empty;
    return evaluate(p.value, scope ? *scope : empty, diags);
  }
};
} // namespace

TEST_CASE("integer arithmetic with precedence", "[eval]") {
  Fixture f;
  CHECK(f.eval("1 + 2 * 3")->value == 7);
  CHECK(f.eval("(1 + 2) * 3")->value == 9);
  CHECK(f.eval("10 - 2 - 3")->value == 5);
  CHECK(f.eval("-4 + 10")->value == 6);
  CHECK(f.eval("2 * -3")->value == -6);
  CHECK(f.eval("7 / 2")->value == 3); // integer division floors
  CHECK(f.eval("-7 / 2")->value == -4);
  CHECK(f.eval("7 / 2")->integral);
  CHECK_FALSE(f.eval("7.0 / 2")->integral);
  CHECK(f.eval("7.0 / 2")->value == 3.5);
  CHECK(f.eval("min(4, 2, 9)")->value == 2);
  CHECK(f.eval("max(4, 2, 9)")->value == 9);
  CHECK(f.eval("ceildiv(7, 2)")->value == 4);
  CHECK(f.eval("(224 + 2*3 - 7) / 2 + 1")->value == 112);
  CHECK_FALSE(f.diags.hasErrors());
}

TEST_CASE("units combine and scale", "[eval]") {
  Fixture f;
  auto q = f.eval("108KiB");
  CHECK(q->value == 108 * 8192);
  CHECK(q->dim == dimBits());
  q = f.eval("2 * 64KiB + 1KiB");
  CHECK(q->value == 129 * 8192);
  q = f.eval("64bit/cycle");
  CHECK(q->dim == dimBitsPerCycle());
  q = f.eval("12 MHz");
  CHECK(q->value == 12e6);
  q = f.eval("1GB/s / 1GHz");
  CHECK(q->value == 8);
  CHECK(q->dim == dimBits());
  q = f.eval("8KiB / 1KiB");
  CHECK(q->dim.dimensionless());
  CHECK(q->value == 8);
  q = f.eval("7pJ/bit * 64bit");
  CHECK(q->value == Approx(448e-12));
  CHECK(q->dim == dimEnergy());
  CHECK_FALSE(f.diags.hasErrors());
}

TEST_CASE("evaluation errors are located diagnostics", "[eval]") {
  Fixture f;
  CHECK_FALSE(f.eval("8KiB + 3MHz"));
  CHECK_FALSE(f.eval("1 / 0"));
  CHECK_FALSE(f.eval("rows * 2"));
  CHECK_FALSE(f.eval("sqrt(4)"));
  REQUIRE(f.diags.errorCount() == 4);
  CHECK(f.diags.all()[0].message == "cannot add a frequency to a size");
  CHECK(f.diags.all()[1].message == "division by zero");
  CHECK(f.diags.all()[2].message == "use of undefined name 'rows'");
  CHECK(f.diags.all()[3].message == "unknown function 'sqrt'");
  for (const Diagnostic &d : f.diags.all())
    CHECK(d.range.valid());
}

TEST_CASE("scoped names resolve through parents", "[eval]") {
  Fixture f;
  Scope outer;
  REQUIRE(outer.define("rows", {12, Dim(), true}, {}));
  CHECK_FALSE(outer.define("rows", {1, Dim(), true}, {}));
  Scope inner(&outer);
  REQUIRE(inner.define("cols", {14, Dim(), true}, {}));
  CHECK(f.eval("rows * cols", &inner)->value == 168);
  CHECK(inner.names().size() == 2);
}
