// The ONNX node -> .wl statement converter shared by OnnxToWl.cpp (driver, names, declared
// tensors, self-check) and OnnxOps.cpp (one function per supported op type).
#ifndef TESSEL_ONNX_ONNXCONVERTER_H
#define TESSEL_ONNX_ONNXCONVERTER_H

#include "OnnxGraph.h"
#include "tessel/Onnx/OnnxImport.h"

#include <array>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace tessel::onnximport {

/// Why a node cannot be converted (an empty message means success).
struct Unsupported {
  std::string message;
};

class Converter {
public:
  Converter(const Graph &g, OnnxImportResult &result, const OnnxImportOptions &options);
  /// Converts every node; fills result.wl, unsupported, notes and skippedNodes.
  void run();

  /// The ONNX output shapes of the converted nodes by .wl tensor name (for the self-check).
  std::vector<std::pair<std::string, std::vector<int64_t>>> expectedShapes;

  /// A converted node: `NAME = call;` (a named operator), or for a generic einsum the
  /// output tensor and `label: OUT[...] = ...` with NAME standing for the label.
  struct Statement {
    std::string call;        ///< named operator: `conv2d(x, out=64, ...)`
    std::string einsumOut;   ///< generic einsum: the output tensor's .wl name
    std::string einsumText;  ///< generic einsum: the text after `LABEL: `
  };

  /// Converts one node (OnnxOps.cpp); std::nullopt with `why` when it cannot.
  std::optional<Statement> convertOp(const Node &n, const std::string &name, std::string &why);
  /// The .wl name of ONNX value `v`, declaring it as a `tensor` input on first use (the
  /// declaration is tentative until the statement is committed). Empty with `why` set
  /// when the value has no static shape.
  std::string ref(const std::string &v, std::string &why);
  std::string fresh(const std::string &raw);
  void note(const Node &n, const std::string &message);

  const std::vector<int64_t> *shape(const std::string &v) const;
  /// Symmetric pads reproducing the output extent of a windowed op (Conv, pooling), or
  /// std::nullopt with `why` set; adds a note when ONNX's pads were asymmetric.
  std::optional<std::array<int64_t, 2>> symmetricPads(const Node &n,
                                                      const std::vector<int64_t> &in,
                                                      const std::array<int64_t, 2> &window,
                                                      const std::array<int64_t, 2> &stride,
                                                      bool ceilMode, std::string &why);
  /// True for a Transpose swapping the last two axes whose every consumer is a MatMul
  /// reading it as its second operand: it becomes `transpose_b=true` there.
  bool fusedTranspose(const std::string &value) const;
  /// The node producing `value`, or null.
  const Node *producerOf(const std::string &value) const;

private:
  void convert(const Node &n);
  void commit();
  void rollback();

  const Graph &g;
  OnnxImportResult &r;
  OnnxImportOptions opts;
  std::ostringstream body;
  std::map<std::string, std::string> names;     ///< ONNX value -> .wl tensor
  std::set<std::string> idents;                 ///< every .wl name in use
  std::map<std::string, std::string> tentative; ///< declared for the current statement
  std::string pendingDecls;
  std::map<std::string, size_t> producer;            ///< value -> node index
  std::map<std::string, std::vector<size_t>> consumers; ///< value -> node indices
  std::map<std::string, int> convertedOps; ///< op type -> nodes converted
};

} // namespace tessel::onnximport

#endif // TESSEL_ONNX_ONNXCONVERTER_H
