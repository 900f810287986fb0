// Component energy/area library: per-access energies, areas and leakage of hardware components
// (sram, regfile, dram, intmac, fpmac, adder, noc, wire) by class, with technology scaling and
// the source of every number; plus the resolution of explicit values against the library.
#ifndef TESSEL_COST_COMPONENTS_H
#define TESSEL_COST_COMPONENTS_H

#include "tessel/cost/TechScaling.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tessel::cost {

/// The parameters of one component instance. Fields a class does not use are ignored.
struct ComponentSpec {
  /// Class name, e.g. "sram", "regfile", "dram", "intmac", "fpmac", "adder", "noc", "wire".
  std::string cls;
  /// Class argument: the DRAM kind (ddr4, lpddr4, lpddr5, hbm2, hbm3, gddr6) or the number
  /// format of an fpmac/adder (fp8, fp16, bf16, fp32).
  std::string subclass;
  /// Memories: capacity of one instance in bits (ignored by dram).
  double sizeBits = 0;
  /// Memories: bits moved per access (the port/block width).
  double widthBits = 0;
  /// Memories: banks (an access activates one bank) and ports.
  int64_t banks = 1;
  int64_t ports = 1;
  /// intmac/adder: operand bits; noc/wire: bits moved per transfer.
  int64_t bits = 0;
  /// CMOS node in nm; 0 means unset (kDefaultTechnologyNm is assumed and said so).
  double technologyNm = 0;
};

/// One number and where it came from (source and formula, readable in `tessel check`).
struct Figure {
  double value = 0;
  std::string source;
};

/// What one component costs. Units: pJ, um^2, mW.
struct ComponentCosts {
  /// pJ per read access of `widthBits` (memories), per operation (intmac, fpmac, adder), per
  /// transfer of `bits` bits over one hop (noc, wire).
  Figure readEnergy;
  /// pJ per write access of `widthBits` (memories); equal to readEnergy for other classes.
  Figure writeEnergy;
  /// um^2 per instance.
  Figure area;
  /// mW per instance.
  Figure leakage;
};

/// Estimates the costs of `spec` (whose class is the one the model was added under), or returns
/// an error message saying which parameter is impossible. Called only with a technology that
/// passed checkTechnology (already defaulted when unset).
using ComponentModelFn = std::function<std::string(const ComponentSpec &spec, ComponentCosts &out)>;

/// Component models by class name. An object passed around (plugins add to it), never a global.
class ComponentLibrary {
public:
  /// Adds `model` as class `cls`. Returns an error message (and changes nothing) when the name
  /// is empty, already taken or the model is empty; an empty string on success.
  std::string addComponentModel(const std::string &cls, ComponentModelFn model,
                                std::string description = "");

  bool hasClass(const std::string &cls) const { return models.count(cls) != 0; }
  /// Registered class names, sorted.
  std::vector<std::string> classNames() const;
  /// One-line description given at registration ("" for an unknown class).
  std::string description(const std::string &cls) const;

  /// Fills `out` with the costs of `spec` and returns an empty string, or returns an error:
  /// an unknown class (with a did-you-mean suggestion and the known classes), a technology
  /// outside 7-65 nm, or the model's own error (impossible sizes, unknown kinds).
  std::string estimate(const ComponentSpec &spec, ComponentCosts &out) const;

private:
  struct Entry {
    ComponentModelFn model;
    std::string description;
  };
  std::map<std::string, Entry> models;
};

/// Adds the built-in classes sram, regfile, dram, intmac, fpmac, adder, noc and wire.
void registerBuiltinComponents(ComponentLibrary &library);

/// Where a resolved value came from.
enum class Origin { Given, Model };

struct ResolvedFigure {
  double value = 0;
  Origin origin = Origin::Model;
  /// "given" for explicit values; the model's source text otherwise.
  std::string source;
};

/// Resolved costs of one component (same units and meaning as ComponentCosts).
struct ResolvedComponent {
  ResolvedFigure readEnergy, writeEnergy, area, leakage;
};

/// Values written explicitly by the user (pJ, pJ, um^2, mW); they override the library.
struct ComponentOverrides {
  std::optional<double> readEnergy, writeEnergy, area, leakage;
};

/// Resolves every figure: a given value wins, the library supplies the others. The library is
/// consulted only when some value is missing, so a fully specified component needs no known
/// class or supported technology. Returns an error message (empty on success).
std::string resolveComponent(const ComponentLibrary &library, const ComponentSpec &spec,
                             const ComponentOverrides &given, ResolvedComponent &out);

/// Leakage power (mW) as energy per cycle (pJ) at `clockHz` (0 when the clock is unknown).
inline double leakagePerCycle(double milliwatts, double clockHz) {
  return clockHz > 0 ? milliwatts * 1e9 / clockHz : 0;
}

/// "did you mean 'x'?" for the name in `known` closest to `name`, or "" when none is close.
std::string didYouMean(const std::string &name, const std::vector<std::string> &known);

} // namespace tessel::cost

#endif // TESSEL_COST_COMPONENTS_H
