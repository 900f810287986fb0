// Shared checker helpers: attribute bookkeeping, params with domains, AST queries.
#include "CheckCommon.h"

#include "tessel/dsl/AstDump.h"
#include "tessel/dsl/Parser.h"

#include <boost/variant/get.hpp>

#include <algorithm>
#include <cmath>

namespace tessel::dsl {

bool AttrSet::accept(const ast::Attr &a) {
  const std::string &k = a.key.name;
  if (std::find(known.begin(), known.end(), k) == known.end()) {
    std::string hint = didYouMean(k, known);
    if (hint.empty()) {
      hint = where + " attributes are:";
      for (const std::string &s : known)
        hint += " " + s;
    }
    diags.error(a.key.loc, "unknown " + where + " attribute '" + k + "'", hint);
    return false;
  }
  auto [it, inserted] = seenKeys.emplace(k, a.key.loc);
  if (!inserted) {
    Diagnostic &d = diags.error(a.key.loc, "duplicate attribute '" + k + "'");
    d.notes.push_back({Severity::Note, it->second, "first set here", "", {}});
    return false;
  }
  return true;
}

std::string plainIdent(const ast::Expr &e) {
  if (!e.rest.empty())
    return {};
  if (const auto *id = boost::get<ast::Ident>(&e.first))
    return id->name;
  if (const auto *fe = boost::get<boost::spirit::x3::forward_ast<ast::Expr>>(&e.first))
    return plainIdent(fe->get());
  return {};
}

std::string classOf(const ast::Expr &e, std::string &sub) {
  std::string id = plainIdent(e);
  if (!id.empty() || !e.rest.empty())
    return id;
  if (const auto *fe = boost::get<boost::spirit::x3::forward_ast<ast::Expr>>(&e.first))
    return classOf(fe->get(), sub);
  if (const auto *fc = boost::get<boost::spirit::x3::forward_ast<ast::Call>>(&e.first)) {
    const ast::Call &c = fc->get();
    if (c.args.size() == 1)
      sub = plainIdent(c.args[0]);
    return c.callee.name;
  }
  return {};
}

std::string exprText(const ast::Expr &e) { return exprToString(e); }

bool ParamInfo::inDomain(double v) const {
  if (domainKind == DomainKind::None)
    return true;
  if (domainKind == DomainKind::Range && step <= 0)
    return v >= lo && v <= hi;
  for (double d : domainValues())
    if (std::fabs(d - v) <= 1e-9 * std::max(1.0, std::fabs(d)))
      return true;
  return false;
}

std::string ParamInfo::domainText() const {
  auto text = [&](double x) { return formatQuantity({x, value.dim, true}); };
  switch (domainKind) {
  case DomainKind::None:
    return "";
  case DomainKind::Set: {
    std::string s = "{";
    for (size_t i = 0; i < set.size(); ++i)
      s += (i ? ", " : "") + text(set[i]);
    return s + "}";
  }
  case DomainKind::Range:
    return text(lo) + ".." + text(hi) + (step > 0 ? " step " + text(step) : "");
  }
  return "";
}

namespace {

/// Checks a `--param` value against the declaration of `p`; reports at the value
/// with a note at the declaration. `domainOk` is false when the domain itself had
/// errors (then only the dimension is checked).
bool acceptAssignment(const ParamAssignment &a, const ParamInfo &p, bool domainOk,
                      DiagnosticEngine &diags) {
  auto fail = [&](std::string msg, std::string hint) {
    Diagnostic &d = diags.error(a.valueLoc, std::move(msg), std::move(hint));
    d.notes.push_back(
        {Severity::Note, p.loc, "param '" + p.name + "' is declared here", "", {}});
    return false;
  };
  if (a.value.dim != p.value.dim)
    return fail("param '" + p.name + "' is " + describeDim(p.value.dim) + ", but " +
                    formatQuantity(a.value) + " is " + describeDim(a.value.dim),
                p.value.dim.dimensionless()
                    ? "give a plain number"
                    : "give a unit, e.g. " + exampleUnits(p.value.dim));
  if (p.value.dim.dimensionless() && p.value.integral && !a.value.integral)
    return fail("param '" + p.name + "' takes an integer, got " + formatQuantity(a.value),
                "");
  if (domainOk && !p.inDomain(a.value.value))
    return fail(formatQuantity(a.value) + " is outside the domain " + p.domainText() +
                    " of param '" + p.name + "'",
                "pick a value from the domain, or widen the domain in the file");
  return true;
}

} // namespace

std::optional<ParamAssignment> parseParamAssignment(const SourceManager &sm,
                                                    uint32_t file,
                                                    DiagnosticEngine &diags) {
  ast::Let let;
  if (!parseAssignment(sm, file, diags, let))
    return std::nullopt;
  Scope empty;
  std::optional<Quantity> v = evaluate(let.value, empty, diags);
  if (!v)
    return std::nullopt;
  return ParamAssignment{let.name.name, *v, let.name.loc, exprRange(let.value)};
}

void checkParam(const ast::Param &p, Scope &scope, DiagnosticEngine &diags,
                const ParamInputs &ov, std::vector<ParamInfo> *out) {
  std::optional<Quantity> v = evaluate(p.value, scope, diags);
  if (!v)
    return;
  ParamInfo info;
  info.name = p.name.name;
  info.value = *v;
  info.loc = p.name.loc;
  bool ok = true;
  auto sameDim = [&](const ast::Expr &e, std::optional<Quantity> q) {
    if (!q)
      return ok = false;
    if (q->dim != v->dim) {
      diags.error(exprRange(e), "domain value " + formatQuantity(*q) + " is " +
                                    describeDim(q->dim) + " but the default of '" +
                                    info.name + "' is " + describeDim(v->dim));
      return ok = false;
    }
    return true;
  };
  if (p.domain) {
    if (const auto *set = boost::get<ast::SetDomain>(&*p.domain)) {
      info.domainKind = ParamInfo::DomainKind::Set;
      for (const ast::Expr &e : set->values) {
        std::optional<Quantity> q = evaluate(e, scope, diags);
        if (sameDim(e, q))
          info.set.push_back(q->value);
      }
    } else if (const auto *r = boost::get<ast::RangeDomain>(&*p.domain)) {
      info.domainKind = ParamInfo::DomainKind::Range;
      std::optional<Quantity> lo = evaluate(r->lo, scope, diags);
      std::optional<Quantity> hi = evaluate(r->hi, scope, diags);
      if (sameDim(r->lo, lo) && sameDim(r->hi, hi)) {
        info.lo = lo->value;
        info.hi = hi->value;
        if (info.lo > info.hi) {
          diags.error(r->loc, "empty range: " + formatQuantity(*lo) + " > " +
                                  formatQuantity(*hi));
          ok = false;
        }
      }
      if (r->step) {
        std::optional<Quantity> st = evaluate(*r->step, scope, diags);
        if (sameDim(*r->step, st)) {
          info.step = st->value;
          if (info.step <= 0) {
            diags.error(exprRange(*r->step), "step must be positive");
            ok = false;
          }
        }
      }
    }
    if (ok && !info.inDomain(v->value))
      diags.error(exprRange(p.value),
                  "default " + formatQuantity(*v) + " of param '" + info.name +
                      "' is outside its domain",
                  "pick a default from the domain or widen the domain");
  }
  if (auto it = ov.overrides.find(info.name); it != ov.overrides.end())
    info.value.value = it->second;
  for (const ParamAssignment &a : ov.given)
    if (a.name == info.name && acceptAssignment(a, info, ok, diags))
      info.value = a.value;
  if (!scope.define(info.name, info.value, p.name.loc)) {
    Diagnostic &d = diags.error(p.name.loc, "duplicate name '" + info.name + "'");
    if (const Scope::Entry *e = scope.lookup(info.name))
      d.notes.push_back({Severity::Note, e->loc, "previously defined here", "", {}});
    return;
  }
  if (out)
    out->push_back(std::move(info));
}

} // namespace tessel::dsl
