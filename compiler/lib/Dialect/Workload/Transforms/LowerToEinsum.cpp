//===- LowerToEinsum.cpp - wl-lower-to-einsum -----------------------------===//
// Rewrites the MAC-bearing named operators (and pooling, embedding_bag) into wl.einsum
// with the same dims as the DSL's einsum forms.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Workload/Transforms/Passes.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tessel::wl {
#define GEN_PASS_DEF_WLLOWERTOEINSUM
#include "tessel/Dialect/Workload/Transforms/Passes.h.inc"
} // namespace tessel::wl

using namespace mlir;
using namespace tessel::wl;

namespace {

/// Collects dims, operand maps and builds one wl.einsum.
class EinsumBuilder {
public:
  explicit EinsumBuilder(MLIRContext *ctx) : ctx(ctx) {}

  /// Adds a dim and returns its affine expression.
  AffineExpr dim(StringRef name, int64_t bound, bool reduction) {
    names.push_back(name.str());
    bounds.push_back(bound);
    if (reduction)
      reduce.push_back(name.str());
    return getAffineDimExpr(names.size() - 1, ctx);
  }
  AffineExpr c(int64_t v) { return getAffineConstantExpr(v, ctx); }

  void operand(Value v, ArrayRef<AffineExpr> idx) {
    inputs.push_back(v);
    maps.emplace_back(idx.begin(), idx.end());
  }

  Value build(PatternRewriter &rw, Location loc, StringRef label, Type resultType,
              ArrayRef<AffineExpr> outIdx, CombineKind combine, int64_t bytes = -1) {
    SmallVector<Attribute> mapAttrs;
    for (ArrayRef<AffineExpr> m : maps)
      mapAttrs.push_back(AffineMapAttr::get(AffineMap::get(names.size(), 0, m, ctx)));
    mapAttrs.push_back(AffineMapAttr::get(AffineMap::get(names.size(), 0, outIdx, ctx)));
    int64_t macs = 0;
    if (combine == CombineKind::Mac) {
      macs = 1;
      for (int64_t b : bounds)
        macs *= b;
    }
    SmallVector<StringRef> dimRefs(names.begin(), names.end()),
        redRefs(reduce.begin(), reduce.end());
    return rw.create<EinsumOp>(loc, resultType, label, inputs, rw.getStrArrayAttr(dimRefs),
                               rw.getDenseI64ArrayAttr(bounds), rw.getStrArrayAttr(redRefs),
                               rw.getArrayAttr(mapAttrs), combine, macs,
                               bytes >= 0 ? rw.getI64IntegerAttr(bytes) : IntegerAttr());
  }

private:
  MLIRContext *ctx;
  SmallVector<std::string> names, reduce;
  SmallVector<int64_t> bounds;
  SmallVector<Value> inputs;
  SmallVector<SmallVector<AffineExpr>> maps;
};

ArrayRef<int64_t> shapeOf(Value v) { return cast<RankedTensorType>(v.getType()).getShape(); }

int64_t product(ArrayRef<int64_t> v) {
  int64_t p = 1;
  for (int64_t d : v)
    p *= d;
  return p;
}

/// Index expressions of a tensor whose leading axes are addressed by one linear dim:
/// `lin` spans lead[0..n) row-major, `rest` addresses the remaining axes.
SmallVector<AffineExpr> delinearize(AffineExpr lin, ArrayRef<int64_t> lead,
                                    ArrayRef<AffineExpr> rest) {
  SmallVector<AffineExpr> idx;
  for (size_t i = 0; i < lead.size(); ++i) {
    int64_t stride = product(lead.drop_front(i + 1));
    AffineExpr e = stride == 1 ? lin : lin.floorDiv(stride);
    idx.push_back(i > 0 ? e % lead[i] : e);
  }
  idx.append(rest.begin(), rest.end());
  return idx;
}

/// Copies the repeat count, the weight and the density of the replaced op to a value built
/// for it.
void copyCount(Operation *from, Value to) {
  for (const char *name : {"count", "weight", "density"})
    if (Attribute a = from->getAttr(name))
      to.getDefiningOp()->setAttr(name, a);
}

/// `mac` plus the optional `bias` of `op`: out[i...] = mac[i...] + bias[i_axis], an `add`
/// einsum with one dim per axis of the result, named `dims` (no MACs), labelled
/// `<label>.add_bias`.
Value addBias(Operation *op, PatternRewriter &rw, StringRef label, Value mac, Value bias,
              ArrayRef<std::string> dims, size_t axis) {
  if (!bias)
    return mac;
  auto type = cast<RankedTensorType>(mac.getType());
  EinsumBuilder e(op->getContext());
  SmallVector<AffineExpr> idx;
  for (auto [name, bound] : llvm::zip(dims, type.getShape()))
    idx.push_back(e.dim(name, bound, false));
  e.operand(mac, idx);
  e.operand(bias, {idx[axis]});
  Value v = e.build(rw, op->getLoc(), (label + ".add_bias").str(), type, idx, CombineKind::Add);
  copyCount(op, v);
  return v;
}

template <typename ConvLike>
LogicalResult lowerConv(ConvLike op, PatternRewriter &rw, int64_t groups) {
  ArrayRef<int64_t> x = shapeOf(op.getInput()), w = shapeOf(op.getWeight()),
                    y = shapeOf(op.getResult());
  if (!cast<RankedTensorType>(op.getResult().getType()).hasStaticShape() ||
      !cast<RankedTensorType>(op.getInput().getType()).hasStaticShape())
    return rw.notifyMatchFailure(op, "needs static shapes (run wl-infer-shapes)");
  int64_t Cg = x[1] / groups, Kg = w[0] / groups;
  ArrayRef<int64_t> st = op.getStride(), pad = op.getPad(), dil = op.getDilation();
  EinsumBuilder e(op.getContext());
  AffineExpr g = groups > 1 ? e.dim("G", groups, false) : e.c(0);
  AffineExpr n = e.dim("N", x[0], false), k = e.dim("K", Kg, false), c = e.dim("C", Cg, true),
             p = e.dim("P", y[2], false), q = e.dim("Q", y[3], false),
             r = e.dim("R", w[2], true), s = e.dim("S", w[3], true);
  e.operand(op.getInput(), {n, g * Cg + c, p * st[0] + r * dil[0] - pad[0],
                            q * st[1] + s * dil[1] - pad[1]});
  e.operand(op.getWeight(), {g * Kg + k, c, r, s});
  Value v = e.build(rw, op.getLoc(), op.getLabel(), op.getType(), {n, g * Kg + k, p, q},
                    CombineKind::Mac);
  copyCount(op, v);
  rw.replaceOp(op, addBias(op, rw, op.getLabel(), v, op.getBias(), {"N", "K", "P", "Q"}, 1));
  return success();
}

struct LowerConv2D : OpRewritePattern<Conv2DOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(Conv2DOp op, PatternRewriter &rw) const override {
    return lowerConv(op, rw, op.getGroups());
  }
};

