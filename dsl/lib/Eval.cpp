// Expression evaluation: numbers with units, scoped names, + - * / and min/max/ceildiv.
#include "tessel/dsl/Eval.h"

#include <boost/variant/apply_visitor.hpp>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace tessel::dsl {

bool Scope::define(const std::string &name, Quantity v, SourceRange loc) {
  return entries.emplace(name, Entry{v, loc}).second;
}

const Scope::Entry *Scope::lookup(const std::string &name) const {
  auto it = entries.find(name);
  if (it != entries.end())
    return &it->second;
  return parent ? parent->lookup(name) : nullptr;
}

std::vector<std::string> Scope::names() const {
  std::vector<std::string> v = parent ? parent->names() : std::vector<std::string>{};
  for (auto &[n, e] : entries)
    v.push_back(n);
  return v;
}

namespace {

SourceRange join(SourceRange a, SourceRange b) {
  if (!a.valid())
    return b;
  if (!b.valid())
    return a;
  return {a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

SourceRange operandRange(const ast::Operand &o);

struct RangeOf {
  using result_type = SourceRange;
  SourceRange operator()(const ast::Number &n) const { return n.loc; }
  SourceRange operator()(const ast::Ident &n) const { return n.loc; }
  SourceRange operator()(const ast::Unary &n) const { return n.loc; }
  SourceRange operator()(const ast::Expr &n) const { return exprRange(n); }
  SourceRange operator()(const ast::Call &n) const { return n.loc; }
};

SourceRange operandRange(const ast::Operand &o) {
  return boost::apply_visitor(RangeOf(), o);
}

class Evaluator {
public:
  Evaluator(const Scope &scope, DiagnosticEngine &diags)
      : scope(scope), diags(diags) {}

  std::optional<Quantity> expr(const ast::Expr &e) {
    std::optional<Quantity> acc = operand(e.first);
    SourceRange accRange = operandRange(e.first);
    for (const ast::BinaryTail &t : e.rest) {
      std::optional<Quantity> rhs = operand(t.rhs);
      SourceRange rr = operandRange(t.rhs);
      if (!acc || !rhs)
        return std::nullopt;
      acc = binary(t.op, *acc, *rhs, accRange, rr);
      accRange = join(accRange, rr);
    }
    return acc;
  }

  std::optional<Quantity> operand(const ast::Operand &o) {
    if (const auto *n = boost::get<ast::Number>(&o))
      return number(*n);
    if (const auto *id = boost::get<ast::Ident>(&o))
      return name(*id);
    if (const auto *u = boost::get<boost::spirit::x3::forward_ast<ast::Unary>>(&o)) {
      std::optional<Quantity> v = operand(u->get().operand);
      if (v)
        v->value = -v->value;
      return v;
    }
    if (const auto *e = boost::get<boost::spirit::x3::forward_ast<ast::Expr>>(&o))
      return expr(e->get());
    if (const auto *c = boost::get<boost::spirit::x3::forward_ast<ast::Call>>(&o))
      return call(c->get());
    return std::nullopt;
  }

private:
  std::optional<Quantity> number(const ast::Number &n) {
    Quantity q;
    errno = 0;
    char *end = nullptr;
    q.value = std::strtod(n.text.c_str(), &end);
    if (errno == ERANGE || !std::isfinite(q.value)) {
      diags.error(n.loc, "number '" + n.text + "' is out of range");
      return std::nullopt;
    }
    q.integral = n.text.find_first_of(".eE") == std::string::npos &&
                 q.value < 9007199254740992.0;
    if (!n.unit.empty()) {
      const UnitInfo *u = lookupUnit(n.unit);
      if (!u) {
        diags.error(n.loc, "unknown unit '" + n.unit + "'");
        return std::nullopt;
      }
      q.value *= u->scale;
      q.dim = u->dim;
      q.integral = q.integral && u->scale == std::floor(u->scale) &&
                   q.value == std::floor(q.value);
    }
    return q;
  }

  std::optional<Quantity> name(const ast::Ident &id) {
    if (const Scope::Entry *e = scope.lookup(id.name))
      return e->value;
    diags.error(id.loc, "use of undefined name '" + id.name + "'",
                didYouMean(id.name, scope.names()));
    return std::nullopt;
  }

  std::optional<Quantity> call(const ast::Call &c) {
    const std::string &f = c.callee.name;
    std::vector<Quantity> args;
    for (const ast::Expr &a : c.args) {
      std::optional<Quantity> v = expr(a);
      if (!v)
        return std::nullopt;
      args.push_back(*v);
    }
    auto need = [&](size_t n) {
      if (args.size() == n)
        return true;
      diags.error(c.loc, "'" + f + "' takes " + std::to_string(n) +
                             " arguments, got " + std::to_string(args.size()));
      return false;
    };
    if (f == "min" || f == "max") {
      if (args.empty()) {
        diags.error(c.loc, "'" + f + "' needs at least one argument");
        return std::nullopt;
      }
      Quantity r = args[0];
      for (size_t i = 1; i < args.size(); ++i) {
        if (args[i].dim != r.dim) {
          diags.error(exprRange(c.args[i]),
                      "'" + f + "' arguments have different dimensions (" +
                          describeDim(r.dim) + " vs " + describeDim(args[i].dim) + ")");
          return std::nullopt;
        }
        bool take = f == "min" ? args[i].value < r.value : args[i].value > r.value;
        if (take)
          r = args[i];
      }
      return r;
    }
    if (f == "ceildiv") {
      if (!need(2))
        return std::nullopt;
      if (args[1].value == 0) {
        diags.error(exprRange(c.args[1]), "division by zero");
        return std::nullopt;
      }
      Quantity r{std::ceil(args[0].value / args[1].value), args[0].dim / args[1].dim,
                 true};
      return r;
    }
    diags.error(c.callee.loc, "unknown function '" + f + "'",
                didYouMean(f, {"min", "max", "ceildiv"},
                           "functions are min, max and ceildiv"));
    return std::nullopt;
  }

  std::optional<Quantity> binary(char op, Quantity a, Quantity b, SourceRange ar,
                                 SourceRange br) {
    Quantity r;
    switch (op) {
    case '+':
    case '-':
      if (a.dim != b.dim) {
        diags.error(join(ar, br), std::string("cannot ") + (op == '+' ? "add " : "subtract ") +
                                      describeDim(b.dim) + (op == '+' ? " to " : " from ") +
                                      describeDim(a.dim));
        return std::nullopt;
      }
      r.value = op == '+' ? a.value + b.value : a.value - b.value;
      r.dim = a.dim;
      r.integral = a.integral && b.integral;
      return r;
    case '*':
      r.value = a.value * b.value;
      r.dim = a.dim * b.dim;
      r.integral = a.integral && b.integral;
      return r;
    case '/':
      if (b.value == 0) {
        diags.error(br, "division by zero");
        return std::nullopt;
      }
      r.dim = a.dim / b.dim;
      if (a.integral && b.integral) {
        // Integer division rounds toward negative infinity (shape arithmetic).
        r.value = std::floor(a.value / b.value);
        r.integral = true;
      } else {
        r.value = a.value / b.value;
        r.integral = false;
      }
      return r;
    }
    return std::nullopt;
  }

  const Scope &scope;
  DiagnosticEngine &diags;
};

} // namespace

SourceRange exprRange(const ast::Expr &e) {
  SourceRange r = operandRange(e.first);
  for (const ast::BinaryTail &t : e.rest)
    r = join(r, operandRange(t.rhs));
  return join(e.loc, r);
}

std::optional<Quantity> evaluate(const ast::Expr &e, const Scope &scope,
                                 DiagnosticEngine &diags) {
  return Evaluator(scope, diags).expr(e);
}

std::optional<Quantity> evaluateAs(const ast::Expr &e, const Scope &scope,
                                   DiagnosticEngine &diags,
                                   const std::vector<Dim> &allowed,
                                   const std::string &what) {
  std::optional<Quantity> q = evaluate(e, scope, diags);
  if (!q)
    return q;
  for (const Dim &d : allowed)
    if (q->dim == d)
      return q;
  std::string want = describeDim(allowed.front());
  std::string examples = exampleUnits(allowed.front());
  for (size_t i = 1; i < allowed.size(); ++i) {
    want += " or " + describeDim(allowed[i]);
    std::string ex = exampleUnits(allowed[i]);
    if (!ex.empty())
      examples += ", " + ex;
  }
  diags.error(exprRange(e),
              "'" + what + "' must be " + want + ", but '" +
                  formatQuantity(*q) + "' is " + describeDim(q->dim),
              examples.empty() ? "" : "use one of: " + examples);
  return std::nullopt;
}

std::optional<int64_t> evaluateInt(const ast::Expr &e, const Scope &scope,
                                   DiagnosticEngine &diags,
                                   const std::string &what) {
  std::optional<Quantity> q = evaluateAs(e, scope, diags, {Dim()}, what);
  if (!q)
    return std::nullopt;
  if (!q->integral || q->value != std::floor(q->value) ||
      std::fabs(q->value) > 9.0e15) {
    diags.error(exprRange(e), "'" + what + "' must be an integer, got " +
                                  formatQuantity(*q));
    return std::nullopt;
  }
  return static_cast<int64_t>(q->value);
}

} // namespace tessel::dsl
