//===- HwParamExprs.cpp - parameter expressions of .hw fields -------------===//
// Walks the accelerator's AST (compiled with exceptions, like the DSL) and converts the
// expressions of sizes and array dimensions into ParamExpr trees.
//===----------------------------------------------------------------------===//
#include "HwParamExprs.h"

#include "tessel/dsl/Parser.h"
#include "tessel/dsl/Units.h"

#include <cstdlib>
#include <optional>
#include <set>

namespace tessel::importer {

bool ParamExpr::usesParams() const {
  if (kind == Kind::Param)
    return true;
  for (const ParamExpr &a : args)
    if (a.usesParams())
      return true;
  return false;
}

namespace {

class Converter : public boost::static_visitor<std::optional<ParamExpr>> {
public:
  explicit Converter(const std::set<std::string> &params) : params(params) {}

  std::optional<ParamExpr> operator()(const dsl::ast::Number &n) const {
    ParamExpr e;
    e.value = std::strtod(n.text.c_str(), nullptr);
    if (!n.unit.empty()) {
      const dsl::UnitInfo *u = dsl::lookupUnit(n.unit);
      if (!u)
        return std::nullopt;
      e.value *= u->scale;
    }
    return e;
  }
  std::optional<ParamExpr> operator()(const dsl::ast::Ident &id) const {
    if (!params.count(id.name))
      return std::nullopt;
    ParamExpr e;
    e.kind = ParamExpr::Kind::Param;
    e.name = id.name;
    return e;
  }
  std::optional<ParamExpr> operator()(const dsl::ast::Unary &u) const {
    std::optional<ParamExpr> x = boost::apply_visitor(*this, u.operand);
    if (!x || u.op != '-')
      return x;
    ParamExpr e;
    e.kind = ParamExpr::Kind::Neg;
    e.args.push_back(*x);
    return e;
  }
  std::optional<ParamExpr> operator()(const dsl::ast::Call &) const { return std::nullopt; }
  std::optional<ParamExpr> operator()(const dsl::ast::Expr &x) const {
    std::optional<ParamExpr> lhs = boost::apply_visitor(*this, x.first);
    for (const dsl::ast::BinaryTail &t : x.rest) {
      std::optional<ParamExpr> rhs = boost::apply_visitor(*this, t.rhs);
      if (!lhs || !rhs)
        return std::nullopt;
      ParamExpr e;
      e.kind = t.op == '+'   ? ParamExpr::Kind::Add
               : t.op == '-' ? ParamExpr::Kind::Sub
               : t.op == '*' ? ParamExpr::Kind::Mul
                             : ParamExpr::Kind::Div;
      e.args = {*lhs, *rhs};
      lhs = e;
    }
    return lhs;
  }
  template <typename T>
  std::optional<ParamExpr> operator()(const boost::spirit::x3::forward_ast<T> &f) const {
    return (*this)(f.get());
  }

private:
  const std::set<std::string> &params;
};

void record(std::map<std::string, ParamExpr> &out, const std::string &key,
            const dsl::ast::Expr &expr, const Converter &conv) {
  std::optional<ParamExpr> e = conv(expr);
  if (e && e->usesParams())
    out[key] = *e;
}

void walkItems(const std::vector<dsl::ast::HwItem> &items, const Converter &conv,
               std::map<std::string, ParamExpr> &out) {
  for (const dsl::ast::HwItem &item : items) {
    const auto *fwd = boost::get<boost::spirit::x3::forward_ast<dsl::ast::Block>>(&item);
    if (!fwd)
      continue;
    const dsl::ast::Block &b = fwd->get();
    std::string name = b.name ? b.name->name : b.kind.name;
    if (b.kind.name == "array" && b.dims.size() == 2) {
      record(out, name + ".y", b.dims[0], conv);
      record(out, name + ".x", b.dims[1], conv);
    } else if (b.kind.name == "array" && b.dims.size() == 1) {
      record(out, name + ".x", b.dims[0], conv);
    }
    if (b.kind.name == "memory")
      for (const dsl::ast::HwItem &sub : b.items) {
        const auto *a = boost::get<dsl::ast::Attr>(&sub);
        if (!a || a->values.size() != 1)
          continue;
        const std::string &k = a->key.name;
        if (k == "bandwidth") {
          record(out, name + ".read_bandwidth", a->values[0], conv);
          record(out, name + ".write_bandwidth", a->values[0], conv);
        } else if (k == "size" || k == "width" || k == "read_bandwidth" || k == "write_bandwidth" ||
                   k == "shared_bandwidth" || k == "read_energy" || k == "write_energy" ||
                   k == "area" || k == "leakage") {
          record(out, name + "." + k, a->values[0], conv);
        }
      }
    walkItems(b.items, conv, out);
  }
}

/// Collects the names of `params` that an expression mentions.
struct ParamNames {
  using result_type = void;
  const std::set<std::string> &params;
  std::set<std::string> &out;
  void operator()(const dsl::ast::Number &) const {}
  void operator()(const dsl::ast::Ident &id) const {
    if (params.count(id.name))
      out.insert(id.name);
  }
  void operator()(const dsl::ast::Unary &u) const { boost::apply_visitor(*this, u.operand); }
  void operator()(const dsl::ast::Call &c) const {
    for (const dsl::ast::Expr &e : c.args)
      (*this)(e);
  }
  void operator()(const dsl::ast::Expr &x) const {
    boost::apply_visitor(*this, x.first);
    for (const dsl::ast::BinaryTail &t : x.rest)
      boost::apply_visitor(*this, t.rhs);
  }
  template <typename T>
  void operator()(const boost::spirit::x3::forward_ast<T> &f) const {
    (*this)(f.get());
  }
};

/// Records the uses of params by the fields of one accelerator.
class UseFinder {
public:
  UseFinder(const std::set<std::string> &params, std::vector<ParamUse> &out)
      : params(params), out(out) {}

