//===- Profile.h - per-operator work and traffic of a workload --*- C++ -*-===//
// The workload side of `tessel analyze`: every operator of a checked .wl with its MACs, other
// element operations, the bytes of each tensor it reads or writes (compulsory traffic: every
// tensor once per execution) and its arithmetic intensity; totals per op kind and per fleet.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_ANALYSIS_PROFILE_H
#define TESSEL_ANALYSIS_PROFILE_H

#include "tessel/dsl/WlModel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tessel::analysis {

/// The part a tensor plays in an operator (the roles a `.hw` level `keeps`).
enum class Role { Input, Weight, Output };
const char *roleName(Role r);

/// One tensor an operator touches, with the bytes one execution moves.
struct TensorTraffic {
  std::string tensor;
  Role role = Role::Input;
  int64_t bytes = 0;
};

/// One operator of a workload.
struct OpProfile {
  std::string name, kind;
  int64_t macs = 0;     ///< per execution
  int64_t otherOps = 0; ///< non-MAC element operations per execution
  int64_t count = 1;    ///< executions (enclosing `repeat` counts)
  double weight = 1;    ///< the product of the enclosing `weight` blocks
  std::vector<TensorTraffic> tensors;
  std::vector<int64_t> outputShape;
  /// The einsum dims' bounds of the MAC work (largest einsum; empty without MACs).
  std::vector<int64_t> dims;

  /// How many times the operator counts in totals: executions x weight.
  double multiplicity() const { return static_cast<double>(count) * weight; }
  /// Bytes one execution moves, in all or for one role.
  int64_t bytes() const;
  int64_t bytes(Role r) const;
  /// MACs per byte of compulsory traffic (0 without traffic).
  double intensity() const;
};

/// The operators of one workload (program order) and its weight in a fleet.
struct WorkloadProfile {
  std::string name, file;
  double weight = 1;
  std::vector<OpProfile> ops;

  /// Totals over the operators, each times its multiplicity (not times `weight`).
  double macs() const;
  double otherOps() const;
  double bytes() const;
  double bytes(Role r) const;
};

/// Profiles every operator of `m`. Roles: the output; operands the op's einsums read with the
/// weight role (implicit and explicit weights, attention's K/V cache, a batch_matmul's second
/// operand) are weights; other operands inputs. Traffic per execution: every tensor once;
/// embedding_bag reads the rows it gathers, not its whole tables; `flatten` and `reshape` are
/// views and move nothing; attention's score matrix stays inside the operator.
WorkloadProfile profileWorkload(const dsl::WlModel &m);

/// Totals of one op kind (or of a whole workload, with kind empty).
struct KindTotals {
  std::string kind;
  int64_t ops = 0;        ///< distinct operators
  double executions = 0;  ///< sum of multiplicities
  double macs = 0, otherOps = 0;
  double bytes[3] = {0, 0, 0}; ///< by Role
  double totalBytes() const { return bytes[0] + bytes[1] + bytes[2]; }
  double intensity() const;
};

/// Totals per op kind over `workloads`, each op counted multiplicity x its workload's weight;
/// ranked by MACs, then bytes, then name.
std::vector<KindTotals> totalsByKind(const std::vector<WorkloadProfile> &workloads);
/// The same summed over every kind.
KindTotals totalsOf(const std::vector<WorkloadProfile> &workloads);

} // namespace tessel::analysis

#endif // TESSEL_ANALYSIS_PROFILE_H
