// Loop-order equivalence classes of one level and the order / stationary constraint checks.
//
// For a tensor t and a level's order, the cost only depends on (docs/search.md, "Loop orders"):
// the set of loops up to and including the innermost loop over a dim of a single-dim index of
// t (every such loop replaces t's tile entirely, whatever the order), and the exact sequence of
// the loops inside it, up to swaps of adjacent loops irrelevant to t.
#include "tessel/Search/Mapspace.h"

#include <algorithm>
#include <map>

namespace tessel::search {

namespace {

/// Appends tensor t's signature of `perm` to `sig`.
void appendSignature(const std::vector<int> &perm, DimMask plain, DimMask relevant,
                     std::vector<int64_t> &sig) {
  int last = -1;
  for (int j = 0; j < static_cast<int>(perm.size()); ++j)
    if (plain >> perm[j] & 1)
      last = j;
  DimMask prefix = 0;
  for (int j = 0; j <= last; ++j)
    prefix |= DimMask(1) << perm[j];
  sig.push_back(static_cast<int64_t>(prefix));
  std::vector<int> suffix(perm.begin() + (last + 1), perm.end());
  // Runs of adjacent irrelevant loops commute: sort each run.
  for (size_t i = 0; i < suffix.size();) {
    size_t j = i;
    while (j < suffix.size() && !(relevant >> suffix[j] & 1))
      ++j;
    std::sort(suffix.begin() + i, suffix.begin() + j);
    i = j == i ? i + 1 : j;
  }
  sig.push_back(static_cast<int64_t>(suffix.size()));
  sig.insert(sig.end(), suffix.begin(), suffix.end());
}

bool followsOrder(const std::vector<int> &perm, const std::vector<int> &constraint) {
  size_t next = 0;
  for (int d : perm) {
    auto it = std::find(constraint.begin(), constraint.end(), d);
    if (it == constraint.end())
      continue;
    size_t pos = static_cast<size_t>(it - constraint.begin());
    if (pos < next)
      return false;
    next = pos;
  }
  return true;
}

/// No loop irrelevant to the tensor before (outside) a loop relevant to it.
bool trails(const std::vector<int> &perm, DimMask relevant) {
  bool seenIrrelevant = false;
  for (int d : perm) {
    bool rel = relevant >> d & 1;
    if (rel && seenIrrelevant)
      return false;
    seenIrrelevant = seenIrrelevant || !rel;
  }
  return true;
}

} // namespace

std::vector<OrderClass> Mapspace::orderClasses(int l, DimMask active,
                                               TensorMask relevantTensors,
                                               TensorMask mustTrail) const {
  std::vector<int> perm;
  for (int d = 0; d < dims; ++d)
    if (active >> d & 1)
      perm.push_back(d);
  std::vector<OrderClass> classes;
  std::map<std::vector<int64_t>, size_t> bySignature;
  std::vector<int64_t> sig;
  do {
    if (!followsOrder(perm, orderCons[l]))
      continue;
    bool ok = true;
    for (int t = 0; t < tensors && ok; ++t)
      if (mustTrail >> t & 1)
        ok = trails(perm, rel[t]);
    if (!ok)
      continue;
    sig = orderSignature(perm, relevantTensors);
    auto [it, inserted] = bySignature.emplace(sig, classes.size());
    if (inserted)
      classes.push_back({perm, 0});
    ++classes[it->second].members;
  } while (std::next_permutation(perm.begin(), perm.end()));
  return classes;
}

std::vector<int64_t> Mapspace::orderSignature(const std::vector<int> &perm,
                                              TensorMask relevantTensors) const {
  std::vector<int64_t> sig;
  for (int t = 0; t < tensors; ++t)
    if (relevantTensors >> t & 1)
      appendSignature(perm, plainDims[t], rel[t], sig);
  return sig;
}

bool Mapspace::meetsOrderConstraints(const Point &point, std::vector<std::string> *why) const {
  bool ok = true;
  for (int l = 0; l < levels; ++l)
    if (!followsOrder(point.order[l], orderCons[l])) {
      ok = false;
      if (why)
        why->push_back("the loop order of level '" + hw.levels[l].name +
                       "' breaks its order constraint");
    }
  for (int t = 0; t < tensors; ++t) {
    if (!(cons.stationary >> t & 1))
      continue;
    int inner = 0;
    for (int l = 1; l < levels; ++l)
      if ((canKeep[l] & ~point.bypass[l]) >> t & 1)
        inner = l;
    std::vector<int> nest;
    for (int l = 0; l < inner; ++l)
      nest.insert(nest.end(), point.order[l].begin(), point.order[l].end());
    if (inner > 0 && !trails(nest, rel[t])) {
      ok = false;
      if (why)
        why->push_back("tensor '" + prob.tensors[t].name + "' is not stationary at level '" +
                       hw.levels[inner].name + "'");
    }
  }
  return ok;
}

} // namespace tessel::search
