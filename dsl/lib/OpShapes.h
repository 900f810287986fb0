// Shape inference and MAC counting for the named operators of the .wl language.
#ifndef TESSEL_DSL_LIB_OPSHAPES_H
#define TESSEL_DSL_LIB_OPSHAPES_H

#include "tessel/dsl/Diagnostics.h"
#include "tessel/dsl/WlModel.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tessel::dsl {

/// A named-operator statement with its arguments evaluated.
struct OpRequest {
  struct Input {
    const TensorInfo *tensor;
    SourceRange loc;
  };
  struct Attr {
    std::vector<int64_t> values;
    bool isList = false;
    SourceRange loc, keyLoc;
  };
  std::string name, kind;
  SourceRange loc, kindLoc;
  std::vector<Input> inputs;
  std::map<std::string, Attr> attrs;
  std::optional<DType> dtype;
};

struct OpResult {
  OpInfo op;
  TensorInfo output;
  std::vector<TensorInfo> weights; ///< implicit parameters (conv filters, matmul weights)
};

/// Checks arguments and shapes of one operator; std::nullopt after reporting errors.
std::optional<OpResult> inferOp(const OpRequest &req, DiagnosticEngine &diags);

/// Names of every named operator (for suggestions and docs).
const std::vector<std::string> &opNames();

} // namespace tessel::dsl

#endif // TESSEL_DSL_LIB_OPSHAPES_H
