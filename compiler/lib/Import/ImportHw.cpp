//===- ImportHw.cpp - dsl::HwModel -> arch.accelerator --------------------===//
// Builds the arch ops of one checked accelerator: parameters with domains, levels nested
// in their arrays, compute units in the innermost array, constraints.
//===----------------------------------------------------------------------===//
#include "HwParamExprs.h"
#include "tessel/Dialect/Arch/IR/Arch.h"
#include "tessel/Import/Import.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/AffineMap.h"

#include <cmath>
#include <set>

using namespace mlir;
using namespace tessel::arch;

namespace tessel::importer {
namespace {

/// The arch unit and the factor from base units for a DSL dimension.
std::pair<Unit, double> unitFor(const dsl::Dim &d, int64_t wordBits) {
  if (d == dsl::dimBits())
    return {Unit::Bits, 1};
  if (d == dsl::dimWords())
    return {Unit::Bits, double(wordBits)};
  if (d == dsl::dimFrequency())
    return {Unit::Hz, 1};
  if (d == dsl::dimEnergy())
    return {Unit::PJ, 1e12};
  if (d == dsl::dimArea())
    return {Unit::Um2, 1e12};
  if (d == dsl::dimBitsPerCycle())
    return {Unit::BitsPerCycle, 1};
  if (d == dsl::dimWordsPerCycle())
    return {Unit::BitsPerCycle, double(wordBits)};
  if (d == dsl::dimPower())
    return {Unit::MW, 1e3};
  if (d == dsl::dimLength())
    return {Unit::Nm, 1e9};
  return {Unit::Count, 1};
}

/// Removes floating-point noise from unit scaling (0.2077e-12 * 1e12).
double clean(double v) {
  double r = std::round(v * 1e9) / 1e9;
  return std::fabs(r - v) < 1e-9 * std::max(1.0, std::fabs(v)) ? r : v;
}

class HwImporter {
public:
  HwImporter(OpBuilder &b, const dsl::SourceManager &sm, const dsl::HwModel &hw)
      : b(b), ctx(b.getContext()), sm(sm), hw(hw), params(findParamFields(sm, hw)) {}

  Operation *run() {
    auto acc = b.create<AcceleratorOp>(
        loc(hw.loc), hw.name, q(hw.technologyNm, Unit::Nm), q(hw.clockHz, Unit::Hz),
        hw.wordBits, hw.costModel,
        hw.dataflow.empty() ? StringAttr() : b.getStringAttr(hw.dataflow));
    accel = acc;
    Block *body = &acc.getBody().emplaceBlock();
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(body);
    for (const dsl::ParamInfo &p : hw.params)
      param(p);
    // Known once the parameters are: a swept clock or node must reach arch-bind-params.
    acc.setTechnologyAttr(valueOr(value("technology", hw.technologyNm, Unit::Nm),
                                  q(hw.technologyNm, Unit::Nm)));
    acc.setClockAttr(value("clock", hw.clockHz, Unit::Hz));
    emitContainer("", body);
    recordConstantUses(acc);
    if (!hw.dataflow.empty())
      b.create<ConstraintOp>(loc(hw.loc), "dataflow", FlatSymbolRefAttr(),
                             b.getStrArrayAttr({hw.dataflow}));
    for (const dsl::Constraint &c : hw.constraints) {
      SmallVector<StringRef> values(c.values.begin(), c.values.end());
      bool dataflow = c.kind == "dataflow";
      if (dataflow && c.values.size() == 1 && c.values[0] == hw.dataflow)
        continue;
      b.create<ConstraintOp>(loc(c.loc), c.kind,
                             dataflow ? FlatSymbolRefAttr()
                                      : FlatSymbolRefAttr::get(ctx, c.target),
                             b.getStrArrayAttr(values));
    }
    return acc;
  }

private:
  Location loc(dsl::SourceRange r) { return toLocation(ctx, sm, r); }
  QuantityAttr q(double v, Unit u) { return QuantityAttr::get(ctx, clean(v), u); }
  Attribute opt(const std::optional<double> &v, Unit u, double scale = 1) {
    return v ? Attribute(q(*v * scale, u)) : Attribute();
  }
  static Attribute valueOr(Attribute v, Attribute otherwise) { return v ? v : otherwise; }
  Attribute nonZero(double v, Unit u) { return v != 0 ? Attribute(q(v, u)) : Attribute(); }

