//===- InferShapes.cpp - wl-infer-shapes ----------------------------------===//
// Replaces dynamic result dims by the shapes the ops' shape rules infer, in graph order.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Workload/Transforms/Passes.h"

#include "mlir/IR/AffineMap.h"

namespace tessel::wl {
#define GEN_PASS_DEF_WLINFERSHAPES
#include "tessel/Dialect/Workload/Transforms/Passes.h.inc"
} // namespace tessel::wl

using namespace mlir;
using namespace tessel::wl;

namespace {

/// The output extent of an einsum: one past the largest index of each output map result
/// (only for results that are a single dim or a constant).
std::optional<SmallVector<int64_t>> einsumShape(EinsumOp op) {
  AffineMap out = cast<AffineMapAttr>(op.getMaps()[op.getMaps().size() - 1]).getValue();
  SmallVector<int64_t> shape;
  for (AffineExpr e : out.getResults()) {
    if (auto d = dyn_cast<AffineDimExpr>(e))
      shape.push_back(op.getBounds()[d.getPosition()]);
    else if (auto c = dyn_cast<AffineConstantExpr>(e))
      shape.push_back(c.getValue() + 1);
    else
      return std::nullopt;
  }
  return shape;
}

struct WlInferShapes : tessel::wl::impl::WlInferShapesBase<WlInferShapes> {
  void runOnOperation() override {
    for (Operation &op : getOperation().getBody().front()) {
      if (op.getNumResults() != 1 || isa<InputOp, WeightOp>(op))
        continue;
      auto type = cast<RankedTensorType>(op.getResult(0).getType());
      if (type.hasStaticShape())
        continue;
      std::optional<SmallVector<int64_t>> shape;
      if (auto e = dyn_cast<EinsumOp>(op)) {
        shape = einsumShape(e);
      } else {
        std::string why;
        FailureOr<std::optional<SmallVector<int64_t>>> inferred = inferResultShape(&op, why);
        if (failed(inferred)) {
          op.emitOpError() << why;
          return signalPassFailure();
        }
        shape = *inferred;
      }
      if (!shape)
        continue;
      op.getResult(0).setType(RankedTensorType::get(*shape, type.getElementType()));
    }
  }
};

} // namespace
