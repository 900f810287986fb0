//===- BindParams.cpp - arch-bind-params ----------------------------------===//
// Binds parameter values (one design point), folds #arch.expr attributes to quantities
// and recomputes instance counts from the bound fan-outs.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Arch/Transforms/Passes.h"

#include "tessel/dsl/Units.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <cstdlib>

namespace tessel::arch {
#define GEN_PASS_DEF_ARCHBINDPARAMS
#include "tessel/Dialect/Arch/Transforms/Passes.h.inc"
} // namespace tessel::arch

using namespace mlir;
using namespace tessel::arch;

namespace {

/// Factor from DSL base units to `unit`, and the DSL dimension of `unit`.
std::pair<double, tessel::dsl::Dim> baseOf(Unit unit) {
  namespace d = tessel::dsl;
  switch (unit) {
  case Unit::Bits:
    return {1, d::dimBits()};
  case Unit::Hz:
    return {1, d::dimFrequency()};
  case Unit::PJ:
    return {1e12, d::dimEnergy()};
  case Unit::Um2:
    return {1e12, d::dimArea()};
  case Unit::BitsPerCycle:
    return {1, d::dimBitsPerCycle()};
  case Unit::MW:
    return {1e3, d::dimPower()};
  case Unit::Nm:
    return {1e9, d::dimLength()};
  case Unit::Count:
    break;
  }
  return {1, d::Dim::none()};
}

struct ArchBindParams : tessel::arch::impl::ArchBindParamsBase<ArchBindParams> {
  using ArchBindParamsBase::ArchBindParamsBase;

  /// Parses "123", "64KiB", "0.5pJ" into the parameter's unit.
  FailureOr<double> parseValue(ParamOp p, StringRef text) {
    std::string s = text.trim().str();
    char *end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str())
      return p.emitError() << "'" << text << "' is not a number for parameter '"
                           << p.getSymName() << "'";
    std::string unit = StringRef(end).trim().str();
    if (unit.empty())
      return v;
    const tessel::dsl::UnitInfo *u = tessel::dsl::lookupUnit(unit);
    auto [factor, dim] = baseOf(p.getValue().getUnit());
    if (!u || u->dim != dim)
      return p.emitError() << "unit '" << unit << "' does not fit parameter '" << p.getSymName()
                           << "' (in " << stringifyUnit(p.getValue().getUnit()) << ")";
    // 28nm is 28e-9 m * 1e9: drop the noise so that expressions see an integral 28.
    double scaled = v * u->scale * factor, rounded = std::round(scaled);
    return std::fabs(scaled - rounded) <= 1e-9 * std::max(1.0, std::fabs(scaled)) ? rounded
                                                                                   : scaled;
  }

  /// Fails when `p` is bound to `v` although fields computed from it were imported as
  /// constants at its current value (they would silently keep it).
  LogicalResult checkConstantUses(AcceleratorOp acc, ParamOp p, double v) {
    auto uses = acc->getAttrOfType<DictionaryAttr>(kConstantParamUsesAttr);
    auto fields = uses ? uses.getAs<ArrayAttr>(p.getSymName()) : ArrayAttr();
    double old = p.getValue().getValue().value;
    if (!fields || fields.empty() || std::fabs(v - old) <= 1e-9 * std::max(1.0, std::fabs(old)))
      return success();
    auto first = dyn_cast<StringAttr>(fields[0]);
    InFlightDiagnostic d = p.emitError()
                           << "cannot bind parameter '" << p.getSymName() << "' to "
                           << tessel::formatNumber(v) << ": "
                           << (first ? first.getValue() : StringRef("a field"))
                           << " was imported as a constant computed from its value "
                           << tessel::formatNumber(old);
    SmallVector<StringRef> names;
    for (Attribute f : fields)
      if (auto s = dyn_cast<StringAttr>(f))
        names.push_back(s.getValue());
    if (names.size() > 1)
      d.attachNote() << "fields computed from '" << p.getSymName()
                     << "' as constants: " << llvm::join(names, ", ");
    // "memory @GLB banks": the op after '@', up to the field.
    StringRef field = first ? first.getValue() : "";
    StringRef sym = field.contains('@') ? field.split('@').second.split(' ').first : "";
    Operation *op = field.starts_with("param ") ? SymbolTable::lookupSymbolIn(acc, sym)
                    : field.starts_with("accelerator ") ? acc.getOperation()
                                                        : acc.lookupComponent(sym);
    if (op)
      d.attachNote(op->getLoc()) << field << " is here";
    d.attachNote() << "only fields kept as #arch.expr follow arch-bind-params; 'tessel eval', "
                      "'map', 'sweep' and 'compile --emit=mapped' take --param "
                   << p.getSymName() << "=VALUE and import the .hw at that value";
    return failure();
  }