  void param(const dsl::ParamInfo &p) {
    auto [unit, scale] = unitFor(p.value.dim, hw.wordBits);
    Attribute domain;
    if (p.domainKind == dsl::ParamInfo::DomainKind::Set) {
      SmallVector<Real> vals;
      for (double v : p.set)
        vals.push_back(clean(v * scale));
      domain = SetDomainAttr::get(ctx, vals, unit);
    } else if (p.domainKind == dsl::ParamInfo::DomainKind::Range) {
      domain = RangeDomainAttr::get(ctx, clean(p.lo * scale), clean(p.hi * scale),
                                    clean(p.step * scale), unit);
    }
    b.create<ParamOp>(loc(p.loc), p.name, q(p.value.value * scale, unit), domain);
    paramValues[p.name] = clean(p.value.value * scale); // as arch-bind-params sees it
  }

  /// Converts a ParamExpr to an affine expression over parameter symbols.
  FailureOr<AffineExpr> affine(const ParamExpr &e, SmallVectorImpl<std::string> &syms) {
    switch (e.kind) {
    case ParamExpr::Kind::Number:
      if (e.value != std::trunc(e.value))
        return failure();
      return getAffineConstantExpr(static_cast<int64_t>(e.value), ctx);
    case ParamExpr::Kind::Param: {
      auto it = llvm::find(syms, e.name);
      unsigned pos = it - syms.begin();
      if (it == syms.end())
        syms.push_back(e.name);
      return getAffineSymbolExpr(pos, ctx);
    }
    case ParamExpr::Kind::Neg: {
      FailureOr<AffineExpr> x = affine(e.args[0], syms);
      if (failed(x))
        return failure();
      return *x * -1;
    }
    default:
      break;
    }
    FailureOr<AffineExpr> l = affine(e.args[0], syms), r = affine(e.args[1], syms);
    if (failed(l) || failed(r))
      return failure();
    switch (e.kind) {
    case ParamExpr::Kind::Add:
      return *l + *r;
    case ParamExpr::Kind::Sub:
      return *l - *r;
    case ParamExpr::Kind::Mul:
      return *l * *r;
    default:
      if (auto c = dyn_cast<AffineConstantExpr>(*r); c && c.getValue() > 0)
        return l->floorDiv(c.getValue());
      return failure();
    }
  }

  /// `#arch.expr` for field `key` when it is a parameter expression that reproduces the
  /// checked value `value` (trying a word scale for word-sized fields); else a quantity.
  Attribute value(const std::string &key, double v, Unit unit) {
    auto it = params.exprs.find(key);
    if (it != params.exprs.end()) {
      SmallVector<std::string> syms;
      FailureOr<AffineExpr> e = affine(it->second, syms);
      if (succeeded(e)) {
        SmallVector<Attribute> refs;
        SmallVector<double> vals;
        for (const std::string &s : syms) {
          refs.push_back(FlatSymbolRefAttr::get(ctx, s));
          vals.push_back(paramValues[s]);
        }
        for (int64_t scale : {int64_t(1), hw.wordBits}) {
          auto attr = ExprAttr::get(ctx, unit, AffineMap::get(0, syms.size(), *e * scale),
                                    b.getArrayAttr(refs));
          FailureOr<double> got = attr.evaluate(vals);
          if (succeeded(got) && *got == v) {
            symbolicKeys.insert(key);
            return attr;
          }
        }
      }
    }
    return v != 0 || unit == Unit::Count ? Attribute(q(v, unit)) : Attribute();
  }

  /// `arch.constant_param_uses`: for each param, the fields computed from it that are
  /// constants at the defaults, which arch-bind-params refuses to leave stale.
  void recordConstantUses(AcceleratorOp acc) {
    std::map<std::string, SmallVector<Attribute>> byParam;
    for (const ParamUse &u : params.uses)
      if (!symbolicKeys.count(u.key))
        for (const std::string &p : u.params)
          byParam[p].push_back(b.getStringAttr(u.field));
    if (byParam.empty())
      return;
    SmallVector<NamedAttribute> entries;
    for (auto &[param, fields] : byParam)
      entries.push_back(b.getNamedAttr(param, b.getArrayAttr(fields)));
    acc->setAttr(kConstantParamUsesAttr, b.getDictionaryAttr(entries));
  }

  /// `value(key, v, unit)` when that keeps field `key` symbolic, else `fallback`. Fields
  /// whose expression is not integral in `unit` (0.5pJ, B/s bandwidths) stay constants.
  Attribute symbolic(const std::string &key, std::optional<double> v, Unit unit,
                     Attribute fallback) {
    if (!v || !params.exprs.count(key))
      return fallback;
    Attribute a = value(key, *v, unit);
    return isa_and_nonnull<ExprAttr>(a) ? a : fallback;
  }

