// Named operators: dispatch, argument checking, elementwise operators and
// normalisations.
#include "OpInferer.h"

#include <algorithm>
#include <set>

namespace tessel::dsl {

std::string shapeStr(const std::vector<int64_t> &s) {
  std::string r = "[";
  for (size_t i = 0; i < s.size(); ++i)
    r += (i ? ", " : "") + std::to_string(s[i]);
  return r + "]";
}

int64_t product(const std::vector<int64_t> &v, size_t from, size_t to) {
  int64_t p = 1;
  for (size_t i = from; i < std::min(to, v.size()); ++i)
    p *= v[i];
  return p;
}

EinsumAccess makeAccess(const std::string &tensor, const std::string &role,
                        const std::vector<EinsumDim> &dims,
                        const IndexTerms &idx,
                        const std::vector<int64_t> &offsets) {
  EinsumAccess a;
  a.tensor = tensor;
  a.role = role;
  for (size_t i = 0; i < idx.size(); ++i) {
    std::vector<int64_t> row(dims.size(), 0);
    for (auto &[name, c] : idx[i])
      for (size_t d = 0; d < dims.size(); ++d)
        if (dims[d].name == name)
          row[d] = c;
    a.coeffs.push_back(row);
    a.offsets.push_back(i < offsets.size() ? offsets[i] : 0);
  }
  return a;
}

namespace {

bool isBinaryElementwise(const std::string &k) {
  return k == "add" || k == "sub" || k == "mul";
}

/// Zero-MAC operators that map every element of one tensor to one output
/// element.
bool isUnaryElementwise(const std::string &k) {
  static const std::set<std::string> u = {
      "relu",    "relu6",       "leaky_relu", "gelu", "silu",
      "sigmoid", "hardsigmoid", "hardswish",  "tanh", "exp",
      "softmax", "identity",    "quantize"};
  return u.count(k) != 0;
}

bool isNorm(const std::string &k) {
  return k == "batchnorm" || k == "layernorm" || k == "rmsnorm";
}

} // namespace

std::optional<OpResult> OpInferer::run() {
  const std::string &k = req.kind;
  r.op.name = req.name;
  r.op.kind = k;
  r.op.output = req.name;
  for (const OpRequest::Input &in : req.inputs)
    r.op.inputs.push_back(in.tensor->name);
  bool ok = false;
  if (k == "conv2d")
    ok = conv(false);
  else if (k == "depthwise_conv2d")
    ok = conv(true);
  else if (k == "matmul")
    ok = matmul();
  else if (k == "batch_matmul")
    ok = batchMatmul();
  else if (k == "attention")
    ok = attention();
  else if (isBinaryElementwise(k))
    ok = binaryElementwise();
  else if (isUnaryElementwise(k))
    ok = unaryElementwise();
  else if (isNorm(k))
    ok = norm();
  else if (k == "maxpool" || k == "avgpool")
    ok = pool();
  else if (k == "global_avgpool")
    ok = globalPool();
  else if (k == "embedding_bag")
    ok = embeddingBag();
  else if (k == "flatten")
    ok = flatten();
  else if (k == "reshape")
    ok = reshape();
  else if (k == "concat")
    ok = concat();
  else if (k == "slice")
    ok = slice();
  else {
    diags.error(
        req.kindLoc, "unknown operator '" + k + "'",
        didYouMean(k, opNames(), "see docs/language.md for the operator list"));
    return std::nullopt;
  }
  if (!ok)
    return std::nullopt;
  r.output.name = req.name;
  r.output.kind = TensorInfo::Kind::Activation;
  return std::move(r);
}

bool OpInferer::allowed(std::initializer_list<const char *> keys) {
  bool ok = true;
  std::vector<std::string> names(keys.begin(), keys.end());
  for (auto &[key, a] : req.attrs)
    if (std::find(names.begin(), names.end(), key) == names.end()) {
      std::string hint = didYouMean(key, names);
      if (hint.empty()) {
        hint = "'" + req.kind + "' takes:";
        for (auto &n : names)
          hint += " " + n;
        if (names.empty())
          hint = "'" + req.kind + "' takes no attributes";
      }
      diags.error(a.keyLoc,
                  "unknown argument '" + key + "' of '" + req.kind + "'", hint);
      ok = false;
    }
  return ok;
}

bool OpInferer::inputs(size_t lo, size_t hi) {
  size_t n = req.inputs.size();
  if (n >= lo && n <= hi)
    return true;
  std::string want = lo == hi
                         ? std::to_string(lo)
                         : std::to_string(lo) + " to " + std::to_string(hi);
  diags.error(req.kindLoc, "'" + req.kind + "' takes " + want +
                               " input tensor" + (hi == 1 ? "" : "s") +
                               ", got " + std::to_string(n));
  return false;
}

bool OpInferer::rank(size_t i, size_t want) {
  const TensorInfo &t = *req.inputs[i].tensor;
  if (t.shape.size() == want)
    return true;
  diags.error(req.inputs[i].loc, "'" + req.kind + "' needs a rank-" +
                                     std::to_string(want) + " input, but '" +
                                     t.name + "' has shape " +
                                     shapeStr(t.shape));
  return false;
}

std::optional<std::pair<int64_t, int64_t>>
OpInferer::pair(const char *key, int64_t dflt, int64_t min) {
  auto it = req.attrs.find(key);
  if (it == req.attrs.end())
    return std::make_pair(dflt, dflt);
  const OpRequest::Attr &a = it->second;
  if (a.values.size() != 1 && a.values.size() != 2) {
    diags.error(a.loc, std::string("'") + key + "' takes one value or [h, w]");
    return std::nullopt;
  }
  int64_t h = a.values[0], w = a.values.size() == 2 ? a.values[1] : a.values[0];
  if (h < min || w < min) {
    diags.error(a.loc, std::string("'") + key + "' must be at least " +
                           std::to_string(min));
    return std::nullopt;
  }
  return std::make_pair(h, w);
}

std::optional<int64_t>
OpInferer::scalar(const char *key, std::optional<int64_t> dflt, int64_t min) {
  auto it = req.attrs.find(key);
  if (it == req.attrs.end()) {
    if (!dflt)
      diags.error(req.kindLoc, "'" + req.kind + "' needs '" + key + "='");
    return dflt;
  }
  const OpRequest::Attr &a = it->second;
  if (a.values.size() != 1 || a.isList) {
    diags.error(a.loc, std::string("'") + key + "' takes one value");
    return std::nullopt;
  }
  if (a.values[0] < min) {
    diags.error(a.loc, std::string("'") + key + "' must be at least " +
                           std::to_string(min) + ", got " +
                           std::to_string(a.values[0]));
    return std::nullopt;
  }
  return a.values[0];
}

DType OpInferer::outType() {
  return req.dtype
             ? *req.dtype
             : (req.inputs.empty() ? DType::Fp32 : req.inputs[0].tensor->dtype);
}

TensorInfo OpInferer::weight(const std::string &suffix,
                             std::vector<int64_t> shape, DType t) {
  TensorInfo w;
  w.name = req.name + "." + suffix;
  w.shape = std::move(shape);
  w.dtype = t;
  w.kind = TensorInfo::Kind::Weight;
  r.op.weights.push_back(w.name);
  return w;
}

std::optional<bool> OpInferer::flag(const char *key) {
  auto it = req.attrs.find(key);
  if (it == req.attrs.end())
    return false;
  const OpRequest::Attr &a = it->second;
  if (a.values.size() != 1 || a.isList ||
      (a.values[0] != 0 && a.values[0] != 1)) {
    diags.error(a.loc, std::string("'") + key + "' takes true or false");
    return std::nullopt;
  }
  return a.values[0] == 1;
}

void OpInferer::bias(int64_t n, DType t, int64_t outputElements) {
  r.weights.push_back(weight("bias", {n}, t));
  r.op.ops += outputElements;
}

bool OpInferer::binaryElementwise() {
  if (!allowed({}) || !inputs(2, 2))
    return false;
  const TensorInfo &a = *req.inputs[0].tensor, &b = *req.inputs[1].tensor;
  if (a.shape != b.shape) {
    diags.error(req.inputs[1].loc, "'" + req.kind +
                                       "' needs equal shapes, got '" + a.name +
                                       "' " + shapeStr(a.shape) + " and '" +
                                       b.name + "' " + shapeStr(b.shape));
    return false;
  }
  r.output.shape = a.shape;
  r.output.dtype = outType();
  r.op.ops = a.elements();
  return true;
}

bool OpInferer::unaryElementwise() {
  if (!allowed(req.kind == "softmax"
                   ? std::initializer_list<const char *>{"axis"}
                   : std::initializer_list<const char *>{}) ||
      !inputs(1, 1))
    return false;
  const TensorInfo &a = *req.inputs[0].tensor;
  r.output.shape = a.shape;
  r.output.dtype = outType();
  r.op.ops = a.elements();
  return true;
}

bool OpInferer::norm() {
  if (!allowed({"scale", "shift"}) || !inputs(1, 1))
    return false;
  const TensorInfo &a = *req.inputs[0].tensor;
  // batchnorm normalises per channel (axis 1 of NCHW); the others over the last
  // axis.
  bool batch = req.kind == "batchnorm";
  size_t minRank = batch ? 2 : 1;
  if (a.shape.size() < minRank) {
    diags.error(req.inputs[0].loc,
                "'" + req.kind +
                    "' needs an input of rank >= " + std::to_string(minRank) +
                    ", but '" + a.name + "' has shape " + shapeStr(a.shape));
    return false;
  }
  std::optional<bool> scale = flag("scale"), shift = flag("shift");
  if (!scale || !shift)
    return false;
  int64_t axis = batch ? 1 : static_cast<int64_t>(a.shape.size()) - 1;
  int64_t C = a.shape[axis];
  r.output.shape = a.shape;
  r.output.dtype = outType();
  r.op.ops = a.elements() * (1 + (*scale ? 1 : 0) + (*shift ? 1 : 0));
  if (*scale)
    r.weights.push_back(weight("scale", {C}, a.dtype));
  if (*shift)
    r.weights.push_back(weight("shift", {C}, a.dtype));
  r.op.attrs = {{"axis", {axis}},
                {"scale", {*scale ? 1 : 0}},
                {"shift", {*shift ? 1 : 0}}};
  return true;
}

const std::vector<std::string> &opNames() {
  static const std::vector<std::string> names = {"conv2d",
                                                 "depthwise_conv2d",
                                                 "matmul",
                                                 "batch_matmul",
                                                 "attention",
                                                 "add",
                                                 "sub",
                                                 "mul",
                                                 "relu",
                                                 "relu6",
                                                 "leaky_relu",
                                                 "gelu",
                                                 "silu",
                                                 "sigmoid",
                                                 "hardsigmoid",
                                                 "hardswish",
                                                 "tanh",
                                                 "exp",
                                                 "batchnorm",
                                                 "layernorm",
                                                 "rmsnorm",
                                                 "softmax",
                                                 "identity",
                                                 "quantize",
                                                 "maxpool",
                                                 "avgpool",
                                                 "global_avgpool",
                                                 "embedding_bag",
                                                 "flatten",
                                                 "reshape",
                                                 "concat",
                                                 "slice"};
  return names;
}

std::optional<OpResult> inferOp(const OpRequest &req, DiagnosticEngine &diags) {
  return OpInferer(req, diags).run();
}

} // namespace tessel::dsl
