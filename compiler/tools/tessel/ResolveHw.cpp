// Builds component specs from a checked .hw and resolves them against the component library.
#include "ResolveHw.h"

#include <cmath>

namespace tessel::cli {

cost::ComponentSpec memorySpec(const dsl::HwModel &m, const dsl::MemoryLevel &level) {
  cost::ComponentSpec s;
  s.cls = level.cls;
  s.subclass = level.subclass;
  s.sizeBits = level.sizeBits;
  s.widthBits = level.widthBits > 0 ? level.widthBits : static_cast<double>(m.wordBits);
  s.banks = level.banks;
  s.ports = level.ports;
  s.technologyNm = m.technologyNm;
  return s;
}

cost::ComponentSpec computeSpec(const dsl::HwModel &m, const dsl::ComputeUnit &unit) {
  cost::ComponentSpec s;
  s.cls = unit.cls;
  s.bits = unit.bits;
  if (unit.cls == "fpmac")
    s.subclass = unit.format;
  s.technologyNm = m.technologyNm;
  return s;
}

cost::ComponentSpec networkSpec(const dsl::HwModel &m) {
  cost::ComponentSpec s;
  s.cls = "noc";
  s.bits = m.wordBits;
  s.technologyNm = m.technologyNm;
  return s;
}

namespace {

void resolvePart(const cost::ComponentLibrary &library, const cost::ComponentSpec &spec,
                 const cost::ComponentOverrides &given, ResolvedPart &part) {
  part.error = cost::resolveComponent(library, spec, given, part.costs);
}

} // namespace

ResolvedHw resolveHw(const dsl::HwModel &m, const cost::ComponentLibrary &library) {
  ResolvedHw r;
  r.name = m.name;
  r.loc = m.loc;
  r.technologyDefaulted = m.technologyNm == 0;
  // As the library does: 45e-9 m converted to nm is 44.999999999.
  r.technologyNm = r.technologyDefaulted ? cost::kDefaultTechnologyNm
                                         : std::round(m.technologyNm * 1e6) / 1e6;
  r.technologyError = cost::checkTechnology(r.technologyNm);
  for (const dsl::MemoryLevel &level : m.levels) {
    ResolvedPart part;
    part.name = level.name;
    part.cls = level.cls + (level.subclass.empty() ? "" : "(" + level.subclass + ")");
    part.loc = level.loc;
    cost::ComponentOverrides given;
    given.readEnergy = level.readEnergyPJ;
    given.writeEnergy = level.writeEnergyPJ;
    given.area = level.areaUm2;
    given.leakage = level.leakageMW;
    resolvePart(library, memorySpec(m, level), given, part);
    r.parts.push_back(std::move(part));
  }
  for (const dsl::ComputeUnit &unit : m.compute) {
    ResolvedPart part;
    part.kind = ResolvedPart::Kind::Compute;
    part.name = unit.name;
    part.cls = unit.cls + " " + std::to_string(unit.bits) + "-bit" +
               (unit.format.empty() ? "" : " " + unit.format);
    part.loc = unit.loc;
    part.hasWrite = false;
    cost::ComponentOverrides given;
    given.readEnergy = given.writeEnergy = unit.energyPJ;
    given.area = unit.areaUm2;
    given.leakage = unit.leakageMW;
    resolvePart(library, computeSpec(m, unit), given, part);
    r.parts.push_back(std::move(part));
  }
  for (const dsl::SpatialArray &array : m.arrays) {
    if (array.fanX * array.fanY == 1)
      continue;
    ResolvedPart part;
    part.kind = ResolvedPart::Kind::Network;
    part.name = array.name;
    part.cls = "noc " + std::to_string(m.wordBits) + "-bit";
    part.loc = array.loc;
    part.hasWrite = part.hasArea = part.hasLeakage = false;
    cost::ComponentOverrides given;
    // Only the hop energy is a network figure; area and leakage are not modelled.
    given.readEnergy = given.writeEnergy = array.hopEnergyPJ;
    given.area = given.leakage = 0.0;
    resolvePart(library, networkSpec(m), given, part);
    r.parts.push_back(std::move(part));
  }
  return r;
}

} // namespace tessel::cli
