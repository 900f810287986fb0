// Semantic checks of .wl files: names, shapes through named operators, einsum index algebra.
#include "CheckCommon.h"
#include "OpShapes.h"

#include <boost/variant/get.hpp>

#include <cmath>
#include <map>
#include <set>

namespace tessel::dsl {

namespace {

using boost::spirit::x3::forward_ast;

class WlChecker {
public:
  WlChecker(DiagnosticEngine &diags, const ParamInputs &ov, Scope &fileScope)
      : diags(diags), ov(ov) {
    scopes.push_back(&fileScope);
  }

  WlModel run(const ast::Workload &w, const std::string &file) {
    m.name = w.name.name;
    m.file = file;
    m.loc = w.name.loc;
    body(w.body, 1);
    if (m.ops.empty() && !diags.hasErrors())
      diags.warning(w.name.loc, "workload '" + m.name + "' has no operators");
    return m;
  }

private:
  Scope &scope() { return *scopes.back(); }

  void body(const std::vector<ast::WlStmt> &stmts, int64_t count) {
    for (const ast::WlStmt &s : stmts) {
      if (const auto *l = boost::get<ast::Let>(&s))
        let(*l);
      else if (const auto *p = boost::get<ast::Param>(&s))
        checkParam(*p, scope(), diags, ov, &m.params);
      else if (const auto *t = boost::get<ast::TensorDecl>(&s))
        tensorDecl(*t);
      else if (const auto *o = boost::get<ast::OpStmt>(&s))
        opStmt(*o, count);
      else if (const auto *e = boost::get<ast::Einsum>(&s))
        einsum(*e, count);
      else if (const auto *d = boost::get<ast::Density>(&s))
        density(*d);
      else if (const auto *r = boost::get<forward_ast<ast::Repeat>>(&s))
        repeat(r->get(), count);
      else if (const auto *w = boost::get<forward_ast<ast::WeightBlock>>(&s))
        weightBlock(w->get(), count);
    }
  }

  void let(const ast::Let &l) {
    std::optional<Quantity> v = evaluate(l.value, scope(), diags);
    if (!v)
      return;
    if (!scope().define(l.name.name, *v, l.name.loc) || tensors.count(l.name.name))
      duplicate(l.name);
  }

  void duplicate(const ast::Ident &id) {
    Diagnostic &d = diags.error(id.loc, "duplicate name '" + id.name + "'");
    SourceRange prev;
    if (const Scope::Entry *e = scope().lookup(id.name))
      prev = e->loc;
    else if (auto it = tensors.find(id.name); it != tensors.end())
      prev = m.tensors[it->second].loc;
    if (prev.valid())
      d.notes.push_back({Severity::Note, prev, "previously defined here", "", {}});
  }

  bool freshName(const ast::Ident &id) {
    if (tensors.count(id.name) || scope().lookup(id.name)) {
      duplicate(id);
      return false;
    }
    return true;
  }

  std::optional<DType> dtype(const ast::Ident &id) {
    std::optional<DType> t = parseDType(id.name);
    if (!t) {
      diags.error(
          id.loc, "unknown data type '" + id.name + "'",
          didYouMean(
              id.name, dtypeNames(),
              "types are int4, int8, int16, int32, fp8, fp16, bf16, fp32"));
    }
    return t;
  }

  void tensorDecl(const ast::TensorDecl &t) {
    TensorInfo info;
    info.name = t.name.name;
    info.loc = t.name.loc;
    info.kind = TensorInfo::Kind::Input;
    bool ok = true;
    for (const ast::Expr &e : t.shape) {
      std::optional<int64_t> v = evaluateInt(e, scope(), diags, "tensor dimension");
      if (!v) {
        ok = false;
        continue;
      }
      if (*v <= 0) {
        diags.error(exprRange(e), "tensor dimension must be positive, got " +
                                      std::to_string(*v));
        ok = false;
      }
      info.shape.push_back(*v);
    }
    std::optional<DType> dt = dtype(t.dtype);
    if (!dt || !ok || !freshName(t.name))
      return;
    info.dtype = *dt;
    addTensor(std::move(info));
  }

  void addTensor(TensorInfo t) {
    t.count = copies;
    tensors[t.name] = m.tensors.size();
    m.tensors.push_back(std::move(t));
  }

