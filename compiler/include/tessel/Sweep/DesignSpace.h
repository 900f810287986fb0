// Design spaces: sweep axes from params with domains and --param overrides; design points with
// stable keys; cartesian enumeration, Latin hypercube and random samples, and --shard i/N.
#ifndef TESSEL_SWEEP_DESIGNSPACE_H
#define TESSEL_SWEEP_DESIGNSPACE_H

#include "tessel/Sweep/Result.h"
#include "tessel/dsl/HwModel.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tessel::sweep {

/// One swept parameter and the values it takes, in base units (bits, Hz, s, ...).
struct ParamAxis {
  std::string name;
  dsl::Dim dim;
  /// The discrete values, canonical (canonicalValue) and without duplicates, in the order given.
  std::vector<double> values;
  /// A range without a step ([lo, hi]): only samples can be drawn from it.
  bool continuous = false;
  double lo = 0, hi = 0;
  /// Where the domain comes from, for messages: "eyeriss.hw:28:3" or "--param".
  std::string origin;
};

/// The axes of a sweep; the last axis varies fastest in the cartesian order.
struct DesignSpace {
  std::vector<ParamAxis> axes;
  /// Number of cartesian points, saturated at UINT64_MAX; 0 when an axis is continuous.
  uint64_t cartesianSize() const;
};

/// Parameter values of one point, sorted by name.
using ParamValues = std::vector<std::pair<std::string, double>>;

/// The base unit (baseUnitName, e.g. "bit", "Hz") of each param that has one, sorted by name;
/// params of plain numbers are not listed. Used to show values in their natural unit.
using ParamUnits = std::vector<std::pair<std::string, std::string>>;

/// The units of the axes of `space` that have one.
ParamUnits paramUnits(const DesignSpace &space);

/// The stable key of a point: "name=value" sorted by name, joined by ',', each value in
/// formatValue's canonical text, e.g. "cols=14,glb=884736,rows=12".
std::string pointKey(const ParamValues &params);

/// One design point. `index` is its position in the sweep's enumeration (cartesian order or
/// sample order); records are kept in this order.
struct DesignPoint {
  uint64_t index = 0;
  ParamValues params;
  /// The units of `params` (set by planPoints; empty: shown as plain numbers).
  ParamUnits units;
  std::string key() const { return pointKey(params); }
  /// The values as overrides for dsl::checkHwFile / checkWlFile.
  std::map<std::string, double> overrides() const;
};

/// `--param name=v1,v2,...`, `--param name=lo..hi:step` or `--param name=lo..hi` (continuous,
/// for --sample only); values may carry units ("glb=64KiB..256KiB:64KiB").
struct ParamOverride {
  std::string text; ///< the argument as given
  ParamAxis axis;   ///< dim is Dim::none() when no value has a unit
  bool hasUnits = false;
  size_t valueColumn = 0; ///< 1-based column of the first value (for messages)
};

/// Parses one --param argument; errors are located in the argument.
Result<ParamOverride, ArgError> parseParamOverride(std::string_view arg);

/// The sweep axes: every param of `params` that has a domain (in declaration order), with
/// overrides replacing domains (an override of a param without a domain adds an axis).
/// Overrides naming unknown params or giving values of the wrong dimension are errors; so is a
/// name declared twice with different domains (e.g. in the .hw and the .wl). `sm`, when given,
/// names the declarations' locations in messages.
Result<DesignSpace, ArgError> buildDesignSpace(const std::vector<dsl::ParamInfo> &params,
                                               const std::vector<ParamOverride> &overrides,
                                               const dsl::SourceManager *sm = nullptr);

/// Point `index` of the cartesian product (mixed radix, last axis fastest).
DesignPoint cartesianPoint(const DesignSpace &space, uint64_t index);

/// Every point of a discrete space, or an error when it is continuous or larger than
/// `limit` points (the message suggests --sample).
Result<std::vector<DesignPoint>> enumeratePoints(const DesignSpace &space,
                                                 uint64_t limit = 10000000);

enum class SampleMethod { LatinHypercube, Random };

/// `n` points drawn with a seeded 64-bit Mersenne Twister (the same points on every platform).
/// Latin hypercube: each axis is cut into n equal strata of [0, 1), each stratum used once in a
/// random order, mapped onto the axis (discrete axes: value floor(u * size)). Random: distinct
/// uniform cartesian points (without replacement when every axis is discrete). Duplicate keys
/// are dropped (first kept), so a Latin hypercube of a discrete space may give fewer than n
/// points; n at least the size of a discrete space gives the whole space in random order.
/// Indices are 0..size-1 in sample order.
std::vector<DesignPoint> samplePoints(const DesignSpace &space, uint64_t n, uint64_t seed,
                                      SampleMethod method);

/// `--shard i/N` (1 <= i <= N): point p belongs to shard (p.index mod N) + 1.
struct Shard {
  uint64_t index = 1;
  uint64_t count = 1;
};
Result<Shard, ArgError> parseShard(std::string_view arg);
/// The points of `shard`, in the given order.
std::vector<DesignPoint> selectShard(const std::vector<DesignPoint> &points, const Shard &shard);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_DESIGNSPACE_H
