// Count vectors and their pricing (docs/model.md section 7).
#include "Counts.h"

#include "tessel/cost/Compression.h"

#include <algorithm>
#include <cmath>

namespace tessel::search {

using namespace cost;

void Counts::fromReport(const CostReport &report) {
  int numLevels = static_cast<int>(report.networkTransfers.size());
  reset(numLevels, report.numTensors);
  for (int l = 0; l < numLevels; ++l) {
    for (int t = 0; t < tensors; ++t) {
      const AccessCounts &c = report.at(l, t).total;
      at(l, t, Fills) = c.fills;
      at(l, t, Reads) = c.reads;
      at(l, t, Updates) = c.updates;
      at(l, t, ReadBacks) = c.readBacks;
    }
    network(l) = report.networkTransfers[l];
  }
}

Pricing::Pricing(const Mapspace &space) : space(space) {
  const Arch &arch = space.arch();
  int64_t units = arch.computeUnits();
  leakagePerCycle = static_cast<double>(units) * arch.compute.leakage;
  for (size_t l = 0; l < arch.levels.size(); ++l)
    leakagePerCycle += static_cast<double>(arch.instances(l)) * arch.levels[l].leakage;
  macEnergy = static_cast<double>(space.problem().macs()) * arch.compute.macEnergy;
}

namespace {

int64_t ceilDiv(int64_t a, int64_t b) { return b <= 1 ? a : (a + b - 1) / b; }

} // namespace

void Pricing::priceCompressed(const Counts &counts, int l, int t, bool perBlock, double &storage,
                              double &readWords, double &writeWords) const {
  // Only the outermost level compresses: it has one instance.
  const StorageLevel &level = space.arch().levels[l];
  const Problem &problem = space.problem();
  auto fills = static_cast<double>(counts.at(l, t, Counts::Fills));
  auto reads = static_cast<double>(counts.at(l, t, Counts::Reads));
  auto updates = static_cast<double>(counts.at(l, t, Counts::Updates));
  auto readBacks = static_cast<double>(counts.at(l, t, Counts::ReadBacks));
  double coded = codedWordsPerElement(problem, level, t);
  auto wpe = static_cast<double>(space.wordsPerElement(t, l));
  // Updates: (updates - readBacks) final values coded, readBacks partial sums dense, i.e.
  // updates x coded + readBacks x (dense - coded). The counts may be lower bounds (with
  // readBacks <= updates); when coding expands the data (coded > dense) the readBacks term is
  // negative, and updates x dense is the bound. Either way exact for exact counts that code
  // to fewer words, a lower bound otherwise (leaves are priced by the model, not here).
  double updateWords = updates * std::min(coded, wpe) + readBacks * std::max(0.0, wpe - coded);
  double words[Counts::NumActions] = {fills * coded, reads * coded, updateWords,
                                      readBacks * wpe};
  const double prices[Counts::NumActions] = {level.writeEnergy, level.readEnergy,
                                             level.updateEnergy, level.readEnergy};
  auto block = static_cast<double>(level.blockWords);
  for (int a = 0; a < Counts::NumActions; ++a)
    if (words[a] > 0)
      storage += (perBlock ? std::ceil(words[a] / block) : words[a] / block) * prices[a];
  readWords += words[Counts::Reads] + words[Counts::ReadBacks];
  writeWords += words[Counts::Fills] + words[Counts::Updates];
}

void Pricing::price(const Counts &counts, const int64_t *active, const int64_t *maxActive,
                    int64_t computeCycles, double &energy, double &cycles) const {
  const Arch &arch = space.arch();
  double storage = 0, network = 0;
  int64_t maxCycles = computeCycles;
  for (int l = 0; l < counts.levels; ++l) {
    const StorageLevel &level = arch.levels[l];
    int64_t block = level.blockWords;
    double readWords = 0, writeWords = 0;
    for (int t = 0; t < counts.tensors; ++t) {
      if (level.compressMask >> t & 1) {
        priceCompressed(counts, l, t, active != nullptr, storage, readWords, writeWords);
        continue;
      }
      int64_t wpe = space.wordsPerElement(t, l);
      const double prices[Counts::NumActions] = {level.writeEnergy, level.readEnergy,
                                                 level.updateEnergy, level.readEnergy};
      int64_t perInstance[Counts::NumActions];
      for (int a = 0; a < Counts::NumActions; ++a) {
        int64_t total = counts.at(l, t, static_cast<Counts::Action>(a));
        if (total <= 0) {
          perInstance[a] = 0;
          continue;
        }
        if (active) {
          perInstance[a] = total / active[l];
          storage += static_cast<double>(ceilDiv(perInstance[a] * wpe, block)) *
                     static_cast<double>(active[l]) * prices[a];
        } else {
          // ceil(perInstance * wpe / block) * active >= total * wpe / block.
          perInstance[a] = total / maxActive[l];
          storage += static_cast<double>(total) * static_cast<double>(wpe) /
                     static_cast<double>(block) * prices[a];
        }
      }
      readWords += static_cast<double>((perInstance[Counts::Reads] +
                                        perInstance[Counts::ReadBacks]) * wpe);
      writeWords += static_cast<double>((perInstance[Counts::Fills] +
                                         perInstance[Counts::Updates]) * wpe);
    }
    maxCycles = std::max(maxCycles, cost::levelTransferCycles(level, readWords, writeWords));
    network += static_cast<double>(counts.network(l)) * arch.fanOuts[l].hopEnergy;
  }
  cycles = static_cast<double>(maxCycles);
  energy = storage + macEnergy + network + leakagePerCycle * cycles;
}

} // namespace tessel::search