  const TensorInfo *lookupTensor(const ast::Ident &id) {
    if (auto it = tensors.find(id.name); it != tensors.end())
      return &m.tensors[it->second];
    std::vector<std::string> names;
    for (auto &[n, i] : tensors)
      names.push_back(n);
    std::string what = scope().lookup(id.name) ? "'" + id.name + "' is a value, not a tensor"
                                               : "use of undefined tensor '" + id.name + "'";
    diags.error(id.loc, what, didYouMean(id.name, names));
    return nullptr;
  }

  /// `true` / `false` as an operator argument (1 / 0), unless a name shadows them.
  std::optional<int64_t> boolLiteral(const ast::Expr &e) {
    std::string id = plainIdent(e);
    if ((id != "true" && id != "false") || scope().lookup(id))
      return std::nullopt;
    return id == "true" ? 1 : 0;
  }

  void opStmt(const ast::OpStmt &o, int64_t count) {
    OpRequest req;
    req.name = o.result.name;
    req.kind = o.op.name;
    req.kindLoc = o.op.loc;
    req.loc = o.result.loc;
    bool ok = true;
    for (const ast::OpArg &a : o.args) {
      if (!a.key) {
        const auto *e = boost::get<ast::Expr>(&a.value);
        std::string id = e ? plainIdent(*e) : "";
        if (id.empty()) {
          diags.error(a.loc, "positional arguments are tensors; write 'name=value' "
                             "for attributes");
          ok = false;
          continue;
        }
        ast::Ident ident;
        ident.name = id;
        ident.loc = a.loc;
        const TensorInfo *t = lookupTensor(ident);
        if (!t) {
          ok = false;
          continue;
        }
        req.inputs.push_back({t, a.loc});
        continue;
      }
      OpRequest::Attr attr;
      attr.loc = a.loc;
      attr.keyLoc = a.key->loc;
      std::vector<const ast::Expr *> items;
      if (const auto *e = boost::get<ast::Expr>(&a.value))
        items.push_back(e);
      else if (const auto *l = boost::get<ast::ArgList>(&a.value)) {
        attr.isList = true;
        for (const ast::Expr &x : l->items)
          items.push_back(&x);
      }
      for (const ast::Expr *e : items) {
        std::optional<int64_t> v = boolLiteral(*e);
        if (!v)
          v = evaluateInt(*e, scope(), diags, a.key->name);
        if (!v) {
          ok = false;
          break;
        }
        attr.values.push_back(*v);
      }
      if (req.attrs.count(a.key->name)) {
        diags.error(a.key->loc, "duplicate argument '" + a.key->name + "'");
        ok = false;
      }
      req.attrs[a.key->name] = attr;
    }
    if (o.dtype) {
      std::optional<DType> dt = dtype(*o.dtype);
      if (!dt)
        ok = false;
      req.dtype = dt;
    }
    if (!ok || !freshName(o.result))
      return;
    std::optional<OpResult> r = inferOp(req, diags);
    if (!r)
      return;
    r->op.count = count;
    r->op.weight = weight;
    r->op.loc = o.result.loc;
    for (TensorInfo &w : r->weights) {
      w.loc = o.result.loc;
      addTensor(std::move(w));
    }
    r->output.loc = o.result.loc;
    addTensor(std::move(r->output));
    m.ops.push_back(std::move(r->op));
  }

  struct Linear {
    std::map<std::string, int64_t> coef;
    int64_t constant = 0;
  };

