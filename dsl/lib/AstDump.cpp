// Prints ASTs as an indented tree, one node per line, with line:col of each node.
#include "tessel/dsl/AstDump.h"

#include <boost/variant/apply_visitor.hpp>

#include <ostream>

namespace tessel::dsl {

namespace {

std::string operandToString(const ast::Operand &o);

struct OperandPrinter {
  using result_type = std::string;
  std::string operator()(const ast::Number &n) const { return n.text + n.unit; }
  std::string operator()(const ast::Ident &i) const { return i.name; }
  std::string operator()(const ast::Unary &u) const {
    return std::string(1, u.op) + operandToString(u.operand);
  }
  std::string operator()(const ast::Expr &e) const {
    std::string s = exprToString(e);
    return e.rest.empty() ? s : "(" + s + ")";
  }
  std::string operator()(const ast::Call &c) const {
    std::string s = c.callee.name + "(";
    for (size_t i = 0; i < c.args.size(); ++i)
      s += (i ? ", " : "") + exprToString(c.args[i]);
    return s + ")";
  }
};

std::string operandToString(const ast::Operand &o) {
  return boost::apply_visitor(OperandPrinter(), o);
}

class Dumper {
public:
  Dumper(std::ostream &os, const SourceManager &sm) : os(os), sm(sm) {}

  void line(int depth, const std::string &text, const ast::Located &n) {
    os << std::string(2 * depth, ' ') << text;
    if (n.loc.valid()) {
      LineCol a = sm.lineCol(n.loc.file, n.loc.begin);
      os << " @" << a.line << ':' << a.col;
    }
    os << '\n';
  }

  std::string exprs(const std::vector<ast::Expr> &v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i)
      s += (i ? ", " : "") + exprToString(v[i]);
    return s;
  }

  void domain(int d, const ast::Domain &dom) {
    if (const auto *set = boost::get<ast::SetDomain>(&dom))
      line(d, "Domain set {" + exprs(set->values) + "}", *set);
    else if (const auto *r = boost::get<ast::RangeDomain>(&dom))
      line(d,
           "Domain range " + exprToString(r->lo) + " .. " + exprToString(r->hi) +
               (r->step ? " step " + exprToString(*r->step) : ""),
           *r);
  }

  void param(int d, const ast::Param &p) {
    line(d, "Param " + p.name.name + " = " + exprToString(p.value), p);
    if (p.domain)
      domain(d + 1, *p.domain);
  }

  void hwItem(int d, const ast::HwItem &item) {
    if (const auto *a = boost::get<ast::Attr>(&item)) {
      line(d, "Attr " + a->key.name + (a->values.empty() ? "" : " " + exprs(a->values)),
           *a);
    } else if (const auto *p = boost::get<ast::Param>(&item)) {
      param(d, *p);
    } else if (const auto *fb = boost::get<boost::spirit::x3::forward_ast<ast::Block>>(&item)) {
      const ast::Block &b = fb->get();
      std::string head = "Block " + b.kind.name;
      if (b.name)
        head += " " + b.name->name;
      for (const ast::Expr &e : b.dims)
        head += "[" + exprToString(e) + "]";
      line(d, head, b);
      for (const ast::HwItem &i : b.items)
        hwItem(d + 1, i);
    }
  }

  void access(int d, const char *what, const ast::Access &a) {
    line(d, std::string(what) + " " + a.tensor.name + "[" + exprs(a.indices) + "]", a);
  }

  void wlStmt(int d, const ast::WlStmt &s) {
    if (const auto *l = boost::get<ast::Let>(&s)) {
      line(d, "Let " + l->name.name + " = " + exprToString(l->value), *l);
    } else if (const auto *p = boost::get<ast::Param>(&s)) {
      param(d, *p);
    } else if (const auto *t = boost::get<ast::TensorDecl>(&s)) {
      line(d, "Tensor " + t->name.name + "[" + exprs(t->shape) + "] " + t->dtype.name, *t);
    } else if (const auto *o = boost::get<ast::OpStmt>(&s)) {
      line(d, "Op " + o->result.name + " = " + o->op.name +
                  (o->dtype ? " : " + o->dtype->name : ""),
           *o);
      for (const ast::OpArg &a : o->args) {
        std::string v;
        if (const auto *e = boost::get<ast::Expr>(&a.value))
          v = exprToString(*e);
        else if (const auto *l = boost::get<ast::ArgList>(&a.value))
          v = "[" + exprs(l->items) + "]";
        line(d + 1, "Arg " + (a.key ? a.key->name + "=" : std::string()) + v, a);
      }
    } else if (const auto *dn = boost::get<ast::Density>(&s)) {
      line(d, "Density " + dn->tensor.name + " = " + exprToString(dn->value), *dn);
    } else if (const auto *e = boost::get<ast::Einsum>(&s)) {
      line(d, "Einsum " + e->label.name + " " + e->assign, *e);
      access(d + 1, "Out", e->output);
      for (const ast::Access &a : e->operands)
        access(d + 1, "In", a);
      for (const ast::IndexRange &r : e->ranges)
        line(d + 1, "Range " + r.var.name + " < " + exprToString(r.bound), r);
    } else if (const auto *fr =
                   boost::get<boost::spirit::x3::forward_ast<ast::Repeat>>(&s)) {
      const ast::Repeat &r = fr->get();
      line(d, "Repeat " + exprToString(r.count), r);
      for (const ast::WlStmt &b : r.body)
        wlStmt(d + 1, b);
    } else if (const auto *fw =
                   boost::get<boost::spirit::x3::forward_ast<ast::WeightBlock>>(&s)) {
      const ast::WeightBlock &w = fw->get();
      line(d, "Weight " + exprToString(w.factor), w);
      for (const ast::WlStmt &b : w.body)
        wlStmt(d + 1, b);
    }
  }

  std::ostream &os;
  const SourceManager &sm;
};

} // namespace

std::string exprToString(const ast::Expr &e) {
  std::string s = operandToString(e.first);
  for (const ast::BinaryTail &t : e.rest)
    s += std::string(" ") + t.op + " " + operandToString(t.rhs);
  return s;
}

void dumpAst(std::ostream &os, const SourceManager &sm, const ast::HwFile &f) {
  Dumper d(os, sm);
  for (const ast::HwTop &top : f.items) {
    if (const auto *imp = boost::get<ast::Import>(&top)) {
      d.line(0, "Import \"" + imp->path + "\"", *imp);
    } else if (const auto *acc = boost::get<ast::Accelerator>(&top)) {
      d.line(0, "Accelerator " + acc->name.name, *acc);
      for (const ast::HwItem &i : acc->items)
        d.hwItem(1, i);
    }
  }
}

void dumpAst(std::ostream &os, const SourceManager &sm, const ast::WlFile &f) {
  Dumper d(os, sm);
  for (const ast::WlTop &top : f.items) {
    if (const auto *imp = boost::get<ast::Import>(&top)) {
      d.line(0, "Import \"" + imp->path + "\"", *imp);
    } else if (const auto *w = boost::get<ast::Workload>(&top)) {
      d.line(0, "Workload " + w->name.name, *w);
      for (const ast::WlStmt &s : w->body)
        d.wlStmt(1, s);
    }
  }
}

} // namespace tessel::dsl
