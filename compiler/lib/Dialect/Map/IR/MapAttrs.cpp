//===- MapAttrs.cpp - map dialect attributes ------------------------------===//
// The readable level syntax (`temporal [K = 4]`), and verifiers of mappings and costs.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Map/IR/Map.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace tessel::map;

#define GET_ATTRDEF_CLASSES
#include "tessel/Dialect/Map/IR/MapAttrs.cpp.inc"

void MapDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "tessel/Dialect/Map/IR/MapAttrs.cpp.inc"
      >();
}

namespace {

/// `[K = 4, C = 2]`
ParseResult parseLoops(AsmParser &p, SmallVectorImpl<Attribute> &dims,
                       SmallVectorImpl<int64_t> &factors) {
  return p.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&]() -> ParseResult {
    std::string dim;
    int64_t factor = 0;
    if (p.parseKeywordOrString(&dim) || p.parseEqual() || p.parseInteger(factor))
      return failure();
    dims.push_back(StringAttr::get(p.getContext(), dim));
    factors.push_back(factor);
    return success();
  });
}

/// `[x, "conv1.weight"]`
ParseResult parseTensors(AsmParser &p, SmallVectorImpl<Attribute> &tensors) {
  return p.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&]() -> ParseResult {
    std::string tensor;
    if (p.parseKeywordOrString(&tensor))
      return failure();
    tensors.push_back(StringAttr::get(p.getContext(), tensor));
    return success();
  });
}

void printLoops(AsmPrinter &p, StringRef kw, ArrayAttr dims, ArrayRef<int64_t> factors) {
  if (dims.empty())
    return;
  p << ' ' << kw << " [";
  llvm::interleaveComma(llvm::zip(dims, factors), p, [&](auto pair) {
    p.printKeywordOrString(llvm::cast<StringAttr>(std::get<0>(pair)).getValue());
    p << " = " << std::get<1>(pair);
  });
  p << ']';
}

void printTensors(AsmPrinter &p, StringRef kw, ArrayAttr tensors) {
  if (tensors.empty())
    return;
  p << ' ' << kw << " [";
  llvm::interleaveComma(tensors, p, [&](Attribute t) {
    p.printKeywordOrString(llvm::cast<StringAttr>(t).getValue());
  });
  p << ']';
}

} // namespace

Attribute LevelAttr::parse(AsmParser &p, Type) {
  std::string name;
  SmallVector<Attribute> dims[3], keep, bypass;
  SmallVector<int64_t> factors[3];
  if (p.parseLess() || p.parseString(&name))
    return {};
  const char *loopKw[3] = {"temporal", "spatial_x", "spatial_y"};
  for (int i = 0; i < 3; ++i)
    if (succeeded(p.parseOptionalKeyword(loopKw[i])) && parseLoops(p, dims[i], factors[i]))
      return {};
  if (succeeded(p.parseOptionalKeyword("keep")) && parseTensors(p, keep))
    return {};
  if (succeeded(p.parseOptionalKeyword("bypass")) && parseTensors(p, bypass))
    return {};
  if (p.parseGreater())
    return {};
  MLIRContext *ctx = p.getContext();
  return p.getChecked<LevelAttr>(
      ctx, StringAttr::get(ctx, name), ArrayAttr::get(ctx, dims[0]), ArrayRef<int64_t>(factors[0]),
      ArrayAttr::get(ctx, dims[1]), ArrayRef<int64_t>(factors[1]),
      ArrayAttr::get(ctx, dims[2]), ArrayRef<int64_t>(factors[2]),
      ArrayAttr::get(ctx, keep), ArrayAttr::get(ctx, bypass));
}

void LevelAttr::print(AsmPrinter &p) const {
  p << "<\"" << getName().getValue() << '"';
  printLoops(p, "temporal", getTemporalDims(), getTemporalFactors());
  printLoops(p, "spatial_x", getXDims(), getXFactors());
  printLoops(p, "spatial_y", getYDims(), getYFactors());
  printTensors(p, "keep", getKeep());
  printTensors(p, "bypass", getBypass());
  p << '>';
}