  std::optional<Linear> linear(const ast::Expr &e, const std::map<std::string, int64_t> &vars) {
    std::optional<Linear> acc = linearOperand(e.first, vars);
    for (const ast::BinaryTail &t : e.rest) {
      std::optional<Linear> rhs = linearOperand(t.rhs, vars);
      if (!acc || !rhs)
        return std::nullopt;
      if (t.op == '+' || t.op == '-') {
        int64_t s = t.op == '+' ? 1 : -1;
        for (auto &[v, c] : rhs->coef)
          acc->coef[v] += s * c;
        acc->constant += s * rhs->constant;
      } else if (t.op == '*') {
        if (!acc->coef.empty() && !rhs->coef.empty()) {
          diags.error(exprRange(e), "index expression is not affine: it multiplies "
                                    "two loop indices");
          return std::nullopt;
        }
        Linear &var = acc->coef.empty() ? *rhs : *acc;
        int64_t k = acc->coef.empty() ? acc->constant : rhs->constant;
        for (auto &[v, c] : var.coef)
          c *= k;
        var.constant *= k;
        acc = var;
      } else {
        if (!acc->coef.empty() || !rhs->coef.empty()) {
          diags.error(exprRange(e), "index expression is not affine: division of a "
                                    "loop index");
          return std::nullopt;
        }
        if (rhs->constant == 0) {
          diags.error(exprRange(e), "division by zero");
          return std::nullopt;
        }
        acc->constant /= rhs->constant;
      }
    }
    return acc;
  }

  std::optional<Linear> linearOperand(const ast::Operand &o,
                                      const std::map<std::string, int64_t> &vars) {
    if (const auto *id = boost::get<ast::Ident>(&o)) {
      Linear l;
      if (vars.count(id->name)) {
        l.coef[id->name] = 1;
        return l;
      }
      if (const Scope::Entry *e = scope().lookup(id->name)) {
        if (e->value.dim.dimensionless() && e->value.integral) {
          l.constant = static_cast<int64_t>(e->value.value);
          return l;
        }
      }
      std::vector<std::string> names;
      for (auto &[n, b] : vars)
        names.push_back(n);
      diags.error(id->loc, "unbound index '" + id->name + "'",
                  didYouMean(id->name, names,
                             "add a range for it: 'for " + id->name + " < N'"));
      return std::nullopt;
    }
    if (const auto *u = boost::get<forward_ast<ast::Unary>>(&o)) {
      std::optional<Linear> l = linearOperand(u->get().operand, vars);
      if (l) {
        for (auto &[v, c] : l->coef)
          c = -c;
        l->constant = -l->constant;
      }
      return l;
    }
    if (const auto *fe = boost::get<forward_ast<ast::Expr>>(&o))
      return linear(fe->get(), vars);
    ast::Expr wrap;
    wrap.first = o;
    std::optional<int64_t> v = evaluateInt(wrap, scope(), diags, "index");
    if (!v)
      return std::nullopt;
    Linear l;
    l.constant = *v;
    return l;
  }

  std::optional<EinsumAccess>
  access(const ast::Access &a, const std::vector<EinsumDim> &dims,
         const std::map<std::string, int64_t> &vars, std::set<std::string> &used) {
    EinsumAccess acc;
    acc.tensor = a.tensor.name;
    bool ok = true;
    for (const ast::Expr &e : a.indices) {
      std::optional<Linear> l = linear(e, vars);
      if (!l) {
        ok = false;
        continue;
      }
      std::vector<int64_t> row(dims.size(), 0);
      for (size_t d = 0; d < dims.size(); ++d) {
        auto it = l->coef.find(dims[d].name);
        if (it != l->coef.end() && it->second != 0) {
          row[d] = it->second;
          used.insert(dims[d].name);
          if (it->second < 0) {
            diags.error(exprRange(e), "negative coefficient on index '" + dims[d].name +
                                          "' is not supported");
            ok = false;
          }
        }
      }
      acc.coeffs.push_back(row);
      acc.offsets.push_back(l->constant);
    }
    if (!ok)
      return std::nullopt;
    return acc;
  }

  /// Checks that single-variable indices span exactly the declared dimension.
  void checkExtents(const ast::Access &a, const EinsumAccess &acc,
                    const std::vector<EinsumDim> &dims, const TensorInfo &t) {
    if (t.shape.size() != acc.coeffs.size()) {
      diags.error(a.tensor.loc, "tensor '" + t.name + "' has rank " +
                                    std::to_string(t.shape.size()) + " but is indexed with " +
                                    std::to_string(acc.coeffs.size()) + " indices");
      return;
    }
    for (size_t i = 0; i < acc.coeffs.size(); ++i) {
      int64_t lo = acc.offsets[i], hi = acc.offsets[i];
      int nvars = 0;
      for (size_t d = 0; d < dims.size(); ++d)
        if (acc.coeffs[i][d]) {
          ++nvars;
          hi += acc.coeffs[i][d] * (dims[d].bound - 1);
        }
      bool single = nvars <= 1 && lo >= 0;
      if ((single && hi + 1 != t.shape[i] && nvars == 1 && acc.offsets[i] == 0) ||
          (nvars == 0 && (lo < 0 || lo >= t.shape[i]))) {
        diags.error(exprRange(a.indices[i]),
                    "index " + std::to_string(i) + " of '" + t.name + "' spans [" +
                        std::to_string(lo) + ", " + std::to_string(hi) +
                        "] but that dimension has size " + std::to_string(t.shape[i]),
                    "shapes of producer and consumer must agree");
      }
    }
  }

