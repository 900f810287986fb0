// Data types, tensor sizes and totals of the checked workload model.
#include "tessel/dsl/WlModel.h"

namespace tessel::dsl {

namespace {
struct DTypeRow {
  DType t;
  const char *name;
  int bits;
};
const DTypeRow kDTypes[] = {
    {DType::Int4, "int4", 4},   {DType::Int8, "int8", 8},   {DType::Int16, "int16", 16},
    {DType::Int32, "int32", 32}, {DType::Fp8, "fp8", 8},     {DType::Fp16, "fp16", 16},
    {DType::Bf16, "bf16", 16},  {DType::Fp32, "fp32", 32},
};
} // namespace

int dtypeBits(DType t) {
  for (const DTypeRow &r : kDTypes)
    if (r.t == t)
      return r.bits;
  return 8;
}

const char *dtypeName(DType t) {
  for (const DTypeRow &r : kDTypes)
    if (r.t == t)
      return r.name;
  return "?";
}

std::optional<DType> parseDType(const std::string &s) {
  for (const DTypeRow &r : kDTypes)
    if (s == r.name)
      return r.t;
  return std::nullopt;
}

const std::vector<std::string> &dtypeNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const DTypeRow &r : kDTypes)
      v.push_back(r.name);
    return v;
  }();
  return names;
}

const char *tensorKindName(TensorInfo::Kind k) {
  switch (k) {
  case TensorInfo::Kind::Input:
    return "input";
  case TensorInfo::Kind::Activation:
    return "activation";
  case TensorInfo::Kind::Weight:
    return "weight";
  }
  return "?";
}

int64_t TensorInfo::elements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

int64_t TensorInfo::bytes() const {
  return (elements() * dtypeBits(dtype) + 7) / 8;
}

int64_t EinsumForm::macs() const {
  if (operands.size() < 2)
    return 0;
  int64_t n = 1;
  for (const EinsumDim &d : dims)
    n *= d.bound;
  return n;
}

const TensorInfo *WlModel::tensor(const std::string &n) const {
  for (const TensorInfo &t : tensors)
    if (t.name == n)
      return &t;
  return nullptr;
}

/// Sum over the operators of a per-execution figure times the executions.
template <typename PerExecution>
static int64_t sumOverOps(const std::vector<OpInfo> &ops, PerExecution f) {
  int64_t n = 0;
  for (const OpInfo &o : ops)
    n += f(o) * o.count;
  return n;
}

int64_t WlModel::totalMacs() const {
  return sumOverOps(ops, [](const OpInfo &o) { return o.macs; });
}

int64_t WlModel::totalOps() const {
  return sumOverOps(ops, [](const OpInfo &o) { return o.ops; });
}

int64_t WlModel::totalParams() const {
  int64_t n = 0;
  for (const TensorInfo &t : tensors)
    if (t.kind == TensorInfo::Kind::Weight)
      n += t.elements() * t.count;
  return n;
}

int64_t WlModel::gatheredBytes() const {
  return sumOverOps(ops, [](const OpInfo &o) { return o.extraBytes; });
}

TensorBytes WlModel::tensorBytes(bool withRepeats) const {
  TensorBytes b;
  for (const TensorInfo &t : tensors) {
    int64_t bytes = t.bytes() * (withRepeats ? t.count : 1);
    switch (t.kind) {
    case TensorInfo::Kind::Input:
      b.inputs += bytes;
      break;
    case TensorInfo::Kind::Activation:
      b.activations += bytes;
      break;
    case TensorInfo::Kind::Weight:
      b.weights += bytes;
      break;
    }
  }
  return b;
}

int64_t WlModel::opParams(const OpInfo &op) const {
  int64_t n = 0;
  for (const std::string &w : op.weights)
    if (const TensorInfo *t = tensor(w); t && t->kind == TensorInfo::Kind::Weight &&
                                         w.rfind(op.name + ".", 0) == 0)
      n += t->elements() * t->count;
  return n;
}

} // namespace tessel::dsl
