// diagnose(): why no mapping is valid, and which single relaxation admits one.
#include "Tree.h"
#include "tessel/Search/Search.h"

#include <sstream>

namespace tessel::search {

using namespace cost;

namespace {

/// Work budget of one feasibility probe (bounds computed plus evaluations).
constexpr int64_t kProbeWork = 200000;

enum class Probe { Feasible, Infeasible, Unknown };

/// Looks for any valid mapping (first valid leaf of the exhaustive tree).
Probe probe(const Problem &problem, const Arch &arch, const MapConstraints &constraints,
            const Limits &limits, const CostModelFactory &factory) {
  std::vector<std::string> errors;
  std::unique_ptr<Mapspace> space = Mapspace::create(problem, arch, constraints, errors);
  if (!space)
    return Probe::Unknown;
  std::unique_ptr<CostModel> model = factory(problem, arch);
  if (!model)
    return Probe::Unknown;
  TreeSettings settings;
  settings.limits = limits;
  settings.useBounds = false;
  settings.firstValid = true;
  Explorer explorer(*space, *model, settings);
  Best none, best;
  std::vector<Unit> rest;
  TreeStats stats;
  explorer.explore(Unit{}, none, kProbeWork, best, rest, stats);
  if (best.found)
    return Probe::Feasible;
  return rest.empty() ? Probe::Infeasible : Probe::Unknown;
}

std::string words(int64_t n) { return std::to_string(n) + " words"; }

} // namespace

std::vector<std::string> diagnose(const Mapspace &space, const SearchOptions &options,
                                  const CostModelFactory &factory, const Certificate &cert) {
  std::vector<std::string> out;
  const Problem &problem = space.problem();
  const Arch &arch = space.arch();
  int L = space.numLevels();
  // What the search ruled out.
  for (int l = 0; l < L && l < static_cast<int>(cert.overCapacity.size()); ++l)
    if (cert.overCapacity[l] > 0)
      out.push_back("the capacity of level '" + arch.levels[l].name + "' (" +
                    words(arch.levels[l].capacityWords) + ") ruled out " +
                    std::to_string(cert.overCapacity[l]) + " tilings");
  if (cert.noSpatialSplit > 0)
    out.push_back(std::to_string(cert.noSpatialSplit) +
                  " spatial choices fit no X/Y split of their fan-out under the allowed dims");
  if (cert.noOrder > 0)
    out.push_back(std::to_string(cert.noOrder) +
                  " tilings have no loop order meeting the order/stationary constraints");
  if (cert.overLimits > 0)
    out.push_back(std::to_string(cert.overLimits) +
                  " candidates break maxCycles, minUtilization or maxEnergy");
  if (cert.invalid > 0)
    out.push_back("the cost model rejected " + std::to_string(cert.invalid) + " mappings");

  // Static impossibilities.
  int64_t whole = 0;
  for (int t = 0; t < space.numTensors(); ++t)
    whole += space.tensorElements(t) * space.wordsPerElement(t, 0);
  if (arch.levels[0].capacityWords > 0 && whole > arch.levels[0].capacityWords)
    out.push_back("level '" + arch.levels[0].name + "' is outermost and holds every tensor "
                  "whole (" + words(whole) + "), but its capacity is " +
                  words(arch.levels[0].capacityWords) + ": raise it");
  for (int l = 1; l < L; ++l) {
    int64_t capacity = arch.levels[l].capacityWords, least = 0;
    std::string names;
    for (int t = 0; t < space.numTensors(); ++t)
      if (space.forcedKeep(l) >> t & 1) {
        least += space.wordsPerElement(t, l);
        names += (names.empty() ? "'" : ", '") + problem.tensors[t].name + "'";
      }
    if (capacity > 0 && least > capacity)
      out.push_back("the constraints make level '" + arch.levels[l].name + "' keep " + names +
                    ", and even one element of each needs " + words(least) + " > " +
                    words(capacity) + ": allow a bypass or raise the capacity");
  }
  int64_t units = arch.computeUnits(), macs = problem.macs();
  int64_t cap = cycleCap(options.limits, macs, units);
  if (cap > 0 && cap < (macs + units - 1) / units)
    out.push_back("the limits allow at most " + std::to_string(cap) + " cycles, but " +
                  std::to_string(macs) + " MACs on " + std::to_string(units) +
                  " compute units need at least " + std::to_string((macs + units - 1) / units) +
                  ": relax maxCycles/minUtilization");

  // Single relaxations.
  auto report = [&](Probe p, const std::string &what) {
    if (p == Probe::Feasible)
      out.push_back("relax: " + what + " admits a valid mapping");
    else if (p == Probe::Unknown)
      out.push_back("unknown whether " + what + " admits a valid mapping (probe budget spent)");
  };
  const Limits &limits = options.limits;
  bool hasLimits = limits.maxCycles > 0 || limits.minUtilization > 0 || limits.maxEnergy > 0;
  if (hasLimits)
    report(probe(problem, arch, space.constraints(), Limits{}, factory), "dropping the limits");
  const MapConstraints &cons = space.constraints();
  if (!cons.levels.empty() || cons.stationary != 0)
    report(probe(problem, arch, MapConstraints{}, limits, factory),
           "dropping the mapping constraints");
  for (int l = 0; l < L; ++l) {
    if (arch.levels[l].capacityWords == 0)
      continue;
    Arch relaxed = arch;
    relaxed.levels[l].capacityWords = 0;
    report(probe(problem, relaxed, cons, limits, factory),
           "an unbounded capacity at level '" + arch.levels[l].name + "'");
  }
  if (out.empty())
    out.push_back("no valid mapping, and no single relaxation was found to help");
  return out;
}

} // namespace tessel::search