  LogicalResult bind(AcceleratorOp acc) {
    if (StringRef(values).trim().empty())
      return success();
    SmallVector<StringRef> items;
    StringRef(values).split(items, ',', -1, false);
    for (StringRef item : items) {
      auto [name, text] = item.split('=');
      name = name.trim();
      auto p = dyn_cast_or_null<ParamOp>(SymbolTable::lookupSymbolIn(acc, name));
      if (!p) {
        InFlightDiagnostic d = acc.emitError() << "unknown parameter '" << name << "' of @"
                                               << acc.getSymName();
        SmallVector<StringRef> names;
        for (ParamOp q : getParams(acc))
          names.push_back(q.getSymName());
        d.attachNote() << "parameters are: " << llvm::join(names, ", ");
        return failure();
      }
      FailureOr<double> v = parseValue(p, text);
      if (failed(v))
        return failure();
      if (!checkDomain && !p.inDomain(*v)) {
        p.removeDomainAttr(); // the bound point lies outside the declared domain
      } else if (!p.inDomain(*v)) {
        InFlightDiagnostic d = p.emitError()
                               << "value " << tessel::formatNumber(*v) << " for parameter '"
                               << name << "' is outside its domain";
        if (p.getDomain())
          d << " " << *p.getDomain();
        return failure();
      }
      if (failed(checkConstantUses(acc, p, *v)))
        return failure();
      p.setValueAttr(QuantityAttr::get(&getContext(), *v, p.getValue().getUnit()));
    }
    return success();
  }

  /// Replaces every #arch.expr attribute by its value.
  LogicalResult fold(AcceleratorOp acc) {
    WalkResult r = acc.walk([&](Operation *op) {
      for (NamedAttribute a : op->getAttrs()) {
        auto e = dyn_cast<ExprAttr>(a.getValue());
        if (!e)
          continue;
        FailureOr<double> v = valueOf(e, acc);
        if (failed(v)) {
          op->emitError() << "cannot evaluate '" << a.getName().getValue() << "' = " << e
                          << " (non-integral parameter or division by zero)";
          return WalkResult::interrupt();
        }
        op->setAttr(a.getName(), QuantityAttr::get(&getContext(), *v, e.getUnit()));
      }
      return WalkResult::advance();
    });
    return failure(r.wasInterrupted());
  }

  /// Recomputes `instances` from the (now constant) fan-outs of enclosing arrays.
  void recount(Block &block, int64_t outer) {
    for (Operation &op : block) {
      if (auto arr = dyn_cast<ArrayOp>(op)) {
        arr.setInstances(outer);
        auto fan = [](Attribute a) {
          return static_cast<int64_t>(cast<QuantityAttr>(a).getValue().value);
        };
        recount(arr.getBody().front(), outer * fan(arr.getFanY()) * fan(arr.getFanX()));
      } else if (auto mem = dyn_cast<MemoryOp>(op)) {
        mem.setInstances(outer);
      } else if (auto c = dyn_cast<ComputeOp>(op)) {
        c.setInstances(outer);
      }
    }
  }

  void runOnOperation() override {
    AcceleratorOp acc = getOperation();
    if (failed(bind(acc)) || failed(fold(acc)))
      return signalPassFailure();
    recount(acc.getBody().front(), 1);
  }
};

} // namespace
