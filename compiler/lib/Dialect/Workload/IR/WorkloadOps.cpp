//===- WorkloadOps.cpp - wl dialect operations ----------------------------===//
// Verifiers of the graph, its sources and the named operators; the reshape folder.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Workload/IR/Workload.h"

#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace tessel::wl;

#define GET_OP_CLASSES
#include "tessel/Dialect/Workload/IR/WorkloadOps.cpp.inc"

LogicalResult GraphOp::verify() {
  llvm::StringSet<> labels;
  for (Operation &op : getBody().front()) {
    if (op.getDialect() != (*this)->getDialect())
      return op.emitOpError() << "is not a wl operation; only wl ops may appear in a graph";
    auto label = op.getAttrOfType<StringAttr>("label");
    if (label && !labels.insert(label.getValue()).second)
      return op.emitOpError() << "redefines the label '" << label.getValue() << "'";
  }
  return success();
}

namespace {
LogicalResult verifySource(Operation *op) {
  if (op->getAttrOfType<StringAttr>("label").getValue().empty())
    return op->emitOpError() << "needs a non-empty label";
  if (!cast<RankedTensorType>(op->getResult(0).getType()).hasStaticShape())
    return op->emitOpError() << "needs a static shape";
  return success();
}
} // namespace

LogicalResult InputOp::verify() { return verifySource(*this); }
LogicalResult WeightOp::verify() { return verifySource(*this); }
LogicalResult Conv2DOp::verify() { return verifyResultShape(*this); }
LogicalResult DepthwiseConv2DOp::verify() { return verifyResultShape(*this); }
LogicalResult MatmulOp::verify() { return verifyResultShape(*this); }
LogicalResult BatchMatmulOp::verify() { return verifyResultShape(*this); }
LogicalResult AttentionOp::verify() { return verifyResultShape(*this); }
LogicalResult UnaryOp::verify() { return verifyResultShape(*this); }
LogicalResult BinaryOp::verify() { return verifyResultShape(*this); }
LogicalResult SoftmaxOp::verify() { return verifyResultShape(*this); }
LogicalResult PoolOp::verify() { return verifyResultShape(*this); }
LogicalResult GlobalAvgPoolOp::verify() { return verifyResultShape(*this); }
LogicalResult EmbeddingBagOp::verify() { return verifyResultShape(*this); }
LogicalResult FlattenOp::verify() { return verifyResultShape(*this); }
LogicalResult ReshapeOp::verify() { return verifyResultShape(*this); }
LogicalResult ConcatOp::verify() { return verifyResultShape(*this); }
LogicalResult NormOp::verify() { return verifyResultShape(*this); }
LogicalResult SliceOp::verify() { return verifyResultShape(*this); }

OpFoldResult UnaryOp::fold(FoldAdaptor) {
  // `identity` with an unchanged type is a no-op.
  if (getKind() == UnaryKind::Identity && getInput().getType() == getResult().getType())
    return getInput();
  return {};
}

OpFoldResult ReshapeOp::fold(FoldAdaptor) {
  // A reshape to the input's own type is the identity.
  if (getInput().getType() == getResult().getType())
    return getInput();
  return {};
}
