// Registry: name -> factory of cost models; an object passed around, never a global.
#ifndef TESSEL_COST_REGISTRY_H
#define TESSEL_COST_REGISTRY_H

#include "tessel/cost/CostModel.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tessel::cost {

/// Builds a cost model for one problem on one arch.
using CostModelFactory =
    std::function<std::unique_ptr<CostModel>(const Problem &problem, const Arch &arch)>;

/// Cost models by name. Plugins and the driver add to one Registry object they are given.
class Registry {
public:
  /// Registers `factory` as `name`. Returns an error message (and changes nothing) when the name
  /// is empty, already taken or the factory is empty; an empty string on success.
  std::string addCostModel(const std::string &name, CostModelFactory factory);

  /// Builds the model `name` for `problem` on `arch`, or returns nullptr and sets `error`
  /// (listing the known names) when there is no such model.
  std::unique_ptr<CostModel> createCostModel(const std::string &name, const Problem &problem,
                                             const Arch &arch, std::string *error = nullptr) const;

  /// Registered names, sorted.
  std::vector<std::string> costModelNames() const;

private:
  std::map<std::string, CostModelFactory> factories;
};

/// Registers the built-in models "analytical", "oracle", "roofline" and "systolic" (also
/// "systolic(ws)", "systolic(os)", "systolic(is)"), and the exact models under the Timeloop
/// convention, "analytical(timeloop)" and "oracle(timeloop)" (see Convention.h).
void registerBuiltinCostModels(Registry &registry);

} // namespace tessel::cost

#endif // TESSEL_COST_REGISTRY_H
