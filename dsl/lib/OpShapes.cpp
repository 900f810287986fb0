// Named operators: argument checking, output shapes, implicit weights, MACs and einsum forms.
#include "OpShapes.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace tessel::dsl {

namespace {

std::string shapeStr(const std::vector<int64_t> &s) {
  std::string r = "[";
  for (size_t i = 0; i < s.size(); ++i)
    r += (i ? ", " : "") + std::to_string(s[i]);
  return r + "]";
}

int64_t product(const std::vector<int64_t> &v, size_t from = 0, size_t to = SIZE_MAX) {
  int64_t p = 1;
  for (size_t i = from; i < std::min(to, v.size()); ++i)
    p *= v[i];
  return p;
}

/// Builds an EinsumAccess from per-index lists of (dim, coefficient).
EinsumAccess makeAccess(const std::string &tensor, const std::string &role,
                        const std::vector<EinsumDim> &dims,
                        const std::vector<std::vector<std::pair<std::string, int64_t>>> &idx,
                        const std::vector<int64_t> &offsets = {}) {
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

class OpInferer {
public:
  OpInferer(const OpRequest &req, DiagnosticEngine &diags) : req(req), diags(diags) {}

  std::optional<OpResult> run() {
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
    else {
      diags.error(req.kindLoc, "unknown operator '" + k + "'",
                  didYouMean(k, opNames(),
                             "see docs/language.md for the operator list"));
      return std::nullopt;
    }
    if (!ok)
      return std::nullopt;
    r.output.name = req.name;
    r.output.kind = TensorInfo::Kind::Activation;
    return std::move(r);
  }

  static bool isBinaryElementwise(const std::string &k) {
    return k == "add" || k == "sub" || k == "mul";
  }
  static bool isUnaryElementwise(const std::string &k) {
    static const std::set<std::string> u = {"relu", "gelu", "silu", "sigmoid", "tanh",
                                            "batchnorm", "layernorm", "rmsnorm",
                                            "softmax", "identity", "quantize"};
    return u.count(k) != 0;
  }

private:
  bool allowed(std::initializer_list<const char *> keys) {
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
        diags.error(a.keyLoc, "unknown argument '" + key + "' of '" + req.kind + "'", hint);
        ok = false;
      }
    return ok;
  }

  bool inputs(size_t lo, size_t hi) {
    size_t n = req.inputs.size();
    if (n >= lo && n <= hi)
      return true;
    std::string want = lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " +
                                                           std::to_string(hi);
    diags.error(req.kindLoc, "'" + req.kind + "' takes " + want + " input tensor" +
                                 (hi == 1 ? "" : "s") + ", got " + std::to_string(n));
    return false;
  }

  bool rank(size_t i, size_t want) {
    const TensorInfo &t = *req.inputs[i].tensor;
    if (t.shape.size() == want)
      return true;
    diags.error(req.inputs[i].loc, "'" + req.kind + "' needs a rank-" + std::to_string(want) +
                                       " input, but '" + t.name + "' has shape " +
                                       shapeStr(t.shape));
    return false;
  }

  /// An attribute as a pair (height, width): one value is used for both.
  std::optional<std::pair<int64_t, int64_t>> pair(const char *key, int64_t dflt,
                                                  int64_t min) {
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
      diags.error(a.loc, std::string("'") + key + "' must be at least " + std::to_string(min));
      return std::nullopt;
    }
    return std::make_pair(h, w);
  }

