// Maps every layer of a workload on one design point: one mapping search per distinct
// (problem, arch, constraints), shared through a memo across layers and design points, and
// whole-workload totals (latency, energy by level, area, utilisation).
#ifndef TESSEL_NETWORK_MAPNETWORK_H
#define TESSEL_NETWORK_MAPNETWORK_H

#include "tessel/Search/Search.h"
#include "tessel/cost/Constraints.h"
#include "tessel/cost/Registry.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace tessel::network {

/// One MAC layer of a workload, extracted for one design point.
struct Layer {
  std::string name;
  /// Executions per inference (`repeat` blocks).
  int64_t count = 1;
  /// How much each execution counts in the totals (`weight` blocks; 1 outside them).
  double weight = 1;
  cost::Problem problem;
  cost::Arch arch;
  cost::MapConstraints constraints;
};

/// The canonical text of a layer's search inputs: two layers with the same key have the same
/// mapspace and costs whatever their names (the problem's and tensors' names are left out).
std::string searchKey(const Layer &layer, const search::SearchOptions &options,
                      const std::string &modelName);

/// Search results by searchKey; safe to share between threads. A search runs once per key:
/// concurrent requests for a key being searched wait for it.
class SearchMemo {
public:
  /// The result for `key`, computing it with `compute` when absent. `hit` tells which.
  std::shared_ptr<const search::SearchResult>
  getOrCompute(const std::string &key, const std::function<search::SearchResult()> &compute,
               bool *hit = nullptr);
  size_t size() const;
  /// Lookups answered from the memo / searches run.
  int64_t hits() const;
  int64_t misses() const;

private:
  struct Slot;
  mutable std::mutex mutex;
  std::map<std::string, std::shared_ptr<Slot>> slots;
  int64_t hitCount = 0, missCount = 0;
};

/// The outcome of one layer.
struct LayerOutcome {
  std::string name;
  int64_t count = 1;
  std::shared_ptr<const search::SearchResult> result;
  /// True when the memo already held the result (another layer or design point).
  bool memoHit = false;
};

/// Whole-workload totals at one design point (per inference; each layer `count` x `weight`
/// times).
struct Totals {
  int64_t cycles = 0;
  int64_t macs = 0;
  /// pJ: total, per storage level (by name, in hierarchy order), MACs, network, leakage.
  double energy = 0;
  std::vector<std::pair<std::string, double>> energyByLevel;
  double macEnergy = 0, networkEnergy = 0, leakageEnergy = 0;
  /// um^2: the accelerator's area (the largest over layers; the same hardware serves all).
  double area = 0;
  /// macs / (cycles * compute units).
  double utilization = 0;
  int64_t computeUnits = 0;
};

struct NetworkOutcome {
  std::vector<LayerOutcome> layers;
  /// Layers without a valid mapping (or with invalid inputs): "layer: reason".
  std::vector<std::string> errors;
  /// The message of a cost model that failed (SearchResult::modelFailure): mapping stopped at
  /// that layer (the last of `layers`), since every further search would fail the same way.
  std::string modelFailure;
  /// Meaningful only when `errors` is empty.
  Totals totals;
};

/// The energy (pJ) of each storage level of `arch` in one evaluation `report`: fills, reads,
/// updates and read-backs of every tensor, by level in hierarchy order.
std::vector<std::pair<std::string, double>> levelEnergies(const cost::Arch &arch,
                                                          const cost::CostReport &report);

/// Searches every layer with `options` and the model `modelName` of `registry`, reusing and
/// filling `memo`; with a null `memo` every layer is searched, even one identical to another.
/// Layers are searched in order; `options.threads` threads work on each search. Stops at the
/// first layer whose cost model fails (`modelFailure`).
NetworkOutcome mapNetwork(const std::vector<Layer> &layers, const search::SearchOptions &options,
                          const cost::Registry &registry, const std::string &modelName,
                          SearchMemo *memo);

} // namespace tessel::network

#endif // TESSEL_NETWORK_MAPNETWORK_H