  void run(const dsl::ast::Accelerator &acc) {
    for (const dsl::ast::HwItem &item : acc.items)
      if (const auto *p = boost::get<dsl::ast::Param>(&item)) {
        std::set<std::string> &d = deps[p->name.name];
        ParamNames{params, d}(p->value);
        for (const std::string &q : std::set<std::string>(d)) // declared before p
          d.insert(deps[q].begin(), deps[q].end());
        add("param." + p->name.name, "param @" + p->name.name, d);
      } else if (const auto *a = boost::get<dsl::ast::Attr>(&item)) {
        if (a->key.name == "technology" || a->key.name == "clock" || a->key.name == "word")
          attr(a->key.name, "accelerator @" + acc.name.name + " " + a->key.name, *a);
      }
    walk(acc.items, "");
  }

private:
  void add(const std::string &key, const std::string &field, const std::set<std::string> &direct) {
    ParamUse u{key, field, {}};
    for (const std::string &p : direct) {
      u.params.insert(p);
      u.params.insert(deps[p].begin(), deps[p].end());
    }
    if (!u.params.empty())
      out.push_back(std::move(u));
  }
  void expr(const std::string &key, const std::string &field, const dsl::ast::Expr &e) {
    std::set<std::string> direct;
    ParamNames{params, direct}(e);
    add(key, field, direct);
  }
  void attr(const std::string &key, const std::string &field, const dsl::ast::Attr &a) {
    std::set<std::string> direct;
    for (const dsl::ast::Expr &e : a.values)
      ParamNames{params, direct}(e);
    add(key, field, direct);
  }

  /// The blocks in `items`, directly inside array `array` ("" at the top).
  void walk(const std::vector<dsl::ast::HwItem> &items, const std::string &array) {
    for (const dsl::ast::HwItem &item : items) {
      const auto *fwd = boost::get<boost::spirit::x3::forward_ast<dsl::ast::Block>>(&item);
      if (!fwd)
        continue;
      const dsl::ast::Block &b = fwd->get();
      const std::string &kind = b.kind.name;
      std::string name = b.name ? b.name->name : kind;
      if (kind == "array") {
        const char *axes[] = {"y", "x"};
        for (size_t i = 0; i < b.dims.size() && b.dims.size() <= 2; ++i) {
          std::string axis = axes[i + 2 - b.dims.size()];
          expr(name + "." + axis, "array @" + name + " " + axis, b.dims[i]);
        }
        walk(b.items, name);
        continue;
      }
      // A network's fields belong to its array; class, keeps, compress, format are names.
      std::string owner = kind == "network" ? "array @" + array : kind + " @" + name;
      std::string prefix = kind == "network" ? array : name;
      if (kind != "memory" && kind != "compute" && kind != "network")
        continue;
      for (const dsl::ast::HwItem &sub : b.items) {
        const auto *a = boost::get<dsl::ast::Attr>(&sub);
        if (!a)
          continue;
        const std::string &k = a->key.name;
        if (k == "class" || k == "keeps" || k == "compress" || k == "format")
          continue;
        if (k == "bandwidth") {
          attr(prefix + ".read_bandwidth", owner + " read_bandwidth", *a);
          attr(prefix + ".write_bandwidth", owner + " write_bandwidth", *a);
        } else {
          attr(prefix + "." + k, owner + " " + k, *a);
        }
      }
    }
  }

  const std::set<std::string> &params;
  std::vector<ParamUse> &out;
  std::map<std::string, std::set<std::string>> deps; ///< of each param's default
};

/// Calls `fn(accelerator AST, param names)` for accelerator `hw` re-parsed from its file;
/// false when the file cannot be re-parsed or `fn` throws.
template <typename F>
bool withAccelerator(const dsl::SourceManager &sm, const dsl::HwModel &hw, F fn) {
  if (!hw.loc.valid())
    return false;
  try {
    dsl::DiagnosticEngine diags;
    dsl::ast::HwFile file;
    if (!dsl::parseHw(sm, hw.loc.file, diags, file))
      return false;
    std::set<std::string> params;
    for (const dsl::ParamInfo &p : hw.params)
      params.insert(p.name);
    for (const dsl::ast::HwTop &top : file.items)
      if (const auto *acc = boost::get<dsl::ast::Accelerator>(&top))
        if (acc->name.name == hw.name)
          fn(*acc, params);
    return true;
  } catch (...) {
    return false;
  }
}

} // namespace

ParamFields findParamFields(const dsl::SourceManager &sm, const dsl::HwModel &hw) {
  ParamFields out;
  bool ok = withAccelerator(sm, hw, [&](const dsl::ast::Accelerator &acc,
                                        const std::set<std::string> &params) {
    Converter conv(params);
    for (const dsl::ast::HwItem &item : acc.items)
      if (const auto *a = boost::get<dsl::ast::Attr>(&item))
        if ((a->key.name == "technology" || a->key.name == "clock") && a->values.size() == 1)
          record(out.exprs, a->key.name, a->values[0], conv);
    walkItems(acc.items, conv, out.exprs);
    UseFinder(params, out.uses).run(acc);
  });
  if (!ok)
    out = {};
  return out;
}

} // namespace tessel::importer