  std::optional<int64_t> scalar(const char *key, std::optional<int64_t> dflt, int64_t min) {
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
                             std::to_string(min) + ", got " + std::to_string(a.values[0]));
      return std::nullopt;
    }
    return a.values[0];
  }

  DType outType() {
    return req.dtype ? *req.dtype
                     : (req.inputs.empty() ? DType::Fp32 : req.inputs[0].tensor->dtype);
  }

  TensorInfo weight(const std::string &suffix, std::vector<int64_t> shape, DType t) {
    TensorInfo w;
    w.name = req.name + "." + suffix;
    w.shape = std::move(shape);
    w.dtype = t;
    w.kind = TensorInfo::Kind::Weight;
    r.op.weights.push_back(w.name);
    return w;
  }

  bool conv(bool depthwise) {
    if (!allowed(depthwise ? std::initializer_list<const char *>{"kernel", "stride", "pad",
                                                                 "dilation", "multiplier"}
                           : std::initializer_list<const char *>{"out", "kernel", "stride",
                                                                 "pad", "dilation", "groups"}) ||
        !inputs(1, 1) || !rank(0, 4))
      return false;
    const TensorInfo &x = *req.inputs[0].tensor;
    int64_t N = x.shape[0], C = x.shape[1], H = x.shape[2], W = x.shape[3];
    auto kernel = pair("kernel", 0, 1);
    auto stride = pair("stride", 1, 1);
    auto pad = pair("pad", 0, 0);
    auto dil = pair("dilation", 1, 1);
    std::optional<int64_t> K, G;
    if (depthwise) {
      std::optional<int64_t> mult = scalar("multiplier", 1, 1);
      if (mult)
        K = C * *mult;
      G = C;
    } else {
      K = scalar("out", std::nullopt, 1);
      G = scalar("groups", 1, 1);
    }
    if (!req.attrs.count("kernel")) {
      diags.error(req.kindLoc, "'" + req.kind + "' needs 'kernel='");
      return false;
    }
    if (!kernel || !stride || !pad || !dil || !K || !G)
      return false;
    if (C % *G || *K % *G) {
      diags.error(req.attrs.count("groups") ? req.attrs.at("groups").loc : req.kindLoc,
                  "groups=" + std::to_string(*G) + " must divide input channels (" +
                      std::to_string(C) + ") and output channels (" + std::to_string(*K) + ")");
      return false;
    }
    auto [R, S] = *kernel;
    auto [sh, sw] = *stride;
    auto [ph, pw] = *pad;
    auto [dh, dw] = *dil;
    int64_t effR = dh * (R - 1) + 1, effS = dw * (S - 1) + 1;
    if (H + 2 * ph < effR || W + 2 * pw < effS) {
      diags.error(req.attrs.at("kernel").loc,
                  "kernel " + std::to_string(R) + "x" + std::to_string(S) +
                      " (dilated " + std::to_string(effR) + "x" + std::to_string(effS) +
                      ") does not fit the padded input " + std::to_string(H + 2 * ph) + "x" +
                      std::to_string(W + 2 * pw) + " of '" + x.name + "'");
      return false;
    }
    int64_t P = (H + 2 * ph - effR) / sh + 1, Q = (W + 2 * pw - effS) / sw + 1;
    int64_t Cg = C / *G, Kg = *K / *G;
    r.output.shape = {N, *K, P, Q};
    r.output.dtype = outType();
    r.weights.push_back(weight("weight", {*K, Cg, R, S}, x.dtype));
    r.op.macs = N * *K * Cg * R * S * P * Q;
    r.op.attrs = {{"kernel", {R, S}}, {"stride", {sh, sw}}, {"pad", {ph, pw}},
                  {"dilation", {dh, dw}}, {"groups", {*G}}, {"out", {*K}}};
    EinsumForm f;
    f.name = req.name;
    bool grouped = *G > 1;
    if (grouped)
      f.dims.push_back({"G", *G, false});
    f.dims.insert(f.dims.end(), {{"N", N, false}, {"K", Kg, false}, {"C", Cg, true},
                                 {"P", P, false}, {"Q", Q, false}, {"R", R, true},
                                 {"S", S, true}});
    using I = std::vector<std::pair<std::string, int64_t>>;
    I chanIn = grouped ? I{{"G", Cg}, {"C", 1}} : I{{"C", 1}};
    I chanOut = grouped ? I{{"G", Kg}, {"K", 1}} : I{{"K", 1}};
    f.operands.push_back(makeAccess(x.name, "input", f.dims,
                                    {{{"N", 1}}, chanIn, {{"P", sh}, {"R", dh}},
                                     {{"Q", sw}, {"S", dw}}},
                                    {0, 0, -ph, -pw}));
    f.operands.push_back(makeAccess(r.weights.back().name, "weight", f.dims,
                                    {chanOut, {{"C", 1}}, {{"R", 1}}, {{"S", 1}}}));
    f.output = makeAccess(req.name, "output", f.dims,
                          {{{"N", 1}}, chanOut, {{"P", 1}}, {{"Q", 1}}});
    r.op.einsums.push_back(std::move(f));
    return true;
  }

  bool matmul() {
    if (!allowed({"out", "transpose_b"}) || !inputs(1, 2))
      return false;
    const TensorInfo &a = *req.inputs[0].tensor;
    if (a.shape.size() < 2 && !(a.shape.size() == 1)) {
      diags.error(req.inputs[0].loc, "'matmul' needs an input of rank >= 1");
      return false;
    }
    int64_t Kd = a.shape.back();
    int64_t M = a.elements() / Kd;
    std::optional<int64_t> tb = scalar("transpose_b", 0, 0);
    if (!tb)
      return false;
    int64_t N;
    std::string bName;
    if (req.inputs.size() == 2) {
      if (req.attrs.count("out")) {
        diags.error(req.attrs.at("out").loc, "'out=' is only for matmul with an implicit weight");
        return false;
      }
      const TensorInfo &b = *req.inputs[1].tensor;
      if (!rank(1, 2))
        return false;
      int64_t bk = *tb ? b.shape[1] : b.shape[0];
      N = *tb ? b.shape[0] : b.shape[1];
      if (bk != Kd) {
        diags.error(req.inputs[1].loc,
                    "inner dimensions do not match: '" + a.name + "' " + shapeStr(a.shape) +
                        " times '" + b.name + "' " + shapeStr(b.shape) +
                        (*tb ? " (transposed)" : ""));
        return false;
      }
      bName = b.name;
    } else {
      std::optional<int64_t> out = scalar("out", std::nullopt, 1);
      if (!out)
        return false;
      N = *out;
      r.weights.push_back(weight("weight", {Kd, N}, a.dtype));
      bName = r.weights.back().name;
    }
    r.output.shape = a.shape;
    r.output.shape.back() = N;
    r.output.dtype = outType();
    r.op.macs = M * Kd * N;
    EinsumForm f;
    f.name = req.name;
    f.dims = {{"M", M, false}, {"N", N, false}, {"K", Kd, true}};
    f.operands.push_back(makeAccess(a.name, "input", f.dims, {{{"M", 1}}, {{"K", 1}}}));
    f.operands.push_back(makeAccess(bName, "weight", f.dims,
                                    *tb ? std::vector<std::vector<std::pair<std::string, int64_t>>>{{{"N", 1}}, {{"K", 1}}}
                                        : std::vector<std::vector<std::pair<std::string, int64_t>>>{{{"K", 1}}, {{"N", 1}}}));
    f.output = makeAccess(req.name, "output", f.dims, {{{"M", 1}}, {{"N", 1}}});
    r.op.einsums.push_back(std::move(f));
    return true;
  }

  bool batchMatmul() {
    if (!allowed({"transpose_b"}) || !inputs(2, 2))
      return false;
    const TensorInfo &a = *req.inputs[0].tensor, &b = *req.inputs[1].tensor;
    std::optional<int64_t> tb = scalar("transpose_b", 0, 0);
    if (!tb)
      return false;
    if (a.shape.size() < 3 || a.shape.size() != b.shape.size()) {
      diags.error(req.inputs[1].loc, "'batch_matmul' needs two inputs of equal rank >= 3, got " +
                                         shapeStr(a.shape) + " and " + shapeStr(b.shape));
      return false;
    }
    size_t n = a.shape.size();
    for (size_t i = 0; i + 2 < n; ++i)
      if (a.shape[i] != b.shape[i]) {
        diags.error(req.inputs[1].loc, "batch dimensions differ: " + shapeStr(a.shape) +
                                           " vs " + shapeStr(b.shape));
        return false;
      }
    int64_t B = product(a.shape, 0, n - 2), M = a.shape[n - 2], Kd = a.shape[n - 1];
    int64_t bk = *tb ? b.shape[n - 1] : b.shape[n - 2];
    int64_t N = *tb ? b.shape[n - 2] : b.shape[n - 1];
    if (bk != Kd) {
      diags.error(req.inputs[1].loc, "inner dimensions do not match: " + shapeStr(a.shape) +
                                         " times " + shapeStr(b.shape) +
                                         (*tb ? " (transposed)" : ""));
      return false;
    }
    r.output.shape = a.shape;
    r.output.shape[n - 1] = N;
    r.output.dtype = outType();
    r.op.macs = B * M * Kd * N;
    EinsumForm f;
    f.name = req.name;
    f.dims = {{"B", B, false}, {"M", M, false}, {"N", N, false}, {"K", Kd, true}};
    using I = std::vector<std::vector<std::pair<std::string, int64_t>>>;
    f.operands.push_back(makeAccess(a.name, "input", f.dims, {{{"B", 1}}, {{"M", 1}}, {{"K", 1}}}));
    f.operands.push_back(makeAccess(b.name, "weight", f.dims,
                                    *tb ? I{{{"B", 1}}, {{"N", 1}}, {{"K", 1}}}
                                        : I{{{"B", 1}}, {{"K", 1}}, {{"N", 1}}}));
    f.output = makeAccess(req.name, "output", f.dims, {{{"B", 1}}, {{"M", 1}}, {{"N", 1}}});
    r.op.einsums.push_back(std::move(f));
    return true;
  }

  bool attention() {
    if (!allowed({"heads", "head_dim", "kv_len", "kv_heads"}) || !inputs(1, 1) || !rank(0, 3))
      return false;
    const TensorInfo &q = *req.inputs[0].tensor;
    std::optional<int64_t> H = scalar("heads", std::nullopt, 1);
    if (!H)
      return false;
    std::optional<int64_t> D = scalar("head_dim", q.shape[2] / *H, 1);
    std::optional<int64_t> L = scalar("kv_len", q.shape[1], 1);
    std::optional<int64_t> Hkv = scalar("kv_heads", *H, 1);
    if (!D || !L || !Hkv)
      return false;
    if (*H * *D != q.shape[2]) {
      diags.error(req.inputs[0].loc, "heads (" + std::to_string(*H) + ") x head_dim (" +
                                         std::to_string(*D) + ") must equal the last dimension " +
                                         std::to_string(q.shape[2]) + " of '" + q.name + "'");
      return false;
    }
    if (*H % *Hkv) {
      diags.error(req.attrs.at("kv_heads").loc, "kv_heads must divide heads");
      return false;
    }
    int64_t B = q.shape[0], S = q.shape[1], grp = *H / *Hkv;
    r.output.shape = q.shape;
    r.output.dtype = outType();
    TensorInfo kc = weight("k", {B, *L, *Hkv * *D}, q.dtype);
    TensorInfo vc = weight("v", {B, *L, *Hkv * *D}, q.dtype);
    kc.kind = vc.kind = TensorInfo::Kind::Input;
    r.weights.push_back(kc);
    r.weights.push_back(vc);
    r.op.weights.clear();
    r.op.inputs.push_back(kc.name);
    r.op.inputs.push_back(vc.name);
    r.op.macs = 2 * B * *H * S * *L * *D;
    r.op.ops = B * *H * S * *L; // softmax
    r.op.attrs = {{"heads", {*H}}, {"head_dim", {*D}}, {"kv_len", {*L}}, {"kv_heads", {*Hkv}}};
    EinsumForm sc;
    sc.name = req.name + ".scores";
    sc.dims = {{"B", B, false}, {"H", *Hkv, false}, {"G", grp, false}, {"S", S, false},
               {"L", *L, false}, {"D", *D, true}};
    sc.operands.push_back(makeAccess(q.name, "input", sc.dims,
                                     {{{"B", 1}}, {{"S", 1}}, {{"H", grp * *D}, {"G", *D}, {"D", 1}}}));
    sc.operands.push_back(makeAccess(kc.name, "weight", sc.dims,
                                     {{{"B", 1}}, {{"L", 1}}, {{"H", *D}, {"D", 1}}}));
    sc.output = makeAccess(req.name + ".p", "output", sc.dims,
                           {{{"B", 1}}, {{"H", grp}, {"G", 1}}, {{"S", 1}}, {{"L", 1}}});
    EinsumForm cx;
    cx.name = req.name + ".context";
    cx.dims = {{"B", B, false}, {"H", *Hkv, false}, {"G", grp, false}, {"S", S, false},
               {"D", *D, false}, {"L", *L, true}};
    cx.operands.push_back(makeAccess(req.name + ".p", "input", cx.dims,
                                     {{{"B", 1}}, {{"H", grp}, {"G", 1}}, {{"S", 1}}, {{"L", 1}}}));
    cx.operands.push_back(makeAccess(vc.name, "weight", cx.dims,
                                     {{{"B", 1}}, {{"L", 1}}, {{"H", *D}, {"D", 1}}}));
    cx.output = makeAccess(req.name, "output", cx.dims,
                           {{{"B", 1}}, {{"S", 1}}, {{"H", grp * *D}, {"G", *D}, {"D", 1}}});
    r.op.einsums.push_back(std::move(sc));
    r.op.einsums.push_back(std::move(cx));
    return true;
  }

  bool binaryElementwise() {
    if (!allowed({}) || !inputs(2, 2))
      return false;
    const TensorInfo &a = *req.inputs[0].tensor, &b = *req.inputs[1].tensor;
    if (a.shape != b.shape) {
      diags.error(req.inputs[1].loc, "'" + req.kind + "' needs equal shapes, got '" + a.name +
                                         "' " + shapeStr(a.shape) + " and '" + b.name + "' " +
                                         shapeStr(b.shape));
      return false;
    }
    r.output.shape = a.shape;
    r.output.dtype = outType();
    r.op.ops = a.elements();
    return true;
  }

  bool unaryElementwise() {
    if (!allowed(req.kind == "softmax" ? std::initializer_list<const char *>{"axis"}
                                       : std::initializer_list<const char *>{}) ||
        !inputs(1, 1))
      return false;
    const TensorInfo &a = *req.inputs[0].tensor;
    r.output.shape = a.shape;
    r.output.dtype = outType();
    r.op.ops = a.elements();
    return true;
  }

  bool pool() {
    if (!allowed({"kernel", "stride", "pad"}) || !inputs(1, 1) || !rank(0, 4))
      return false;
    if (!req.attrs.count("kernel")) {
      diags.error(req.kindLoc, "'" + req.kind + "' needs 'kernel='");
      return false;
    }
    auto kernel = pair("kernel", 1, 1);
    if (!kernel)
      return false;
    auto stride = pair("stride", kernel->first, 1);
    auto pad = pair("pad", 0, 0);
    if (!stride || !pad)
      return false;
    const TensorInfo &x = *req.inputs[0].tensor;
    int64_t H = x.shape[2] + 2 * pad->first, W = x.shape[3] + 2 * pad->second;
    if (H < kernel->first || W < kernel->second) {
      diags.error(req.attrs.at("kernel").loc, "pooling window does not fit the input");
      return false;
    }
    int64_t P = (H - kernel->first) / stride->first + 1;
    int64_t Q = (W - kernel->second) / stride->second + 1;
    r.output.shape = {x.shape[0], x.shape[1], P, Q};
    r.output.dtype = outType();
    r.op.ops = x.shape[0] * x.shape[1] * P * Q * kernel->first * kernel->second;
    r.op.attrs = {{"kernel", {kernel->first, kernel->second}},
                  {"stride", {stride->first, stride->second}},
                  {"pad", {pad->first, pad->second}}};
    return true;
  }

  bool globalPool() {
    if (!allowed({}) || !inputs(1, 1) || !rank(0, 4))
      return false;
    const TensorInfo &x = *req.inputs[0].tensor;
    r.output.shape = {x.shape[0], x.shape[1], 1, 1};
    r.output.dtype = outType();
    r.op.ops = x.elements();
    return true;
  }

  bool embeddingBag() {
    if (!allowed({"tables", "rows", "dim", "pooling", "batch"}) || !inputs(0, 0))
      return false;
    std::optional<int64_t> T = scalar("tables", std::nullopt, 1);
    std::optional<int64_t> D = scalar("dim", std::nullopt, 1);
    std::optional<int64_t> B = scalar("batch", 1, 1);
    if (!T || !D || !B)
      return false;
    auto perTable = [&](const char *key) -> std::optional<std::vector<int64_t>> {
      auto it = req.attrs.find(key);
      if (it == req.attrs.end()) {
        diags.error(req.kindLoc, std::string("'embedding_bag' needs '") + key + "='");
        return std::nullopt;
      }
      const OpRequest::Attr &a = it->second;
      std::vector<int64_t> v = a.values;
      if (v.size() == 1)
        v.assign(*T, v[0]);
      if (static_cast<int64_t>(v.size()) != *T) {
        diags.error(a.loc, std::string("'") + key + "' needs one value or one per table (" +
                               std::to_string(*T) + "), got " + std::to_string(v.size()));
        return std::nullopt;
      }
      for (int64_t x : v)
        if (x < 1) {
          diags.error(a.loc, std::string("'") + key + "' values must be positive");
          return std::nullopt;
        }
      return v;
    };
    auto rows = perTable("rows");
    auto pooling = perTable("pooling");
    if (!rows || !pooling)
      return false;
    DType t = req.dtype.value_or(DType::Fp32);
    int64_t totalRows = std::accumulate(rows->begin(), rows->end(), int64_t(0));
    int64_t lookups = std::accumulate(pooling->begin(), pooling->end(), int64_t(0));
    r.weights.push_back(weight("tables", {totalRows, *D}, t));
    r.output.shape = {*B, *T * *D};
    r.output.dtype = t;
    r.op.ops = *B * lookups * *D;
    r.op.extraBytes = *B * lookups * *D * dtypeBits(t) / 8;
    r.op.attrs = {{"tables", {*T}}, {"rows", *rows}, {"dim", {*D}}, {"pooling", *pooling},
                  {"batch", {*B}}};
    return true;
  }

  bool flatten() {
    if (!allowed({}) || !inputs(1, 1))
      return false;
    const TensorInfo &x = *req.inputs[0].tensor;
    r.output.shape = {x.shape[0], x.elements() / x.shape[0]};
    r.output.dtype = outType();
    return true;
  }

  bool reshape() {
    if (!allowed({"shape"}) || !inputs(1, 1))
      return false;
    auto it = req.attrs.find("shape");
    if (it == req.attrs.end()) {
      diags.error(req.kindLoc, "'reshape' needs 'shape=[...]'");
      return false;
    }
    const TensorInfo &x = *req.inputs[0].tensor;
    if (product(it->second.values) != x.elements()) {
      diags.error(it->second.loc, "reshape to " + shapeStr(it->second.values) + " changes the "
                                  "element count of '" + x.name + "' " + shapeStr(x.shape));
      return false;
    }
    r.output.shape = it->second.values;
    r.output.dtype = outType();
    return true;
  }

  bool concat() {
    if (!allowed({"axis"}) || !inputs(2, 64))
      return false;
    std::optional<int64_t> axis = scalar("axis", 1, 0);
    if (!axis)
      return false;
    const TensorInfo &a = *req.inputs[0].tensor;
    if (*axis >= static_cast<int64_t>(a.shape.size())) {
      diags.error(req.attrs.at("axis").loc, "axis out of range for rank " +
                                                std::to_string(a.shape.size()));
      return false;
    }
    r.output.shape = a.shape;
    r.output.shape[*axis] = 0;
    for (const OpRequest::Input &in : req.inputs) {
      std::vector<int64_t> s = in.tensor->shape;
      if (s.size() != a.shape.size()) {
        diags.error(in.loc, "concat inputs must have equal rank");
        return false;
      }
      for (size_t i = 0; i < s.size(); ++i)
        if (static_cast<int64_t>(i) != *axis && s[i] != a.shape[i]) {
          diags.error(in.loc, "concat inputs differ outside the axis: " + shapeStr(a.shape) +
                                  " vs " + shapeStr(s));
          return false;
        }
      r.output.shape[*axis] += s[*axis];
    }
    r.output.dtype = outType();
    return true;
  }

  const OpRequest &req;
  DiagnosticEngine &diags;
  OpResult r;
};

} // namespace

const std::vector<std::string> &opNames() {
  static const std::vector<std::string> names = {
      "conv2d", "depthwise_conv2d", "matmul", "batch_matmul", "attention", "add", "sub",
      "mul", "relu", "gelu", "silu", "sigmoid", "tanh", "batchnorm", "layernorm", "rmsnorm",
      "softmax", "identity", "quantize", "maxpool", "avgpool", "global_avgpool",
      "embedding_bag", "flatten", "reshape", "concat"};
  return names;
}

std::optional<OpResult> inferOp(const OpRequest &req, DiagnosticEngine &diags) {
  return OpInferer(req, diags).run();
}

} // namespace tessel::dsl
