// Restating checked operators as standalone .wl statements inside `weight` blocks (the
// reduced workloads of `tessel analyze --representative`; see Representative.h).
#include "tessel/Analysis/Representative.h"

#include "tessel/dsl/Check.h"
#include "tessel/dsl/WlText.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

namespace tessel::analysis {

namespace {

std::string flag(const dsl::OpInfo &op, const char *key) {
  auto it = op.attrs.find(key);
  bool on = it != op.attrs.end() && !it->second.empty() && it->second[0] != 0;
  return std::string(", ") + key + "=" + (on ? "true" : "false");
}

std::string attr(const dsl::OpInfo &op, const char *key) {
  auto it = op.attrs.find(key);
  if (it == op.attrs.end())
    return "";
  return dsl::wlArg(key, it->second);
}

/// An affine index `2*p + r - 1` from one row of an einsum access.
std::string index(const dsl::EinsumForm &f, const std::vector<int64_t> &coeffs,
                  int64_t offset) {
  std::string s;
  for (size_t d = 0; d < coeffs.size(); ++d) {
    if (coeffs[d] == 0)
      continue;
    if (!s.empty())
      s += coeffs[d] < 0 ? " - " : " + ";
    else if (coeffs[d] < 0)
      s += "-";
    int64_t c = coeffs[d] < 0 ? -coeffs[d] : coeffs[d];
    s += (c == 1 ? "" : std::to_string(c) + "*") + f.dims[d].name;
  }
  if (offset != 0 || s.empty())
    s += s.empty() ? std::to_string(offset)
                   : (offset < 0 ? " - " : " + ") + std::to_string(offset < 0 ? -offset : offset);
  return s;
}

std::string access(const dsl::EinsumForm &f, const dsl::EinsumAccess &a,
                   const std::string &tensor) {
  std::string s = tensor + "[";
  for (size_t i = 0; i < a.coeffs.size(); ++i)
    s += (i ? ", " : "") + index(f, a.coeffs[i], a.offsets[i]);
  return s + "]";
}

/// Restates `op`: input tensor declarations, then the statement. Operands are renamed
/// `OP_in0`, ...; an implicit operand (a weight the op creates, attention's K/V) stays
/// implicit.
class Restater {
public:
  Restater(const dsl::WlModel &m, const dsl::OpInfo &op) : m(m), op(op) {}

