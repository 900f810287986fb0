//===- ExtractConstraints.cpp - arch.constraint ops to MapConstraints ----===//
// Resolves spatial/order/keep/bypass constraints and dataflow presets against one einsum.
//===----------------------------------------------------------------------===//
#include "tessel/Extract/Extract.h"

namespace tessel::extract {

using namespace mlir;

namespace {

/// The dims of `problem` named in `names` (names it does not have are left out).
cost::DimMask dimsNamed(const cost::Problem &problem, llvm::ArrayRef<llvm::StringRef> names) {
  cost::DimMask mask = 0;
  for (llvm::StringRef name : names) {
    int d = problem.dimIndex(name.str());
    if (d >= 0)
      mask |= cost::DimMask(1) << d;
  }
  return mask;
}

/// Applies dataflow preset `preset` (see docs/extract.md) or fails at `at`.
LogicalResult applyPreset(Operation *at, llvm::StringRef preset, const ArchSpec &spec,
                          const cost::Problem &problem, llvm::ArrayRef<Role> roles,
                          cost::MapConstraints &out) {
  if (preset == "weight_stationary") {
    out.stationary |= tensorsWithRoles(roles, RoleMask(1) << unsigned(Role::Weight));
  } else if (preset == "output_stationary") {
    out.stationary |= tensorsWithRoles(roles, RoleMask(1) << unsigned(Role::Output));
  } else if (preset == "input_stationary") {
    out.stationary |= tensorsWithRoles(roles, RoleMask(1) << unsigned(Role::Input));
  } else if (preset == "row_stationary") {
    // Eyeriss [ISCA16]: a PE convolves one filter row (S) with one input row, sliding along
    // the output row (Q); filter rows R (and channels C, filters K) stack down the columns,
    // where partial sums are reduced; output rows P (and images N, filters K) go across.
    // P may also go down: Eyeriss folds a PE set wider than the array into segments of output
    // rows stacked vertically (AlexNet CONV2's 5 x 27 set as 5 x 14 over 5 x 13; [JSSC17] and
    // refdata 5.6). Only a convolution (it has P and R) is constrained.
    if (problem.dimIndex("P") >= 0 && problem.dimIndex("R") >= 0)
      for (size_t l = 0; l < spec.fanOutOps.size(); ++l) {
        const cost::FanOut &fan = spec.arch.fanOuts[l];
        if (!spec.fanOutOps[l] || fan.x * fan.y == 1)
          continue;
        out.levels[l].spatialX &= dimsNamed(problem, {"P", "N", "K"});
        out.levels[l].spatialY &= dimsNamed(problem, {"R", "C", "K", "P"});
      }
  } else {
    return at->emitError() << "unknown dataflow preset '" << preset
                           << "' (presets are weight_stationary, output_stationary, "
                              "input_stationary and row_stationary)";
  }
  // Presets given twice (accelerator attribute and constraint) are named once.
  if (out.dataflow.empty())
    out.dataflow = preset.str();
  else if (out.dataflow != preset)
    out.dataflow += "+" + preset.str();
  return success();
}

} // namespace

FailureOr<cost::MapConstraints> extractConstraints(arch::AcceleratorOp acc,
                                                   const ArchSpec &spec,
                                                   const cost::Problem &problem,
                                                   llvm::ArrayRef<Role> roles) {
  cost::MapConstraints out;
  out.levels.resize(spec.arch.levels.size());
  if (std::optional<llvm::StringRef> preset = acc.getDataflow())
    if (failed(applyPreset(acc, *preset, spec, problem, roles, out)))
      return failure();
  for (auto c : acc.getBody().front().getOps<arch::ConstraintOp>()) {
    llvm::SmallVector<llvm::StringRef> values(c.getValues().getAsValueRange<StringAttr>());
    llvm::StringRef kind = c.getKind();
    if (kind == "dataflow") {
      for (llvm::StringRef preset : values)
        if (failed(applyPreset(c, preset, spec, problem, roles, out)))
          return failure();
      continue;
    }
    Operation *target = acc.lookupComponent(*c.getTarget());
    auto level = llvm::find(spec.levelOps, target);
    auto fan = llvm::find(spec.fanOutOps, target);
    bool isLevel = level != spec.levelOps.end();
    if (kind == "spatial_x" || kind == "spatial_y") {
      // On an array: its fan-out; on a memory: the fan-out below it.
      size_t l = isLevel ? level - spec.levelOps.begin() : fan - spec.fanOutOps.begin();
      if (l >= out.levels.size())
        return c.emitError() << "'" << kind << "' target @" << *c.getTarget()
                             << " is not part of the extracted hierarchy";
      cost::DimMask allowed = dimsNamed(problem, values);
      (kind == "spatial_x" ? out.levels[l].spatialX : out.levels[l].spatialY) &= allowed;
      continue;
    }
    if (!isLevel)
      return c.emitError() << "'" << kind << "' applies to a memory level; @"
                           << *c.getTarget() << " is not one";
    cost::LevelConstraints &lc = out.levels[level - spec.levelOps.begin()];
    if (kind == "order") {
      for (llvm::StringRef name : values) {
        int d = problem.dimIndex(name.str());
        if (d >= 0 && !llvm::is_contained(lc.order, d))
          lc.order.push_back(d);
      }
      continue;
    }
    RoleMask mask = 0;
    for (llvm::StringRef name : values) {
      std::optional<Role> r = parseRole(name);
      if (!r)
        return c.emitError() << "'" << kind << "' names unknown role '" << name
                             << "' (roles are input, weight, output)";
      mask |= RoleMask(1) << static_cast<unsigned>(*r);
    }
    (kind == "keep" ? lc.keep : lc.bypass) |= tensorsWithRoles(roles, mask);
  }
  return out;
}

FailureOr<Extraction> extract(arch::AcceleratorOp acc, wl::EinsumOp op,
                              const cost::ComponentLibrary &library) {
  FailureOr<ArchSpec> spec = extractArch(acc, library);
  if (failed(spec))
    return failure();
  FailureOr<cost::Problem> problem = extractProblem(op);
  if (failed(problem))
    return failure();
  Extraction e;
  e.roles = tensorRoles(op);
  e.problem = std::move(*problem);
  e.arch = bindRoles(*spec, e.roles);
  FailureOr<cost::MapConstraints> constraints =
      extractConstraints(acc, *spec, e.problem, e.roles);
  if (failed(constraints))
    return failure();
  e.constraints = std::move(*constraints);
  return e;
}

} // namespace tessel::extract
