// Helpers shared by the built-in component models: anchored log-log fits and source text.
#ifndef TESSEL_COST_LIB_COMPONENTFIT_H
#define TESSEL_COST_LIB_COMPONENTFIT_H

#include "tessel/cost/Components.h"

#include <cstddef>
#include <string>

namespace tessel::cost::detail {

/// One published (x, y) anchor of a fit.
struct Anchor {
  double x, y;
};

/// Piecewise power law through `anchors` (sorted by x, all positive): exact at every anchor,
/// log-log linear between neighbours, and extended beyond the ends with the nearest segment's
/// slope (a single anchor means y proportional to x). Sets `extrapolated` when x lies outside.
double fitLogLog(const Anchor *anchors, size_t n, double x, bool &extrapolated);

template <size_t N> double fitLogLog(const Anchor (&anchors)[N], double x, bool &extrapolated) {
  return fitLogLog(anchors, N, x, extrapolated);
}

/// fitLogLog for an area or leakage that is at least proportional to capacity: beyond the
/// largest anchor it grows linearly (the cell array dominates), never with a smaller slope.
template <size_t N>
double fitLogLogArray(const Anchor (&anchors)[N], double x, bool &extrapolated) {
  if (x > anchors[N - 1].x) {
    extrapolated = true;
    return anchors[N - 1].y * x / anchors[N - 1].x;
  }
  return fitLogLog(anchors, N, x, extrapolated);
}

/// Short decimal text of a number (up to 4 significant digits), e.g. "0.6543", "1.5e+06".
std::string num(double v);

/// " x<f> (<from> nm -> <to> nm, Stillmaker & Baas 2017 <what>)" or "" when from == to.
std::string scaleNote(double fromNm, double toNm, double factor, const char *what);

/// The node the library evaluates at (the spec's, already checked and defaulted).
inline double node(const ComponentSpec &spec) { return spec.technologyNm; }

/// Leakage power density of standard-cell logic at 32 nm, mW per um^2: the Accelergy
/// eyeriss_like MAC's leakage (ERT leak 0.002374 pJ per 1 ns cycle) over its area (ART
/// 191.82 um^2), timeloop-accelergy-exercises @ac42b26/09545d3, technology 32nm.
inline constexpr double kLogicLeakPerUm2At32 = 0.002374 / 191.82;

/// Registration of the built-in classes, split by file.
void registerMemoryComponents(ComponentLibrary &library);
void registerLogicComponents(ComponentLibrary &library);

} // namespace tessel::cost::detail

#endif // TESSEL_COST_LIB_COMPONENTFIT_H
