// Latency, energy and area from access counts (shared by every model), and report printing.
#include "Finalize.h"

#include "tessel/cost/Compression.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <sstream>

namespace tessel::cost {

void resetReport(const Problem &problem, const Arch &arch, CostReport &report,
                 bool perInstanceToo) {
  size_t numLevels = arch.levels.size();
  report.valid = true;
  report.violations.clear();
  report.numTensors = static_cast<int>(problem.tensors.size());
  // Only the counts are accumulated into; finalizeReport writes every other field.
  size_t numStats = numLevels * problem.tensors.size();
  if (report.stats.size() != numStats) {
    report.stats.assign(numStats, TensorLevelStats{});
  } else {
    for (TensorLevelStats &s : report.stats) {
      s.total = AccessCounts{};
      if (perInstanceToo)
        s.perInstance = AccessCounts{};
    }
  }
  // Same-size vectors are refilled in place (no allocation after the first evaluation).
  auto refill = [numLevels](auto &v, auto value) {
    if (v.size() == numLevels)
      std::fill(v.begin(), v.end(), value);
    else
      v.assign(numLevels, value);
  };
  refill(report.networkTransfers, int64_t(0));
  refill(report.levelCycles, int64_t(0));
  refill(report.activeInstances, int64_t(1));
  // Empty or negative: not set by the model (finalizeReport derives the compute units').
  report.averageActiveInstances.clear();
  report.activeComputeUnits = -1;
  report.averageActiveComputeUnits = -1;
  refill(report.levelArea, 0.0);
  report.macs = report.computeCycles = report.cycles = 0;
  report.boundLevel = -1;
}

void accumulateFlow(CostReport &report, bool isOutput, int tensor, int parent, int child,
                    int numLevels, const FlowCounts &c) {
  AccessCounts &up = report.at(parent, tensor).total;
  int64_t transfers;
  if (!isOutput) {
    up.reads += c.groupEntries;
    transfers = c.entries;
    if (child < numLevels)
      report.at(child, tensor).total.fills += c.entries;
  } else {
    up.updates += c.groupLeaves;
    up.readBacks += c.groupEntries - c.groupFirst;
    transfers = (c.entries - c.firstEntries) + c.leaves;
    if (child < numLevels) {
      report.at(child, tensor).total.fills += c.entries - c.firstEntries;
      report.at(child, tensor).total.reads += c.leaves;
    }
  }
  for (int j = parent; j < child; ++j)
    report.networkTransfers[j] += transfers;
}

namespace {

/// Bills the accesses of one level's instances per block (docs/model.md section 7).
class Biller {
public:
  Biller(int64_t blockWords, int64_t instances)
      : blockWords(blockWords), instances(static_cast<double>(instances)) {
    // Blocks of a power-of-two number of words (the usual case) need no division.
    auto b = static_cast<uint64_t>(blockWords);
    shift = (b & (b - 1)) == 0 ? std::countr_zero(b) : -1;
  }
  /// Energy of `count` accesses of elements of `wordsPerElem` words, per instance, over all
  /// instances, at `energy` per block.
  double operator()(int64_t count, int64_t wordsPerElem, double energy) const {
    if (count == 0)
      return 0;
    int64_t words = count * wordsPerElem + blockWords - 1;
    int64_t blocks = shift >= 0 ? words >> shift : words / blockWords;
    return static_cast<double>(blocks) * instances * energy;
  }

private:
  int64_t blockWords;
  double instances;
  int shift;
};

/// Words and energies of one tensor's accesses at one level: `wpe` words per element, or
/// `coded` expected words per final value when the level run-length codes the tensor
/// (docs/model.md section 13; partial sums stay at `wpe`).
class TensorWords {
public:
  TensorWords(const Biller &billed, int64_t wpe, bool isCoded, double coded, int64_t blockWords,
              int64_t instances)
      : billed(billed), wpe(wpe), isCoded(isCoded), coded(coded),
        blockWords(static_cast<double>(blockWords)), instances(static_cast<double>(instances)) {}

