// The cost-model registry and the built-in models' registration.
#include "tessel/cost/Registry.h"

#include "tessel/cost/Analytical.h"
#include "tessel/cost/Oracle.h"
#include "tessel/cost/Roofline.h"
#include "tessel/cost/Systolic.h"

namespace tessel::cost {

std::string Registry::addCostModel(const std::string &name, CostModelFactory factory) {
  if (name.empty())
    return "cost model name is empty";
  if (!factory)
    return "cost model '" + name + "' has no factory";
  if (!factories.emplace(name, std::move(factory)).second)
    return "cost model '" + name + "' is already registered";
  return {};
}

std::unique_ptr<CostModel> Registry::createCostModel(const std::string &name,
                                                     const Problem &problem, const Arch &arch,
                                                     std::string *error) const {
  auto it = factories.find(name);
  if (it == factories.end()) {
    if (error) {
      *error = "unknown cost model '" + name + "' (known:";
      for (const std::string &known : costModelNames())
        *error += " " + known;
      *error += ")";
    }
    return nullptr;
  }
  return it->second(problem, arch);
}

std::vector<std::string> Registry::costModelNames() const {
  std::vector<std::string> names;
  for (const auto &entry : factories)
    names.push_back(entry.first);
  return names;
}

void registerBuiltinCostModels(Registry &registry) {
  // The exact models under each counting convention: "analytical", "analytical(timeloop)", ...
  for (Convention convention : {Convention::Tessel, Convention::Timeloop}) {
    registry.addCostModel(conventionModelName("analytical", convention),
                          [convention](const Problem &problem, const Arch &arch) {
                            return std::make_unique<AnalyticalModel>(problem, arch, convention);
                          });
    registry.addCostModel(conventionModelName("oracle", convention),
                          [convention](const Problem &problem, const Arch &arch) {
                            return std::make_unique<OracleModel>(problem, arch, convention);
                          });
  }
  registry.addCostModel("roofline", [](const Problem &problem, const Arch &arch) {
    return std::make_unique<RooflineModel>(problem, arch);
  });
  // `model systolic;` is weight-stationary (TPU-style); the variants name the dataflow.
  const std::pair<const char *, SystolicDataflow> systolic[] = {
      {"systolic", SystolicDataflow::WeightStationary},
      {"systolic(ws)", SystolicDataflow::WeightStationary},
      {"systolic(os)", SystolicDataflow::OutputStationary},
      {"systolic(is)", SystolicDataflow::InputStationary}};
  for (const auto &[name, flow] : systolic)
    registry.addCostModel(name, [flow, name](const Problem &problem, const Arch &arch) {
      return std::make_unique<SystolicModel>(problem, arch, flow, name);
    });
}

} // namespace tessel::cost
