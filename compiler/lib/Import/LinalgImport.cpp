//===- LinalgImport.cpp - linalg ops -> wl.einsum -------------------------===//
// Every LinalgOp with static loop ranges carries its einsum: indexing maps, iterator
// types and a body that says how operands combine (multiply-add, max, add).
//===----------------------------------------------------------------------===//
#include "tessel/Import/LinalgImport.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Verifier.h"
#include "tessel/Dialect/Workload/IR/Workload.h"

using namespace mlir;
using namespace tessel::wl;

namespace tessel::importer {

void registerLinalgInputDialects(DialectRegistry &registry) {
  registry.insert<func::FuncDialect, arith::ArithDialect, linalg::LinalgDialect,
                  tensor::TensorDialect, affine::AffineDialect, WorkloadDialect>();
}

namespace {

/// How a linalg body combines its operands, or std::nullopt for anything else.
std::optional<CombineKind> classifyBody(Block &body, unsigned usedInputs) {
  bool mul = false, add = false, max = false;
  for (Operation &op : body.without_terminator()) {
    if (isa<arith::MulFOp, arith::MulIOp>(op))
      mul = true;
    else if (isa<arith::AddFOp, arith::AddIOp>(op))
      add = true;
    else if (isa<arith::MaximumFOp, arith::MaxNumFOp, arith::MaxSIOp, arith::MaxUIOp>(op))
      max = true;
    else if (!isa<arith::ExtFOp, arith::ExtSIOp, arith::ExtUIOp, arith::TruncFOp,
                   arith::TruncIOp, arith::SIToFPOp, arith::UIToFPOp>(op))
      return std::nullopt;
  }
  if (mul && add && usedInputs >= 2)
    return CombineKind::Mac;
  if (usedInputs > 1)
    return std::nullopt;
  if (max && !mul && !add)
    return CombineKind::Max;
  if (!mul && !max)
    return CombineKind::Sum;
  return std::nullopt;
}

bool isStructural(Operation *op) {
  return isa<func::FuncOp, func::ReturnOp, tensor::EmptyOp, arith::ConstantOp, linalg::FillOp,
             linalg::YieldOp, ModuleOp>(op);
}

class LinalgImporter {
public:
  LinalgImporter(ModuleOp dest, const LinalgImportOptions &opts, std::vector<std::string> &u)
      : b(dest.getContext()), opts(opts), unsupported(u) {
    b.setInsertionPointToEnd(dest.getBody());
  }

  FailureOr<Operation *> run(ModuleOp src) {
    b.getContext()->getOrLoadDialect<WorkloadDialect>();
    auto graph = b.create<GraphOp>(src.getLoc(), opts.name);
    b.setInsertionPointToEnd(&graph.getBody().emplaceBlock());
    bool failedAny = false;
    src.walk([&](func::FuncOp f) {
      for (BlockArgument a : f.getArguments())
        if (auto t = dyn_cast<RankedTensorType>(a.getType()); t && t.hasStaticShape())
          map[a] = b.create<InputOp>(f.getLoc(), t, fresh(f.getSymName().str() + "_arg" +
                                                          std::to_string(a.getArgNumber())));
      f.walk([&](Operation *op) {
        if (op == f.getOperation() || isStructural(op) ||
            op->getParentOfType<linalg::LinalgOp>())
          return;
        if (failed(convert(op)))
          failedAny = true;
      });
    });
    if (failedAny || failed(verify(graph)))
      return failure();
    return graph.getOperation();
  }

private:
  std::string fresh(std::string base) {
    for (char &c : base)
      if (!std::isalnum(static_cast<unsigned char>(c)))
        c = '_';
    std::string name = base;
    for (int i = 1; !used.insert(name).second; ++i)
      name = base + "_" + std::to_string(i);
    return name;
  }

