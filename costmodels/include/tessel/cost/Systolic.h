// The systolic-array model: SCALE-Sim's first-order fold-based cycles, utilisation and SRAM
// traffic for weight-, output- and input-stationary arrays (docs/model.md, "Systolic").
#ifndef TESSEL_COST_SYSTOLIC_H
#define TESSEL_COST_SYSTOLIC_H

#include "tessel/cost/CostModel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tessel::cost {

enum class SystolicDataflow { WeightStationary, OutputStationary, InputStationary };

/// "ws", "os" or "is".
const char *dataflowName(SystolicDataflow dataflow);

/// The einsum as SCALE-Sim's operand matrices see it. The first input tensor is the ifmap,
/// the second the filter. Pixel dims index the output and the ifmap (batch included), filter
/// dims the output and the filter, window dims both operands but not the output; group dims
/// index all three and repeat the whole GEMM.
struct SystolicShape {
  int64_t pixels = 1, filters = 1, window = 1, groups = 1;
};

/// Everything the SCALE-Sim closed forms give for one layer on an R_a x C_a array.
struct SystolicStats {
  int64_t rows = 0, cols = 0;          ///< R_a, C_a
  int64_t spatialRows = 0;             ///< S_R
  int64_t spatialCols = 0;             ///< S_C
  int64_t temporal = 0;                ///< T
  int64_t rowFolds = 0, colFolds = 0;  ///< F_r, F_c
  int64_t linesPerFold = 0;            ///< L
  /// groups * F_r * F_c * L - 1 (SCALE-Sim reports the index of the last demand line).
  int64_t cycles = 0;
  /// Mean over folds of used PEs / (R_a * C_a).
  double mappingEfficiency = 0;
  /// Mean over folds of used * T / (R_a * C_a * L'), SCALE-Sim's compute utilisation.
  double computeUtilization = 0;
  /// SRAM reads of each operand into the array and writes of outputs out of it (all groups).
  int64_t ifmapReads = 0, filterReads = 0, ofmapWrites = 0;
};

/// The shape of `problem` in SCALE-Sim's terms, or an error message.
std::string systolicShape(const Problem &problem, SystolicShape &shape);

/// The closed forms for `shape` on a `rows` x `cols` array. With `matchScaleSimQuirks` the OS
/// ofmap writes include the R_a + C_a per fold that SCALE-Sim's code adds.
SystolicStats systolicStats(const SystolicShape &shape, int64_t rows, int64_t cols,
                            SystolicDataflow dataflow, bool matchScaleSimQuirks = true);

/// Evaluates any mapping of the Problem by the dataflow's fixed schedule (the mapping is not
/// used): the array is the Arch's only fan-out wider than 1 x 1 (R_a = y, C_a = x); levels
/// below it are PE-local (one instance per PE). The innermost keeper of each tensor outside the
/// array feeds the array with SCALE-Sim's SRAM traffic, outer keepers move each element once,
/// and a PE-local keeper serves its MAC once per MAC.
class SystolicModel : public CostModel {
public:
  /// `registeredName` is what name() returns; empty means "systolic(ws)" etc.
  SystolicModel(Problem problem, Arch arch, SystolicDataflow dataflow,
                std::string registeredName = "");

  std::string name() const override { return modelName; }
  using CostModel::evaluate;
  void evaluate(const Mapping &mapping, CostReport &report) const override;

  /// The closed-form figures (empty `error()` means valid).
  const SystolicStats &stats() const { return st; }
  const std::string &error() const { return err; }

private:
  Problem prob;
  Arch hw;
  SystolicDataflow flow;
  std::string modelName;
  size_t arrayLevel = 0; ///< index of the level above the array's fan-out
  SystolicStats st;
  std::string err;
};

} // namespace tessel::cost

#endif // TESSEL_COST_SYSTOLIC_H