struct LowerDepthwise : OpRewritePattern<DepthwiseConv2DOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DepthwiseConv2DOp op, PatternRewriter &rw) const override {
    return lowerConv(op, rw, shapeOf(op.getInput())[1]);
  }
};

template <typename MatmulLike>
struct LowerMatmul : OpRewritePattern<MatmulLike> {
  using OpRewritePattern<MatmulLike>::OpRewritePattern;
  LogicalResult matchAndRewrite(MatmulLike op, PatternRewriter &rw) const override {
    constexpr bool batched = std::is_same_v<MatmulLike, BatchMatmulOp>;
    auto lt = cast<RankedTensorType>(op.getLhs().getType());
    auto rt = cast<RankedTensorType>(op.getRhs().getType());
    if (!lt.hasStaticShape() || !rt.hasStaticShape())
      return rw.notifyMatchFailure(op, "needs static shapes (run wl-infer-shapes)");
    ArrayRef<int64_t> a = lt.getShape(), b = rt.getShape();
    size_t n = a.size();
    bool tb = op.getTransposeB();
    int64_t K = a.back(), N = tb ? b[b.size() - 2] : b.back();
    EinsumBuilder e(op.getContext());
    Value v;
    if constexpr (batched) {
      ArrayRef<int64_t> lead = a.take_front(n - 2);
      AffineExpr B = e.dim("B", product(lead), false), m = e.dim("M", a[n - 2], false),
                 nn = e.dim("N", N, false), k = e.dim("K", K, true);
      e.operand(op.getLhs(), delinearize(B, lead, {m, k}));
      e.operand(op.getRhs(), delinearize(B, lead, tb ? SmallVector<AffineExpr>{nn, k}
                                                     : SmallVector<AffineExpr>{k, nn}));
      v = e.build(rw, op.getLoc(), op.getLabel(), op.getType(), delinearize(B, lead, {m, nn}),
                  CombineKind::Mac);
    } else {
      ArrayRef<int64_t> lead = a.drop_back();
      AffineExpr m = e.dim("M", product(lead), lead.empty()), nn = e.dim("N", N, false),
                 k = e.dim("K", K, true);
      e.operand(op.getLhs(), delinearize(m, lead, {k}));
      e.operand(op.getRhs(), tb ? SmallVector<AffineExpr>{nn, k} : SmallVector<AffineExpr>{k, nn});
      v = e.build(rw, op.getLoc(), op.getLabel(), op.getType(), delinearize(m, lead, {nn}),
                  CombineKind::Mac);
      copyCount(op, v);
      // The bias einsum names the row axes M (or M0, M1, ...) and the column axis N.
      SmallVector<std::string> dims;
      for (size_t i = 0; i < lead.size(); ++i)
        dims.push_back(lead.size() == 1 ? "M" : "M" + std::to_string(i));
      dims.push_back("N");
      v = addBias(op, rw, op.getLabel(), v, op.getBias(), dims, lead.size());
    }
    if constexpr (batched)
      copyCount(op, v);
    rw.replaceOp(op, v);
    return success();
  }
};

