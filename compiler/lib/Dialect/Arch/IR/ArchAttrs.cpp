//===- ArchAttrs.cpp - arch dialect attributes ----------------------------===//
// Verifiers and evaluation of quantities, parameter expressions and domains.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Arch/IR/Arch.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace tessel::arch;

#include "tessel/Dialect/Arch/IR/ArchEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "tessel/Dialect/Arch/IR/ArchAttrs.cpp.inc"

void ArchDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "tessel/Dialect/Arch/IR/ArchAttrs.cpp.inc"
      >();
}

LogicalResult QuantityAttr::verify(function_ref<InFlightDiagnostic()> emitError, Real value,
                                   Unit unit) {
  if (!std::isfinite(value) || value < 0)
    return emitError() << "quantity must be finite and non-negative, got " << formatNumber(value);
  return success();
}

LogicalResult ExprAttr::verify(function_ref<InFlightDiagnostic()> emitError, Unit unit,
                               AffineMap map, ArrayAttr params) {
  if (map.getNumDims() != 0 || map.getNumResults() != 1)
    return emitError() << "expression map must have no dims and one result";
  if (map.getNumSymbols() != params.size())
    return emitError() << "expression has " << map.getNumSymbols() << " symbols but "
                       << params.size() << " parameters";
  for (Attribute p : params)
    if (!llvm::isa<FlatSymbolRefAttr>(p))
      return emitError() << "expression parameters must be symbol references, got " << p;
  return success();
}

FailureOr<double> ExprAttr::evaluate(ArrayRef<double> paramValues) const {
  SmallVector<int64_t> syms;
  for (double v : paramValues) {
    if (v != std::trunc(v))
      return failure();
    syms.push_back(static_cast<int64_t>(v));
  }
  std::function<FailureOr<int64_t>(AffineExpr)> eval = [&](AffineExpr e) -> FailureOr<int64_t> {
    if (auto c = llvm::dyn_cast<AffineConstantExpr>(e))
      return c.getValue();
    if (auto s = llvm::dyn_cast<AffineSymbolExpr>(e))
      return syms[s.getPosition()];
    auto bin = llvm::dyn_cast<AffineBinaryOpExpr>(e);
    if (!bin)
      return failure();
    FailureOr<int64_t> l = eval(bin.getLHS()), r = eval(bin.getRHS());
    if (failed(l) || failed(r))
      return failure();
    switch (e.getKind()) {
    case AffineExprKind::Add:
      return *l + *r;
    case AffineExprKind::Mul:
      return *l * *r;
    case AffineExprKind::FloorDiv:
    case AffineExprKind::CeilDiv:
    case AffineExprKind::Mod:
      if (*r == 0)
        return failure();
      if (e.getKind() == AffineExprKind::Mod)
        return *l % *r;
      return e.getKind() == AffineExprKind::FloorDiv
                 ? static_cast<int64_t>(std::floor(double(*l) / double(*r)))
                 : static_cast<int64_t>(std::ceil(double(*l) / double(*r)));
    default:
      return failure();
    }
  };
  FailureOr<int64_t> v = eval(getMap().getResult(0));
  if (failed(v))
    return failure();
  return static_cast<double>(*v);
}

LogicalResult SetDomainAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                    ArrayRef<Real> values, Unit unit) {
  if (values.empty())
    return emitError() << "a set domain needs at least one value";
  return success();
}

LogicalResult RangeDomainAttr::verify(function_ref<InFlightDiagnostic()> emitError, Real lo,
                                      Real hi, Real step, Unit unit) {
  if (lo > hi)
    return emitError() << "range domain is empty: " << formatNumber(lo) << " > " << formatNumber(hi);
  if (step < 0)
    return emitError() << "range step must be non-negative";
  return success();
}

std::optional<Unit> tessel::arch::unitOf(Attribute value) {
  if (auto q = dyn_cast_or_null<QuantityAttr>(value))
    return q.getUnit();
  if (auto e = dyn_cast_or_null<ExprAttr>(value))
    return e.getUnit();
  return std::nullopt;
}

FailureOr<double> tessel::arch::valueOf(Attribute value, AcceleratorOp acc) {
  if (auto q = dyn_cast_or_null<QuantityAttr>(value))
    return q.getValue().value;
  auto e = dyn_cast_or_null<ExprAttr>(value);
  if (!e || !acc)
    return failure();
  SmallVector<double> vals;
  for (Attribute p : e.getParams()) {
    auto param = SymbolTable::lookupSymbolIn(acc, cast<FlatSymbolRefAttr>(p).getAttr());
    auto po = dyn_cast_or_null<ParamOp>(param);
    if (!po)
      return failure();
    vals.push_back(po.getValue().getValue());
  }
  return e.evaluate(vals);
}
