// A plain copy of the parts of an ONNX graph the importer needs: values with static shapes,
// small constant data, and nodes with their attributes (no protobuf types).
#ifndef TESSEL_ONNX_ONNXGRAPH_H
#define TESSEL_ONNX_ONNXGRAPH_H

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tessel::onnximport {

/// ONNX TensorProto.DataType codes the importer distinguishes.
enum ElemType : int {
  kUndefined = 0, kFloat = 1, kUint8 = 2, kInt8 = 3, kUint16 = 4, kInt16 = 5, kInt32 = 6,
  kInt64 = 7, kBool = 9, kFloat16 = 10, kDouble = 11, kUint32 = 12, kUint64 = 13,
  kBfloat16 = 16
};

struct Value {
  std::string name;
  std::vector<int64_t> shape;
  bool shapeKnown = false; ///< every dim is a positive integer
  int elemType = kUndefined;
  bool constant = false;   ///< an initializer or a Constant node's output
  std::optional<std::vector<double>> data; ///< constant contents, when small and present
};

struct Attribute {
  std::vector<int64_t> ints;
  std::vector<double> floats;
  std::optional<int64_t> i;
  std::optional<double> f;
  std::string s;
};

struct Node {
  std::string name, opType;
  std::vector<std::string> inputs, outputs; ///< "" marks an omitted optional input
  std::map<std::string, Attribute> attrs;
  /// The node's name, or its first output's when the name is empty.
  std::string label() const;
  const Attribute *attr(const std::string &key) const;
  int64_t intAttr(const std::string &key, int64_t dflt) const;
  std::vector<int64_t> intsAttr(const std::string &key, std::vector<int64_t> dflt) const;
};

struct Graph {
  std::string producer;
  int64_t opset = 0;
  std::vector<std::string> inputs, outputs;
  std::map<std::string, Value> values;
  std::vector<Node> nodes;
  const Value *value(const std::string &name) const;
};

/// Parses a serialized ModelProto; shapes come from the graph inputs and outputs,
/// value_info and initializers, completed by ONNX shape inference when a node output has
/// none. Returns false with `error` set when the bytes are not a valid model.
bool readGraph(const std::string &bytes, Graph &g, std::string &error);

} // namespace tessel::onnximport

#endif // TESSEL_ONNX_ONNXGRAPH_H
