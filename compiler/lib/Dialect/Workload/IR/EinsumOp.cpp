//===- EinsumOp.cpp - wl.einsum -------------------------------------------===//
// The einsum verifier: dims, bounds, one affine map per operand, reductions and MACs.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Workload/IR/Workload.h"

#include "mlir/IR/AffineMap.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace tessel::wl;

int64_t EinsumOp::computeMacs() {
  if (getCombine() != CombineKind::Mac)
    return 0;
  int64_t p = 1;
  for (int64_t b : getBounds())
    p *= b;
  return p;
}

/// The largest value `e` takes over the iteration box [0, bound) of every dim, when `e`
/// is a sum of dims times constants plus a constant.
static std::optional<int64_t> maxOverBox(AffineExpr e, ArrayRef<int64_t> bounds) {
  if (auto c = dyn_cast<AffineConstantExpr>(e))
    return c.getValue();
  if (auto d = dyn_cast<AffineDimExpr>(e))
    return bounds[d.getPosition()] - 1;
  auto bin = dyn_cast<AffineBinaryOpExpr>(e);
  if (!bin)
    return std::nullopt;
  if (e.getKind() == AffineExprKind::Add) {
    std::optional<int64_t> l = maxOverBox(bin.getLHS(), bounds),
                           r = maxOverBox(bin.getRHS(), bounds);
    if (l && r)
      return *l + *r;
    return std::nullopt;
  }
  if (e.getKind() == AffineExprKind::Mul) {
    auto c = dyn_cast<AffineConstantExpr>(bin.getRHS());
    std::optional<int64_t> l = maxOverBox(bin.getLHS(), bounds);
    if (c && l && c.getValue() >= 0)
      return *l * c.getValue();
  }
  return std::nullopt;
}

LogicalResult EinsumOp::verify() {
  ArrayRef<int64_t> bounds = getBounds();
  size_t numDims = getDims().size();
  if (bounds.size() != numDims)
    return emitOpError() << "has " << numDims << " dims but " << bounds.size() << " bounds";
  llvm::StringSet<> names;
  for (auto [name, bound] : llvm::zip(getDims().getAsValueRange<StringAttr>(), bounds)) {
    if (!names.insert(name).second)
      return emitOpError() << "repeats the dim '" << name << "'";
    if (bound < 1)
      return emitOpError() << "dim '" << name << "' has bound " << bound << ", must be >= 1";
  }
  if (getInputs().empty())
    return emitOpError() << "needs at least one input";
  if (getMaps().size() != getInputs().size() + 1)
    return emitOpError() << "needs one map per input plus one for the output, got "
                         << getMaps().size() << " for " << getInputs().size() << " inputs";
  SmallVector<Type> types(getInputs().getTypes());
  types.push_back(getResult().getType());
  AffineMap outMap;
  for (auto [i, attr] : llvm::enumerate(getMaps())) {
    AffineMap map = cast<AffineMapAttr>(attr).getValue();
    auto type = cast<RankedTensorType>(types[i]);
    bool isOut = i + 1 == types.size();
    if (map.getNumDims() != numDims || map.getNumSymbols() != 0)
      return emitOpError() << "map #" << i << " must have " << numDims
                           << " dims and no symbols";
    if (map.getNumResults() != static_cast<unsigned>(type.getRank()))
      return emitOpError() << "map #" << i << " has " << map.getNumResults()
                           << " results for a rank-" << type.getRank() << " "
                           << (isOut ? "output" : "operand");
    if (isOut)
      outMap = map;
  }
  // The output is indexed in bounds and covers its shape.
  auto outType = cast<RankedTensorType>(getResult().getType());
  for (auto [k, e] : llvm::enumerate(outMap.getResults())) {
    std::optional<int64_t> hi = maxOverBox(e, bounds);
    if (hi && !outType.isDynamicDim(k) && *hi >= outType.getDimSize(k))
      return emitOpError() << "output index " << k << " reaches " << *hi
                           << ", beyond the output dimension " << outType.getDimSize(k);
  }
  llvm::StringSet<> reduce;
  for (StringRef r : getReduce().getAsValueRange<StringAttr>()) {
    if (!names.contains(r))
      return emitOpError() << "reduces over the unknown dim '" << r << "'";
    reduce.insert(r);
  }
  for (auto [d, name] : llvm::enumerate(getDims().getAsValueRange<StringAttr>())) {
    bool inOutput = outMap.isFunctionOfDim(d);
    if (inOutput == reduce.contains(name))
      return emitOpError() << "dim '" << name << "' "
                           << (inOutput ? "indexes the output but is listed in 'reduce'"
                                        : "does not index the output but is not listed in "
                                          "'reduce'");
  }
  if (getCombine() == CombineKind::Mac && getInputs().size() < 2)
    return emitOpError() << "'mac' needs at least two inputs";
  if (getCombine() == CombineKind::Add && (getInputs().size() < 2 || !getReduce().empty()))
    return emitOpError() << "'add' needs at least two inputs and no reduced dims";
  if (getMacs() != computeMacs())
    return emitOpError() << "macs " << getMacs() << " does not match the dims ("
                         << computeMacs() << ")";
  if (getBytes() && *getBytes() < 0)
    return emitOpError() << "bytes must be non-negative";
  return success();
}