  std::optional<std::string> run(std::string &error) {
    const std::string &k = op.kind;
    const dsl::TensorInfo *out = m.tensor(op.output);
    if (!out) {
      error = "operator '" + op.name + "' has no output tensor";
      return std::nullopt;
    }
    std::string dtype = std::string(" ") + dsl::dtypeName(out->dtype);
    std::string call;
    if (k == "einsum")
      return einsum(error);
    if (k == "conv2d")
      call = "conv2d(" + in(0) + attr(op, "out") + attr(op, "kernel") + attr(op, "stride") +
             attr(op, "pad") + attr(op, "dilation") + attr(op, "groups") + flag(op, "bias") + ")";
    else if (k == "depthwise_conv2d")
      call = "depthwise_conv2d(" + in(0) + attr(op, "kernel") + attr(op, "stride") +
             attr(op, "pad") + attr(op, "dilation") + ", multiplier=" +
             std::to_string(out->shape.at(1) / inputShape(0).at(1)) + flag(op, "bias") + ")";
    else if (k == "matmul")
      call = explicitOperands() == 2
                 ? "matmul(" + in(0) + ", " + in(1) + flag(op, "transpose_b") +
                       flag(op, "bias") + ")"
                 : "matmul(" + in(0) + ", out=" + std::to_string(out->shape.back()) +
                       flag(op, "bias") + ")";
    else if (k == "batch_matmul")
      call = "batch_matmul(" + in(0) + ", " + in(1) +
             (transposedB() ? ", transpose_b=true" : "") + ")";
    else if (k == "attention")
      call = "attention(" + in(0) + attr(op, "heads") + attr(op, "head_dim") +
             attr(op, "kv_len") + attr(op, "kv_heads") + ")";
    else if (k == "batchnorm" || k == "layernorm" || k == "rmsnorm")
      call = k + "(" + in(0) + flag(op, "scale") + flag(op, "shift") + ")";
    else if (k == "maxpool" || k == "avgpool")
      call = k + "(" + in(0) + attr(op, "kernel") + attr(op, "stride") + attr(op, "pad") + ")";
    else if (k == "embedding_bag")
      call = "embedding_bag(" + attr(op, "tables").substr(2) + attr(op, "rows") +
             attr(op, "dim") + attr(op, "pooling") + attr(op, "batch") + ")";
    else if (k == "reshape")
      call = "reshape(" + in(0) + ", shape=" + dsl::wlList(out->shape) + ")";
    else if (k == "slice")
      call = "slice(" + in(0) + attr(op, "dim") + attr(op, "start") + attr(op, "size") + ")";
    else if (k == "concat")
      call = "concat(" + inputs() + ", axis=" + std::to_string(concatAxis(out->shape)) + ")";
    else
      call = k + "(" + inputs() + ")"; // elementwise, unary, global_avgpool, flatten
    if (!error.empty())
      return std::nullopt;
    return decls + "    " + op.name + " = " + call + dtype + ";\n" + ownDensities(op.name);
  }

private:
  /// The operands the statement names (weights the op creates and K/V are implicit).
  std::vector<std::string> operands() const {
    std::vector<std::string> v;
    for (const std::string &t : op.inputs)
      if (t.rfind(op.name + ".", 0) != 0)
        v.push_back(t);
    for (const std::string &t : op.weights)
      if (t.rfind(op.name + ".", 0) != 0)
        v.push_back(t);
    return v;
  }
  size_t explicitOperands() const { return operands().size(); }

  const std::vector<int64_t> &inputShape(size_t i) const {
    return m.tensor(operands().at(i))->shape;
  }

  /// Declares operand `i` as `OP_in<i>` and returns that name.
  std::string in(size_t i) {
    std::vector<std::string> ops = operands();
    if (i >= ops.size() || !m.tensor(ops[i]))
      return "";
    // A tensor read twice (`add(x, x)`) is one operand, declared once.
    size_t first = std::find(ops.begin(), ops.end(), ops[i]) - ops.begin();
    std::string name = op.name + "_in" + std::to_string(first);
    if (declared.insert(name).second) {
      const dsl::TensorInfo *t = m.tensor(ops[i]);
      decls += "    tensor " + name + dsl::wlList(t->shape) + " " +
               dsl::dtypeName(t->dtype) + ";\n" + density(name, *t);
    }
    return name;
  }

  /// `density NAME = d;` when tensor `t` was given a density, else "".
  static std::string density(const std::string &name, const dsl::TensorInfo &t) {
    if (!(t.density < 1))
      return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", t.density);
    return "    density " + name + " = " + buf + ";\n";
  }

  /// The densities of the op's output (written as `outName`) and of the weights it creates.
  std::string ownDensities(const std::string &outName) const {
    std::string s;
    if (const dsl::TensorInfo *out = m.tensor(op.output))
      s += density(outName, *out);
    for (const std::string &w : op.weights)
      if (const dsl::TensorInfo *t = m.tensor(w); t && w.rfind(op.name + ".", 0) == 0)
        s += density(w, *t);
    return s;
  }

  std::string inputs() {
    std::string s;
    for (size_t i = 0; i < explicitOperands(); ++i)
      s += (i ? ", " : "") + in(i);
    return s;
  }

  bool transposedB() const {
    // batch_matmul's einsum dims are B, M, N, K: b's last index runs over K when transposed.
    const dsl::EinsumAccess &b = op.einsums.at(0).operands.at(1);
    return b.coeffs.back().at(3) != 0;
  }

