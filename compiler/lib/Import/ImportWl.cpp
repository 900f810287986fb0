//===- ImportWl.cpp - dsl::WlModel -> wl.graph ----------------------------===//
// Builds one wl op per checked operator; inputs and weights are created right before
// their first use; generic einsums become wl.einsum with one affine map per operand.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Workload/IR/Workload.h"
#include "tessel/Import/Import.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/AffineMap.h"

using namespace mlir;
using namespace tessel::wl;

namespace tessel::importer {
namespace {

Type elementType(MLIRContext *ctx, dsl::DType t) {
  Builder b(ctx);
  switch (t) {
  case dsl::DType::Int4:
    return b.getIntegerType(4);
  case dsl::DType::Int8:
    return b.getIntegerType(8);
  case dsl::DType::Int16:
    return b.getIntegerType(16);
  case dsl::DType::Int32:
    return b.getIntegerType(32);
  case dsl::DType::Fp8:
    return b.getFloat8E4M3FNType();
  case dsl::DType::Fp16:
    return b.getF16Type();
  case dsl::DType::Bf16:
    return b.getBF16Type();
  case dsl::DType::Fp32:
    return b.getF32Type();
  }
  return b.getF32Type();
}

class WlImporter {
public:
  WlImporter(OpBuilder &b, const dsl::SourceManager &sm, const dsl::WlModel &wl)
      : b(b), ctx(b.getContext()), sm(sm), wl(wl) {}

  FailureOr<Operation *> run() {
    auto graph = b.create<GraphOp>(loc(wl.loc), wl.name);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(&graph.getBody().emplaceBlock());
    for (const dsl::TensorInfo &t : wl.tensors)
      if (t.kind == dsl::TensorInfo::Kind::Input && t.loc.valid())
        source(t);
    for (const dsl::OpInfo &op : wl.ops)
      if (failed(import(op)))
        return failure();
    return graph.getOperation();
  }

private:
  Location loc(dsl::SourceRange r) { return toLocation(ctx, sm, r); }

  RankedTensorType typeOf(const dsl::TensorInfo &t) {
    return RankedTensorType::get(t.shape, elementType(ctx, t.dtype));
  }

  Value source(const dsl::TensorInfo &t) {
    Location l = t.loc.valid() ? loc(t.loc) : currentLoc;
    Value v = t.kind == dsl::TensorInfo::Kind::Weight
                  ? b.create<WeightOp>(l, typeOf(t), t.name).getResult()
                  : b.create<InputOp>(l, typeOf(t), t.name).getResult();
    setDensity(v, t);
    values[t.name] = v;
    return v;
  }

  /// `density` on the op defining `v` when the tensor's density was given (below 1).
  void setDensity(Value v, const dsl::TensorInfo &t) {
    if (t.density < 1)
      v.getDefiningOp()->setAttr("density", b.getF64FloatAttr(t.density));
  }

  /// The value of tensor `name`, creating its input/weight op on first use.
  Value get(const std::string &name) {
    auto it = values.find(name);
    if (it != values.end())
      return it->second;
    const dsl::TensorInfo *t = wl.tensor(name);
    return t ? source(*t) : Value();
  }

  std::vector<int64_t> attr(const dsl::OpInfo &op, const char *key,
                            std::vector<int64_t> dflt = {}) {
    auto it = op.attrs.find(key);
    return it == op.attrs.end() ? dflt : it->second;
  }
  int64_t scalar(const dsl::OpInfo &op, const char *key, int64_t dflt) {
    std::vector<int64_t> v = attr(op, key);
    return v.empty() ? dflt : v[0];
  }
  /// The implicit weight `<op>.<suffix>` (a bias, scale or shift), or a null value.
  Value implicitWeight(const dsl::OpInfo &op, const std::string &suffix) {
    for (const std::string &w : op.weights)
      if (w == op.name + "." + suffix)
        return get(w);
    return Value();
  }

