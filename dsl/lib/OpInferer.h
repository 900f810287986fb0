// The named-operator checker: argument helpers shared by the operator families
// (MAC operators in OpShapesMac.cpp, data movement in OpShapesData.cpp, the
// rest in OpShapes.cpp).
#ifndef TESSEL_DSL_LIB_OPINFERER_H
#define TESSEL_DSL_LIB_OPINFERER_H

#include "OpShapes.h"

#include <initializer_list>
#include <utility>

namespace tessel::dsl {

/// `[1, 64, 56, 56]`.
std::string shapeStr(const std::vector<int64_t> &s);
/// Product of v[from, to).
int64_t product(const std::vector<int64_t> &v, size_t from = 0,
                size_t to = SIZE_MAX);

/// Builds an EinsumAccess from per-index lists of (dim, coefficient).
using IndexTerms = std::vector<std::vector<std::pair<std::string, int64_t>>>;
EinsumAccess makeAccess(const std::string &tensor, const std::string &role,
                        const std::vector<EinsumDim> &dims,
                        const IndexTerms &idx,
                        const std::vector<int64_t> &offsets = {});

class OpInferer {
public:
  OpInferer(const OpRequest &req, DiagnosticEngine &diags)
      : req(req), diags(diags) {}

  std::optional<OpResult> run();

private:
  // Argument checking.
  bool allowed(std::initializer_list<const char *> keys);
  bool inputs(size_t lo, size_t hi);
  bool rank(size_t i, size_t want);
  /// An attribute as a pair (height, width): one value is used for both.
  std::optional<std::pair<int64_t, int64_t>> pair(const char *key, int64_t dflt,
                                                  int64_t min);
  std::optional<int64_t> scalar(const char *key, std::optional<int64_t> dflt,
                                int64_t min);
  /// A boolean attribute: `true`/`false` (or 1/0); false when absent.
  std::optional<bool> flag(const char *key);
  DType outType();
  /// Creates the implicit weight `NAME.suffix` and lists it among the op's
  /// weights.
  TensorInfo weight(const std::string &suffix, std::vector<int64_t> shape,
                    DType t);
  /// Adds the learned bias `NAME.bias` [n]: one addition per output element, no
  /// MACs.
  void bias(int64_t n, DType t, int64_t outputElements);

  // Operator families.
  bool conv(bool depthwise);
  bool matmul();
  bool batchMatmul();
  bool attention();
  bool binaryElementwise();
  bool unaryElementwise();
  bool norm();
  bool pool();
  bool globalPool();
  bool embeddingBag();
  bool flatten();
  bool reshape();
  bool concat();
  bool slice();

  const OpRequest &req;
  DiagnosticEngine &diags;
  OpResult r;
};

} // namespace tessel::dsl

#endif // TESSEL_DSL_LIB_OPINFERER_H