  int64_t concatAxis(const std::vector<int64_t> &outShape) const {
    const std::vector<int64_t> &first = inputShape(0);
    for (size_t a = 0; a < first.size(); ++a)
      if (first[a] != outShape[a])
        return static_cast<int64_t>(a);
    return 0;
  }

  std::optional<std::string> einsum(std::string &error) {
    if (op.einsums.size() != 1) {
      error = "einsum '" + op.name + "' has no single form";
      return std::nullopt;
    }
    const dsl::EinsumForm &f = op.einsums[0];
    std::vector<std::string> ops = operands();
    std::string body = op.name + ": " + access(f, f.output, op.name + "_out") +
                       (f.accumulate ? " += " : " = ");
    for (size_t i = 0; i < f.operands.size(); ++i) {
      auto it = std::find(ops.begin(), ops.end(), f.operands[i].tensor);
      if (it == ops.end()) {
        error = "einsum '" + op.name + "' reads an unknown tensor";
        return std::nullopt;
      }
      body += (i ? " * " : "") + access(f, f.operands[i], in(it - ops.begin()));
    }
    body += " for ";
    for (size_t d = 0; d < f.dims.size(); ++d)
      body += (d ? ", " : "") + f.dims[d].name + " < " + std::to_string(f.dims[d].bound);
    return decls + "    " + body + ";\n" + ownDensities(op.name + "_out");
  }

  const dsl::WlModel &m;
  const dsl::OpInfo &op;
  std::string decls;
  std::set<std::string> declared;
};

/// The written workload must check, and each restated operator must keep its MACs, other
/// ops and bytes of each role; anything else is a bug reported as an error.
bool verify(const dsl::WlModel &model, const std::vector<std::pair<size_t, double>> &ops,
            const std::string &text, std::string &error) {
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  std::vector<dsl::WlModel> wl = dsl::checkWlBuffer(sm.addBuffer("reduced.wl", text), sm, diags);
  for (const dsl::Diagnostic &d : diags.all())
    if (d.severity == dsl::Severity::Error) {
      error = "internal error: the reduced workload does not check (line " +
              std::to_string(sm.lineCol(d.range.file, d.range.begin).line) + ": " +
              d.message + ")";
      return false;
    }
  if (wl.size() != 1 || wl[0].ops.size() != ops.size()) {
    error = "internal error: the reduced workload lost operators";
    return false;
  }
  WorkloadProfile full = profileWorkload(model), reduced = profileWorkload(wl[0]);
  for (size_t i = 0; i < ops.size(); ++i) {
    const OpProfile &a = full.ops[ops[i].first], &b = reduced.ops[i];
    for (Role r : {Role::Input, Role::Weight, Role::Output})
      if (a.bytes(r) != b.bytes(r)) {
        error = "internal error: '" + a.name + "' restated with other " + roleName(r) + " bytes";
        return false;
      }
    if (a.macs != b.macs || a.otherOps != b.otherOps) {
      error = "internal error: '" + a.name + "' restated with other MACs or ops";
      return false;
    }
  }
  return true;
}

std::string weightText(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.12g", w);
  return buf;
}

} // namespace

std::optional<std::string> writeWeightedOps(const dsl::WlModel &model,
                                            const std::vector<std::pair<size_t, double>> &ops,
                                            const std::string &name,
                                            const std::string &header, std::string &error) {
  std::ostringstream os;
  os << header << "workload " << name << " {\n";
  for (const auto &[index, weight] : ops) {
    const dsl::OpInfo &op = model.ops.at(index);
    std::optional<std::string> text = Restater(model, op).run(error);
    if (!text)
      return std::nullopt;
    os << "  weight " << weightText(weight) << " {\n" << *text << "  }\n";
  }
  os << "}\n";
  return verify(model, ops, os.str(), error) ? std::optional(os.str()) : std::nullopt;
}

} // namespace tessel::analysis