struct LowerAttention : OpRewritePattern<AttentionOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AttentionOp op, PatternRewriter &rw) const override {
    ArrayRef<int64_t> q = shapeOf(op.getQuery()), kv = shapeOf(op.getKeys());
    int64_t B = q[0], S = q[1], L = kv[1], H = op.getHeads(), Hkv = op.getKvHeads(),
            D = op.getHeadDim(), grp = H / Hkv;
    Type elt = cast<RankedTensorType>(op.getType()).getElementType();
    auto pType = RankedTensorType::get({B, H, S, L}, elt);
    std::string label = op.getLabel().str();
    EinsumBuilder sc(op.getContext());
    AffineExpr b = sc.dim("B", B, false), h = sc.dim("H", Hkv, false),
               g = sc.dim("G", grp, false), s = sc.dim("S", S, false),
               l = sc.dim("L", L, false), d = sc.dim("D", D, true);
    sc.operand(op.getQuery(), {b, s, h * (grp * D) + g * D + d});
    sc.operand(op.getKeys(), {b, l, h * D + d});
    Value scores = sc.build(rw, op.getLoc(), label + ".scores", pType, {b, h * grp + g, s, l},
                            CombineKind::Mac);
    Value probs = rw.create<SoftmaxOp>(op.getLoc(), pType, label + ".p", scores, 3);
    EinsumBuilder cx(op.getContext());
    b = cx.dim("B", B, false), h = cx.dim("H", Hkv, false), g = cx.dim("G", grp, false),
    s = cx.dim("S", S, false), d = cx.dim("D", D, false), l = cx.dim("L", L, true);
    cx.operand(probs, {b, h * grp + g, s, l});
    cx.operand(op.getValues(), {b, l, h * D + d});
    Value ctx = cx.build(rw, op.getLoc(), label + ".context", op.getType(),
                         {b, s, h * (grp * D) + g * D + d}, CombineKind::Mac);
    for (Value v : {scores, probs, ctx})
      copyCount(op, v);
    rw.replaceOp(op, ctx);
    return success();
  }
};

struct LowerPool : OpRewritePattern<PoolOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(PoolOp op, PatternRewriter &rw) const override {
    ArrayRef<int64_t> x = shapeOf(op.getInput()), y = shapeOf(op.getResult());
    ArrayRef<int64_t> k = op.getKernel(), st = op.getStride(), pad = op.getPad();
    EinsumBuilder e(op.getContext());
    AffineExpr n = e.dim("N", x[0], false), c = e.dim("C", x[1], false),
               p = e.dim("P", y[2], false), q = e.dim("Q", y[3], false),
               r = e.dim("R", k[0], true), s = e.dim("S", k[1], true);
    e.operand(op.getInput(), {n, c, p * st[0] + r - pad[0], q * st[1] + s - pad[1]});
    Value v = e.build(rw, op.getLoc(), op.getLabel(), op.getType(), {n, c, p, q},
                      op.getKind() == PoolKind::Max ? CombineKind::Max : CombineKind::Sum);
    copyCount(op, v);
    rw.replaceOp(op, v);
    return success();
  }
};

