// `tessel check`: the resolved per-access energies, areas and leakage of an accelerator.
#ifndef TESSEL_TOOLS_ENERGYSUMMARY_H
#define TESSEL_TOOLS_ENERGYSUMMARY_H

#include "ResolveHw.h"

#include <nlohmann/json.hpp>

#include <iosfwd>

namespace tessel::cli {

/// A table of every part with each figure marked "given" or "model"; with `sources`, the
/// library's source and formula of every model figure below it.
void printEnergies(std::ostream &os, const ResolvedHw &r, bool sources);

/// {"technology_nm", "technology_defaulted", "parts": [{name, kind, class, read_energy_pj:
/// {value, origin, source}, ...}]}; unresolved figures are null with an "error".
nlohmann::json toJson(const ResolvedHw &r);

/// Warnings (file:line:col) for the parts whose missing figures the library could not supply.
void warnUnresolved(std::ostream &os, const dsl::SourceManager &sm, const ResolvedHw &r,
                    bool color);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_ENERGYSUMMARY_H
