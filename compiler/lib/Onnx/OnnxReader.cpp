// ModelProto -> Graph: the only file that sees protobuf and ONNX types (see OnnxGraph.h).
#include "OnnxGraph.h"

#include "onnx/defs/schema.h"
#include "onnx/onnx_pb.h"
#include "onnx/shape_inference/implementation.h"

#include <algorithm>
#include <cstring>
#include <exception>

namespace tessel::onnximport {

std::string Node::label() const {
  if (!name.empty())
    return name;
  return outputs.empty() ? opType : outputs.front();
}

const Attribute *Node::attr(const std::string &key) const {
  auto it = attrs.find(key);
  return it == attrs.end() ? nullptr : &it->second;
}

int64_t Node::intAttr(const std::string &key, int64_t dflt) const {
  const Attribute *a = attr(key);
  return a && a->i ? *a->i : dflt;
}

std::vector<int64_t> Node::intsAttr(const std::string &key, std::vector<int64_t> dflt) const {
  const Attribute *a = attr(key);
  return a && !a->ints.empty() ? a->ints : dflt;
}

const Value *Graph::value(const std::string &name) const {
  auto it = values.find(name);
  return it == values.end() ? nullptr : &it->second;
}

namespace {

/// At most this many elements of a constant are kept (shapes, clip bounds, scalars).
constexpr int64_t kMaxConstantElements = 64;

template <typename T> std::vector<double> fromRaw(const std::string &raw, int64_t n) {
  std::vector<double> out;
  if (static_cast<int64_t>(raw.size()) < n * static_cast<int64_t>(sizeof(T)))
    return out;
  for (int64_t i = 0; i < n; ++i) {
    T v;
    std::memcpy(&v, raw.data() + i * sizeof(T), sizeof(T));
    out.push_back(static_cast<double>(v));
  }
  return out;
}

/// The contents of a small tensor, when present in the file (shape-only models omit them).
std::optional<std::vector<double>> tensorData(const onnx::TensorProto &t) {
  int64_t n = 1;
  for (int64_t d : t.dims())
    n *= d;
  if (n > kMaxConstantElements || n < 0)
    return std::nullopt;
  std::vector<double> v;
  if (t.has_raw_data()) {
    switch (t.data_type()) {
    case kFloat:
      v = fromRaw<float>(t.raw_data(), n);
      break;
    case kDouble:
      v = fromRaw<double>(t.raw_data(), n);
      break;
    case kInt64:
      v = fromRaw<int64_t>(t.raw_data(), n);
      break;
    case kInt32:
      v = fromRaw<int32_t>(t.raw_data(), n);
      break;
    default:
      break;
    }
  } else {
    for (float f : t.float_data())
      v.push_back(f);
    for (double d : t.double_data())
      v.push_back(d);
    for (int64_t i : t.int64_data())
      v.push_back(static_cast<double>(i));
    if (t.data_type() == kInt32)
      for (int32_t i : t.int32_data())
        v.push_back(i);
  }
  if (static_cast<int64_t>(v.size()) != n)
    return std::nullopt;
  return v;
}

void setShape(Value &v, const onnx::TypeProto &type) {
  if (!type.has_tensor_type())
    return;
  const onnx::TypeProto_Tensor &t = type.tensor_type();
  if (t.elem_type() != 0)
    v.elemType = t.elem_type();
  if (!t.has_shape() || v.shapeKnown)
    return;
  std::vector<int64_t> shape;
  for (const onnx::TensorShapeProto_Dimension &d : t.shape().dim()) {
    if (!d.has_dim_value() || d.dim_value() <= 0)
      return;
    shape.push_back(d.dim_value());
  }
  v.shape = std::move(shape);
  v.shapeKnown = true;
}

void addTensor(Graph &g, const onnx::TensorProto &t, const std::string &name) {
  Value &v = g.values[name];
  v.name = name;
  v.elemType = t.data_type();
  v.constant = true;
  v.shape.assign(t.dims().begin(), t.dims().end());
  v.shapeKnown = std::all_of(v.shape.begin(), v.shape.end(), [](int64_t d) { return d > 0; });
  v.data = tensorData(t);
}

Attribute convert(const onnx::AttributeProto &a) {
  Attribute r;
  r.ints.assign(a.ints().begin(), a.ints().end());
  r.floats.assign(a.floats().begin(), a.floats().end());
  if (a.has_i())
    r.i = a.i();
  if (a.has_f())
    r.f = a.f();
  r.s = a.s();
  return r;
}

bool missingShapes(const onnx::GraphProto &g) {
  std::map<std::string, bool> known;
  auto note = [&](const onnx::ValueInfoProto &v) {
    known[v.name()] = v.type().tensor_type().has_shape();
  };
  for (const auto &v : g.input())
    note(v);
  for (const auto &v : g.output())
    note(v);
  for (const auto &v : g.value_info())
    note(v);
  for (const auto &t : g.initializer())
    known[t.name()] = true;
  for (const auto &n : g.node())
    for (const std::string &o : n.output())
      if (!o.empty() && !known[o])
        return true;
  return false;
}

} // namespace

bool readGraph(const std::string &bytes, Graph &g, std::string &error) {
  try {
    onnx::ModelProto model;
    if (!model.ParseFromString(bytes)) {
      error = "not a valid ONNX model (the protobuf message does not parse)";
      return false;
    }
    if (!model.has_graph()) {
      error = "the ONNX model has no graph";
      return false;
    }
    if (missingShapes(model.graph())) {
      try {
        onnx::shape_inference::InferShapes(model, onnx::OpSchemaRegistry::Instance(),
                                           onnx::ShapeInferenceOptions(false, 0, true));
      } catch (const std::exception &) {
        // Keep what the file gives; nodes whose shapes stay unknown are reported later.
      }
    }
    g.producer = model.producer_name();
    for (const onnx::OperatorSetIdProto &o : model.opset_import())
      if (o.domain().empty() || o.domain() == "ai.onnx")
        g.opset = o.version();
    const onnx::GraphProto &graph = model.graph();
    for (const onnx::TensorProto &t : graph.initializer())
      addTensor(g, t, t.name());
    auto info = [&](const onnx::ValueInfoProto &vi) {
      Value &v = g.values[vi.name()];
      v.name = vi.name();
      setShape(v, vi.type());
    };
    for (const onnx::ValueInfoProto &vi : graph.input()) {
      info(vi);
      if (!g.values[vi.name()].constant)
        g.inputs.push_back(vi.name());
    }
    for (const onnx::ValueInfoProto &vi : graph.output()) {
      info(vi);
      g.outputs.push_back(vi.name());
    }
    for (const onnx::ValueInfoProto &vi : graph.value_info())
      info(vi);
    for (const onnx::NodeProto &n : graph.node()) {
      Node node;
      node.name = n.name();
      node.opType = n.op_type();
      node.inputs.assign(n.input().begin(), n.input().end());
      node.outputs.assign(n.output().begin(), n.output().end());
      for (const onnx::AttributeProto &a : n.attribute())
        node.attrs[a.name()] = convert(a);
      if (node.opType == "Constant" && !node.outputs.empty()) {
        for (const onnx::AttributeProto &a : n.attribute())
          if (a.name() == "value" && a.has_t())
            addTensor(g, a.t(), node.outputs.front());
        g.values[node.outputs.front()].constant = true;
      }
      for (const std::string &o : node.outputs)
        if (!o.empty())
          g.values[o].name = o;
      g.nodes.push_back(std::move(node));
    }
    return true;
  } catch (const std::exception &e) {
    error = std::string("cannot read the ONNX model: ") + e.what();
    return false;
  }
}

} // namespace tessel::onnximport
