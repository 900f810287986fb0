// The systolic-array model in SCALE-Sim v2's first-order form (refdata 5.2, docs/model.md).
#include "tessel/cost/Systolic.h"

#include "Finalize.h"

namespace tessel::cost {

namespace {

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

bool indexes(const Tensor &t, size_t dim) {
  for (const std::vector<int64_t> &index : t.projection)
    if (dim < index.size() && index[dim] != 0)
      return true;
  return false;
}

/// Input tensors in einsum order (ifmap, filter).
std::vector<int> inputTensors(const Problem &problem) {
  std::vector<int> inputs;
  for (size_t t = 0; t < problem.tensors.size(); ++t)
    if (!problem.tensors[t].isOutput)
      inputs.push_back(static_cast<int>(t));
  return inputs;
}

} // namespace

const char *dataflowName(SystolicDataflow dataflow) {
  switch (dataflow) {
  case SystolicDataflow::WeightStationary:
    return "ws";
  case SystolicDataflow::OutputStationary:
    return "os";
  case SystolicDataflow::InputStationary:
    return "is";
  }
  return "?";
}

std::string systolicShape(const Problem &problem, SystolicShape &shape) {
  if (std::vector<std::string> errors = validateProblem(problem); !errors.empty())
    return errors.front();
  std::vector<int> inputs = inputTensors(problem);
  if (inputs.size() != 2 || problem.outputTensor() < 0)
    return "the systolic model needs an einsum with two input tensors (ifmap, filter) and one "
           "output; '" + problem.name + "' has " + std::to_string(inputs.size()) + " inputs";
  const Tensor &out = problem.tensors[problem.outputTensor()];
  const Tensor &ifmap = problem.tensors[inputs[0]], &filter = problem.tensors[inputs[1]];
  shape = SystolicShape();
  for (size_t d = 0; d < problem.dims.size(); ++d) {
    const Dim &dim = problem.dims[d];
    if (dim.bound == 1)
      continue;
    bool o = indexes(out, d), a = indexes(ifmap, d), b = indexes(filter, d);
    if (o && a && b)
      shape.groups *= dim.bound;
    else if (o && a)
      shape.pixels *= dim.bound;
    else if (o && b)
      shape.filters *= dim.bound;
    else if (a && b)
      shape.window *= dim.bound;
    else
      return "dim '" + dim.name + "' indexes only " +
             (o ? out.name : a ? ifmap.name : filter.name) +
             "; the systolic model needs every dim to index two or three of the tensors";
  }
  return {};
}

SystolicStats systolicStats(const SystolicShape &shape, int64_t rows, int64_t cols,
                            SystolicDataflow dataflow, bool matchScaleSimQuirks) {
  SystolicStats s;
  s.rows = rows;
  s.cols = cols;
  bool os = dataflow == SystolicDataflow::OutputStationary;
  switch (dataflow) {
  case SystolicDataflow::OutputStationary:
    s.spatialRows = shape.pixels, s.spatialCols = shape.filters, s.temporal = shape.window;
    break;
  case SystolicDataflow::WeightStationary:
    s.spatialRows = shape.window, s.spatialCols = shape.filters, s.temporal = shape.pixels;
    break;
  case SystolicDataflow::InputStationary:
    s.spatialRows = shape.window, s.spatialCols = shape.pixels, s.temporal = shape.filters;
    break;
  }
  const int64_t sr = s.spatialRows, sc = s.spatialCols, t = s.temporal, g = shape.groups;
  s.rowFolds = ceilDiv(sr, rows);
  s.colFolds = ceilDiv(sc, cols);
  const int64_t folds = s.rowFolds * s.colFolds;
  // WS/IS load the stationary operand first (R_a lines); all skew in and drain out.
  s.linesPerFold = os ? rows + cols + t - 2 : 2 * rows + cols + t - 2;
  s.cycles = g * folds * s.linesPerFold - 1;
  // The utilisation denominator: OS counts its own lines, WS/IS the stationary operand's
  // demand lines plus C_a - 1.
  int64_t utilLines = os ? s.linesPerFold : 2 * rows + 2 * cols + t - 3;
  double pes = static_cast<double>(folds) * static_cast<double>(rows * cols);
  s.mappingEfficiency = static_cast<double>(sr) * static_cast<double>(sc) / pes;
  s.computeUtilization = s.mappingEfficiency * static_cast<double>(t) /
                         static_cast<double>(utilLines);
  switch (dataflow) {
  case SystolicDataflow::WeightStationary:
    s.ifmapReads = t * sr * s.colFolds, s.filterReads = sr * sc, s.ofmapWrites = t * sc * s.rowFolds;
    break;
  case SystolicDataflow::OutputStationary:
    s.ifmapReads = sr * t * s.colFolds, s.filterReads = t * sc * s.rowFolds, s.ofmapWrites = sr * sc;
    if (matchScaleSimQuirks)
      s.ofmapWrites += folds * (rows + cols);
    break;
  case SystolicDataflow::InputStationary:
    s.ifmapReads = sr * sc, s.filterReads = t * sr * s.colFolds, s.ofmapWrites = t * sc * s.rowFolds;
    break;
  }
  s.ifmapReads *= g, s.filterReads *= g, s.ofmapWrites *= g;
  return s;
}

SystolicModel::SystolicModel(Problem problem, Arch arch, SystolicDataflow dataflow,
                             std::string registeredName)
    : prob(std::move(problem)), hw(std::move(arch)), flow(dataflow),
      modelName(registeredName.empty() ? std::string("systolic(") + dataflowName(dataflow) + ")"
                                       : std::move(registeredName)) {
  SystolicShape shape;
  err = systolicShape(prob, shape);
  if (err.empty())
    if (std::vector<std::string> errors = validateArch(hw, prob); !errors.empty())
      err = errors.front();
  if (!err.empty())
    return;
  // The array is the one fan-out wider than 1 x 1 (the innermost fan-out when all are 1 x 1).
  arrayLevel = hw.fanOuts.size() - 1;
  int arrays = 0;
  for (size_t i = 0; i < hw.fanOuts.size(); ++i)
    if (hw.fanOuts[i].x * hw.fanOuts[i].y != 1) {
      if (arrays++)
        err = "the systolic model needs a single array, but the fan-outs below '" +
              hw.levels[arrayLevel].name + "' and '" + hw.levels[i].name + "' are both wider "
              "than 1 x 1";
      arrayLevel = i;
    }
  if (!err.empty())
    return;
  const FanOut &array = hw.fanOuts[arrayLevel];
  st = systolicStats(shape, array.y, array.x, flow);
}

void SystolicModel::evaluate(const Mapping &, CostReport &report) const {
  if (!err.empty()) {
    report.valid = false;
    report.violations = {err};
    return;
  }
  resetReport(prob, hw, report);
  report.macs = prob.macs();
  report.computeCycles = st.cycles;
  const int numLevels = static_cast<int>(hw.levels.size());
  const int array = static_cast<int>(arrayLevel);
  // Levels inside the array are PE-local: one instance per PE.
  for (int l = array + 1; l < numLevels; ++l)
    report.activeInstances[l] = st.rows * st.cols;
  std::vector<int> inputs = inputTensors(prob);
  for (int t = 0; t < static_cast<int>(prob.tensors.size()); ++t) {
    const bool isOutput = prob.tensors[t].isOutput;
    const int64_t elements = prob.tensorElements(t);
    const int64_t arrayTraffic =
        isOutput ? st.ofmapWrites : t == inputs[0] ? st.ifmapReads : st.filterReads;
    int parent = 0;
    for (int child = 1; child <= numLevels; ++child) {
      if (child < numLevels && !(hw.levels[child].keepMask >> t & 1))
        continue;
      // Outside the array every element moves once (SRAMs hold their operands); across the
      // array edge and between PE-local levels moves SCALE-Sim's SRAM traffic; a PE-local
      // level serves its MAC once per MAC.
      int64_t moved = child <= array                       ? elements
                      : parent > array && child == numLevels ? report.macs
                                                             : arrayTraffic;
      FlowCounts c;
      if (child <= array) {
        c.entries = c.firstEntries = c.groupEntries = c.groupFirst = moved;
        c.leaves = c.groupLeaves = moved;
      } else if (!isOutput) {
        c.entries = c.groupEntries = moved;
      } else {
        // SCALE-Sim bills output writes only: no read-back of partial sums.
        c.leaves = c.groupLeaves = moved;
      }
      accumulateFlow(report, isOutput, t, parent, child, numLevels, c);
      parent = child;
    }
  }
  finalizeReport(prob, hw, report);
}

} // namespace tessel::cost
