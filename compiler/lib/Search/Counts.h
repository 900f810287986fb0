// Internal: access counts as a flat vector, and energy/cycles from counts exactly as
// docs/model.md section 7 forms them (for lower bounds: every step is monotone in the counts).
#ifndef TESSEL_SEARCH_LIB_COUNTS_H
#define TESSEL_SEARCH_LIB_COUNTS_H

#include "tessel/Search/Mapspace.h"
#include "tessel/cost/CostReport.h"

#include <cstdint>
#include <vector>

namespace tessel::search {

/// Totals over active instances: per (level, tensor) fills, reads, updates, read-backs, then
/// the network transfers below each level.
struct Counts {
  enum Action { Fills, Reads, Updates, ReadBacks, NumActions };
  std::vector<int64_t> v;
  int levels = 0, tensors = 0;

  void reset(int numLevels, int numTensors) {
    levels = numLevels;
    tensors = numTensors;
    v.assign(static_cast<size_t>(numLevels * numTensors * NumActions + numLevels), 0);
  }
  int64_t &at(int l, int t, Action a) { return v[(l * tensors + t) * NumActions + a]; }
  int64_t at(int l, int t, Action a) const { return v[(l * tensors + t) * NumActions + a]; }
  int64_t &network(int l) { return v[levels * tensors * NumActions + l]; }
  int64_t network(int l) const { return v[levels * tensors * NumActions + l]; }
  /// Copies the totals of a valid report.
  void fromReport(const cost::CostReport &report);
};

/// Energy and cycles from counts, with the arch's prices.
class Pricing {
public:
  explicit Pricing(const Mapspace &space);

  /// Energy and cycles of counts whose active instances per level are `active` (exact
  /// values), or, when `active` is null, lower bounds for any active instances up to
  /// `maxActive` per level. `computeCycles` is the product of temporal factors (or a bound).
  void price(const Counts &counts, const int64_t *active, const int64_t *maxActive,
             int64_t computeCycles, double &energy, double &cycles) const;

private:
  /// Adds the storage energy and words of tensor `t` at level `l`, which compresses it
  /// (docs/model.md 13), as a lower bound for counts that are lower bounds; billed per block
  /// when `perBlock` (the active instances are known), else linearly.
  void priceCompressed(const Counts &counts, int l, int t, bool perBlock, double &storage,
                       double &readWords, double &writeWords) const;

  const Mapspace &space;
  double leakagePerCycle = 0;
  double macEnergy = 0;
};

} // namespace tessel::search

#endif // TESSEL_SEARCH_LIB_COUNTS_H
