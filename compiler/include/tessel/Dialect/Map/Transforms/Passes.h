//===- Passes.h - map dialect passes ----------------------------*- C++ -*-===//
// Declares map-search, its registration, and its constructor for drivers that bring their
// own cost models (plugins, exec:) and search memo.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_MAP_TRANSFORMS_PASSES_H
#define TESSEL_DIALECT_MAP_TRANSFORMS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "tessel/Dialect/Map/IR/Map.h"
#include "tessel/Network/MapNetwork.h"
#include "tessel/cost/Components.h"

namespace tessel::map {

#define GEN_PASS_DECL
#include "tessel/Dialect/Map/Transforms/Passes.h.inc"

/// What map-search uses beyond its textual options.
struct MapSearchConfig {
  /// The search options, instead of the textual ones (search, objective, budgets, ...).
  search::SearchOptions options;
  /// The cost model's name in `registry` (or exec:COMMAND); empty: the accelerator's model.
  std::string costModel;
  /// The accelerator; empty: the module's only one.
  std::string accelerator;
  /// The cost models and component classes to use; null: the built-in ones.
  const cost::Registry *registry = nullptr;
  const cost::ComponentLibrary *components = nullptr;
  /// Search results to reuse and fill (e.g. across design points); null: one per run.
  network::SearchMemo *memo = nullptr;
};

/// map-search configured by `config`.
std::unique_ptr<mlir::Pass> createMapSearchPass(const MapSearchConfig &config);

#define GEN_PASS_REGISTRATION
#include "tessel/Dialect/Map/Transforms/Passes.h.inc"

} // namespace tessel::map

#endif // TESSEL_DIALECT_MAP_TRANSFORMS_PASSES_H
