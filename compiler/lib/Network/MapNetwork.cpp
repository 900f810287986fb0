// Whole-workload mapping with a search memo (see MapNetwork.h).
#include "tessel/Network/MapNetwork.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <sstream>

namespace tessel::network {

namespace {

/// Shortest text that reads back as the same double.
std::string exact(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

void writeProblem(std::ostream &os, const cost::Problem &p) {
  os << "dims";
  for (const cost::Dim &d : p.dims)
    os << ' ' << d.bound;
  for (const cost::Tensor &t : p.tensors) {
    os << "|t" << (t.isOutput ? "o" : "i") << t.elementBits << 'd' << exact(t.density);
    for (const std::vector<int64_t> &index : t.projection) {
      os << '[';
      for (int64_t c : index)
        os << c << ',';
      os << ']';
    }
  }
}

void writeArch(std::ostream &os, const cost::Arch &a) {
  for (const cost::StorageLevel &l : a.levels)
    os << "|L" << l.name << ':' << l.capacityWords << ',' << l.keepMask << ',' << l.wordBits << ','
       << l.blockWords << ',' << exact(l.readBandwidth) << ',' << exact(l.writeBandwidth) << ','
       << exact(l.sharedBandwidth) << ',' << exact(l.readEnergy) << ',' << exact(l.writeEnergy)
       << ',' << exact(l.updateEnergy) << ',' << exact(l.area) << ',' << exact(l.leakage) << ",z"
       << l.compressMask << ',' << l.runBits;
  for (const cost::FanOut &f : a.fanOuts)
    os << "|F" << f.x << ',' << f.y << ',' << f.multicast << f.reduction << ','
       << exact(f.hopEnergy);
  os << "|C" << a.compute.name << ',' << exact(a.compute.macEnergy) << ','
     << exact(a.compute.area) << ',' << exact(a.compute.leakage);
}

void writeConstraints(std::ostream &os, const cost::MapConstraints &c) {
  for (const cost::LevelConstraints &l : c.levels) {
    os << "|K" << l.spatialX << ',' << l.spatialY << ',' << l.keep << ',' << l.bypass << ",o";
    for (int d : l.order)
      os << d << ' ';
  }
  os << "|S" << c.stationary;
}

} // namespace

std::string searchKey(const Layer &layer, const search::SearchOptions &options,
                      const std::string &modelName) {
  std::ostringstream os;
  os << modelName << '|' << search::algorithmName(options.algorithm) << '|'
     << search::toString(options.objective) << '|' << options.limits.maxCycles << ','
     << exact(options.limits.minUtilization) << ',' << exact(options.limits.maxEnergy) << '|'
     << options.maxEvaluations << ',' << exact(options.maxSeconds) << ',' << options.seed
     << '|';
  writeProblem(os, layer.problem);
  writeArch(os, layer.arch);
  writeConstraints(os, layer.constraints);
  return os.str();
}

struct SearchMemo::Slot {
  std::mutex mutex;
  std::condition_variable ready;
  bool done = false;
  std::shared_ptr<const search::SearchResult> result;
};

std::shared_ptr<const search::SearchResult>
SearchMemo::getOrCompute(const std::string &key,
                         const std::function<search::SearchResult()> &compute, bool *hit) {
  std::shared_ptr<Slot> slot;
  bool owner = false;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto [it, inserted] = slots.try_emplace(key);
    if (inserted) {
      it->second = std::make_shared<Slot>();
      owner = true;
      ++missCount;
    } else {
      ++hitCount;
    }
    slot = it->second;
  }
  if (hit)
    *hit = !owner;
  if (owner) {
    auto result = std::make_shared<const search::SearchResult>(compute());
    std::lock_guard<std::mutex> lock(slot->mutex);
    slot->result = std::move(result);
    slot->done = true;
    slot->ready.notify_all();
    return slot->result;
  }
  std::unique_lock<std::mutex> lock(slot->mutex);
  slot->ready.wait(lock, [&] { return slot->done; });
  return slot->result;
}

size_t SearchMemo::size() const {
  std::lock_guard<std::mutex> lock(mutex);
  return slots.size();
}

int64_t SearchMemo::hits() const {
  std::lock_guard<std::mutex> lock(mutex);
  return hitCount;
}

int64_t SearchMemo::misses() const {
  std::lock_guard<std::mutex> lock(mutex);
  return missCount;
}

std::vector<std::pair<std::string, double>> levelEnergies(const cost::Arch &arch,
                                                          const cost::CostReport &report) {
  std::vector<std::pair<std::string, double>> out;
  for (size_t l = 0; l < arch.levels.size(); ++l) {
    double e = 0;
    for (int t = 0; t < report.numTensors; ++t) {
      const cost::TensorLevelStats &s = report.at(l, t);
      e += s.fillEnergy + s.readEnergy + s.updateEnergy + s.readBackEnergy;
    }
    out.emplace_back(arch.levels[l].name, e);
  }
  return out;
}

namespace {

void addLayer(Totals &totals, const Layer &layer, const search::SearchResult &r) {
  const cost::CostReport &rep = r.report;
  // Executions x weight (a `weight` block's factor may be fractional).
  const double n = static_cast<double>(layer.count) * layer.weight;
  totals.cycles += std::llround(n * static_cast<double>(rep.cycles));
  totals.macs += std::llround(n * static_cast<double>(rep.macs));
  totals.energy += n * rep.totalEnergy;
  totals.macEnergy += n * rep.macEnergy;
  totals.networkEnergy += n * rep.networkEnergy;
  totals.leakageEnergy += n * rep.leakageEnergy;
  const cost::Arch &arch = layer.arch;
  for (const auto &[name, e] : levelEnergies(arch, rep)) {
    auto it = std::find_if(totals.energyByLevel.begin(), totals.energyByLevel.end(),
                           [&](const auto &p) { return p.first == name; });
    if (it == totals.energyByLevel.end())
      totals.energyByLevel.emplace_back(name, n * e);
    else
      it->second += n * e;
  }
  totals.area = std::max(totals.area, rep.totalArea);
  totals.computeUnits = std::max(totals.computeUnits, arch.computeUnits());
}

} // namespace

NetworkOutcome mapNetwork(const std::vector<Layer> &layers, const search::SearchOptions &options,
                          const cost::Registry &registry, const std::string &modelName,
                          SearchMemo *memo) {
  NetworkOutcome out;
  for (const Layer &layer : layers) {
    LayerOutcome o;
    o.name = layer.name;
    o.count = layer.count;
    auto compute = [&] {
      return search::search(layer.problem, layer.arch, layer.constraints, options, registry,
                            modelName);
    };
    if (memo)
      o.result = memo->getOrCompute(searchKey(layer, options, modelName), compute, &o.memoHit);
    else
      o.result = std::make_shared<const search::SearchResult>(compute());
    const search::SearchResult &r = *o.result;
    if (!r.errors.empty()) {
      std::string why;
      for (const std::string &e : r.errors)
        why += (why.empty() ? "" : "; ") + e;
      out.errors.push_back(layer.name + ": " + why);
    } else if (!r.found) {
      std::string why = "no valid mapping";
      if (!r.diagnosis.empty())
        why += " (" + r.diagnosis.front() + ")";
      out.errors.push_back(layer.name + ": " + why);
    } else {
      addLayer(out.totals, layer, r);
    }
    out.layers.push_back(std::move(o));
    if (!r.modelFailure.empty()) {
      out.modelFailure = r.modelFailure;
      break;
    }
  }
  if (out.totals.cycles > 0 && out.totals.computeUnits > 0)
    out.totals.utilization = static_cast<double>(out.totals.macs) /
                             (static_cast<double>(out.totals.cycles) * out.totals.computeUnits);
  return out;
}

} // namespace tessel::network
