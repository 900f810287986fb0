//===- ExtractProblem.cpp - wl.einsum to cost::Problem -----------------===//
// Tensor roles (the one rule) and the einsum's dims, projections and element widths.
//===----------------------------------------------------------------------===//
#include "tessel/Extract/Extract.h"

#include "mlir/IR/AffineExpr.h"
#include "llvm/ADT/StringSet.h"

namespace tessel::extract {

using namespace mlir;

llvm::StringRef roleName(Role role) {
  switch (role) {
  case Role::Input:
    return "input";
  case Role::Weight:
    return "weight";
  case Role::Output:
    return "output";
  }
  return "input";
}

std::optional<Role> parseRole(llvm::StringRef name) {
  for (Role r : {Role::Input, Role::Weight, Role::Output})
    if (roleName(r) == name)
      return r;
  return std::nullopt;
}

llvm::SmallVector<Role> tensorRoles(wl::EinsumOp op) {
  llvm::SmallVector<Role> roles;
  for (Value input : op.getInputs())
    roles.push_back(isa_and_nonnull<wl::WeightOp>(input.getDefiningOp()) ? Role::Weight
                                                                          : Role::Input);
  roles.push_back(Role::Output);
  return roles;
}

cost::TensorMask tensorsWithRoles(llvm::ArrayRef<Role> roles, RoleMask mask) {
  cost::TensorMask tensors = 0;
  for (size_t t = 0; t < roles.size() && t < 32; ++t)
    if (mask >> static_cast<unsigned>(roles[t]) & 1)
      tensors |= cost::TensorMask(1) << t;
  return tensors;
}

namespace {

/// Adds `scale` times the linear part of `expr` to `coeffs`; constants are dropped. Fails on
/// mod, floordiv, ceildiv, symbols and products of two dims.
bool linearize(AffineExpr expr, int64_t scale, std::vector<int64_t> &coeffs) {
  if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
    coeffs[dim.getPosition()] += scale;
    return true;
  }
  if (isa<AffineConstantExpr>(expr))
    return true;
  auto bin = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!bin)
    return false;
  if (bin.getKind() == AffineExprKind::Add)
    return linearize(bin.getLHS(), scale, coeffs) && linearize(bin.getRHS(), scale, coeffs);
  if (bin.getKind() != AffineExprKind::Mul)
    return false;
  if (auto c = dyn_cast<AffineConstantExpr>(bin.getRHS()))
    return linearize(bin.getLHS(), scale * c.getValue(), coeffs);
  if (auto c = dyn_cast<AffineConstantExpr>(bin.getLHS()))
    return linearize(bin.getRHS(), scale * c.getValue(), coeffs);
  return false;
}

/// The `density` of the op defining `v` (1 when absent or for block arguments).
double densityOf(Value v) {
  if (Operation *def = v.getDefiningOp())
    if (auto d = def->getAttrOfType<FloatAttr>("density"))
      return d.getValueAsDouble();
  return 1;
}

/// The label of the op defining `v`, or "" (block arguments, unlabelled ops).
std::string labelOf(Value v) {
  if (Operation *def = v.getDefiningOp())
    if (auto label = def->getAttrOfType<StringAttr>("label"))
      return label.str();
  return {};
}

std::string print(AffineExpr expr) {
  std::string text;
  llvm::raw_string_ostream os(text);
  expr.print(os);
  return text;
}

int elementBits(Type type) {
  Type element = cast<ShapedType>(type).getElementType();
  return element.isIntOrFloat() ? static_cast<int>(element.getIntOrFloatBitWidth()) : 0;
}

} // namespace

FailureOr<cost::Problem> extractProblem(wl::EinsumOp op) {
  if (op.getCombine() != wl::CombineKind::Mac)
    return op.emitError() << "layer '" << op.getLabel() << "' is a '"
                          << wl::stringifyCombineKind(op.getCombine())
                          << "' einsum; only 'mac' einsums have a cost model";
  cost::Problem problem;
  problem.name = op.getLabel().str();
  llvm::ArrayRef<int64_t> bounds = op.getBounds();
  for (auto [name, bound] : llvm::zip(op.getDims(), bounds))
    problem.dims.push_back({cast<StringAttr>(name).str(), bound});
  if (problem.dims.size() > 64)
    return op.emitError() << "layer '" << op.getLabel() << "' has " << problem.dims.size()
                          << " dims; at most 64 are supported";

  llvm::SmallVector<Value> values(op.getInputs());
  values.push_back(op.getResult());
  if (values.size() > 32)
    return op.emitError() << "layer '" << op.getLabel() << "' has " << values.size()
                          << " tensors; at most 32 are supported";
  llvm::StringSet<> names;
  auto maps = op.getMaps().getAsValueRange<AffineMapAttr>();
  size_t t = 0;
  for (auto [value, map] : llvm::zip(values, maps)) {
    cost::Tensor tensor;
    bool isOutput = t + 1 == values.size();
    tensor.name = isOutput ? problem.name : labelOf(value);
    if (tensor.name.empty())
      tensor.name = "operand" + std::to_string(t);
    // The same value twice (x * x) gives two tensors: keep their names apart.
    if (!names.insert(tensor.name).second)
      tensor.name += "#" + std::to_string(t);
    tensor.isOutput = isOutput;
    tensor.elementBits = elementBits(value.getType());
    tensor.density = densityOf(value);
    if (!(tensor.density > 0 && tensor.density <= 1))
      return op.emitError() << "tensor '" << tensor.name << "' of layer '" << op.getLabel()
                            << "' has density " << tensor.density << "; it must be in (0, 1]";
    if (tensor.elementBits <= 0)
      return op.emitError() << "tensor '" << tensor.name << "' of layer '" << op.getLabel()
                            << "' has no integer or float element type";
    for (auto [index, expr] : llvm::enumerate(map.getResults())) {
      std::vector<int64_t> coeffs(problem.dims.size(), 0);
      if (!linearize(expr, 1, coeffs))
        return op.emitError() << "index " << index << " of tensor '" << tensor.name
                              << "' is not linear in the dims (" << print(expr)
                              << "); the cost models need sums of dims times constants";
      for (size_t d = 0; d < coeffs.size(); ++d)
        if (coeffs[d] < 0)
          return op.emitError() << "index " << index << " of tensor '" << tensor.name
                                << "' has a negative coefficient for dim '"
                                << problem.dims[d].name << "' (" << print(expr) << ")";
      tensor.projection.push_back(std::move(coeffs));
    }
    problem.tensors.push_back(std::move(tensor));
    ++t;
  }
  std::vector<std::string> problems = cost::validateProblem(problem);
  if (!problems.empty()) {
    InFlightDiagnostic diag = op.emitError()
                              << "layer '" << op.getLabel() << "' is not a supported einsum";
    for (const std::string &p : problems)
      diag.attachNote() << p;
    return diag;
  }
  return problem;
}

} // namespace tessel::extract
