// Shared checker helpers: attribute bookkeeping, params with domains, AST queries.
#include "CheckCommon.h"

#include "tessel/dsl/AstDump.h"

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

void checkParam(const ast::Param &p, Scope &scope, DiagnosticEngine &diags,
                const ParamOverrides &ov, std::vector<ParamInfo> *out) {
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
    if (ok) {
      std::vector<double> dom = info.domainValues();
      bool inside = false;
      if (info.domainKind == ParamInfo::DomainKind::Range && info.step <= 0)
        inside = v->value >= info.lo && v->value <= info.hi;
      else
        for (double d : dom)
          inside |= std::fabs(d - v->value) <= 1e-9 * std::max(1.0, std::fabs(d));
      if (!inside)
        diags.error(exprRange(p.value),
                    "default " + formatQuantity(*v) + " of param '" + info.name +
                        "' is outside its domain",
                    "pick a default from the domain or widen the domain");
    }
  }
  if (auto it = ov.find(info.name); it != ov.end())
    info.value.value = it->second;
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
