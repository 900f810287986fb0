//===- Extract.h - MLIR ops to the cost models' plain structs ---*- C++ -*-===//
// Builds cost::Problem from a wl.einsum, cost::Arch from a bound arch.accelerator and
// cost::MapConstraints from its arch.constraint ops. Unsupported shapes are reported as
// MLIR diagnostics at the offending op (docs/extract.md states every rule).
//===----------------------------------------------------------------------===//
#ifndef TESSEL_EXTRACT_EXTRACT_H
#define TESSEL_EXTRACT_EXTRACT_H

#include "tessel/Dialect/Arch/IR/Arch.h"
#include "tessel/Dialect/Workload/IR/Workload.h"
#include "tessel/cost/Arch.h"
#include "tessel/cost/Components.h"
#include "tessel/cost/Constraints.h"
#include "tessel/cost/Problem.h"

#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tessel::extract {

/// What a `.hw` `keeps` list names: the role a tensor plays in an einsum.
enum class Role : uint8_t { Input = 0, Weight = 1, Output = 2 };

/// Bitmask over roles (bit r set = Role r).
using RoleMask = uint8_t;
constexpr RoleMask kAllRoles = 0b111;

/// "input", "weight", "output".
llvm::StringRef roleName(Role role);
/// The role called `name`, or std::nullopt.
std::optional<Role> parseRole(llvm::StringRef name);

/// The one rule deciding roles, for the einsum's operands in order and then its result (the
/// order of the extracted Problem's tensors): the result is the output; an operand produced by
/// a `wl.weight` op is a weight; every other operand is an input.
llvm::SmallVector<Role> tensorRoles(wl::EinsumOp op);

/// The tensors whose role (tensor t has roles[t]) is in `mask`.
cost::TensorMask tensorsWithRoles(llvm::ArrayRef<Role> roles, RoleMask mask);

/// The hardware part of an extraction, independent of any einsum: the Arch with every keep
/// mask still to be bound (see bindRoles) and the ops each level / fan-out came from.
struct ArchSpec {
  cost::Arch arch;
  /// Per level: the roles its `keeps` list names.
  std::vector<RoleMask> keeps;
  /// Per level: the roles it stores run-length coded (`compress`; only the outermost level).
  std::vector<RoleMask> compress;
  /// Per level: its arch.memory op. Per fan-out: the arch.array op it came from, or null for
  /// a trivial fan-out or one made only of a compute unit's `count`.
  std::vector<mlir::Operation *> levelOps;
  std::vector<mlir::Operation *> fanOutOps;
  /// The accelerator's clock in Hz and its word in bits.
  double clockHz = 0;
  int wordBits = 16;
};

/// Extracts `acc`, which must be bound (arch-bind-params: no #arch.expr left). Per-access
/// energies, areas and leakage not written in the .hw come from `library`; an error says
/// which level lacks what. Emits diagnostics at the offending op and fails on unsupported
/// hierarchies (two arrays with no storage level between them, components after an array at
/// the same nesting level, more than one compute unit).
mlir::FailureOr<ArchSpec> extractArch(arch::AcceleratorOp acc,
                                      const cost::ComponentLibrary &library);

/// `spec.arch` with each level's keep mask set to the tensors whose role it keeps.
cost::Arch bindRoles(const ArchSpec &spec, llvm::ArrayRef<Role> roles);

/// Extracts a `mac` einsum: dims and bounds, one tensor per operand then the result (named by
/// the labels of their defining ops), projections from the affine maps (constant offsets,
/// i.e. padding, are dropped), element bits from the element types. Fails with a diagnostic
/// on other combine kinds, non-linear or negative index expressions and non-separable ones.
mlir::FailureOr<cost::Problem> extractProblem(wl::EinsumOp op);

/// The mapping constraints of `acc` (its arch.constraint ops and dataflow preset) resolved
/// against `problem` (whose tensors have `roles`): dims by name, a dim the problem does not
/// have is left out. Fails with a diagnostic at a constraint op that cannot apply (e.g. `order`
/// on an array) or names an unknown preset.
mlir::FailureOr<cost::MapConstraints> extractConstraints(arch::AcceleratorOp acc,
                                                         const ArchSpec &spec,
                                                         const cost::Problem &problem,
                                                         llvm::ArrayRef<Role> roles);

/// Everything the cost models and the search need for one einsum on one accelerator.
struct Extraction {
  cost::Problem problem;
  cost::Arch arch;
  cost::MapConstraints constraints;
  llvm::SmallVector<Role> roles;
};

/// extractArch + extractProblem + bindRoles + extractConstraints.
mlir::FailureOr<Extraction> extract(arch::AcceleratorOp acc, wl::EinsumOp op,
                                    const cost::ComponentLibrary &library);

} // namespace tessel::extract

#endif // TESSEL_EXTRACT_EXTRACT_H
