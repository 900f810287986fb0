// Per-operator MACs, traffic and intensity of a checked workload (see Profile.h).
#include "tessel/Analysis/Profile.h"

#include <algorithm>
#include <map>
#include <set>

namespace tessel::analysis {

const char *roleName(Role r) {
  switch (r) {
  case Role::Input:
    return "input";
  case Role::Weight:
    return "weight";
  case Role::Output:
    return "output";
  }
  return "?";
}

int64_t OpProfile::bytes() const {
  int64_t n = 0;
  for (const TensorTraffic &t : tensors)
    n += t.bytes;
  return n;
}

int64_t OpProfile::bytes(Role r) const {
  int64_t n = 0;
  for (const TensorTraffic &t : tensors)
    if (t.role == r)
      n += t.bytes;
  return n;
}

double OpProfile::intensity() const {
  int64_t b = bytes();
  return b > 0 ? static_cast<double>(macs) / static_cast<double>(b) : 0;
}

template <typename F> static double sumOps(const std::vector<OpProfile> &ops, F f) {
  double n = 0;
  for (const OpProfile &o : ops)
    n += f(o) * o.multiplicity();
  return n;
}

double WorkloadProfile::macs() const {
  return sumOps(ops, [](const OpProfile &o) { return static_cast<double>(o.macs); });
}

double WorkloadProfile::otherOps() const {
  return sumOps(ops, [](const OpProfile &o) { return static_cast<double>(o.otherOps); });
}

double WorkloadProfile::bytes() const {
  return sumOps(ops, [](const OpProfile &o) { return static_cast<double>(o.bytes()); });
}

double WorkloadProfile::bytes(Role r) const {
  return sumOps(ops, [&](const OpProfile &o) { return static_cast<double>(o.bytes(r)); });
}

namespace {

bool isView(const std::string &kind) { return kind == "flatten" || kind == "reshape"; }

/// The role of operand `name` of `op`: what its einsums say, else the tensor's kind.
Role operandRole(const dsl::OpInfo &op, const dsl::TensorInfo *t, const std::string &name) {
  for (const dsl::EinsumForm &f : op.einsums)
    for (const dsl::EinsumAccess &a : f.operands)
      if (a.tensor == name)
        return a.role == "weight" ? Role::Weight : Role::Input;
  return t && t->kind == dsl::TensorInfo::Kind::Weight ? Role::Weight : Role::Input;
}

OpProfile profileOp(const dsl::WlModel &m, const dsl::OpInfo &op) {
  OpProfile p;
  p.name = op.name;
  p.kind = op.kind;
  p.macs = op.macs;
  p.otherOps = op.ops;
  p.count = op.count;
  p.weight = op.weight;
  const dsl::TensorInfo *out = m.tensor(op.output);
  if (out)
    p.outputShape = out->shape;
  int64_t largest = 0;
  for (const dsl::EinsumForm &f : op.einsums)
    if (f.macs() > largest) {
      largest = f.macs();
      p.dims.clear();
      for (const dsl::EinsumDim &d : f.dims)
        p.dims.push_back(d.bound);
    }
  if (isView(op.kind))
    return p;
  std::set<std::string> seen;
  auto add = [&](const std::string &name) {
    if (!seen.insert(name).second)
      return;
    const dsl::TensorInfo *t = m.tensor(name);
    Role role = operandRole(op, t, name);
    int64_t bytes = t ? t->bytes() : 0;
    if (op.extraBytes > 0 && role == Role::Weight)
      bytes = 0; // a gather reads op.extraBytes, added below
    p.tensors.push_back({name, role, bytes});
  };
  for (const std::string &in : op.inputs)
    add(in);
  for (const std::string &w : op.weights)
    add(w);
  if (op.extraBytes > 0)
    p.tensors.push_back({op.name + ".gathered", Role::Weight, op.extraBytes});
  if (out && seen.insert(op.output).second)
    p.tensors.push_back({op.output, Role::Output, out->bytes()});
  p.tensors.erase(std::remove_if(p.tensors.begin(), p.tensors.end(),
                                 [](const TensorTraffic &t) { return t.bytes == 0; }),
                  p.tensors.end());
  return p;
}

} // namespace

WorkloadProfile profileWorkload(const dsl::WlModel &m) {
  WorkloadProfile w;
  w.name = m.name;
  w.file = m.file;
  for (const dsl::OpInfo &op : m.ops)
    w.ops.push_back(profileOp(m, op));
  return w;
}

double KindTotals::intensity() const {
  double b = totalBytes();
  return b > 0 ? macs / b : 0;
}

static void accumulate(KindTotals &k, const OpProfile &o, double scale) {
  double n = o.multiplicity() * scale;
  k.ops += 1;
  k.executions += n;
  k.macs += n * static_cast<double>(o.macs);
  k.otherOps += n * static_cast<double>(o.otherOps);
  for (Role r : {Role::Input, Role::Weight, Role::Output})
    k.bytes[static_cast<int>(r)] += n * static_cast<double>(o.bytes(r));
}

std::vector<KindTotals> totalsByKind(const std::vector<WorkloadProfile> &workloads) {
  std::map<std::string, KindTotals> byKind;
  for (const WorkloadProfile &w : workloads)
    for (const OpProfile &o : w.ops) {
      KindTotals &k = byKind[o.kind];
      k.kind = o.kind;
      accumulate(k, o, w.weight);
    }
  std::vector<KindTotals> out;
  for (auto &[kind, k] : byKind)
    out.push_back(k);
  std::stable_sort(out.begin(), out.end(), [](const KindTotals &a, const KindTotals &b) {
    if (a.macs != b.macs)
      return a.macs > b.macs;
    return a.totalBytes() > b.totalBytes();
  });
  return out;
}

KindTotals totalsOf(const std::vector<WorkloadProfile> &workloads) {
  KindTotals all;
  for (const WorkloadProfile &w : workloads)
    for (const OpProfile &o : w.ops)
      accumulate(all, o, w.weight);
  return all;
}

} // namespace tessel::analysis
