// Arch: a storage hierarchy (outermost first) with spatial fan-outs and compute units at the leaves.
#ifndef TESSEL_COST_ARCH_H
#define TESSEL_COST_ARCH_H

#include "tessel/cost/Problem.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace tessel::cost {

/// One storage level; every instance of the level has these parameters.
struct StorageLevel {
  std::string name;
  /// Capacity of one instance in words; 0 means unbounded.
  int64_t capacityWords = 0;
  /// Tensors this level may keep (a mapping can still bypass them).
  TensorMask keepMask = ~TensorMask(0);
  int wordBits = 16;
  /// Words per access; energy is billed per block (see docs/model.md).
  int64_t blockWords = 1;
  /// Words per cycle per instance; 0 means unbounded. `sharedBandwidth` bounds reads and
  /// writes together (a half-duplex port such as a DRAM bus), on top of the other two.
  double readBandwidth = 0;
  double writeBandwidth = 0;
  double sharedBandwidth = 0;
  /// Energy per access of one block, pJ.
  double readEnergy = 0;
  double writeEnergy = 0;
  double updateEnergy = 0;
  /// Area of one instance, um^2; leakage of one instance, pJ per cycle.
  double area = 0;
  double leakage = 0;
  /// Tensors this level stores run-length coded (outermost level only; docs/model.md 13),
  /// with zero runs of `runBits` bits.
  TensorMask compressMask = 0;
  int runBits = 0;
};

/// ceil(words / bandwidth); 0 for an unbounded (0) bandwidth or no words.
inline int64_t transferCycles(double words, double bandwidth) {
  if (bandwidth <= 0 || words <= 0)
    return 0;
  // ceil of a positive quotient, without a libm call (the evaluation's hot path).
  double quotient = words / bandwidth;
  auto cycles = static_cast<int64_t>(quotient);
  return cycles + (static_cast<double>(cycles) < quotient);
}

/// Cycles one instance of `level` needs to read out `readWords` and take in `writeWords`
/// (docs/model.md section 7): the slowest of its read port, its write port and the shared
/// (read plus write) limit.
inline int64_t levelTransferCycles(const StorageLevel &level, double readWords, double writeWords) {
  int64_t cycles = std::max(transferCycles(readWords, level.readBandwidth),
                            transferCycles(writeWords, level.writeBandwidth));
  return std::max(cycles, transferCycles(readWords + writeWords, level.sharedBandwidth));
}

/// The spatial fan-out below a level: each parent instance feeds x*y child instances.
struct FanOut {
  int64_t x = 1;
  int64_t y = 1;
  /// A multicast network delivers one parent read to every child needing it at the same step.
  bool multicast = false;
  /// A reduction network adds children's partial outputs before one parent update.
  bool reduction = false;
  /// Energy of moving one element across this fan-out, pJ.
  double hopEnergy = 0;
};

/// The compute units below the innermost level (one per leaf of the fan-out tree).
struct ComputeUnit {
  std::string name = "mac";
  double macEnergy = 0;
  double area = 0;
  double leakage = 0;
};

/// A hierarchy of storage levels. `fanOuts[i]` sits below `levels[i]`; the last fan-out feeds
/// the compute units, so the number of compute units is the product of all fan-outs.
struct Arch {
  std::string name;
  std::vector<StorageLevel> levels;
  std::vector<FanOut> fanOuts;
  ComputeUnit compute;

  /// Number of instances of level `level` (product of the fan-outs above it).
  int64_t instances(size_t level) const;
  /// Number of compute units (product of all fan-outs).
  int64_t computeUnits() const;
};

/// Human-readable reasons why `arch` is malformed for `problem` (empty when valid).
std::vector<std::string> validateArch(const Arch &arch, const Problem &problem);

/// Readable multi-line description of the hierarchy.
std::string toString(const Arch &arch, const Problem &problem);

} // namespace tessel::cost

#endif // TESSEL_COST_ARCH_H