LogicalResult LevelAttr::verify(function_ref<InFlightDiagnostic()> emitError, StringAttr name,
                                ArrayAttr tDims, ArrayRef<int64_t> tFactors, ArrayAttr xDims,
                                ArrayRef<int64_t> xFactors, ArrayAttr yDims,
                                ArrayRef<int64_t> yFactors, ArrayAttr keep, ArrayAttr bypass) {
  if (name.getValue().empty())
    return emitError() << "level needs a name";
  for (auto [dims, factors] : {std::make_pair(tDims, tFactors), std::make_pair(xDims, xFactors),
                               std::make_pair(yDims, yFactors)}) {
    if (dims.size() != factors.size())
      return emitError() << "each loop needs one factor";
    for (auto [d, f] : llvm::zip(dims, factors))
      if (f < 1)
        return emitError() << "loop " << d << " has factor " << f << ", must be >= 1";
  }
  llvm::StringSet<> seen;
  for (Attribute t : llvm::concat<const Attribute>(keep.getValue(), bypass.getValue())) {
    auto s = llvm::dyn_cast<StringAttr>(t);
    if (!s || s.getValue().empty())
      return emitError() << "keep/bypass of level '" << name.getValue()
                         << "' must name tensors, got " << t;
    if (!seen.insert(s.getValue()).second)
      return emitError() << "tensor '" << s.getValue()
                         << "' is listed twice in keep/bypass of level '" << name.getValue()
                         << "'";
  }
  return success();
}

LogicalResult MappingAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                  ArrayAttr levels) {
  if (levels.empty())
    return emitError() << "a mapping needs at least one level";
  llvm::StringSet<> names;
  for (Attribute a : levels) {
    auto level = llvm::dyn_cast<LevelAttr>(a);
    if (!level)
      return emitError() << "mapping levels must be #map.level, got " << a;
    if (!names.insert(level.getName().getValue()).second)
      return emitError() << "level '" << level.getName().getValue() << "' appears twice";
  }
  return success();
}

int64_t MappingAttr::totalFactor(StringRef dim) const {
  int64_t p = 1;
  for (Attribute a : getLevels()) {
    auto level = llvm::cast<LevelAttr>(a);
    for (auto [dims, factors] :
         {std::make_pair(level.getTemporalDims(), level.getTemporalFactors()),
          std::make_pair(level.getXDims(), level.getXFactors()),
          std::make_pair(level.getYDims(), level.getYFactors())})
      for (auto [d, f] : llvm::zip(dims, factors))
        if (llvm::cast<StringAttr>(d).getValue() == dim)
          p *= f;
  }
  return p;
}

LogicalResult CostAttr::verify(function_ref<InFlightDiagnostic()> emitError, int64_t cycles,
                               tessel::Real utilization, tessel::Real energy, tessel::Real area,
                               DictionaryAttr breakdown) {
  if (cycles < 0 || energy < 0 || area < 0)
    return emitError() << "cycles, energy and area must be non-negative";
  if (utilization < 0 || utilization > 1)
    return emitError() << "utilization must be in [0, 1], got "
                       << tessel::formatNumber(utilization);
  for (NamedAttribute level : breakdown) {
    auto tensors = llvm::dyn_cast<DictionaryAttr>(level.getValue());
    if (!tensors)
      return emitError() << "breakdown of level '" << level.getName().getValue()
                         << "' must be a dictionary of tensors";
    for (NamedAttribute r : tensors) {
      auto f = llvm::dyn_cast<FloatAttr>(r.getValue());
      if (!f || f.getValueAsDouble() < 0)
        return emitError() << "energy of '" << r.getName().getValue() << "' at level '"
                           << level.getName().getValue()
                           << "' must be a non-negative float";
    }
  }
  return success();
}
