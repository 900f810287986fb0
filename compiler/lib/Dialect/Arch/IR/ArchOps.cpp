//===- ArchOps.cpp - arch dialect operations ------------------------------===//
// Verifiers and helpers of the accelerator, parameter, level, array and compute ops.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Arch/IR/Arch.h"

#include "llvm/ADT/StringSet.h"

#include <cmath>

using namespace mlir;
using namespace tessel::arch;

#define GET_OP_CLASSES
#include "tessel/Dialect/Arch/IR/ArchOps.cpp.inc"

namespace {

/// Checks that an optional value attribute has the expected unit.
LogicalResult checkUnit(Operation *op, StringRef field, Attribute value, Unit want) {
  if (!value)
    return success();
  std::optional<Unit> unit = unitOf(value);
  if (unit != want)
    return op->emitOpError() << "'" << field << "' must be in "
                             << stringifyUnit(want) << ", got " << value;
  return success();
}

LogicalResult checkPositive(Operation *op, StringRef field, int64_t v) {
  if (v < 1)
    return op->emitOpError() << "'" << field << "' must be at least 1, got " << v;
  return success();
}

} // namespace

//===- AcceleratorOp ------------------------------------------------------===//

SmallVector<ParamOp> tessel::arch::getParams(AcceleratorOp acc) {
  return llvm::to_vector(acc.getBody().front().getOps<ParamOp>());
}

