// Roofline placement of profiled operators on a design (see Roofline.h).
#include "tessel/Analysis/Roofline.h"

#include <algorithm>

namespace tessel::analysis {

double Machine::ridge(size_t l) const {
  double bw = levels[l].bytesPerSecond;
  return bw > 0 ? peakMacsPerSecond / bw : 0;
}

Machine machineFromHw(const dsl::HwModel &hw) {
  Machine m;
  m.name = hw.name;
  m.file = hw.file;
  m.peakMacsPerSecond = hw.peakMacsPerSecond();
  for (const dsl::MemoryLevel &L : hw.levels) {
    MemoryRoof r;
    r.level = L.name;
    double bitsPerCycle = L.readBandwidth > 0 ? L.readBandwidth : L.writeBandwidth;
    // Every byte of the level crosses a shared (read plus write) port.
    if (L.sharedBandwidth > 0 && (bitsPerCycle <= 0 || L.sharedBandwidth < bitsPerCycle))
      bitsPerCycle = L.sharedBandwidth;
    r.bytesPerSecond = bitsPerCycle / 8 * static_cast<double>(L.instances) * hw.clockHz;
    if (!L.keeps.empty())
      for (Role role : {Role::Input, Role::Weight, Role::Output})
        r.keeps[static_cast<int>(role)] =
            std::find(L.keeps.begin(), L.keeps.end(), roleName(role)) != L.keeps.end();
    m.levels.push_back(r);
  }
  return m;
}

Placement place(const OpProfile &op, const Machine &m) {
  Placement p;
  double macs = static_cast<double>(op.macs);
  p.computeSeconds = m.peakMacsPerSecond > 0 ? macs / m.peakMacsPerSecond : 0;
  p.seconds = p.computeSeconds;
  for (size_t l = 0; l < m.levels.size(); ++l) {
    const MemoryRoof &roof = m.levels[l];
    LevelPlacement lp;
    for (const TensorTraffic &t : op.tensors)
      if (roof.keeps[static_cast<int>(t.role)])
        lp.bytes += static_cast<double>(t.bytes);
    lp.intensity = lp.bytes > 0 ? macs / lp.bytes : 0;
    if (roof.bytesPerSecond > 0 && lp.bytes > 0) {
      lp.seconds = lp.bytes / roof.bytesPerSecond;
      lp.memoryBound = lp.intensity < m.ridge(l);
    }
    if (lp.seconds > p.seconds) {
      p.seconds = lp.seconds;
      p.bottleneck = static_cast<int>(l);
    }
    p.levels.push_back(lp);
  }
  p.attainableMacsPerSecond = p.seconds > 0 ? macs / p.seconds : 0;
  return p;
}

std::string bottleneckName(const Placement &p, const Machine &m) {
  return p.bottleneck < 0 ? "compute" : m.levels[p.bottleneck].level;
}

std::vector<TimeShare> timeByBottleneck(const std::vector<WorkloadProfile> &workloads,
                                        const Machine &m) {
  std::vector<TimeShare> shares(m.levels.size() + 1);
  shares[0].bottleneck = "compute";
  for (size_t l = 0; l < m.levels.size(); ++l)
    shares[l + 1].bottleneck = m.levels[l].level;
  for (const WorkloadProfile &w : workloads)
    for (const OpProfile &op : w.ops) {
      Placement p = place(op, m);
      if (p.seconds <= 0)
        continue;
      TimeShare &s = shares[p.bottleneck + 1];
      s.seconds += p.seconds * op.multiplicity() * w.weight;
      s.ops += 1;
    }
  return shares;
}

} // namespace tessel::analysis
