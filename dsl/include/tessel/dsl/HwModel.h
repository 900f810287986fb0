// The checked hardware model: an accelerator with units normalised and names resolved.
#ifndef TESSEL_DSL_HWMODEL_H
#define TESSEL_DSL_HWMODEL_H

#include "tessel/dsl/Source.h"
#include "tessel/dsl/Units.h"

#include <optional>
#include <string>
#include <vector>

namespace tessel::dsl {

/// A sweepable (or derived) parameter. Values are in base units (bits, Hz, ...).
struct ParamInfo {
  std::string name;
  Quantity value;
  enum class DomainKind { None, Set, Range } domainKind = DomainKind::None;
  std::vector<double> set;  ///< for Set
  double lo = 0, hi = 0, step = 0; ///< for Range (step 0 = continuous)
  SourceRange loc;
  /// Every value of the domain (ranges enumerated by step), in base units.
  std::vector<double> domainValues() const;
  /// True when `v` lies in the domain (always when there is none).
  bool inDomain(double v) const;
  /// The domain as written with units: "{128, 256}", "1..8 step 1"; "" when none.
  std::string domainText() const;
};

/// One storage level. Values are per instance; 0 means "unbounded/unspecified".
struct MemoryLevel {
  std::string name;
  std::string cls;      ///< sram, regfile, dram
  std::string subclass; ///< e.g. lpddr4 for dram(lpddr4)
  double sizeBits = 0;
  int64_t banks = 1;
  int64_t ports = 1;             ///< read/write ports
  double widthBits = 0;          ///< block / port width
  double readBandwidth = 0;      ///< bits per cycle
  double writeBandwidth = 0;     ///< bits per cycle
  /// Bits per cycle of reads and writes together (a half-duplex port); 0 = no joint limit.
  double sharedBandwidth = 0;
  std::optional<double> readEnergyPJ, writeEnergyPJ, areaUm2, leakageMW;
  std::vector<std::string> keeps; ///< tensor roles: input, weight, output
  /// Roles stored run-length coded with `runBits`-bit zero runs (docs/model.md 13).
  std::vector<std::string> compress;
  int64_t runBits = 0;
  int64_t instances = 1;
  int arrayDepth = 0; ///< number of enclosing arrays
  std::string enclosingArray;
  SourceRange loc;
};

/// A spatial fan-out (`array NAME[y][x]`) with its network.
struct SpatialArray {
  std::string name;
  int64_t fanY = 1, fanX = 1;
  bool multicast = false, reduction = false;
  std::optional<double> hopEnergyPJ;
  int64_t instances = 1; ///< instances of the array itself (from outer arrays)
  int depth = 0;
  /// Index into HwModel::levels of the first memory level inside this array.
  size_t firstInnerLevel = 0;
  SourceRange loc;
};

struct ComputeUnit {
  std::string name;
  std::string cls; ///< intmac, fpmac
  int64_t bits = 16;
  std::string format; ///< int8, fp16, bf16, ...
  int64_t count = 1;  ///< per enclosing array instance
  int64_t instances = 1;
  std::optional<double> energyPJ, areaUm2, leakageMW;
  SourceRange loc;
};

struct Constraint {
  std::string target; ///< level or array name
  std::string kind;   ///< spatial_x, spatial_y, order, keep, bypass
  std::vector<std::string> values;
  SourceRange loc;
};

struct HwModel {
  std::string name;
  std::string file;
  double technologyNm = 0;
  double clockHz = 0;
  int64_t wordBits = 16;
  /// `model NAME;`, or "NAME(VARIANT)" for `model NAME(VARIANT);`.
  std::string costModel = "analytical";
  std::vector<ParamInfo> params;
  std::vector<MemoryLevel> levels; ///< outermost first
  std::vector<SpatialArray> arrays;
  std::vector<ComputeUnit> compute;
  std::vector<Constraint> constraints;
  std::string dataflow; ///< preset, e.g. row_stationary
  SourceRange loc;

  int64_t totalMacUnits() const;
  double peakMacsPerSecond() const { return totalMacUnits() * clockHz; }
};

} // namespace tessel::dsl

#endif // TESSEL_DSL_HWMODEL_H
