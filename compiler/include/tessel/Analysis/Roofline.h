//===- Roofline.h - roofline placement of operators on a design -*- C++ -*-===//
// The machine side of `tessel analyze --hw`: a design's peak MAC rate and the bandwidth of
// every memory level, and where each operator lands on the roofline of each level.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_ANALYSIS_ROOFLINE_H
#define TESSEL_ANALYSIS_ROOFLINE_H

#include "tessel/Analysis/Profile.h"
#include "tessel/dsl/HwModel.h"

#include <string>
#include <vector>

namespace tessel::analysis {

/// One memory level of a design as the roofline sees it.
struct MemoryRoof {
  std::string level;
  /// Bytes per second over all instances (0: unbounded, no roof).
  double bytesPerSecond = 0;
  /// Whether the level keeps each Role (indexed by Role).
  bool keeps[3] = {true, true, true};
};

/// A design as peak compute plus memory roofs, outermost level first.
struct Machine {
  std::string name, file;
  double peakMacsPerSecond = 0;
  std::vector<MemoryRoof> levels;
  /// MACs per byte at which level `l` stops binding (peak / bandwidth; 0 when unbounded).
  double ridge(size_t l) const;
};

/// The roofline view of `hw`: peak = MAC units x clock; a level's bandwidth is its read
/// bandwidth (bits per cycle per instance) x instances x clock.
Machine machineFromHw(const dsl::HwModel &hw);

/// Where one operator sits on one level's roof.
struct LevelPlacement {
  double bytes = 0;     ///< per execution: the op's tensors the level keeps, once each
  double intensity = 0; ///< MACs / bytes (0 without bytes)
  double seconds = 0;   ///< bytes / bandwidth (0 when unbounded)
  /// Below the level's ridge point: the level, not compute, limits the op at this level.
  bool memoryBound = false;
};

/// Where one operator sits on a machine (per execution).
struct Placement {
  double computeSeconds = 0; ///< MACs / peak
  std::vector<LevelPlacement> levels; ///< one per Machine::levels
  double seconds = 0;        ///< max(compute, every level): perfect overlap
  int bottleneck = -1;       ///< the level that sets `seconds`; -1 = compute
  double attainableMacsPerSecond = 0; ///< MACs / seconds
};

/// Places `op` on `m`: each level moves the op's tensors it keeps once (compulsory traffic,
/// perfect reuse, the roofline cost model's counting); time = max(compute, every level).
Placement place(const OpProfile &op, const Machine &m);

/// The name of a placement's bottleneck ("compute" or the level).
std::string bottleneckName(const Placement &p, const Machine &m);

/// Weighted time of a workload set on `m`, per bottleneck ("compute", then each level).
struct TimeShare {
  std::string bottleneck;
  double seconds = 0;
  int ops = 0; ///< distinct operators bound there
};
std::vector<TimeShare> timeByBottleneck(const std::vector<WorkloadProfile> &workloads,
                                        const Machine &m);

/// An SVG roofline plot (log-log, MAC/B vs MAC/s): one roof per bounded level, each op with
/// MACs at its intensity at its binding level (the outermost bounded level when compute
/// binds), coloured by op kind.
std::string rooflineSvg(const std::vector<WorkloadProfile> &workloads, const Machine &m);

} // namespace tessel::analysis

#endif // TESSEL_ANALYSIS_ROOFLINE_H