  /// True when the second einsum operand's index `idx` is the reduction dim `k`
  /// (i.e. the rhs is not transposed).
  static bool rhsIndexedByK(const dsl::OpInfo &op, size_t idx) {
    if (op.einsums.empty() || op.einsums[0].operands.size() < 2)
      return true;
    const dsl::EinsumForm &f = op.einsums[0];
    size_t k = f.dims.size() - 1; // K is the last dim of (batch) matmul forms
    return f.operands[1].coeffs[idx][k] == 1;
  }

  LogicalResult import(const dsl::OpInfo &op) {
    currentLoc = loc(op.loc);
    SmallVector<Value> in;
    for (const std::string &n : op.inputs)
      in.push_back(get(n));
    for (const std::string &n : op.weights)
      in.push_back(get(n));
    if (llvm::is_contained(in, Value()))
      return emitError(currentLoc) << "operator '" << op.name << "' uses an unknown tensor";
    const dsl::TensorInfo *out = wl.tensor(op.output);
    if (!out)
      return emitError(currentLoc) << "operator '" << op.name << "' has no output tensor";
    RankedTensorType rt = typeOf(*out);
    Location l = currentLoc;
    const std::string &k = op.kind;
    Value result;
    auto pair = [&](const char *key, int64_t d) {
      std::vector<int64_t> v = attr(op, key, {d, d});
      return b.getDenseI64ArrayAttr(v);
    };
    if (k == "conv2d") {
      result = b.create<Conv2DOp>(l, rt, op.name, in[0], in[1], implicitWeight(op, "bias"),
                                  pair("stride", 1), pair("pad", 0), pair("dilation", 1),
                                  scalar(op, "groups", 1));
    } else if (k == "depthwise_conv2d") {
      result = b.create<DepthwiseConv2DOp>(l, rt, op.name, in[0], in[1],
                                           implicitWeight(op, "bias"), pair("stride", 1),
                                           pair("pad", 0), pair("dilation", 1));
    } else if (k == "matmul") {
      result = b.create<MatmulOp>(l, rt, op.name, in[0], in[1], implicitWeight(op, "bias"),
                                  !rhsIndexedByK(op, 0));
    } else if (k == "batch_matmul") {
      size_t n = cast<RankedTensorType>(in[1].getType()).getRank();
      result = b.create<BatchMatmulOp>(l, rt, op.name, in[0], in[1], !rhsIndexedByK(op, n - 2));
    } else if (k == "attention") {
      result = b.create<AttentionOp>(l, rt, op.name, in[0], in[1], in[2], scalar(op, "heads", 1),
                                     scalar(op, "kv_heads", 1), scalar(op, "head_dim", 1));
    } else if (k == "add" || k == "sub" || k == "mul") {
      result = b.create<BinaryOp>(l, rt, *symbolizeBinaryKind(k), op.name, in[0], in[1]);
    } else if (k == "softmax") {
      int64_t rank = rt.getRank();
      result = b.create<SoftmaxOp>(l, rt, op.name, in[0], scalar(op, "axis", rank - 1));
    } else if (std::optional<UnaryKind> u = symbolizeUnaryKind(k)) {
      result = b.create<UnaryOp>(l, rt, *u, op.name, in[0]);
    } else if (std::optional<NormKind> n = symbolizeNormKind(k)) {
      result = b.create<NormOp>(l, rt, *n, op.name, in[0], implicitWeight(op, "scale"),
                                implicitWeight(op, "shift"), scalar(op, "axis", 1));
    } else if (k == "slice") {
      result = b.create<SliceOp>(l, rt, op.name, in[0], scalar(op, "dim", 0),
                                 scalar(op, "start", 0), scalar(op, "size", 1));
    } else if (k == "maxpool" || k == "avgpool") {
      result = b.create<PoolOp>(l, rt, k == "maxpool" ? PoolKind::Max : PoolKind::Avg, op.name,
                                in[0], pair("kernel", 1), pair("stride", 1), pair("pad", 0));
    } else if (k == "global_avgpool") {
      result = b.create<GlobalAvgPoolOp>(l, rt, op.name, in[0]);
    } else if (k == "embedding_bag") {
      result = b.create<EmbeddingBagOp>(l, rt, op.name, in[0], scalar(op, "batch", 1),
                                        scalar(op, "dim", 1),
                                        b.getDenseI64ArrayAttr(attr(op, "rows")),
                                        b.getDenseI64ArrayAttr(attr(op, "pooling")));
    } else if (k == "flatten") {
      result = b.create<FlattenOp>(l, rt, op.name, in[0]);
    } else if (k == "reshape") {
      result = b.create<ReshapeOp>(l, rt, op.name, in[0]);
    } else if (k == "concat") {
      auto first = cast<RankedTensorType>(in[0].getType()).getShape();
      int64_t axis = 0;
      for (size_t i = 0; i < first.size(); ++i)
        if (first[i] != rt.getShape()[i])
          axis = i;
      result = b.create<ConcatOp>(l, rt, op.name, in, axis);
    } else if (k == "einsum" && op.einsums.size() == 1) {
      result = einsum(op.einsums[0], rt, l);
    } else {
      return emitError(l) << "operator kind '" << k << "' of '" << op.name
                          << "' has no wl operation";
    }
    if (!result)
      return failure();
    if (op.count > 1)
      result.getDefiningOp()->setAttr("count", b.getI64IntegerAttr(op.count));
    if (op.weight != 1)
      result.getDefiningOp()->setAttr("weight", b.getF64FloatAttr(op.weight));
    if (const dsl::TensorInfo *t = wl.tensor(op.output))
      setDensity(result, *t);
    values[op.output] = result;
    return success();
  }

