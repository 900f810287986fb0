//===- MapAttrs.cpp - cost::Mapping and reports <-> map attributes --------===//
// Builds #map.mapping / #map.cost from the search's results and reads #map.mapping back.
//===----------------------------------------------------------------------===//
#include "tessel/Extract/MapAttrs.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;

namespace tessel::extract {

namespace {

/// Tensors of `problem` in `mask`, by name, in the problem's order.
ArrayAttr tensorNames(MLIRContext *ctx, const cost::Problem &problem, cost::TensorMask mask) {
  SmallVector<Attribute> names;
  for (size_t t = 0; t < problem.tensors.size(); ++t)
    if (mask >> t & 1)
      names.push_back(StringAttr::get(ctx, problem.tensors[t].name));
  return ArrayAttr::get(ctx, names);
}

cost::TensorMask allTensors(const cost::Problem &problem) {
  return static_cast<cost::TensorMask>((cost::TensorMask(1) << problem.tensors.size()) - 1);
}

std::string text(Attribute name) { return llvm::cast<StringAttr>(name).str(); }

/// "a, b, c"
template <typename Range, typename Name> std::string listed(const Range &items, Name name) {
  std::string out;
  for (const auto &item : items)
    out += (out.empty() ? "" : ", ") + name(item);
  return out;
}

} // namespace

map::MappingAttr toMappingAttr(MLIRContext *ctx, const cost::Mapping &mapping,
                               const cost::Problem &problem, const cost::Arch &arch) {
  SmallVector<Attribute> levels;
  for (size_t l = 0; l < arch.levels.size(); ++l) {
    cost::LevelMapping none;
    const cost::LevelMapping &lm = l < mapping.levels.size() ? mapping.levels[l] : none;
    SmallVector<Attribute> dims[3];
    SmallVector<int64_t> factors[3];
    auto add = [&](int slot, int dim, int64_t factor) {
      dims[slot].push_back(StringAttr::get(ctx, problem.dims[dim].name));
      factors[slot].push_back(factor);
    };
    for (const cost::TemporalLoop &t : lm.temporal)
      add(0, t.dim, t.factor);
    for (const cost::SpatialLoop &s : lm.spatial)
      add(s.axis == cost::Axis::X ? 1 : 2, s.dim, s.factor);
    cost::TensorMask keep = cost::keptTensors(arch, mapping, l) & allTensors(problem);
    levels.push_back(map::LevelAttr::get(
        ctx, StringAttr::get(ctx, arch.levels[l].name), ArrayAttr::get(ctx, dims[0]), factors[0],
        ArrayAttr::get(ctx, dims[1]), factors[1], ArrayAttr::get(ctx, dims[2]), factors[2],
        tensorNames(ctx, problem, keep), tensorNames(ctx, problem, lm.bypass)));
  }
  return map::MappingAttr::get(ctx, ArrayAttr::get(ctx, levels));
}

map::CostAttr toCostAttr(MLIRContext *ctx, const cost::CostReport &report,
                         const cost::Problem &problem, const cost::Arch &arch) {
  Builder b(ctx);
  SmallVector<NamedAttribute> levels;
  for (size_t l = 0; l < arch.levels.size(); ++l) {
    SmallVector<NamedAttribute> tensors;
    for (size_t t = 0; t < problem.tensors.size(); ++t) {
      const cost::TensorLevelStats &s = report.at(l, t);
      const cost::AccessCounts &c = s.total;
      if (c.fills == 0 && c.reads == 0 && c.updates == 0 && c.readBacks == 0)
        continue;
      double energy = s.fillEnergy + s.readEnergy + s.updateEnergy + s.readBackEnergy;
      tensors.push_back(b.getNamedAttr(problem.tensors[t].name, b.getF64FloatAttr(energy)));
    }
    if (!tensors.empty())
      levels.push_back(b.getNamedAttr(arch.levels[l].name, b.getDictionaryAttr(tensors)));
  }
  return map::CostAttr::get(ctx, report.cycles, report.utilization, report.totalEnergy,
                            report.totalArea, b.getDictionaryAttr(levels));
}

FailureOr<cost::Mapping> extractMapping(map::MappingAttr attr, const cost::Problem &problem,
                                        const cost::Arch &arch,
                                        llvm::function_ref<InFlightDiagnostic()> emitError) {
  auto levelIndex = [&](StringRef name) -> int {
    for (size_t l = 0; l < arch.levels.size(); ++l)
      if (arch.levels[l].name == name)
        return static_cast<int>(l);
    return -1;
  };
  auto tensorMask = [&](StringRef level, ArrayAttr names, cost::TensorMask &mask) -> LogicalResult {
    mask = 0;
    for (Attribute a : names) {
      StringRef name = llvm::cast<StringAttr>(a).getValue();
      auto it =
          llvm::find_if(problem.tensors, [&](const cost::Tensor &t) { return t.name == name; });
      if (it == problem.tensors.end())
        return emitError() << "level '" << level << "' names tensor '" << name << "', which layer '"
                           << problem.name << "' does not have (tensors: "
                           << listed(problem.tensors, [](const cost::Tensor &t) { return t.name; })
                           << ")";
      mask |= cost::TensorMask(1) << (it - problem.tensors.begin());
    }
    return success();
  };

  cost::Mapping mapping;
  mapping.levels.resize(arch.levels.size());
  for (Attribute a : attr.getLevels()) {
    auto level = llvm::cast<map::LevelAttr>(a);
    StringRef name = level.getName().getValue();
    int l = levelIndex(name);
    if (l < 0)
      return emitError() << "mapping level '" << name << "' is not a storage level of the "
                         << "accelerator (levels: "
                         << listed(arch.levels, [](const cost::StorageLevel &s) { return s.name; })
                         << ")";
    cost::LevelMapping &lm = mapping.levels[l];
    ArrayAttr dimLists[3] = {level.getTemporalDims(), level.getXDims(), level.getYDims()};
    ArrayRef<int64_t> factorLists[3] = {level.getTemporalFactors(), level.getXFactors(),
                                        level.getYFactors()};
    for (int slot = 0; slot < 3; ++slot) {
      for (auto [d, f] : llvm::zip(dimLists[slot], factorLists[slot])) {
        StringRef dim = llvm::cast<StringAttr>(d).getValue();
        int index = problem.dimIndex(dim.str());
        if (index < 0)
          return emitError() << "level '" << name << "' has a loop over dim '" << dim
                             << "', which layer '" << problem.name << "' does not have (dims: "
                             << listed(problem.dims, [](const cost::Dim &x) { return x.name; })
                             << ")";
        if (slot == 0)
          lm.temporal.push_back({index, f});
        else
          lm.spatial.push_back({index, f, slot == 1 ? cost::Axis::X : cost::Axis::Y});
      }
    }
    cost::TensorMask keep = 0;
    if (failed(tensorMask(name, level.getBypass(), lm.bypass)) ||
        failed(tensorMask(name, level.getKeep(), keep)))
      return failure();
    cost::TensorMask kept = cost::keptTensors(arch, mapping, l) & allTensors(problem);
    if (!level.getKeep().empty() && keep != kept)
      return emitError() << "level '" << name << "' lists keep [" << listed(level.getKeep(), text)
                         << "] but with its bypasses it keeps ["
                         << listed(tensorNames(attr.getContext(), problem, kept), text) << "]";
  }
  return mapping;
}

} // namespace tessel::extract
