// Pooling, embedding gathers and data movement: maxpool, avgpool,
// global_avgpool, embedding_bag, flatten, reshape, concat and slice.
#include "OpInferer.h"

#include <numeric>

namespace tessel::dsl {

bool OpInferer::pool() {
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
    diags.error(req.attrs.at("kernel").loc,
                "pooling window does not fit the input");
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

bool OpInferer::globalPool() {
  if (!allowed({}) || !inputs(1, 1) || !rank(0, 4))
    return false;
  const TensorInfo &x = *req.inputs[0].tensor;
  r.output.shape = {x.shape[0], x.shape[1], 1, 1};
  r.output.dtype = outType();
  r.op.ops = x.elements();
  return true;
}

bool OpInferer::embeddingBag() {
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
      diags.error(req.kindLoc,
                  std::string("'embedding_bag' needs '") + key + "='");
      return std::nullopt;
    }
    const OpRequest::Attr &a = it->second;
    std::vector<int64_t> v = a.values;
    if (v.size() == 1)
      v.assign(*T, v[0]);
    if (static_cast<int64_t>(v.size()) != *T) {
      diags.error(a.loc, std::string("'") + key +
                             "' needs one value or one per table (" +
                             std::to_string(*T) + "), got " +
                             std::to_string(v.size()));
      return std::nullopt;
    }
    for (int64_t x : v)
      if (x < 1) {
        diags.error(a.loc,
                    std::string("'") + key + "' values must be positive");
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
  int64_t lookups =
      std::accumulate(pooling->begin(), pooling->end(), int64_t(0));
  r.weights.push_back(weight("tables", {totalRows, *D}, t));
  r.output.shape = {*B, *T * *D};
  r.output.dtype = t;
  r.op.ops = *B * lookups * *D;
  r.op.extraBytes = *B * lookups * *D * dtypeBits(t) / 8;
  r.op.attrs = {{"tables", {*T}},
                {"rows", *rows},
                {"dim", {*D}},
                {"pooling", *pooling},
                {"batch", {*B}}};
  return true;
}

bool OpInferer::flatten() {
  if (!allowed({}) || !inputs(1, 1))
    return false;
  const TensorInfo &x = *req.inputs[0].tensor;
  r.output.shape = {x.shape[0], x.elements() / x.shape[0]};
  r.output.dtype = outType();
  return true;
}

bool OpInferer::reshape() {
  if (!allowed({"shape"}) || !inputs(1, 1))
    return false;
  auto it = req.attrs.find("shape");
  if (it == req.attrs.end()) {
    diags.error(req.kindLoc, "'reshape' needs 'shape=[...]'");
    return false;
  }
  const TensorInfo &x = *req.inputs[0].tensor;
  if (product(it->second.values) != x.elements()) {
    diags.error(it->second.loc, "reshape to " + shapeStr(it->second.values) +
                                    " changes the "
                                    "element count of '" +
                                    x.name + "' " + shapeStr(x.shape));
    return false;
  }
  r.output.shape = it->second.values;
  r.output.dtype = outType();
  return true;
}

bool OpInferer::concat() {
  if (!allowed({"axis"}) || !inputs(2, 64))
    return false;
  std::optional<int64_t> axis = scalar("axis", 1, 0);
  if (!axis)
    return false;
  const TensorInfo &a = *req.inputs[0].tensor;
  if (*axis >= static_cast<int64_t>(a.shape.size())) {
    diags.error(req.attrs.at("axis").loc,
                "axis out of range for rank " + std::to_string(a.shape.size()));
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
        diags.error(in.loc, "concat inputs differ outside the axis: " +
                                shapeStr(a.shape) + " vs " + shapeStr(s));
        return false;
      }
    r.output.shape[*axis] += s[*axis];
  }
  r.output.dtype = outType();
  return true;
}

bool OpInferer::slice() {
  if (!allowed({"dim", "start", "size"}) || !inputs(1, 1))
    return false;
  std::optional<int64_t> dim = scalar("dim", std::nullopt, 0);
  std::optional<int64_t> start = scalar("start", std::nullopt, 0);
  std::optional<int64_t> size = scalar("size", 1, 1);
  if (!dim || !start || !size)
    return false;
  const TensorInfo &x = *req.inputs[0].tensor;
  if (*dim >= static_cast<int64_t>(x.shape.size())) {
    diags.error(req.attrs.at("dim").loc,
                "dim " + std::to_string(*dim) + " is out of range for '" +
                    x.name + "' " + shapeStr(x.shape) + " (dims count from 0)");
    return false;
  }
  int64_t extent = x.shape[*dim];
  if (*size > extent || *start > extent - *size) {
    int64_t end = 0;
    std::string endText = __builtin_add_overflow(*start, *size, &end)
                              ? std::string("overflow")
                              : std::to_string(end);
    diags.error(req.attrs.at("start").loc,
                "slice [" + std::to_string(*start) + ", " + endText +
                    ") does not fit dim " +
                    std::to_string(*dim) + " of '" + x.name + "' " +
                    shapeStr(x.shape),
                "start + size must be at most " + std::to_string(extent));
    return false;
  }
  r.output.shape = x.shape;
  r.output.shape[*dim] = *size;
  r.output.dtype = outType();
  r.op.attrs = {{"dim", {*dim}}, {"start", {*start}}, {"size", {*size}}};
  return true;
}

} // namespace tessel::dsl
