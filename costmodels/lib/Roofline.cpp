// Roofline model: every element crosses every keeper boundary once; a lower bound of the others.
#include "tessel/cost/Roofline.h"

#include "Finalize.h"

namespace tessel::cost {

RooflineModel::RooflineModel(Problem problem, Arch arch)
    : prob(std::move(problem)), hw(std::move(arch)) {
  if (validateProblem(prob).empty())
    for (size_t t = 0; t < prob.tensors.size(); ++t)
      elements.push_back(prob.tensorElements(static_cast<int>(t)));
}

void RooflineModel::evaluate(const Mapping &mapping, CostReport &report) const {
  LoopNest nest;
  evaluateFlows(prob, hw, mapping, nest, report, [&](int tensor, int, int) {
    // Each element enters the child side once, from zero for the output (no read-back), and
    // leaves it once; networks merge everything else.
    FlowCounts c;
    c.entries = c.firstEntries = c.leaves = elements[tensor];
    c.groupEntries = c.groupFirst = c.groupLeaves = elements[tensor];
    return c;
  });
}

} // namespace tessel::cost
