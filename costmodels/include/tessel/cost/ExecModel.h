// ExecCostModel: a cost model implemented by an external program speaking JSON lines.
//
// `--cost-model exec:COMMAND` runs COMMAND once (on the first evaluation) and keeps it running;
// each evaluation writes one request line (problem, arch, mapping) to its stdin and reads one
// answer line from its stdout. The protocol and its schema are in docs/plugins.md.
#ifndef TESSEL_COST_EXECMODEL_H
#define TESSEL_COST_EXECMODEL_H

#include "tessel/cost/CostModel.h"
#include "tessel/cost/Registry.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace tessel::cost {

/// The protocol version requests carry; answers must carry the same.
constexpr int kExecProtocolVersion = 1;

/// The name prefix that selects the exec adapter: "exec:COMMAND".
inline constexpr const char *kExecPrefix = "exec:";

struct ExecOptions {
  /// Seconds the program has to answer one evaluation (the first includes its start-up).
  double timeoutSeconds = 30;
};

class ChildProcess;

/// Evaluates mappings by asking an external program. Mappings that checkMapping rejects are
/// reported without asking. When the program fails (cannot start, exits, hangs past the timeout,
/// answers malformed JSON, a wrong version or an answer that does not fit the problem) the
/// report is invalid with one violation that says so, the program is stopped and reaped, and the
/// next evaluation starts it again. Thread-safe: evaluations are serialised.
class ExecCostModel : public CostModel {
public:
  ExecCostModel(std::string command, Problem problem, Arch arch, ExecOptions options = {});
  ~ExecCostModel() override;

  /// "exec:COMMAND".
  std::string name() const override;
  void evaluate(const Mapping &mapping, CostReport &report) const override;
  using CostModel::evaluate;

  /// evaluate() that also returns the program's failure ("" when the program answered, whether
  /// or not the mapping was valid).
  std::string evaluateOrError(const Mapping &mapping, CostReport &report) const override;

  /// Process id of the running program, or -1 when none runs (for tests of process cleanup).
  int processId() const;

private:
  std::string ask(const Mapping &mapping, CostReport &report) const;

  std::string command;
  Problem prob;
  Arch hw;
  ExecOptions options;
  mutable std::mutex mutex;
  mutable std::unique_ptr<ChildProcess> child;
  mutable int64_t requests = 0;
};

/// Registers the exec model `name` ("exec:COMMAND") in `registry`; returns an error message when
/// `name` does not start with "exec:", has an empty command or is already registered.
std::string addExecCostModel(Registry &registry, const std::string &name,
                             ExecOptions options = {});

} // namespace tessel::cost

#endif // TESSEL_COST_EXECMODEL_H
