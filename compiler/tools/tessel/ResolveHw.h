// Resolution of a checked .hw's per-access energies, areas and leakage against the component
// library: values written in the file win, the library supplies the rest (with its sources).
#ifndef TESSEL_TOOLS_RESOLVEHW_H
#define TESSEL_TOOLS_RESOLVEHW_H

#include "tessel/cost/Components.h"
#include "tessel/dsl/HwModel.h"

#include <string>
#include <vector>

namespace tessel::cli {

/// One resolved component of an accelerator: a memory level, a compute unit or an array's
/// network. For compute units readEnergy is the energy per MAC; for networks the energy of
/// moving one word over one hop. Figures a component does not have are marked by `has*`.
struct ResolvedPart {
  enum class Kind { Memory, Compute, Network } kind = Kind::Memory;
  std::string name;
  std::string cls; ///< e.g. "sram", "dram(lpddr4)", "intmac 16-bit", "noc 16-bit"
  dsl::SourceRange loc;
  cost::ResolvedComponent costs;
  bool hasWrite = true, hasArea = true, hasLeakage = true;
  /// Why the library could not supply the missing figures ("" when all are resolved).
  std::string error;
};

struct ResolvedHw {
  std::string name;
  dsl::SourceRange loc;
  /// The node the library evaluated at (the file's technology, or the default when unset).
  double technologyNm = 0;
  bool technologyDefaulted = false;
  /// Why the library cannot work at this node ("" when it can).
  std::string technologyError;
  std::vector<ResolvedPart> parts;
};

/// The component spec of a memory level / compute unit / array network of `m`.
cost::ComponentSpec memorySpec(const dsl::HwModel &m, const dsl::MemoryLevel &level);
cost::ComponentSpec computeSpec(const dsl::HwModel &m, const dsl::ComputeUnit &unit);
cost::ComponentSpec networkSpec(const dsl::HwModel &m);

/// Resolves every memory level, compute unit and array network (arrays of one instance have no
/// network and are skipped) of `m`.
ResolvedHw resolveHw(const dsl::HwModel &m, const cost::ComponentLibrary &library);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_RESOLVEHW_H