  /// A generic DSL einsum: `Out[...] (+)= A[...] * B[...] for ...`.
  Value einsum(const dsl::EinsumForm &f, RankedTensorType rt, Location l) {
    SmallVector<Value> operands;
    SmallVector<Attribute> maps;
    auto mapOf = [&](const dsl::EinsumAccess &a) {
      SmallVector<AffineExpr> results;
      for (size_t i = 0; i < a.coeffs.size(); ++i) {
        AffineExpr e = getAffineConstantExpr(a.offsets[i], ctx);
        for (size_t d = 0; d < a.coeffs[i].size(); ++d)
          if (a.coeffs[i][d])
            e = e + getAffineDimExpr(d, ctx) * a.coeffs[i][d];
        results.push_back(e);
      }
      return AffineMapAttr::get(AffineMap::get(f.dims.size(), 0, results, ctx));
    };
    for (const dsl::EinsumAccess &a : f.operands) {
      operands.push_back(get(a.tensor));
      maps.push_back(mapOf(a));
    }
    maps.push_back(mapOf(f.output));
    SmallVector<StringRef> dims, reduce;
    SmallVector<int64_t> bounds;
    for (const dsl::EinsumDim &d : f.dims) {
      dims.push_back(d.name);
      bounds.push_back(d.bound);
      if (d.reduction)
        reduce.push_back(d.name);
    }
    CombineKind combine = f.operands.size() >= 2 ? CombineKind::Mac : CombineKind::Sum;
    return b.create<EinsumOp>(l, rt, f.name, operands, b.getStrArrayAttr(dims),
                              b.getDenseI64ArrayAttr(bounds), b.getStrArrayAttr(reduce),
                              b.getArrayAttr(maps), combine, f.macs(), IntegerAttr());
  }

  OpBuilder &b;
  MLIRContext *ctx;
  const dsl::SourceManager &sm;
  const dsl::WlModel &wl;
  std::map<std::string, Value> values;
  Location currentLoc = UnknownLoc::get(b.getContext());
};

} // namespace

FailureOr<Operation *> importWorkload(OpBuilder &builder, const dsl::SourceManager &sm,
                                      const dsl::WlModel &wl) {
  return WlImporter(builder, sm, wl).run();
}

} // namespace tessel::importer
