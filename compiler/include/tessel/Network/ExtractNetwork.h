// The MLIR half of whole-workload mapping: every MAC einsum of a lowered wl.graph, extracted
// for one bound accelerator into the plain Layer structs mapNetwork takes.
#ifndef TESSEL_NETWORK_EXTRACTNETWORK_H
#define TESSEL_NETWORK_EXTRACTNETWORK_H

#include "tessel/Dialect/Arch/IR/Arch.h"
#include "tessel/Dialect/Workload/IR/Workload.h"
#include "tessel/Network/MapNetwork.h"
#include "tessel/cost/Components.h"

#include <vector>

namespace tessel::network {

/// One Layer per `wl.einsum` of `graph` with MACs, in program order (named by its label,
/// counted by its `count` attribute). `graph` must be lowered (wl-lower-to-einsum) and `acc`
/// bound (arch-bind-params). Fails after emitting a located diagnostic at the first op that
/// cannot be extracted.
mlir::FailureOr<std::vector<Layer>> extractNetwork(arch::AcceleratorOp acc, wl::GraphOp graph,
                                                   const cost::ComponentLibrary &library);

} // namespace tessel::network

#endif // TESSEL_NETWORK_EXTRACTNETWORK_H