Operation *AcceleratorOp::lookupComponent(StringRef name) {
  Operation *found = nullptr;
  getBody().walk([&](Operation *op) {
    if (isa<MemoryOp, ArrayOp, ComputeOp>(op) &&
        op->getAttrOfType<StringAttr>("sym_name").getValue() == name) {
      found = op;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return found;
}

/// The value of the accelerator's `field` once parameters are bound.
static FailureOr<double> boundField(AcceleratorOp acc, StringRef field, Attribute value) {
  if (auto q = dyn_cast<QuantityAttr>(value))
    return q.getValue().value;
  return acc.emitError() << "'" << field << "' of accelerator @" << acc.getSymName()
                         << " still depends on parameters (" << value
                         << "); run arch-bind-params first";
}

FailureOr<double> AcceleratorOp::boundClockHz() { return boundField(*this, "clock", getClock()); }

FailureOr<double> AcceleratorOp::boundTechnologyNm() {
  return boundField(*this, "technology", getTechnology());
}

LogicalResult AcceleratorOp::verify() {
  if (failed(checkUnit(*this, "technology", getTechnology(), Unit::Nm)) ||
      failed(checkUnit(*this, "clock", getClock(), Unit::Hz)) ||
      failed(checkPositive(*this, "word", getWordBits())))
    return failure();
  llvm::StringSet<> names;
  for (ParamOp p : tessel::arch::getParams(*this))
    names.insert(p.getSymName());
  bool hasCompute = false;
  // Includes the accelerator itself: its technology and clock may be expressions.
  WalkResult r = (*this)->walk([&](Operation *op) -> WalkResult {
    if (isa<MemoryOp, ArrayOp, ComputeOp>(op)) {
      hasCompute |= isa<ComputeOp>(op);
      StringRef name = op->getAttrOfType<StringAttr>("sym_name").getValue();
      if (!names.insert(name).second)
        return op->emitOpError() << "redefines the name '" << name << "'";
    } else if (isa<ParamOp>(op) || isa<ConstraintOp>(op)) {
      // Checked by their own verifiers.
    } else if (op != getOperation()) {
      return op->emitOpError() << "is not allowed inside 'arch.accelerator'";
    }
    for (NamedAttribute a : op->getAttrs()) {
      auto e = dyn_cast<ExprAttr>(a.getValue());
      if (!e)
        continue;
      for (Attribute p : e.getParams())
        if (!isa_and_nonnull<ParamOp>(
                mlir::SymbolTable::lookupSymbolIn(*this, cast<FlatSymbolRefAttr>(p).getAttr())))
          return op->emitOpError() << "'" << a.getName().getValue() << "' refers to " << p
                                   << ", which is not a parameter of @" << getSymName();
    }
    return WalkResult::advance();
  });
  if (r.wasInterrupted())
    return failure();
  if (!hasCompute)
    return emitOpError() << "has no 'arch.compute' unit";
  return success();
}

//===- ParamOp -------------------------------------------------------------===//

bool ParamOp::inDomain(double v) {
  std::optional<Attribute> d = getDomain();
  if (!d)
    return true;
  if (auto set = dyn_cast<SetDomainAttr>(*d))
    return llvm::any_of(set.getValues(), [&](Real r) {
      return std::fabs(r.value - v) <= 1e-9 * std::max(1.0, std::fabs(v));
    });
  auto range = cast<RangeDomainAttr>(*d);
  if (v < range.getLo() || v > range.getHi())
    return false;
  if (range.getStep() == 0)
    return true;
  double k = (v - range.getLo()) / range.getStep();
  return std::fabs(k - std::round(k)) < 1e-9;
}

SmallVector<double> ParamOp::domainValues() {
  SmallVector<double> out;
  std::optional<Attribute> d = getDomain();
  if (!d)
    return out;
  if (auto set = dyn_cast<SetDomainAttr>(*d))
    return llvm::to_vector(llvm::map_range(set.getValues(), [](Real r) { return r.value; }));
  auto range = cast<RangeDomainAttr>(*d);
  if (range.getStep() == 0)
    return out;
  for (double v = range.getLo(); v <= range.getHi() + 1e-9; v += range.getStep())
    out.push_back(v);
  return out;
}

LogicalResult ParamOp::verify() {
  std::optional<Attribute> d = getDomain();
  if (!d)
    return success();
  Unit unit = isa<SetDomainAttr>(*d) ? cast<SetDomainAttr>(*d).getUnit()
                                     : cast<RangeDomainAttr>(*d).getUnit();
  if (unit != getValue().getUnit())
    return emitOpError() << "value is in " << stringifyUnit(getValue().getUnit())
                         << " but the domain is in " << stringifyUnit(unit);
  if (!inDomain(getValue().getValue()))
    return emitOpError() << "value " << formatNumber(getValue().getValue())
                         << " is outside the domain " << *d;
  return success();
}

//===- MemoryOp ------------------------------------------------------------===//

LogicalResult MemoryOp::verify() {
  static const char *const classes[] = {"dram", "sram", "regfile"};
  if (!llvm::is_contained(classes, getCls()))
    return emitOpError() << "unknown memory class '" << getCls()
                         << "' (expected dram, sram or regfile)";
  if (failed(checkPositive(*this, "banks", getBanks())) ||
      failed(checkPositive(*this, "ports", getPorts().value_or(1))) ||
      failed(checkPositive(*this, "instances", getInstances())) ||
      failed(checkUnit(*this, "size", getSizeAttr(), Unit::Bits)) ||
      failed(checkUnit(*this, "width", getWidthAttr(), Unit::Bits)) ||
      failed(checkUnit(*this, "read_bw", getReadBandwidthAttr(), Unit::BitsPerCycle)) ||
      failed(checkUnit(*this, "write_bw", getWriteBandwidthAttr(), Unit::BitsPerCycle)) ||
      failed(checkUnit(*this, "shared_bw", getSharedBandwidthAttr(), Unit::BitsPerCycle)) ||
      failed(checkUnit(*this, "read_energy", getReadEnergyAttr(), Unit::PJ)) ||
      failed(checkUnit(*this, "write_energy", getWriteEnergyAttr(), Unit::PJ)) ||
      failed(checkUnit(*this, "area", getAreaAttr(), Unit::Um2)) ||
      failed(checkUnit(*this, "leakage", getLeakageAttr(), Unit::MW)))
    return failure();
  if (getKeeps().empty())
    return emitOpError() << "keeps no tensor";
  llvm::StringSet<> seen;
  for (Attribute k : getKeeps()) {
    StringRef role = cast<StringAttr>(k).getValue();
    if (role != "input" && role != "weight" && role != "output")
      return emitOpError() << "unknown tensor role '" << role
                           << "' (expected input, weight or output)";
    if (!seen.insert(role).second)
      return emitOpError() << "keeps '" << role << "' twice";
  }
  if (getCompress().has_value() != getRunBits().has_value())
    return emitOpError() << "needs both 'compress' and 'run_bits' or neither";
  if (!getCompress())
    return success();
  if (*getRunBits() < 1 || *getRunBits() > 30)
    return emitOpError() << "run_bits must be 1 to 30, got " << *getRunBits();
  llvm::SmallVector<StringRef, 3> coded;
  auto keeps = getKeeps().getAsValueRange<StringAttr>();
  for (StringRef role : getCompress()->getAsValueRange<StringAttr>()) {
    if (!llvm::is_contained(keeps, role))
      return emitOpError() << "compresses '" << role << "', which it does not keep";
    if (llvm::is_contained(coded, role))
      return emitOpError() << "compresses '" << role << "' twice";
    coded.push_back(role);
  }
  return success();
}

//===- ArrayOp -------------------------------------------------------------===//

LogicalResult ArrayOp::verify() {
  if (failed(checkUnit(*this, "y", getFanY(), Unit::Count)) ||
      failed(checkUnit(*this, "x", getFanX(), Unit::Count)) ||
      failed(checkUnit(*this, "hop_energy", getHopEnergyAttr(), Unit::PJ)) ||
      failed(checkPositive(*this, "instances", getInstances())))
    return failure();
  for (Attribute fan : {getFanY(), getFanX()})
    if (auto q = dyn_cast<QuantityAttr>(fan))
      if (q.getValue() < 1 || q.getValue() != std::trunc(q.getValue()))
        return emitOpError() << "fan-out must be a positive integer, got "
                             << formatNumber(q.getValue());
  for (Operation &op : getBody().front())
    if (!isa<MemoryOp, ArrayOp, ComputeOp>(op))
      return op.emitOpError() << "is not allowed inside 'arch.array'";
  return success();
}

//===- ComputeOp -----------------------------------------------------------===//

LogicalResult ComputeOp::verify() {
  if (getCls() != "intmac" && getCls() != "fpmac")
    return emitOpError() << "unknown compute class '" << getCls()
                         << "' (expected intmac or fpmac)";
  if (failed(checkPositive(*this, "bits", getBits())) ||
      failed(checkPositive(*this, "count", getCount())) ||
      failed(checkPositive(*this, "instances", getInstances())) ||
      failed(checkUnit(*this, "energy", getEnergyAttr(), Unit::PJ)) ||
      failed(checkUnit(*this, "area", getAreaAttr(), Unit::Um2)) ||
      failed(checkUnit(*this, "leakage", getLeakageAttr(), Unit::MW)))
    return failure();
  return success();
}

//===- ConstraintOp --------------------------------------------------------===//

LogicalResult ConstraintOp::verify() {
  static const char *const kinds[] = {"spatial_x", "spatial_y", "order",
                                      "keep",      "bypass",    "dataflow"};
  if (!llvm::is_contained(kinds, getKind()))
    return emitOpError() << "unknown constraint kind '" << getKind() << "'";
  bool wantsTarget = getKind() != "dataflow";
  if (wantsTarget != getTarget().has_value())
    return emitOpError() << "'" << getKind() << "' "
                         << (wantsTarget ? "needs" : "takes no") << " target";
  if (wantsTarget) {
    auto acc = (*this)->getParentOfType<AcceleratorOp>();
    if (!acc.lookupComponent(*getTarget()))
      return emitOpError() << "target @" << *getTarget() << " is not a level or array of @"
                           << acc.getSymName();
  }
  if (getValues().empty())
    return emitOpError() << "has no values";
  return success();
}
