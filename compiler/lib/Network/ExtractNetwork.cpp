// Every MAC einsum of a graph -> network::Layer (see ExtractNetwork.h).
#include "tessel/Network/ExtractNetwork.h"

#include "tessel/Extract/Extract.h"

namespace tessel::network {

mlir::FailureOr<std::vector<Layer>> extractNetwork(arch::AcceleratorOp acc, wl::GraphOp graph,
                                                   const cost::ComponentLibrary &library) {
  std::vector<Layer> layers;
  for (mlir::Operation &op : graph.getBody().front()) {
    auto einsum = llvm::dyn_cast<wl::EinsumOp>(op);
    if (!einsum || einsum.getMacs() == 0)
      continue;
    mlir::FailureOr<extract::Extraction> x = extract::extract(acc, einsum, library);
    if (mlir::failed(x))
      return mlir::failure();
    Layer layer;
    if (auto label = op.getAttrOfType<mlir::StringAttr>("label"))
      layer.name = label.str();
    if (auto count = op.getAttrOfType<mlir::IntegerAttr>("count"))
      layer.count = count.getInt();
    if (auto weight = op.getAttrOfType<mlir::FloatAttr>("weight"))
      layer.weight = weight.getValueAsDouble();
    layer.problem = std::move(x->problem);
    layer.arch = std::move(x->arch);
    layer.constraints = std::move(x->constraints);
    layers.push_back(std::move(layer));
  }
  return layers;
}

} // namespace tessel::network
