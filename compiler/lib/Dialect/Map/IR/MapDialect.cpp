//===- MapDialect.cpp - the map dialect -----------------------------------===//
// Registers the `map` dialect's attributes and verifies map.mapping / map.cost on ops.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Map/IR/Map.h"

#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace tessel::map;

#include "tessel/Dialect/Map/IR/MapDialect.cpp.inc"

void MapDialect::initialize() { registerAttributes(); }

namespace {

/// On an op with `dims` and `bounds` (a wl.einsum): every loop is over one of its dims and
/// each dim's factors cover its bound (the cost models check the exact rule, which allows an
/// imperfect factorisation to exceed it: docs/model.md).
LogicalResult verifyFactors(Operation *op, MappingAttr mapping) {
  auto dims = op->getAttrOfType<ArrayAttr>("dims");
  auto bounds = op->getAttrOfType<DenseI64ArrayAttr>("bounds");
  if (!dims || !bounds || static_cast<int64_t>(dims.size()) != bounds.size())
    return success();
  llvm::StringMap<int64_t> product;
  for (Attribute d : dims)
    if (auto s = llvm::dyn_cast<StringAttr>(d))
      product[s.getValue()] = 1;
  for (Attribute a : mapping.getLevels()) {
    auto level = llvm::cast<LevelAttr>(a);
    for (auto [names, factors] :
         {std::make_pair(level.getTemporalDims(), level.getTemporalFactors()),
          std::make_pair(level.getXDims(), level.getXFactors()),
          std::make_pair(level.getYDims(), level.getYFactors())})
      for (auto [d, f] : llvm::zip(names, factors)) {
        StringRef dim = llvm::cast<StringAttr>(d).getValue();
        auto it = product.find(dim);
        if (it == product.end())
          return op->emitOpError()
                 << "has no dim '" << dim << "', which level '" << level.getName().getValue()
                 << "' of its " << kMappingAttrName << " iterates";
        if (__builtin_mul_overflow(it->second, f, &it->second))
          it->second = INT64_MAX;
      }
  }
  for (auto [d, bound] : llvm::zip(dims, bounds.asArrayRef())) {
    StringRef dim = llvm::cast<StringAttr>(d).getValue();
    if (product[dim] < bound)
      return op->emitOpError() << "dim '" << dim << "' has bound " << bound
                               << " but the factors of its loops in " << kMappingAttrName
                               << " multiply to " << product[dim];
  }
  return success();
}

/// map.search: {status = "optimal" | "stopped" | "finished", evaluations = N : i64,
/// gap_percent = G : f64 (only when stopped)}.
LogicalResult verifySearch(Operation *op, NamedAttribute attr) {
  auto dict = llvm::dyn_cast<DictionaryAttr>(attr.getValue());
  auto status = dict ? dict.getAs<StringAttr>("status") : StringAttr();
  if (!status || !llvm::is_contained({"optimal", "stopped", "finished"}, status.getValue()))
    return op->emitOpError() << "attribute '" << attr.getName().getValue()
                             << "' must be a dictionary with status = \"optimal\", \"stopped\" "
                                "or \"finished\"";
  auto evaluations = dict.getAs<IntegerAttr>("evaluations");
  if (!evaluations || evaluations.getInt() < 0)
    return op->emitOpError() << "attribute '" << attr.getName().getValue()
                             << "' needs evaluations = N (N >= 0)";
  if (auto gap = dict.get("gap_percent")) {
    auto g = llvm::dyn_cast<FloatAttr>(gap);
    if (!g || g.getValueAsDouble() < 0)
      return op->emitOpError() << "attribute '" << attr.getName().getValue()
                               << "' has a gap_percent that is not a non-negative float";
  }
  return success();
}

} // namespace

LogicalResult MapDialect::verifyOperationAttribute(Operation *op, NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (name == kCostAttrName) {
    if (!llvm::isa<CostAttr>(attr.getValue()))
      return op->emitOpError() << "attribute '" << name << "' must be a #map.cost";
    return success();
  }
  if (name == kSearchAttrName)
    return verifySearch(op, attr);
  if (name != kMappingAttrName)
    return op->emitOpError() << "has an unknown map dialect attribute '" << name
                             << "' (known: " << kMappingAttrName << ", " << kCostAttrName << ", "
                             << kSearchAttrName << ")";
  auto mapping = llvm::dyn_cast<MappingAttr>(attr.getValue());
  if (!mapping)
    return op->emitOpError() << "attribute '" << name << "' must be a #map.mapping";
  return verifyFactors(op, mapping);
}
