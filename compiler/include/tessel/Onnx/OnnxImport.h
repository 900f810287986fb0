//===- OnnxImport.h - ONNX graphs to .wl workloads ---------------*- C++ -*-===//
// `tessel import model.onnx`: reads an ONNX model (protobuf, via Debian's libonnx), takes
// every tensor's shape from the graph's inputs, value_info and initializers (running ONNX's
// shape inference when some are missing), and writes a .wl workload of named operators.
// Plain C++: protobuf and ONNX errors are caught here and returned as values.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_ONNX_ONNXIMPORT_H
#define TESSEL_ONNX_ONNXIMPORT_H

#include <string>
#include <vector>

namespace tessel::onnximport {

struct OnnxImportOptions {
  std::string name = "imported"; ///< the workload name
};

/// A node that was not converted (or converted approximately), located by its name.
struct NodeIssue {
  std::string node;   ///< the node's name (or its first output when it has none)
  std::string opType; ///< e.g. LRN
  std::string message;
};

struct OnnxImportResult {
  /// The .wl text; empty when `errors` is not.
  std::string wl;
  /// Nodes without a .wl equivalent. Each one's outputs become `tensor` inputs of the
  /// workload (so that its consumers still import) and a comment marks the place.
  std::vector<NodeIssue> unsupported;
  /// Conversions that are exact in MACs but not in every detail (e.g. asymmetric padding
  /// written as the symmetric padding that gives the same output size).
  std::vector<NodeIssue> notes;
  /// Constant nodes and integer shape computations (Shape, Gather on shapes, ...): not work.
  int skippedNodes = 0;
  /// Fatal problems: an unreadable or malformed file, a tensor without a static shape.
  std::vector<std::string> errors;
};

/// Imports the ONNX model in `path`.
OnnxImportResult importOnnxFile(const std::string &path, const OnnxImportOptions &options);

/// Imports a serialized ModelProto; `displayName` names it in messages.
OnnxImportResult importOnnxBytes(const std::string &bytes, const std::string &displayName,
                                 const OnnxImportOptions &options);

} // namespace tessel::onnximport

#endif // TESSEL_ONNX_ONNXIMPORT_H