struct LowerGlobalPool : OpRewritePattern<GlobalAvgPoolOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(GlobalAvgPoolOp op, PatternRewriter &rw) const override {
    ArrayRef<int64_t> x = shapeOf(op.getInput());
    EinsumBuilder e(op.getContext());
    AffineExpr n = e.dim("N", x[0], false), c = e.dim("C", x[1], false),
               h = e.dim("H", x[2], true), w = e.dim("W", x[3], true);
    e.operand(op.getInput(), {n, c, h, w});
    Value v = e.build(rw, op.getLoc(), op.getLabel(), op.getType(), {n, c, e.c(0), e.c(0)},
                      CombineKind::Sum);
    copyCount(op, v);
    rw.replaceOp(op, v);
    return success();
  }
};

/// Gather-reduce: out[b, t*D + d] = sum_p tables[row(b, t, p), d]. The first table index
/// is data-dependent; the map names the lookup slot within the table's rows.
struct LowerEmbeddingBag : OpRewritePattern<EmbeddingBagOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(EmbeddingBagOp op, PatternRewriter &rw) const override {
    ArrayRef<int64_t> rows = op.getRows(), pooling = op.getPooling();
    int64_t B = op.getBatch(), D = op.getDim(), T = rows.size();
    auto tt = cast<RankedTensorType>(op.getTables().getType());
    int64_t eltBytes = (tt.getElementTypeBitWidth() + 7) / 8;
    std::string label = op.getLabel().str();
    bool uniform = llvm::all_equal(pooling);
    if (uniform) {
      EinsumBuilder e(op.getContext());
      AffineExpr b = e.dim("B", B, false), t = e.dim("T", T, false),
                 p = e.dim("P", pooling[0], true), d = e.dim("D", D, false);
      e.operand(op.getTables(), {t * 0 + p, d});
      Value v = e.build(rw, op.getLoc(), label, op.getType(), {b, t * D + d},
                        CombineKind::Gather, B * T * pooling[0] * D * eltBytes);
      copyCount(op, v);
      rw.replaceOp(op, v);
      return success();
    }
    // Unequal bag sizes: one einsum per table, concatenated along the feature axis.
    SmallVector<Value> parts;
    auto partType = RankedTensorType::get({B, D}, tt.getElementType());
    int64_t rowStart = 0;
    for (int64_t i = 0; i < T; ++i) {
      EinsumBuilder e(op.getContext());
      AffineExpr b = e.dim("B", B, false), p = e.dim("P", pooling[i], true),
                 d = e.dim("D", D, false);
      e.operand(op.getTables(), {p + rowStart, d});
      parts.push_back(e.build(rw, op.getLoc(), label + ".t" + std::to_string(i), partType,
                              {b, d}, CombineKind::Gather, B * pooling[i] * D * eltBytes));
      copyCount(op, parts.back());
      rowStart += rows[i];
    }
    Value v = rw.create<ConcatOp>(op.getLoc(), op.getType(), label, parts, 1);
    copyCount(op, v);
    rw.replaceOp(op, v);
    return success();
  }
};

struct WlLowerToEinsum : tessel::wl::impl::WlLowerToEinsumBase<WlLowerToEinsum> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<LowerConv2D, LowerDepthwise, LowerMatmul<MatmulOp>,
                 LowerMatmul<BatchMatmulOp>, LowerAttention, LowerPool, LowerGlobalPool,
                 LowerEmbeddingBag>(&getContext());
    GreedyRewriteConfig config;
    config.strictMode = GreedyRewriteStrictness::ExistingOps;
    if (failed(applyPatternsAndFoldGreedily(getOperation(), std::move(patterns), config)))
      return signalPassFailure();
    // A named MAC operator that is still here had dynamic shapes.
    WalkResult r = getOperation().walk([](Operation *op) {
      if (isa<Conv2DOp, DepthwiseConv2DOp, MatmulOp, BatchMatmulOp, AttentionOp, PoolOp,
              GlobalAvgPoolOp, EmbeddingBagOp>(op)) {
        op->emitError() << "cannot lower '" << op->getName()
                        << "' to wl.einsum: its shapes are not static (run wl-infer-shapes)";
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (r.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