  void einsum(const ast::Einsum &e, int64_t count) {
    EinsumForm f;
    f.name = e.label.name;
    f.accumulate = e.assign == "+=";
    std::map<std::string, int64_t> vars;
    bool ok = true;
    for (const ast::IndexRange &r : e.ranges) {
      std::optional<int64_t> b = evaluateInt(r.bound, scope(), diags, "index bound");
      if (!b) {
        ok = false;
        continue;
      }
      if (*b <= 0) {
        diags.error(exprRange(r.bound), "index bound must be positive, got " +
                                            std::to_string(*b));
        ok = false;
        continue;
      }
      if (vars.count(r.var.name)) {
        diags.error(r.var.loc, "index '" + r.var.name + "' has two ranges");
        ok = false;
        continue;
      }
      if (tensors.count(r.var.name) || scope().lookup(r.var.name))
        diags.warning(r.var.loc, "index '" + r.var.name + "' shadows a name");
      vars[r.var.name] = *b;
      f.dims.push_back({r.var.name, *b, true});
    }
    if (!ok)
      return;
    std::set<std::string> used, outVars;
    // Output: plain loop indices only.
    for (const ast::Expr &ix : e.output.indices) {
      std::string v = plainIdent(ix);
      if (v.empty()) {
        diags.error(exprRange(ix), "output indices must be single loop indices");
        ok = false;
      } else if (!vars.count(v)) {
        diags.error(exprRange(ix), "output index '" + v + "' is not bound by a range",
                    "add 'for " + v + " < N'");
        ok = false;
      } else if (!outVars.insert(v).second) {
        diags.error(exprRange(ix), "output index '" + v + "' appears twice");
        ok = false;
      }
    }
    if (!ok)
      return;
    for (EinsumDim &d : f.dims)
      d.reduction = !outVars.count(d.name);
    std::optional<EinsumAccess> out = access(e.output, f.dims, vars, used);
    if (!out)
      return;
    f.output = *out;
    f.output.role = "output";
    std::optional<DType> dt;
    for (const ast::Access &a : e.operands) {
      std::optional<EinsumAccess> acc = access(a, f.dims, vars, used);
      const TensorInfo *t = lookupTensor(a.tensor);
      if (!acc || !t) {
        ok = false;
        continue;
      }
      checkExtents(a, *acc, f.dims, *t);
      acc->role = t->kind == TensorInfo::Kind::Weight ? "weight" : "input";
      if (!dt)
        dt = t->dtype;
      f.operands.push_back(*acc);
    }
    if (!ok)
      return;
    if (f.operands.size() >= 2 && f.operands[1].role == "input" &&
        f.operands[0].role == "input")
      f.operands[1].role = "weight";
    for (const EinsumDim &d : f.dims)
      if (!used.count(d.name)) {
        const ast::IndexRange *r = nullptr;
        for (const ast::IndexRange &x : e.ranges)
          if (x.var.name == d.name)
            r = &x;
        diags.warning(r ? r->var.loc : e.label.loc,
                      "index '" + d.name + "' is not used by any tensor");
      }
    if (!f.accumulate) {
      for (const EinsumDim &d : f.dims)
        if (d.reduction) {
          diags.error(e.output.loc, "index '" + d.name + "' does not appear in the output, "
                                    "so it is a reduction: use '+='");
          return;
        }
    }
    if (!freshName(e.output.tensor))
      return;
    TensorInfo outT;
    outT.name = e.output.tensor.name;
    outT.kind = TensorInfo::Kind::Activation;
    outT.dtype = dt.value_or(DType::Int8);
    outT.loc = e.output.tensor.loc;
    for (const ast::Expr &ix : e.output.indices)
      outT.shape.push_back(vars[plainIdent(ix)]);
    OpInfo op;
    op.name = e.label.name;
    op.kind = "einsum";
    op.output = outT.name;
    for (const EinsumAccess &a : f.operands)
      (a.role == "weight" && tensors.count(a.tensor) &&
               m.tensors[tensors[a.tensor]].kind == TensorInfo::Kind::Weight
           ? op.weights
           : op.inputs)
          .push_back(a.tensor);
    op.macs = f.macs();
    if (f.operands.size() < 2) {
      op.ops = 1;
      for (const EinsumDim &d : f.dims)
        op.ops *= d.bound;
    }
    op.count = count;
    op.weight = weight;
    op.loc = e.label.loc;
    op.einsums.push_back(std::move(f));
    if (labels.count(op.name)) {
      diags.error(e.label.loc, "duplicate operator label '" + op.name + "'");
      return;
    }
    labels.insert(op.name);
    addTensor(std::move(outT));
    m.ops.push_back(std::move(op));
  }

