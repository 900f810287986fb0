// Named MAC operators: conv2d, depthwise_conv2d, matmul, batch_matmul and
// attention (shapes, implicit weights and biases, MACs and einsum forms).
#include "OpInferer.h"

namespace tessel::dsl {

bool OpInferer::conv(bool depthwise) {
  if (!allowed(depthwise
                   ? std::initializer_list<const char *>{"kernel", "stride",
                                                         "pad", "dilation",
                                                         "multiplier", "bias"}
                   : std::initializer_list<const char *>{"out", "kernel",
                                                         "stride", "pad",
                                                         "dilation", "groups",
                                                         "bias"}) ||
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
  std::optional<bool> hasBias = flag("bias");
  if (!kernel || !stride || !pad || !dil || !K || !G || !hasBias)
    return false;
  if (C % *G || *K % *G) {
    diags.error(req.attrs.count("groups") ? req.attrs.at("groups").loc
                                          : req.kindLoc,
                "groups=" + std::to_string(*G) +
                    " must divide input channels (" + std::to_string(C) +
                    ") and output channels (" + std::to_string(*K) + ")");
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
                    " (dilated " + std::to_string(effR) + "x" +
                    std::to_string(effS) + ") does not fit the padded input " +
                    std::to_string(H + 2 * ph) + "x" +
                    std::to_string(W + 2 * pw) + " of '" + x.name + "'");
    return false;
  }
  int64_t P = (H + 2 * ph - effR) / sh + 1, Q = (W + 2 * pw - effS) / sw + 1;
  int64_t Cg = C / *G, Kg = *K / *G;
  r.output.shape = {N, *K, P, Q};
  r.output.dtype = outType();
  r.weights.push_back(weight("weight", {*K, Cg, R, S}, x.dtype));
  r.op.macs = N * *K * Cg * R * S * P * Q;
  if (*hasBias)
    bias(*K, x.dtype, N * *K * P * Q);
  r.op.attrs = {
      {"kernel", {R, S}},          {"stride", {sh, sw}}, {"pad", {ph, pw}},
      {"dilation", {dh, dw}},      {"groups", {*G}},     {"out", {*K}},
      {"bias", {*hasBias ? 1 : 0}}};
  EinsumForm f;
  f.name = req.name;
  bool grouped = *G > 1;
  if (grouped)
    f.dims.push_back({"G", *G, false});
  f.dims.insert(f.dims.end(), {{"N", N, false},
                               {"K", Kg, false},
                               {"C", Cg, true},
                               {"P", P, false},
                               {"Q", Q, false},
                               {"R", R, true},
                               {"S", S, true}});
  using I = std::vector<std::pair<std::string, int64_t>>;
  const std::string &filter = r.weights.front().name;
  I chanIn = grouped ? I{{"G", Cg}, {"C", 1}} : I{{"C", 1}};
  I chanOut = grouped ? I{{"G", Kg}, {"K", 1}} : I{{"K", 1}};
  f.operands.push_back(makeAccess(
      x.name, "input", f.dims,
      {{{"N", 1}}, chanIn, {{"P", sh}, {"R", dh}}, {{"Q", sw}, {"S", dw}}},
      {0, 0, -ph, -pw}));
  f.operands.push_back(makeAccess(
      filter, "weight", f.dims, {chanOut, {{"C", 1}}, {{"R", 1}}, {{"S", 1}}}));
  f.output = makeAccess(req.name, "output", f.dims,
                        {{{"N", 1}}, chanOut, {{"P", 1}}, {{"Q", 1}}});
  r.op.einsums.push_back(std::move(f));
  return true;
}

bool OpInferer::matmul() {
  if (!allowed({"out", "transpose_b", "bias"}) || !inputs(1, 2))
    return false;
  const TensorInfo &a = *req.inputs[0].tensor;
  if (a.shape.size() < 2 && !(a.shape.size() == 1)) {
    diags.error(req.inputs[0].loc, "'matmul' needs an input of rank >= 1");
    return false;
  }
  int64_t Kd = a.shape.back();
  int64_t M = a.elements() / Kd;
  std::optional<bool> tb = flag("transpose_b"), hasBias = flag("bias");
  if (!tb || !hasBias)
    return false;
  int64_t N;
  std::string bName;
  if (req.inputs.size() == 2) {
    if (req.attrs.count("out")) {
      diags.error(req.attrs.at("out").loc,
                  "'out=' is only for matmul with an implicit weight");
      return false;
    }
    const TensorInfo &b = *req.inputs[1].tensor;
    if (!rank(1, 2))
      return false;
    int64_t bk = *tb ? b.shape[1] : b.shape[0];
    N = *tb ? b.shape[0] : b.shape[1];
    if (bk != Kd) {
      diags.error(req.inputs[1].loc,
                  "inner dimensions do not match: '" + a.name + "' " +
                      shapeStr(a.shape) + " times '" + b.name + "' " +
                      shapeStr(b.shape) + (*tb ? " (transposed)" : ""));
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
  if (*hasBias)
    bias(N, a.dtype, M * N);
  r.op.attrs = {{"transpose_b", {*tb ? 1 : 0}}, {"bias", {*hasBias ? 1 : 0}}};
  EinsumForm f;
  f.name = req.name;
  f.dims = {{"M", M, false}, {"N", N, false}, {"K", Kd, true}};
  f.operands.push_back(
      makeAccess(a.name, "input", f.dims, {{{"M", 1}}, {{"K", 1}}}));
  f.operands.push_back(makeAccess(bName, "weight", f.dims,
                                  *tb ? IndexTerms{{{"N", 1}}, {{"K", 1}}}
                                      : IndexTerms{{{"K", 1}}, {{"N", 1}}}));
  f.output = makeAccess(req.name, "output", f.dims, {{{"M", 1}}, {{"N", 1}}});
  r.op.einsums.push_back(std::move(f));
  return true;
}

bool OpInferer::batchMatmul() {
  if (!allowed({"transpose_b"}) || !inputs(2, 2))
    return false;
  const TensorInfo &a = *req.inputs[0].tensor, &b = *req.inputs[1].tensor;
  std::optional<bool> tb = flag("transpose_b");
  if (!tb)
    return false;
  if (a.shape.size() < 3 || a.shape.size() != b.shape.size()) {
    diags.error(req.inputs[1].loc,
                "'batch_matmul' needs two inputs of equal rank >= 3, got " +
                    shapeStr(a.shape) + " and " + shapeStr(b.shape));
    return false;
  }
  size_t n = a.shape.size();
  for (size_t i = 0; i + 2 < n; ++i)
    if (a.shape[i] != b.shape[i]) {
      diags.error(req.inputs[1].loc,
                  "batch dimensions differ: " + shapeStr(a.shape) + " vs " +
                      shapeStr(b.shape));
      return false;
    }
  int64_t B = product(a.shape, 0, n - 2), M = a.shape[n - 2],
          Kd = a.shape[n - 1];
  int64_t bk = *tb ? b.shape[n - 1] : b.shape[n - 2];
  int64_t N = *tb ? b.shape[n - 2] : b.shape[n - 1];
  if (bk != Kd) {
    diags.error(req.inputs[1].loc,
                "inner dimensions do not match: " + shapeStr(a.shape) +
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
  using I = IndexTerms;
  f.operands.push_back(makeAccess(a.name, "input", f.dims,
                                  {{{"B", 1}}, {{"M", 1}}, {{"K", 1}}}));
  f.operands.push_back(makeAccess(b.name, "weight", f.dims,
                                  *tb ? I{{{"B", 1}}, {{"N", 1}}, {{"K", 1}}}
                                      : I{{{"B", 1}}, {{"K", 1}}, {{"N", 1}}}));
  f.output = makeAccess(req.name, "output", f.dims,
                        {{{"B", 1}}, {{"M", 1}}, {{"N", 1}}});
  r.op.einsums.push_back(std::move(f));
  return true;
}

bool OpInferer::attention() {
  if (!allowed({"heads", "head_dim", "kv_len", "kv_heads"}) || !inputs(1, 1) ||
      !rank(0, 3))
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
    diags.error(req.inputs[0].loc,
                "heads (" + std::to_string(*H) + ") x head_dim (" +
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
  r.op.attrs = {{"heads", {*H}},
                {"head_dim", {*D}},
                {"kv_len", {*L}},
                {"kv_heads", {*Hkv}}};
  EinsumForm sc;
  sc.name = req.name + ".scores";
  sc.dims = {{"B", B, false}, {"H", *Hkv, false}, {"G", grp, false},
             {"S", S, false}, {"L", *L, false},   {"D", *D, true}};
  sc.operands.push_back(makeAccess(
      q.name, "input", sc.dims,
      {{{"B", 1}}, {{"S", 1}}, {{"H", grp * *D}, {"G", *D}, {"D", 1}}}));
  sc.operands.push_back(
      makeAccess(kc.name, "weight", sc.dims,
                 {{{"B", 1}}, {{"L", 1}}, {{"H", *D}, {"D", 1}}}));
  sc.output =
      makeAccess(req.name + ".p", "output", sc.dims,
                 {{{"B", 1}}, {{"H", grp}, {"G", 1}}, {{"S", 1}}, {{"L", 1}}});
  EinsumForm cx;
  cx.name = req.name + ".context";
  cx.dims = {{"B", B, false}, {"H", *Hkv, false}, {"G", grp, false},
             {"S", S, false}, {"D", *D, false},   {"L", *L, true}};
  cx.operands.push_back(
      makeAccess(req.name + ".p", "input", cx.dims,
                 {{{"B", 1}}, {{"H", grp}, {"G", 1}}, {{"S", 1}}, {{"L", 1}}}));
  cx.operands.push_back(
      makeAccess(vc.name, "weight", cx.dims,
                 {{{"B", 1}}, {{"L", 1}}, {{"H", *D}, {"D", 1}}}));
  cx.output = makeAccess(
      req.name, "output", cx.dims,
      {{{"B", 1}}, {{"S", 1}}, {{"H", grp * *D}, {"G", *D}, {"D", 1}}});
  r.op.einsums.push_back(std::move(sc));
  r.op.einsums.push_back(std::move(cx));
  return true;
}

} // namespace tessel::dsl
