// One conversion per supported ONNX op type: Conv, Gemm, MatMul (with fused transposes),
// normalisations, activations, elementwise ops, pooling, data movement (see OnnxImport.h).
#include "OnnxConverter.h"

#include "tessel/dsl/WlText.h"

#include <algorithm>
#include <cmath>

namespace tessel::onnximport {

using dsl::wlArg;
using dsl::wlList;

namespace {

std::string pairArg(const char *key, int64_t a, int64_t b, int64_t dflt) {
  if (a == dflt && b == dflt)
    return "";
  return a == b ? wlArg(key, {a}) : wlArg(key, {a, b});
}

const std::map<std::string, std::string> kUnary = {
    {"Relu", "relu"},         {"Sigmoid", "sigmoid"},         {"Tanh", "tanh"},
    {"Exp", "exp"},           {"LeakyRelu", "leaky_relu"},    {"HardSigmoid", "hardsigmoid"},
    {"HardSwish", "hardswish"}, {"Gelu", "gelu"},             {"Identity", "identity"},
    {"Dropout", "identity"},  {"Softmax", "softmax"}};

const std::map<std::string, std::string> kBinary = {
    {"Add", "add"}, {"Sub", "sub"}, {"Mul", "mul"}};

/// A scalar constant input (Clip bounds), when the file holds its value.
std::optional<double> scalarInput(const Graph &g, const Node &n, size_t i) {
  if (i >= n.inputs.size() || n.inputs[i].empty())
    return std::nullopt;
  const Value *v = g.value(n.inputs[i]);
  if (!v || !v->data || v->data->size() != 1)
    return std::nullopt;
  return v->data->front();
}

} // namespace

std::optional<Converter::Statement> Converter::convertOp(const Node &n, const std::string &name,
                                                          std::string &why) {
  const std::string &op = n.opType;
  auto in = [&](size_t i) -> std::string {
    if (i >= n.inputs.size() || n.inputs[i].empty()) {
      why = "missing input " + std::to_string(i);
      return "";
    }
    return ref(n.inputs[i], why);
  };
  auto has = [&](size_t i) { return i < n.inputs.size() && !n.inputs[i].empty(); };
  auto rankOf = [&](size_t i) -> const std::vector<int64_t> * {
    return has(i) ? shape(n.inputs[i]) : nullptr;
  };
  auto named = [](std::string call) { return Statement{std::move(call), "", ""}; };

  if (op == "Conv") {
    const std::vector<int64_t> *x = rankOf(0), *w = rankOf(1);
    if (!x || !w || x->size() != 4 || w->size() != 4) {
      why = "only 2-D convolutions with static shapes (rank-4 input and weight)";
      return std::nullopt;
    }
    int64_t G = n.intAttr("group", 1), C = (*x)[1], K = (*w)[0];
    std::vector<int64_t> st = n.intsAttr("strides", {1, 1}), dl = n.intsAttr("dilations", {1, 1});
    if (st.size() != 2 || dl.size() != 2 || G < 1 || C != (*w)[1] * G) {
      why = "inconsistent strides, dilations or groups";
      return std::nullopt;
    }
    std::array<int64_t, 2> window = {dl[0] * ((*w)[2] - 1) + 1, dl[1] * ((*w)[3] - 1) + 1};
    std::optional<std::array<int64_t, 2>> pad =
        symmetricPads(n, *x, window, {st[0], st[1]}, false, why);
    if (!pad)
      return std::nullopt;
    std::string xs = in(0);
    if (xs.empty())
      return std::nullopt;
    std::string args = ", kernel=" + wlList({(*w)[2], (*w)[3]}) +
                       pairArg("stride", st[0], st[1], 1) +
                       pairArg("pad", (*pad)[0], (*pad)[1], 0) +
                       pairArg("dilation", dl[0], dl[1], 1) + (has(2) ? ", bias=true" : "");
    if (G > 1 && G == C && K % C == 0)
      return named("depthwise_conv2d(" + xs + args +
                   (K / C > 1 ? ", multiplier=" + std::to_string(K / C) : "") + ")");
    return named("conv2d(" + xs + ", out=" + std::to_string(K) + args +
                 (G > 1 ? ", groups=" + std::to_string(G) : "") + ")");
  }

  if (op == "Gemm" || op == "MatMul") {
    bool gemm = op == "Gemm";
    const std::vector<int64_t> *a = rankOf(0), *b = rankOf(1);
    if (gemm && n.intAttr("transA", 0) != 0) {
      why = "transA=1 (the .wl matmul reads A as [M, K])";
      return std::nullopt;
    }
    bool transB = gemm && n.intAttr("transB", 0) != 0;
    std::string bValue = has(1) ? n.inputs[1] : "";
    if (!gemm && fusedTranspose(bValue)) { // attention's Q x K^T
      bValue = producerOf(bValue)->inputs[0];
      b = shape(bValue);
      transB = true;
    }
    if (!a || !b || a->empty() || b->size() < 2) {
      why = "operands without static shapes";
      return std::nullopt;
    }
    std::string bias = gemm && has(2) ? ", bias=true" : "";
    std::string tb = transB ? ", transpose_b=true" : "";
    const Value *bv = g.value(bValue);
    std::string as = in(0);
    if (as.empty())
      return std::nullopt;
    if (b->size() == 2 && bv && bv->constant) {
      int64_t N = transB ? (*b)[0] : (*b)[1];
      return named("matmul(" + as + ", out=" + std::to_string(N) + bias + ")");
    }
    bool batched = a->size() == b->size() && a->size() >= 3 &&
                   std::equal(a->begin(), a->end() - 2, b->begin());
    if (b->size() != 2 && !batched) {
      why = "broadcast batch dimensions " + wlList(*a) + " x " + wlList(*b);
      return std::nullopt;
    }
    std::string bs = ref(bValue, why);
    if (bs.empty())
      return std::nullopt;
    return named(std::string(b->size() == 2 ? "matmul(" : "batch_matmul(") + as + ", " + bs +
                 tb + bias + ")");
  }

  if (op == "BatchNormalization" || op == "LayerNormalization") {
    const std::vector<int64_t> *x = rankOf(0);
    if (op == "LayerNormalization" && x &&
        n.intAttr("axis", -1) != -1 && n.intAttr("axis", -1) != int64_t(x->size()) - 1) {
      why = "normalisation over more than the last axis";
      return std::nullopt;
    }
    std::string xs = in(0);
    if (xs.empty())
      return std::nullopt;
    if (op == "BatchNormalization")
      return named("batchnorm(" + xs + ", scale=true, shift=true)");
    return named("layernorm(" + xs + ", scale=true" + (has(2) ? ", shift=true" : "") + ")");
  }

  if (op == "Clip") {
    std::optional<double> lo = scalarInput(g, n, 1), hi = scalarInput(g, n, 2);
    if (const Attribute *a = n.attr("min"); a && a->f)
      lo = a->f;
    if (const Attribute *a = n.attr("max"); a && a->f)
      hi = a->f;
    bool fromZero = lo && *lo == 0;
    std::string kind = fromZero && hi && *hi == 6 ? "relu6" : fromZero && !hi ? "relu" : "";
    if (kind.empty()) {
      why = "Clip bounds other than [0, 6] or [0, inf) (or not in the file)";
      return std::nullopt;
    }
    std::string xs = in(0);
    return xs.empty() ? std::nullopt : std::optional(named(kind + "(" + xs + ")"));
  }

  if (auto u = kUnary.find(op); u != kUnary.end()) {
    std::string xs = in(0);
    if (xs.empty())
      return std::nullopt;
    std::string axis;
    if (op == "Softmax" && rankOf(0)) {
      int64_t rank = static_cast<int64_t>(rankOf(0)->size());
      int64_t ax = n.intAttr("axis", g.opset >= 13 ? -1 : 1);
      axis = ", axis=" + std::to_string(ax < 0 ? ax + rank : ax);
    }
    return named(u->second + "(" + xs + axis + ")");
  }

  if (auto b = kBinary.find(op); b != kBinary.end()) {
    const std::vector<int64_t> *x = rankOf(0), *y = rankOf(1);
    if (!x || !y || *x != *y) {
      why = "broadcasting " + (x ? wlList(*x) : "?") + " and " + (y ? wlList(*y) : "?") +
            " (the .wl needs equal shapes)";
      return std::nullopt;
    }
    std::string xs = in(0), ys = xs.empty() ? "" : in(1);
    if (ys.empty())
      return std::nullopt;
    return named(b->second + "(" + xs + ", " + ys + ")");
  }

  if (op == "MaxPool" || op == "AveragePool") {
    const std::vector<int64_t> *x = rankOf(0);
    std::vector<int64_t> k = n.intsAttr("kernel_shape", {});
    std::vector<int64_t> st = n.intsAttr("strides", {1, 1});
    std::vector<int64_t> dl = n.intsAttr("dilations", {1, 1});
    if (!x || x->size() != 4 || k.size() != 2 || st.size() != 2 ||
        dl != std::vector<int64_t>{1, 1}) {
      why = "only 2-D pooling without dilation";
      return std::nullopt;
    }
    std::optional<std::array<int64_t, 2>> pad =
        symmetricPads(n, *x, {k[0], k[1]}, {st[0], st[1]}, n.intAttr("ceil_mode", 0) != 0, why);
    if (!pad)
      return std::nullopt;
    std::string xs = in(0);
    if (xs.empty())
      return std::nullopt;
    return named(std::string(op == "MaxPool" ? "maxpool(" : "avgpool(") + xs +
                 ", kernel=" + wlList(k) +
                 ", stride=" + (st[0] == st[1] ? std::to_string(st[0]) : wlList(st)) +
                 pairArg("pad", (*pad)[0], (*pad)[1], 0) + ")");
  }

  if (op == "GlobalAveragePool") {
    const std::vector<int64_t> *x = rankOf(0);
    if (!x || x->size() != 4) {
      why = "only rank-4 inputs";
      return std::nullopt;
    }
    std::string xs = in(0);
    return xs.empty() ? std::nullopt : std::optional(named("global_avgpool(" + xs + ")"));
  }

  if (op == "Flatten" || op == "Reshape" || op == "Squeeze" || op == "Unsqueeze") {
    const std::vector<int64_t> *x = rankOf(0), *out = shape(n.outputs[0]);
    if (op == "Flatten" && x && x->size() >= 2 && n.intAttr("axis", 1) == 1) {
      std::string xs = in(0);
      return xs.empty() ? std::nullopt : std::optional(named("flatten(" + xs + ")"));
    }
    if (!out) {
      why = "the output shape is not static";
      return std::nullopt;
    }
    std::string xs = in(0);
    return xs.empty() ? std::nullopt
                      : std::optional(named("reshape(" + xs + ", shape=" + wlList(*out) + ")"));
  }

  if (op == "Concat") {
    const std::vector<int64_t> *out = shape(n.outputs[0]);
    if (!out) {
      why = "the output shape is not static";
      return std::nullopt;
    }
    int64_t axis = n.intAttr("axis", 1);
    if (axis < 0)
      axis += static_cast<int64_t>(out->size());
    std::string args;
    for (size_t i = 0; i < n.inputs.size(); ++i) {
      std::string s = in(i);
      if (s.empty())
        return std::nullopt;
      args += (i ? ", " : "") + s;
    }
    if (n.inputs.size() == 1)
      return named("identity(" + args + ")");
    return named("concat(" + args + ", axis=" + std::to_string(axis) + ")");
  }

  if (op == "Transpose") { // a copy: a one-operand generic einsum over the output's axes
    const std::vector<int64_t> *x = rankOf(0);
    if (!x) {
      why = "the input shape is not static";
      return std::nullopt;
    }
    std::vector<int64_t> perm = n.intsAttr("perm", {});
    if (perm.empty())
      for (int64_t i = static_cast<int64_t>(x->size()) - 1; i >= 0; --i)
        perm.push_back(i);
    std::string xs = in(0);
    if (xs.empty())
      return std::nullopt;
    std::vector<std::string> idx(x->size());
    std::string outIdx, ranges;
    for (size_t i = 0; i < perm.size(); ++i) {
      std::string d = "d" + std::to_string(i);
      idx.at(perm[i]) = d;
      outIdx += (i ? ", " : "") + d;
      ranges += (i ? ", " : "") + d + " < " + std::to_string((*x)[perm[i]]);
    }
    std::string inIdx;
    for (size_t i = 0; i < idx.size(); ++i)
      inIdx += (i ? ", " : "") + idx[i];
    std::string outName = fresh(name + "_out");
    return Statement{"", outName,
                     outName + "[" + outIdx + "] = " + xs + "[" + inIdx + "] for " + ranges + ";"};
  }

  why = "no .wl equivalent";
  return std::nullopt;
}

} // namespace tessel::onnximport
