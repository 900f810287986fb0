// Checks a given mapping against the extracted MapConstraints, with the search's own rules for
// loop orders and stationary tensors (tessel::search::Mapspace).
#include "EvalConstraints.h"

#include "tessel/Search/Mapspace.h"

namespace tessel::cli {

namespace {

std::string dimList(const cost::Problem &p, cost::DimMask mask) {
  std::string out;
  for (size_t d = 0; d < p.dims.size(); ++d)
    if (mask >> d & 1)
      out += (out.empty() ? "" : ", ") + p.dims[d].name;
  return out.empty() ? "none" : out;
}

std::string tensorList(const cost::Problem &p, cost::TensorMask mask) {
  std::string out;
  for (size_t t = 0; t < p.tensors.size(); ++t)
    if (mask >> t & 1)
      out += (out.empty() ? "'" : ", '") + p.tensors[t].name + "'";
  return out;
}

} // namespace

std::vector<std::string> constraintViolations(const EvalInputs &in, const cost::Mapping &mapping,
                                              std::vector<std::string> &notes) {
  std::vector<std::string> violations;
  const cost::Problem &p = in.problem;
  const cost::Arch &a = in.arch;
  const cost::MapConstraints &c = in.constraints;
  if (c.levels.size() != a.levels.size() || mapping.levels.size() != a.levels.size())
    return violations; // checkMapping reports a level count mismatch
  for (size_t l = 0; l < a.levels.size(); ++l) {
    const cost::LevelConstraints &lc = c.levels[l];
    const std::string &name = a.levels[l].name;
    for (const cost::SpatialLoop &s : mapping.levels[l].spatial) {
      bool x = s.axis == cost::Axis::X;
      cost::DimMask allowed = x ? lc.spatialX : lc.spatialY;
      if (s.factor > 1 && s.dim >= 0 && !(allowed >> s.dim & 1))
        violations.push_back("level '" + name + "' unrolls dim '" + p.dims[s.dim].name +
                             "' on " + (x ? "x" : "y") + " below it; the .hw allows " +
                             dimList(p, allowed) + " there");
    }
    cost::TensorMask kept = cost::keptTensors(a, mapping, l);
    if (cost::TensorMask missing = lc.keep & ~kept)
      violations.push_back("level '" + name + "' must keep " + tensorList(p, missing) +
                           " (a .hw keep constraint)");
    if (cost::TensorMask extra = lc.bypass & kept)
      violations.push_back("level '" + name + "' must bypass " + tensorList(p, extra) +
                           " (a .hw bypass constraint)");
  }
  bool ordered = c.stationary != 0;
  for (const cost::LevelConstraints &lc : c.levels)
    ordered |= !lc.order.empty();
  if (!ordered)
    return violations;
  std::vector<std::string> errors;
  std::unique_ptr<search::Mapspace> space = search::Mapspace::create(p, a, c, errors);
  std::optional<search::Point> point;
  if (space)
    point = space->pointOf(mapping);
  if (!point) {
    notes.push_back("the .hw's loop-order and stationary constraints were not checked: " +
                    (errors.empty() ? std::string("the mapping has several temporal loops over "
                                                  "one dim at a level")
                                    : errors.front()));
    return violations;
  }
  space->meetsOrderConstraints(*point, &violations);
  return violations;
}

} // namespace tessel::cli
