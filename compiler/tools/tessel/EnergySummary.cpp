// Text, JSON and warnings for the resolved energies and areas printed by `tessel check`.
#include "EnergySummary.h"
#include "TextTable.h"

#include "tessel/dsl/Diagnostics.h"

#include <cstdio>
#include <ostream>
#include <vector>

namespace tessel::cli {

namespace {

struct Column {
  const char *title;
  const cost::ResolvedFigure cost::ResolvedComponent::*figure;
  bool ResolvedPart::*present; ///< nullptr: every part has it
};

const Column kColumns[] = {
    {"read/op pJ", &cost::ResolvedComponent::readEnergy, nullptr},
    {"write pJ", &cost::ResolvedComponent::writeEnergy, &ResolvedPart::hasWrite},
    {"area um2", &cost::ResolvedComponent::area, &ResolvedPart::hasArea},
    {"leakage mW", &cost::ResolvedComponent::leakage, &ResolvedPart::hasLeakage}};

bool present(const ResolvedPart &p, const Column &c) { return !c.present || p.*c.present; }

/// A figure is unresolved when the library failed and the file did not give it.
bool resolved(const ResolvedPart &p, const cost::ResolvedFigure &f) {
  return p.error.empty() || f.origin == cost::Origin::Given;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

const char *originName(cost::Origin o) { return o == cost::Origin::Given ? "given" : "model"; }

const char *kindName(ResolvedPart::Kind k) {
  switch (k) {
  case ResolvedPart::Kind::Memory:
    return "memory";
  case ResolvedPart::Kind::Compute:
    return "compute";
  case ResolvedPart::Kind::Network:
    return "network";
  }
  return "";
}

std::string partLabel(const ResolvedPart &p) {
  return p.kind == ResolvedPart::Kind::Network ? "network " + p.name : p.name;
}

} // namespace

void printEnergies(std::ostream &os, const ResolvedHw &r, bool sources) {
  os << "  energy and area at " << number(r.technologyNm) << " nm"
     << (r.technologyDefaulted ? " (technology unset: library default)" : "")
     << "; given = written in the file, model = component library\n";
  std::vector<std::string> header = {"component", "class"};
  for (const Column &c : kColumns)
    header.push_back(c.title);
  TextTable table(header);
  for (const ResolvedPart &p : r.parts) {
    std::vector<std::string> row = {partLabel(p), p.cls};
    for (const Column &c : kColumns) {
      const cost::ResolvedFigure &f = p.costs.*c.figure;
      row.push_back(!present(p, c)    ? "-"
                    : !resolved(p, f) ? "n/a"
                                      : number(f.value) + " " + originName(f.origin));
    }
    table.add(row);
  }
  table.print(os, "  ", 3);
  if (!sources)
    return;
  os << "  sources of model figures:\n";
  for (const ResolvedPart &p : r.parts)
    for (const Column &c : kColumns) {
      const cost::ResolvedFigure &f = p.costs.*c.figure;
      if (present(p, c) && resolved(p, f) && f.origin == cost::Origin::Model)
        os << "    " << partLabel(p) << " " << c.title << ": " << f.source << "\n";
    }
}

nlohmann::json toJson(const ResolvedHw &r) {
  static const char *keys[] = {"read_energy_pj", "write_energy_pj", "area_um2", "leakage_mw"};
  nlohmann::json j;
  j["technology_nm"] = r.technologyNm;
  j["technology_defaulted"] = r.technologyDefaulted;
  j["parts"] = nlohmann::json::array();
  for (const ResolvedPart &p : r.parts) {
    nlohmann::json part = {{"name", p.name}, {"kind", kindName(p.kind)}, {"class", p.cls}};
    for (size_t i = 0; i < std::size(kColumns); ++i) {
      const Column &c = kColumns[i];
      if (!present(p, c))
        continue;
      const cost::ResolvedFigure &f = p.costs.*c.figure;
      part[keys[i]] = resolved(p, f) ? nlohmann::json{{"value", f.value},
                                                      {"origin", originName(f.origin)},
                                                      {"source", f.source}}
                                     : nlohmann::json(nullptr);
    }
    if (!p.error.empty())
      part["error"] = p.error;
    j["parts"].push_back(part);
  }
  return j;
}

void warnUnresolved(std::ostream &os, const dsl::SourceManager &sm, const ResolvedHw &r,
                    bool color) {
  // An unsupported node affects every part: one warning at the accelerator.
  bool nodeWarned = false;
  for (const ResolvedPart &p : r.parts) {
    if (p.error.empty())
      continue;
    if (p.error == r.technologyError) {
      if (nodeWarned)
        continue;
      nodeWarned = true;
      dsl::Diagnostic d;
      d.severity = dsl::Severity::Warning;
      d.range = r.loc;
      d.message = "accelerator '" + r.name + "': " + r.technologyError +
                  "; figures not written in the file are n/a";
      dsl::printDiagnostic(os, sm, d, color);
      continue;
    }
    dsl::Diagnostic d;
    d.severity = dsl::Severity::Warning;
    d.range = p.loc;
    d.message = std::string(kindName(p.kind)) + " '" + p.name +
                "': the component library cannot supply its missing figures: " + p.error;
    d.hint = p.kind == ResolvedPart::Kind::Compute   ? "give 'energy', 'area' and 'leakage' "
                                                       "explicitly"
             : p.kind == ResolvedPart::Kind::Network ? "give 'hop_energy' in its network block"
                                                     : "give 'read_energy', 'write_energy', "
                                                       "'area' and 'leakage' explicitly";
    dsl::printDiagnostic(os, sm, d, color);
  }
}

} // namespace tessel::cli