  void repeat(const ast::Repeat &r, int64_t count) {
    std::optional<int64_t> n = evaluateInt(r.count, scope(), diags, "repeat count");
    if (!n)
      return;
    if (*n <= 0) {
      diags.error(exprRange(r.count), "repeat count must be positive, got " +
                                          std::to_string(*n));
      return;
    }
    Scope inner(&scope());
    scopes.push_back(&inner);
    int64_t outer = copies;
    copies = count * *n;
    body(r.body, copies);
    copies = outer;
    scopes.pop_back();
  }

  /// `density T = d;`: T defined earlier, d in (0, 1], once per tensor.
  void density(const ast::Density &d) {
    auto it = tensors.find(d.tensor.name);
    if (it == tensors.end()) {
      std::vector<std::string> names;
      for (const TensorInfo &t : m.tensors)
        names.push_back(t.name);
      diags.error(d.tensor.loc, "density of unknown tensor '" + d.tensor.name + "'",
                  didYouMean(d.tensor.name, names,
                             "a density follows the tensor's definition"));
      return;
    }
    std::optional<Quantity> v = evaluateAs(d.value, scope(), diags, {Dim()}, "density");
    if (!v)
      return;
    if (!(v->value > 0 && v->value <= 1)) {
      diags.error(exprRange(d.value),
                  "density is the fraction of non-zero elements, in (0, 1]; got " +
                      formatQuantity(*v));
      return;
    }
    TensorInfo &t = m.tensors[it->second];
    if (auto [first, fresh] = densities.emplace(t.name, d.tensor.loc); !fresh) {
      Diagnostic &e = diags.error(d.tensor.loc, "density of '" + t.name + "' given twice");
      e.notes.push_back({Severity::Note, first->second, "first given here", "", {}});
      return;
    }
    t.density = v->value;
  }

  void weightBlock(const ast::WeightBlock &w, int64_t count) {
    std::optional<Quantity> f = evaluateAs(w.factor, scope(), diags, {Dim()}, "weight");
    if (!f)
      return;
    if (!(f->value > 0) || !std::isfinite(f->value)) {
      diags.error(exprRange(w.factor), "weight must be positive, got " + formatQuantity(*f));
      return;
    }
    Scope inner(&scope());
    scopes.push_back(&inner);
    double outer = weight;
    weight *= f->value;
    body(w.body, count);
    weight = outer;
    scopes.pop_back();
  }

  DiagnosticEngine &diags;
  const ParamInputs &ov;
  std::vector<Scope *> scopes;
  WlModel m;
  std::map<std::string, size_t> tensors;
  std::set<std::string> labels;
  std::map<std::string, SourceRange> densities; ///< where each given density was given
  int64_t copies = 1; ///< product of the enclosing repeat counts
  double weight = 1;  ///< product of the enclosing weight factors
};

} // namespace

WlModel checkWorkload(const ast::Workload &w, const std::string &file,
                      DiagnosticEngine &diags, const ParamInputs &ov,
                      Scope &scope) {
  return WlChecker(diags, ov, scope).run(w, file);
}

} // namespace tessel::dsl
