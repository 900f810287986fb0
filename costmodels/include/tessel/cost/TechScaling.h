// Technology scaling of energy and area between CMOS nodes (Stillmaker & Baas 2017).
#ifndef TESSEL_COST_TECHSCALING_H
#define TESSEL_COST_TECHSCALING_H

#include <string>

namespace tessel::cost {

/// Nodes the component library supports, inclusive (nm).
inline constexpr double kMinTechnologyNm = 7;
inline constexpr double kMaxTechnologyNm = 65;
/// Node assumed when an accelerator gives no technology (nm).
inline constexpr double kDefaultTechnologyNm = 45;
/// Supply voltage at which every node's energy factor is evaluated (V); see docs/components.md.
inline constexpr double kScalingSupplyVolts = 0.9;

/// An error message when `nm` lies outside [kMinTechnologyNm, kMaxTechnologyNm] or is not a
/// finite positive number; an empty string otherwise.
std::string checkTechnology(double nm);

/// Factor that turns a dynamic energy at `fromNm` into one at `toNm`: the ratio of the
/// Stillmaker & Baas energy polynomials (Integration 58, 2017, Table 5, HP flavour for
/// 45 nm and below) at kScalingSupplyVolts, log-log interpolated between tabulated nodes.
/// Both nodes must pass checkTechnology.
double energyScale(double fromNm, double toNm);

/// Factor that turns an area at `fromNm` into one at `toNm` (Stillmaker & Baas 2017 area
/// table, 45 nm row, log-log interpolated between tabulated nodes).
double areaScale(double fromNm, double toNm);

/// Leakage power is scaled with energyScale (a first-order assumption, docs/components.md).
inline double leakageScale(double fromNm, double toNm) { return energyScale(fromNm, toNm); }

} // namespace tessel::cost

#endif // TESSEL_COST_TECHSCALING_H
