// Greedy shrinking of failing property-test cases into small reproducers.
#include "Shrink.h"

#include <vector>

namespace tessel::cost::testing {

int64_t caseSize(const Case &c) {
  int64_t size = static_cast<int64_t>(c.arch.levels.size());
  for (const LevelMapping &lm : c.mapping.levels)
    size += static_cast<int64_t>(lm.temporal.size() + lm.spatial.size());
  for (const Dim &d : c.problem.dims)
    size += d.bound;
  for (const FanOut &f : c.arch.fanOuts)
    size += f.x + f.y;
  return size;
}

namespace {

/// Level `l` (> 0) removed: its loops become temporal loops at the end of level l - 1.
Case withoutLevel(const Case &c, size_t l) {
  Case out = c;
  LevelMapping &above = out.mapping.levels[l - 1];
  for (const TemporalLoop &loop : c.mapping.levels[l].temporal)
    above.temporal.push_back(loop);
  for (const SpatialLoop &loop : c.mapping.levels[l].spatial)
    above.temporal.push_back({loop.dim, loop.factor});
  out.mapping.levels.erase(out.mapping.levels.begin() + static_cast<std::ptrdiff_t>(l));
  out.arch.levels.erase(out.arch.levels.begin() + static_cast<std::ptrdiff_t>(l));
  out.arch.fanOuts.erase(out.arch.fanOuts.begin() + static_cast<std::ptrdiff_t>(l));
  return out;
}

/// Every one-step simplification of `c`, the coarsest first.
std::vector<Case> simplifications(const Case &c) {
  std::vector<Case> out;
  size_t numLevels = c.arch.levels.size();
  for (size_t l = numLevels; l-- > 1;)
    out.push_back(withoutLevel(c, l));
  for (size_t l = 0; l < numLevels; ++l) {
    const LevelMapping &lm = c.mapping.levels[l];
    // A loop's factor divided out of its dim's bound.
    for (size_t i = 0; i < lm.temporal.size(); ++i) {
      Case s = c;
      TemporalLoop &loop = s.mapping.levels[l].temporal[i];
      if (loop.factor > 1)
        s.problem.dims[loop.dim].bound /= loop.factor;
      s.mapping.levels[l].temporal.erase(s.mapping.levels[l].temporal.begin() +
                                         static_cast<std::ptrdiff_t>(i));
      out.push_back(std::move(s));
    }
    for (size_t i = 0; i < lm.spatial.size(); ++i) {
      Case s = c;
      std::vector<SpatialLoop> &spatial = s.mapping.levels[l].spatial;
      s.mapping.levels[l].temporal.push_back({spatial[i].dim, spatial[i].factor});
      spatial.erase(spatial.begin() + static_cast<std::ptrdiff_t>(i));
      out.push_back(std::move(s));
    }
    for (int t = 0; t < 32; ++t) {
      TensorMask bit = TensorMask(1) << t;
      if (lm.bypass & bit) {
        Case s = c;
        s.mapping.levels[l].bypass &= ~bit;
        out.push_back(std::move(s));
      }
      if (l > 0 && (c.arch.levels[l].keepMask & bit) && !(lm.bypass & bit)) {
        Case s = c;
        s.arch.levels[l].keepMask &= ~bit;
        out.push_back(std::move(s));
      }
    }
    const FanOut &f = c.arch.fanOuts[l];
    int64_t usedX = 1, usedY = 1;
    for (const SpatialLoop &loop : lm.spatial)
      (loop.axis == Axis::X ? usedX : usedY) *= loop.factor;
    if (f.x > usedX || f.y > usedY) {
      Case s = c;
      s.arch.fanOuts[l].x = usedX;
      s.arch.fanOuts[l].y = usedY;
      out.push_back(std::move(s));
    }
    if (f.multicast || f.reduction) {
      Case s = c;
      s.arch.fanOuts[l].multicast = s.arch.fanOuts[l].reduction = false;
      out.push_back(std::move(s));
    }
    const StorageLevel &level = c.arch.levels[l];
    if (level.capacityWords != 0 || level.blockWords != 1) {
      Case s = c;
      s.arch.levels[l].capacityWords = 0;
      s.arch.levels[l].blockWords = 1;
      out.push_back(std::move(s));
    }
  }
  // All bandwidths, energies, leakages and areas zero (counts alone then decide).
  Case quiet = c;
  bool noisy =
      c.arch.compute.macEnergy != 0 || c.arch.compute.area != 0 || c.arch.compute.leakage != 0;
  for (StorageLevel &level : quiet.arch.levels) {
    for (double *v :
         {&level.readBandwidth, &level.writeBandwidth, &level.sharedBandwidth, &level.readEnergy,
          &level.writeEnergy, &level.updateEnergy, &level.area, &level.leakage}) {
      noisy = noisy || *v != 0;
      *v = 0;
    }
  }
  for (FanOut &f : quiet.arch.fanOuts) {
    noisy = noisy || f.hopEnergy != 0;
    f.hopEnergy = 0;
  }
  quiet.arch.compute = ComputeUnit{};
  if (noisy)
    out.push_back(std::move(quiet));
  return out;
}

} // namespace

Case shrinkCase(Case c, const std::function<bool(const Case &)> &fails) {
  // Every simplification lowers the size, the spatial loops, the set bits or the non-zero
  // numbers, so this ends.
  bool progress = true;
  while (progress) {
    progress = false;
    for (Case &s : simplifications(c)) {
      if (caseSize(s) > caseSize(c) || !checkMapping(s.problem, s.arch, s.mapping).empty())
        continue;
      if (fails(s)) {
        c = std::move(s);
        progress = true;
        break;
      }
    }
  }
  return c;
}

} // namespace tessel::cost::testing