  /// Words `count` elements move, `partial` of them partial sums.
  double words(int64_t count, int64_t partial = 0) const {
    if (!isCoded)
      return static_cast<double>(count * wpe);
    return static_cast<double>(count - partial) * coded + static_cast<double>(partial * wpe);
  }
  /// Their energy at `energy` per block: integer blocks when uncoded, the ceiling of the
  /// expected coded words otherwise.
  double bill(int64_t count, int64_t partial, double energy) const {
    if (!isCoded)
      return billed(count, wpe, energy);
    if (count == 0)
      return 0;
    return std::ceil(words(count, partial) / blockWords) * instances * energy;
  }

private:
  const Biller &billed;
  int64_t wpe;
  bool isCoded;
  double coded, blockWords, instances;
};

} // namespace

void finalizeReport(const Problem &problem, const Arch &arch, CostReport &report,
                    Convention convention, bool perInstanceKnown) {
  size_t numLevels = arch.levels.size(), numTensors = problem.tensors.size();
  report.storageEnergy = 0;
  report.cycles = report.computeCycles;
  report.boundLevel = -1;
  for (size_t l = 0; l < numLevels; ++l) {
    const StorageLevel &level = arch.levels[l];
    int64_t active = report.activeInstances[l];
    Biller billed(level.blockWords, active);
    double readWords = 0, writeWords = 0;
    for (size_t t = 0; t < numTensors; ++t) {
      TensorLevelStats &s = report.at(l, t);
      if (s.total == AccessCounts{}) {
        s.perInstance = AccessCounts{};
        s.fillEnergy = s.readEnergy = s.updateEnergy = s.readBackEnergy = s.words = 0;
        continue;
      }
      if (active == 1) {
        s.perInstance = s.total;
      } else if (!perInstanceKnown) {
        s.perInstance.fills = s.total.fills / active;
        s.perInstance.reads = s.total.reads / active;
        s.perInstance.updates = s.total.updates / active;
        s.perInstance.readBacks = s.total.readBacks / active;
      }
      int ti = static_cast<int>(t);
      bool isCoded = level.compressMask >> t & 1;
      TensorWords w(billed, wordsPerElement(problem, ti, level.wordBits), isCoded,
                    isCoded ? codedWordsPerElement(problem, level, ti) : 0, level.blockWords,
                    active);
      // Updates and read-backs: the readBacks updates that precede a read-back, and the
      // read-backs themselves, carry partial sums (uncoded when the tensor is coded).
      const AccessCounts &c = s.perInstance;
      s.fillEnergy = w.bill(c.fills, 0, level.writeEnergy);
      s.updateEnergy = w.bill(c.updates, c.readBacks, level.updateEnergy);
      if (convention == Convention::Timeloop) {
        // Timeloop has one read action per tensor: reads and read-backs share blocks.
        s.readEnergy = w.bill(c.reads + c.readBacks, c.readBacks, level.readEnergy);
        s.readBackEnergy = 0;
      } else {
        s.readEnergy = w.bill(c.reads, 0, level.readEnergy);
        s.readBackEnergy = w.bill(c.readBacks, c.readBacks, level.readEnergy);
      }
      readWords += w.words(c.reads + c.readBacks, c.readBacks);
      writeWords += w.words(c.fills + c.updates, c.readBacks);
      const AccessCounts &all = s.total;
      s.words = w.words(all.fills + all.reads + all.updates + all.readBacks, 2 * all.readBacks);
      report.storageEnergy += s.fillEnergy + s.readEnergy + s.updateEnergy + s.readBackEnergy;
    }
    report.levelCycles[l] = levelTransferCycles(level, readWords, writeWords);
    if (report.levelCycles[l] > report.cycles) {
      report.cycles = report.levelCycles[l];
      report.boundLevel = static_cast<int>(l);
    }
  }
  int64_t units = 1;
  for (const FanOut &f : arch.fanOuts)
    units *= f.x * f.y;
  // Models that leave the activity unset use every compute unit at every step.
  if (report.activeComputeUnits < 0)
    report.activeComputeUnits = units;
  if (report.averageActiveComputeUnits < 0)
    report.averageActiveComputeUnits =
        report.computeCycles > 0
            ? static_cast<double>(report.macs) / static_cast<double>(report.computeCycles)
            : 0.0;
  report.utilization = report.cycles > 0 ? static_cast<double>(report.macs) /
                                               (static_cast<double>(report.cycles) *
                                                static_cast<double>(units))
                                         : 0.0;
  report.macEnergy = static_cast<double>(report.macs) * arch.compute.macEnergy;
  report.networkEnergy = 0;
  for (size_t l = 0; l < numLevels; ++l)
    report.networkEnergy +=
        static_cast<double>(report.networkTransfers[l]) * arch.fanOuts[l].hopEnergy;
  double cycles = static_cast<double>(report.cycles);
  report.leakageEnergy = static_cast<double>(units) * arch.compute.leakage * cycles;
  report.totalArea = report.computeArea = static_cast<double>(units) * arch.compute.area;
  int64_t levelInstances = 1;
  for (size_t l = 0; l < numLevels; ++l) {
    double instances = static_cast<double>(levelInstances);
    levelInstances *= arch.fanOuts[l].x * arch.fanOuts[l].y;
    report.leakageEnergy += instances * arch.levels[l].leakage * cycles;
    report.levelArea[l] = instances * arch.levels[l].area;
    report.totalArea += report.levelArea[l];
  }
  report.totalEnergy =
      report.storageEnergy + report.macEnergy + report.networkEnergy + report.leakageEnergy;
}

std::string CostReport::boundBy(const Arch &arch) const {
  if (boundLevel < 0 || static_cast<size_t>(boundLevel) >= arch.levels.size())
    return "compute";
  return arch.levels[boundLevel].name;
}

std::string toString(const CostReport &report, const Problem &problem, const Arch &arch) {
  std::ostringstream os;
  if (!report.valid) {
    os << "invalid mapping:\n";
    for (const std::string &v : report.violations)
      os << "  " << v << '\n';
    return os.str();
  }
  os << "macs " << report.macs << ", cycles " << report.cycles << " (compute "
     << report.computeCycles << ", bound by " << report.boundBy(arch) << "), utilization "
     << report.utilization << ", active compute units " << report.activeComputeUnits << " (average "
     << report.averageActiveComputeUnits << ")\n";
  for (size_t l = 0; l < arch.levels.size(); ++l) {
    os << "L" << l << ' ' << arch.levels[l].name << " (active " << report.activeInstances[l];
    if (report.averageActive(l) != static_cast<double>(report.activeInstances[l]))
      os << ", average " << report.averageActive(l);
    os << ", transfer cycles " << report.levelCycles[l] << ", network below "
       << report.networkTransfers[l] << ")\n";
    for (size_t t = 0; t < problem.tensors.size(); ++t) {
      const AccessCounts &c = report.at(l, t).total;
      if (c == AccessCounts{})
        continue;
      os << "  " << problem.tensors[t].name << ": fills " << c.fills << " reads " << c.reads
         << " updates " << c.updates << " readBacks " << c.readBacks << '\n';
    }
  }
  os << "energy pJ: total " << report.totalEnergy << " = storage " << report.storageEnergy
     << " + mac " << report.macEnergy << " + network " << report.networkEnergy << " + leakage "
     << report.leakageEnergy << "\narea um^2: " << report.totalArea << '\n';
  return os.str();
}

} // namespace tessel::cost
