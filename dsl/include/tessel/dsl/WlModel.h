// The checked workload model: tensors with shapes, operators with MACs and einsum forms.
#ifndef TESSEL_DSL_WLMODEL_H
#define TESSEL_DSL_WLMODEL_H

#include "tessel/dsl/HwModel.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tessel::dsl {

enum class DType { Int4, Int8, Int16, Int32, Fp8, Fp16, Bf16, Fp32 };
int dtypeBits(DType t);
const char *dtypeName(DType t);
std::optional<DType> parseDType(const std::string &s);
const std::vector<std::string> &dtypeNames();

struct TensorInfo {
  enum class Kind { Input, Activation, Weight };
  std::string name;
  std::vector<int64_t> shape;
  DType dtype = DType::Int8;
  Kind kind = Kind::Input;
  /// Copies: the product of the enclosing `repeat` counts. A weight declared inside
  /// `repeat 32` stands for 32 distinct weight tensors (one per layer).
  int64_t count = 1;
  /// Fraction of non-zero elements (`density T = d;`), 1 unless given.
  double density = 1;
  SourceRange loc;
  int64_t elements() const;
  int64_t bytes() const; ///< one copy, rounded up to whole bytes
};
const char *tensorKindName(TensorInfo::Kind k);

/// One iteration dimension of an einsum.
struct EinsumDim {
  std::string name;
  int64_t bound = 1;
  bool reduction = false; ///< does not index the output
};

/// How an operand is indexed: per tensor index, a coefficient per einsum dim
/// plus a constant offset (negative offsets model padding).
struct EinsumAccess {
  std::string tensor;
  std::string role; ///< input, weight, output
  std::vector<std::vector<int64_t>> coeffs;
  std::vector<int64_t> offsets;
};

/// `output[...] (+)= operands[0][...] * operands[1][...]` over `dims`.
struct EinsumForm {
  std::string name;
  std::vector<EinsumDim> dims;
  std::vector<EinsumAccess> operands;
  EinsumAccess output;
  bool accumulate = true;
  int64_t macs() const; ///< product of all bounds when there are >= 2 operands
};

struct OpInfo {
  std::string name;
  std::string kind; ///< conv2d, matmul, einsum, add, maxpool, ...
  std::vector<std::string> inputs;
  std::vector<std::string> weights;
  std::string output;
  std::map<std::string, std::vector<int64_t>> attrs;
  int64_t macs = 0;  ///< multiply-accumulates per execution
  /// Element operations that are not MACs, per execution: one per output element of an
  /// elementwise operator or normalisation, plus one per element for a learned scale
  /// and one for a shift, one per output element for a bias, one per score for softmax
  /// inside attention, one per window element for pooling, one per gathered element
  /// for embedding_bag (docs/language.md, "What is counted").
  int64_t ops = 0;
  int64_t extraBytes = 0; ///< bytes gathered (embedding_bag) per execution
  int64_t count = 1; ///< executions (product of enclosing repeat counts)
  /// The product of the enclosing `weight` factors: how much each execution counts in
  /// weighted totals (tessel analyze, sweep); 1 outside weight blocks.
  double weight = 1;
  std::vector<EinsumForm> einsums; ///< the MAC work as einsums
  SourceRange loc;
};

/// Tensor bytes by kind.
struct TensorBytes {
  int64_t inputs = 0, activations = 0, weights = 0;
};

struct WlModel {
  std::string name;
  std::string file;
  std::vector<ParamInfo> params;
  std::vector<TensorInfo> tensors;
  std::vector<OpInfo> ops;
  SourceRange loc;

  const TensorInfo *tensor(const std::string &n) const;
  /// Sum of MACs x count over every operator.
  int64_t totalMacs() const;
  /// Sum of non-MAC element operations x count over every operator.
  int64_t totalOps() const;
  /// Learned parameters: weight elements x copies (repeat counts).
  int64_t totalParams() const;
  /// Bytes gathered by embedding_bag operators, x count.
  int64_t gatheredBytes() const;
  /// Bytes of every tensor by kind; `withRepeats` multiplies each by its copies.
  TensorBytes tensorBytes(bool withRepeats) const;
  /// Weight elements x copies of the weights created by operator `op`.
  int64_t opParams(const OpInfo &op) const;
};

} // namespace tessel::dsl

#endif // TESSEL_DSL_WLMODEL_H
