//===- WlWriter.cpp - wl.graph of einsums -> .wl text ---------------------===//
// Declares graph inputs and weights as tensors and prints each wl.einsum in the DSL's
// generic syntax `label: Out[i, j] += A[i, k] * B[k, j] for i < M, j < N, k < K;`.
//===----------------------------------------------------------------------===//
#include "tessel/Import/LinalgImport.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/AffineMap.h"
#include "tessel/Dialect/Workload/IR/Workload.h"

using namespace mlir;
using namespace tessel::wl;

namespace tessel::importer {
namespace {

std::string exprText(AffineExpr e) {
  std::string s;
  llvm::raw_string_ostream os(s);
  e.print(os);
  return s;
}

/// `coef[d] * d + constant`, when `e` has that form.
bool linearize(AffineExpr e, SmallVectorImpl<int64_t> &coef, int64_t &constant, int64_t scale) {
  if (auto c = dyn_cast<AffineConstantExpr>(e)) {
    constant += scale * c.getValue();
    return true;
  }
  if (auto d = dyn_cast<AffineDimExpr>(e)) {
    coef[d.getPosition()] += scale;
    return true;
  }
  auto bin = dyn_cast<AffineBinaryOpExpr>(e);
  if (!bin)
    return false;
  if (e.getKind() == AffineExprKind::Add)
    return linearize(bin.getLHS(), coef, constant, scale) &&
           linearize(bin.getRHS(), coef, constant, scale);
  if (e.getKind() == AffineExprKind::Mul)
    if (auto c = dyn_cast<AffineConstantExpr>(bin.getRHS()))
      return linearize(bin.getLHS(), coef, constant, scale * c.getValue());
  return false;
}

FailureOr<std::string> indexText(Operation *op, AffineExpr e, ArrayRef<std::string> dims) {
  SmallVector<int64_t> coef(dims.size(), 0);
  int64_t constant = 0;
  if (!linearize(e, coef, constant, 1) || llvm::any_of(coef, [](int64_t c) { return c < 0; }))
    return op->emitError() << "index " << exprText(e)
                           << " is not a non-negative combination of dims plus a constant";
  std::string s;
  for (size_t d = 0; d < dims.size(); ++d) {
    if (!coef[d])
      continue;
    s += s.empty() ? "" : " + ";
    s += (coef[d] == 1 ? "" : std::to_string(coef[d]) + "*") + dims[d];
  }
  if (s.empty())
    return std::to_string(constant);
  if (constant)
    s += (constant > 0 ? " + " : " - ") + std::to_string(std::abs(constant));
  return s;
}

FailureOr<std::string> dtypeOf(Operation *op, Type t) {
  Type e = cast<RankedTensorType>(t).getElementType();
  if (e.isInteger(4) || e.isInteger(8) || e.isInteger(16) || e.isInteger(32))
    return "int" + std::to_string(e.getIntOrFloatBitWidth());
  if (e.isF16())
    return std::string("fp16");
  if (e.isBF16())
    return std::string("bf16");
  if (e.isF32())
    return std::string("fp32");
  if (e.isFloat8E4M3FN())
    return std::string("fp8");
  return op->emitError() << "element type " << e << " has no .wl datatype";
}

} // namespace

LogicalResult writeWl(Operation *graphOp, llvm::raw_ostream &os) {
  auto graph = cast<GraphOp>(graphOp);
  DenseMap<Value, std::string> names;
  std::string body;
  llvm::raw_string_ostream bs(body);
  for (Operation &op : graph.getBody().front()) {
    if (isa<InputOp, WeightOp>(op)) {
      auto t = cast<RankedTensorType>(op.getResult(0).getType());
      FailureOr<std::string> dt = dtypeOf(&op, t);
      if (failed(dt))
        return failure();
      std::string name = op.getAttrOfType<StringAttr>("label").getValue().str();
      names[op.getResult(0)] = name;
      bs << "  tensor " << name << "[";
      llvm::interleaveComma(t.getShape(), bs);
      bs << "] " << *dt << ";\n";
      continue;
    }
    auto e = dyn_cast<EinsumOp>(op);
    if (!e)
      return op.emitError() << "only wl.input, wl.weight and wl.einsum can be written as .wl";
    if (e.getCombine() == CombineKind::Add)
      return e.emitError() << "an 'add' einsum has no .wl form (generic einsums are products)";
    SmallVector<std::string> dims(e.getDims().getAsValueRange<StringAttr>());
    std::string out = e.getLabel().str() + "_out";
    names[e.getResult()] = out;
    auto maps = e.getMaps().getValue();
    AffineMap outMap = cast<AffineMapAttr>(maps.back()).getValue();
    bs << "  " << e.getLabel() << ": " << out << "[";
    for (auto [i, r] : llvm::enumerate(outMap.getResults())) {
      auto d = dyn_cast<AffineDimExpr>(r);
      if (!d)
        return e.emitError() << "output index " << exprText(r) << " is not a single dim";
      bs << (i ? ", " : "") << dims[d.getPosition()];
    }
    bool accumulate = !e.getReduce().empty() || e.getCombine() == CombineKind::Mac;
    bs << "] " << (accumulate ? "+=" : "=") << " ";
    for (auto [i, in] : llvm::enumerate(e.getInputs())) {
      bs << (i ? " * " : "") << names.lookup(in) << "[";
      AffineMap m = cast<AffineMapAttr>(maps[i]).getValue();
      for (auto [k, r] : llvm::enumerate(m.getResults())) {
        FailureOr<std::string> t = indexText(e, r, dims);
        if (failed(t))
          return failure();
        bs << (k ? ", " : "") << *t;
      }
      bs << "]";
    }
    bs << " for ";
    for (auto [i, bound] : llvm::enumerate(e.getBounds()))
      bs << (i ? ", " : "") << dims[i] << " < " << bound;
    bs << ";\n";
  }
  os << "// Imported by `tessel import`: one generic einsum per linalg operation.\n"
     << "workload " << graph.getSymName() << " {\n"
     << bs.str() << "}\n";
  return success();
}

} // namespace tessel::importer
