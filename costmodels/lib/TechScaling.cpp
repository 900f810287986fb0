// Stillmaker & Baas (2017) energy and area scaling between CMOS nodes, 7-65 nm.
#include "tessel/cost/TechScaling.h"

#include <cmath>
#include <iterator>
#include <sstream>

namespace tessel::cost {

namespace {

/// One tabulated node of A. Stillmaker and B. Baas, "Scaling equations for the accurate
/// prediction of CMOS device performance from 180 nm to 7 nm", Integration, the VLSI Journal
/// 58 (2017) 74-81, doi:10.1016/j.vlsi.2017.02.002.
struct Node {
  double nm;
  /// Table 5 energy fit: EnergyFactor = a*V^2 + b*V + c (the 65 nm row, then the HP rows).
  /// The 65 nm and HP 32 nm rows are confirmed by the authors' corrigendum example
  /// (0.8367/-0.4341/0.1701 and 3.755/-4.398/1.975).
  double a, b, c;
  /// Area relative to 45 nm: the paper's area-scaling table, 45 nm row.
  double areaVs45;
};

constexpr Node kNodes[] = {
    {65, 3.755, -4.398, 1.975, 1.5},       {45, 1.018, -0.3107, 0.1539, 1.0},
    {32, 0.8367, -0.4341, 0.1701, 0.46},   {20, 0.373, -0.1582, 0.04104, 0.21},
    {16, 0.2958, -0.1241, 0.03024, 0.19},  {14, 0.2363, -0.09675, 0.02239, 0.17},
    {10, 0.2068, -0.09311, 0.02375, 0.10}, {7, 0.1776, -0.09097, 0.02447, 0.059},
};

double energyFactorAt(const Node &n) {
  const double v = kScalingSupplyVolts;
  return n.a * v * v + n.b * v + n.c;
}

/// log-log interpolation of `value(node)` between the tabulated nodes bracketing `nm`.
template <typename F> double interpolate(double nm, F value) {
  for (size_t i = 0; i + 1 < std::size(kNodes); ++i) {
    const Node &hi = kNodes[i], &lo = kNodes[i + 1];
    if (nm > hi.nm || nm < lo.nm)
      continue;
    if (nm == hi.nm)
      return value(hi);
    if (nm == lo.nm)
      return value(lo);
    double t = (std::log(nm) - std::log(hi.nm)) / (std::log(lo.nm) - std::log(hi.nm));
    return std::exp(std::log(value(hi)) + t * (std::log(value(lo)) - std::log(value(hi))));
  }
  return std::nan("");
}

} // namespace

std::string checkTechnology(double nm) {
  if (std::isfinite(nm) && nm >= kMinTechnologyNm && nm <= kMaxTechnologyNm)
    return {};
  std::ostringstream os;
  os << "technology " << nm << " nm is outside the component library's range "
     << kMinTechnologyNm << "-" << kMaxTechnologyNm
     << " nm (Stillmaker & Baas 2017 scaling)";
  return os.str();
}

double energyScale(double fromNm, double toNm) {
  return interpolate(toNm, energyFactorAt) / interpolate(fromNm, energyFactorAt);
}

double areaScale(double fromNm, double toNm) {
  auto area = [](const Node &n) { return n.areaVs45; };
  return interpolate(toNm, area) / interpolate(fromNm, area);
}

} // namespace tessel::cost