  /// The wl value for a linalg operand; unknown producers (constants, unsupported ops)
  /// become graph inputs.
  Value get(Value v, Location loc) {
    if (Value m = map.lookup(v))
      return m;
    auto t = dyn_cast<RankedTensorType>(v.getType());
    if (!t || !t.hasStaticShape())
      return {};
    std::string base = "t";
    if (Operation *def = v.getDefiningOp())
      base = def->getName().stripDialect().str();
    Value in = b.create<InputOp>(loc, t, fresh(base));
    map[v] = in;
    return in;
  }

  LogicalResult reject(Operation *op, const std::string &why) {
    unsupported.push_back(op->getName().getStringRef().str());
    if (opts.strict)
      return op->emitError() << "cannot import '" << op->getName() << "': " << why;
    op->emitWarning() << "skipping '" << op->getName() << "': " << why;
    return success();
  }

  LogicalResult convert(Operation *op) {
    auto lop = dyn_cast<linalg::LinalgOp>(op);
    if (!lop)
      return reject(op, "not a linalg operation with indexing maps");
    if (!lop.hasPureTensorSemantics() || lop.getNumDpsInits() != 1)
      return reject(op, "needs tensor semantics and exactly one output");
    SmallVector<int64_t> bounds = lop.getStaticLoopRanges();
    if (llvm::any_of(bounds, ShapedType::isDynamic))
      return reject(op, "loop bounds are not static");
    Block *body = lop.getBlock();
    SmallVector<OpOperand *> inputs;
    for (OpOperand *in : lop.getDpsInputOperands())
      if (!body->getArgument(in->getOperandNumber()).use_empty())
        inputs.push_back(in);
    if (inputs.empty())
      return reject(op, "has no input that the body reads");
    std::optional<CombineKind> combine = classifyBody(*body, inputs.size());
    if (!combine)
      return reject(op, "its body is not a multiply-accumulate, max or sum");
    SmallVector<Value> operands;
    SmallVector<Attribute> maps;
    for (OpOperand *in : inputs) {
      Value v = get(in->get(), op->getLoc());
      if (!v)
        return reject(op, "an input is not a static ranked tensor");
      operands.push_back(v);
      maps.push_back(AffineMapAttr::get(lop.getMatchingIndexingMap(in)));
    }
    OpOperand *init = lop.getDpsInitOperand(0);
    maps.push_back(AffineMapAttr::get(lop.getMatchingIndexingMap(init)));
    SmallVector<StringRef> dims, reduce;
    SmallVector<std::string> names;
    for (size_t i = 0; i < bounds.size(); ++i)
      names.push_back("d" + std::to_string(i));
    SmallVector<utils::IteratorType> iters = lop.getIteratorTypesArray();
    for (size_t i = 0; i < bounds.size(); ++i) {
      dims.push_back(names[i]);
      if (iters[i] == utils::IteratorType::reduction)
        reduce.push_back(names[i]);
    }
    int64_t macs = 0;
    if (*combine == CombineKind::Mac) {
      macs = 1;
      for (int64_t bnd : bounds)
        macs *= bnd;
    }
    std::string label = fresh(op->getName().stripDialect().str());
    auto e = b.create<EinsumOp>(op->getLoc(), op->getResult(0).getType(), label, operands,
                                b.getStrArrayAttr(dims), b.getDenseI64ArrayAttr(bounds),
                                b.getStrArrayAttr(reduce), b.getArrayAttr(maps), *combine, macs,
                                IntegerAttr());
    map[op->getResult(0)] = e.getResult();
    return success();
  }

  OpBuilder b;
  const LinalgImportOptions &opts;
  std::vector<std::string> &unsupported;
  DenseMap<Value, Value> map;
  std::set<std::string> used;
};

} // namespace

FailureOr<Operation *> importLinalg(ModuleOp src, ModuleOp dest,
                                    const LinalgImportOptions &options,
                                    std::vector<std::string> &unsupported) {
  return LinalgImporter(dest, options, unsupported).run(src);
}

} // namespace tessel::importer