  void memory(const dsl::MemoryLevel &L) {
    SmallVector<StringRef> keeps(L.keeps.begin(), L.keeps.end());
    SmallVector<StringRef> compress(L.compress.begin(), L.compress.end());
    b.create<MemoryOp>(
        loc(L.loc), L.name, L.cls, L.subclass.empty() ? StringAttr() : b.getStringAttr(L.subclass),
        value(L.name + ".size", L.sizeBits, Unit::Bits), L.banks,
        L.ports == 1 ? IntegerAttr() : b.getI64IntegerAttr(L.ports),
        symbolic(L.name + ".width", L.widthBits, Unit::Bits, nonZero(L.widthBits, Unit::Bits)),
        symbolic(L.name + ".read_bandwidth", L.readBandwidth, Unit::BitsPerCycle,
                 nonZero(L.readBandwidth, Unit::BitsPerCycle)),
        symbolic(L.name + ".write_bandwidth", L.writeBandwidth, Unit::BitsPerCycle,
                 nonZero(L.writeBandwidth, Unit::BitsPerCycle)),
        symbolic(L.name + ".shared_bandwidth", L.sharedBandwidth, Unit::BitsPerCycle,
                 nonZero(L.sharedBandwidth, Unit::BitsPerCycle)),
        symbolic(L.name + ".read_energy", L.readEnergyPJ, Unit::PJ, opt(L.readEnergyPJ, Unit::PJ)),
        symbolic(L.name + ".write_energy", L.writeEnergyPJ, Unit::PJ,
                 opt(L.writeEnergyPJ, Unit::PJ)),
        symbolic(L.name + ".area", L.areaUm2, Unit::Um2, opt(L.areaUm2, Unit::Um2)),
        symbolic(L.name + ".leakage", L.leakageMW, Unit::MW, opt(L.leakageMW, Unit::MW)),
        b.getStrArrayAttr(keeps), compress.empty() ? ArrayAttr() : b.getStrArrayAttr(compress),
        compress.empty() ? IntegerAttr() : b.getI64IntegerAttr(L.runBits), L.instances);
  }

  void compute(const dsl::ComputeUnit &C) {
    b.create<ComputeOp>(loc(C.loc), C.name, C.cls, C.bits,
                        C.format.empty() ? StringAttr() : b.getStringAttr(C.format), C.count,
                        C.instances, opt(C.energyPJ, Unit::PJ), opt(C.areaUm2, Unit::Um2),
                        opt(C.leakageMW, Unit::MW));
  }

  /// The array that directly encloses array `i` ("" for the accelerator).
  std::string parentOf(size_t i) {
    for (size_t j = i; j-- > 0;)
      if (hw.arrays[j].depth == hw.arrays[i].depth - 1)
        return hw.arrays[j].name;
    return "";
  }

  /// Emits the levels and arrays directly inside `container`, in source order, then the
  /// compute units when `container` is the innermost array.
  void emitContainer(const std::string &container, Block *body) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(body);
    std::vector<std::pair<size_t, int>> items; // (order key, index; <0 = array -(i+1))
    for (size_t i = 0; i < hw.levels.size(); ++i)
      if (hw.levels[i].enclosingArray == container)
        items.push_back({2 * i + 1, int(i)});
    for (size_t i = 0; i < hw.arrays.size(); ++i)
      if (parentOf(i) == container)
        items.push_back({2 * hw.arrays[i].firstInnerLevel, -int(i) - 1});
    std::stable_sort(items.begin(), items.end(),
                     [](auto &a, auto &c) { return a.first < c.first; });
    for (auto [key, idx] : items) {
      if (idx >= 0) {
        memory(hw.levels[idx]);
        continue;
      }
      const dsl::SpatialArray &A = hw.arrays[-idx - 1];
      auto arr = b.create<ArrayOp>(
          loc(A.loc), A.name, value(A.name + ".y", double(A.fanY), Unit::Count),
          value(A.name + ".x", double(A.fanX), Unit::Count), A.multicast, A.reduction,
          opt(A.hopEnergyPJ, Unit::PJ), A.instances);
      emitContainer(A.name, &arr.getBody().emplaceBlock());
    }
    std::string innermost;
    int depth = -1;
    for (const dsl::SpatialArray &A : hw.arrays)
      if (A.depth > depth) {
        depth = A.depth;
        innermost = A.name;
      }
    if (container == innermost)
      for (const dsl::ComputeUnit &C : hw.compute)
        compute(C);
  }

  OpBuilder &b;
  MLIRContext *ctx;
  const dsl::SourceManager &sm;
  const dsl::HwModel &hw;
  ParamFields params; ///< the .hw fields computed from params
  std::map<std::string, double> paramValues;
  std::set<std::string> symbolicKeys; ///< fields emitted as #arch.expr
  Operation *accel = nullptr;
};

} // namespace

double paramScale(const dsl::Dim &dim, int64_t wordBits) {
  return unitFor(dim, wordBits).second;
}

Operation *importAccelerator(OpBuilder &builder, const dsl::SourceManager &sm,
                             const dsl::HwModel &hw) {
  return HwImporter(builder, sm, hw).run();
}

} // namespace tessel::importer
