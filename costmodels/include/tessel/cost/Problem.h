// Problem: an einsum over named dims whose tensors index the dims through separable affine maps.
#ifndef TESSEL_COST_PROBLEM_H
#define TESSEL_COST_PROBLEM_H

#include <cstdint>
#include <string>
#include <vector>

namespace tessel::cost {

/// Bitmask over tensor ids (bit t set = tensor t). A Problem has at most 32 tensors.
using TensorMask = uint32_t;

/// One loop dimension of the einsum, iterated over [0, bound).
struct Dim {
  std::string name;
  int64_t bound = 1;
};

/// One tensor: each index is a non-negative linear combination of the dims.
/// `projection[i][d]` is the coefficient of dim d in index i (size = number of dims).
/// Separability: every dim has a non-zero coefficient in at most one index of a tensor.
struct Tensor {
  std::string name;
  std::vector<std::vector<int64_t>> projection;
  bool isOutput = false;
  int elementBits = 16;
  /// Fraction of non-zero elements, in (0, 1]; only compression uses it (docs/model.md 13).
  double density = 1;
};

/// An einsum: out[...] += prod(inputs[...]) over the Cartesian product of the dims.
struct Problem {
  std::string name;
  std::vector<Dim> dims;
  std::vector<Tensor> tensors;

  /// Index of the (single) output tensor, or -1 when there is none.
  int outputTensor() const;
  /// Index of the dim called `name`, or -1.
  int dimIndex(const std::string &name) const;
  /// Number of multiply-accumulates: the product of all dim bounds.
  int64_t macs() const;
  /// Number of distinct elements of tensor `tensor` the einsum touches.
  int64_t tensorElements(int tensor) const;
  /// Largest value index `index` of tensor `tensor` can take, plus one.
  int64_t indexExtent(int tensor, int index) const;
};

/// Human-readable reasons why `problem` is not a valid separable einsum (empty when valid).
std::vector<std::string> validateProblem(const Problem &problem);

/// Builds a tensor from per-index lists of {dim name, coefficient}; unknown names are reported
/// through `errors` and skipped.
Tensor makeTensor(const Problem &problem, std::string name,
                  const std::vector<std::vector<std::pair<std::string, int64_t>>> &indices,
                  bool isOutput, std::vector<std::string> &errors, int elementBits = 16);

/// The names of the tensors in `mask`, comma-separated ("A,C"; "" for none).
std::string tensorNames(const Problem &problem, TensorMask mask);

/// Readable multi-line description, e.g. "dims M=4 K=2\nC[m, n] += A[m, k] * ...".
std::string toString(const Problem &problem);

} // namespace tessel::cost

#endif // TESSEL_COST_PROBLEM_H
