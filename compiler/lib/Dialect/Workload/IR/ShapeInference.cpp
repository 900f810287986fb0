//===- ShapeInference.cpp - result shapes of the named wl ops -------------===//
// One rule per named operator, mirroring the DSL's checks (dsl/lib/OpShapes.cpp); used by
// the op verifiers and by the wl-infer-shapes pass.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Workload/IR/Workload.h"

#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace tessel::wl;

namespace {

using Shape = SmallVector<int64_t>;
using Result = FailureOr<std::optional<Shape>>;

std::string shapeStr(ArrayRef<int64_t> s) {
  std::string r = "[";
  for (size_t i = 0; i < s.size(); ++i)
    r += (i ? ", " : "") + (ShapedType::isDynamic(s[i]) ? "?" : std::to_string(s[i]));
  return r + "]";
}

/// The static shape of `v`, or std::nullopt while it has dynamic dims.
std::optional<Shape> staticShape(Value v) {
  auto t = cast<RankedTensorType>(v.getType());
  if (!t.hasStaticShape())
    return std::nullopt;
  return Shape(t.getShape());
}

int64_t product(ArrayRef<int64_t> s) {
  int64_t p = 1;
  for (int64_t d : s)
    p *= d;
  return p;
}

class Inferer {
public:
  explicit Inferer(std::string &why) : why(why) {}

  Result fail(const std::string &msg) {
    why = msg;
    return failure();
  }

  Result conv(Value in, Value w, ArrayRef<int64_t> stride, ArrayRef<int64_t> pad,
              ArrayRef<int64_t> dil, int64_t groups, bool depthwise) {
    if (stride.size() != 2 || pad.size() != 2 || dil.size() != 2)
      return fail("stride, pad and dilation need two values (height, width)");
    if (llvm::any_of(stride, [](int64_t v) { return v < 1; }) ||
        llvm::any_of(dil, [](int64_t v) { return v < 1; }) ||
        llvm::any_of(pad, [](int64_t v) { return v < 0; }))
      return fail("stride and dilation must be >= 1 and pad >= 0");
    std::optional<Shape> x = staticShape(in), k = staticShape(w);
    if (!x || !k)
      return std::optional<Shape>();
    if (x->size() != 4 || k->size() != 4)
      return fail("needs a rank-4 input and weight, got " + shapeStr(*x) + " and " +
                  shapeStr(*k));
    int64_t C = (*x)[1], K = (*k)[0];
    if (depthwise)
      groups = C;
    if (groups < 1 || C % groups || K % groups)
      return fail("groups=" + std::to_string(groups) + " must divide input channels (" +
                  std::to_string(C) + ") and output channels (" + std::to_string(K) + ")");
    if ((*k)[1] != C / groups)
      return fail("weight " + shapeStr(*k) + " needs " + std::to_string(C / groups) +
                  " input channels per group");
    int64_t effR = dil[0] * ((*k)[2] - 1) + 1, effS = dil[1] * ((*k)[3] - 1) + 1;
    int64_t H = (*x)[2] + 2 * pad[0], W = (*x)[3] + 2 * pad[1];
    if (H < effR || W < effS)
      return fail("kernel does not fit the padded input " + std::to_string(H) + "x" +
                  std::to_string(W));
    return std::optional<Shape>(
        Shape{(*x)[0], K, (H - effR) / stride[0] + 1, (W - effS) / stride[1] + 1});
  }

  Result matmul(Value lhs, Value rhs, bool tb, bool batched) {
    std::optional<Shape> a = staticShape(lhs), b = staticShape(rhs);
    if (!a || !b)
      return std::optional<Shape>();
    size_t n = a->size();
    if (batched) {
      if (n < 3 || b->size() != n)
        return fail("needs two inputs of equal rank >= 3, got " + shapeStr(*a) + " and " +
                    shapeStr(*b));
      for (size_t i = 0; i + 2 < n; ++i)
        if ((*a)[i] != (*b)[i])
          return fail("batch dimensions differ: " + shapeStr(*a) + " vs " + shapeStr(*b));
    } else if (n < 1 || b->size() != 2) {
      return fail("needs an lhs of rank >= 1 and a rank-2 rhs, got " + shapeStr(*a) +
                  " and " + shapeStr(*b));
    }
    size_t m = b->size();
    int64_t bk = tb ? (*b)[m - 1] : (*b)[m - 2], N = tb ? (*b)[m - 2] : (*b)[m - 1];
    if (bk != a->back())
      return fail("inner dimensions do not match: " + shapeStr(*a) + " times " + shapeStr(*b));
    Shape out = *a;
    out.back() = N;
    return std::optional<Shape>(out);
  }

  Result attention(AttentionOp op) {
    std::optional<Shape> q = staticShape(op.getQuery()), k = staticShape(op.getKeys()),
                         v = staticShape(op.getValues());
    if (!q || !k || !v)
      return std::optional<Shape>();
    int64_t H = op.getHeads(), Hkv = op.getKvHeads(), D = op.getHeadDim();
    if (H < 1 || Hkv < 1 || D < 1 || H % Hkv)
      return fail("heads, kv_heads and head_dim must be positive and kv_heads divide heads");
    if (q->size() != 3 || k->size() != 3 || *k != *v)
      return fail("needs rank-3 query and equal rank-3 keys/values");
    if ((*q)[2] != H * D)
      return fail("heads x head_dim must equal the last dimension of the query " +
                  shapeStr(*q));
    if ((*k)[0] != (*q)[0] || (*k)[2] != Hkv * D)
      return fail("keys/values " + shapeStr(*k) + " must be [batch, kv_len, kv_heads * head_dim]");
    return std::optional<Shape>(*q);
  }

  Result pool(PoolOp op) {
    ArrayRef<int64_t> k = op.getKernel(), s = op.getStride(), p = op.getPad();
    if (k.size() != 2 || s.size() != 2 || p.size() != 2)
      return fail("kernel, stride and pad need two values (height, width)");
    std::optional<Shape> x = staticShape(op.getInput());
    if (!x)
      return std::optional<Shape>();
    if (x->size() != 4)
      return fail("needs a rank-4 input, got " + shapeStr(*x));
    int64_t H = (*x)[2] + 2 * p[0], W = (*x)[3] + 2 * p[1];
    if (k[0] < 1 || k[1] < 1 || s[0] < 1 || s[1] < 1 || H < k[0] || W < k[1])
      return fail("pooling window does not fit the input");
    return std::optional<Shape>(
        Shape{(*x)[0], (*x)[1], (H - k[0]) / s[0] + 1, (W - k[1]) / s[1] + 1});
  }

  Result embeddingBag(EmbeddingBagOp op) {
    ArrayRef<int64_t> rows = op.getRows(), pooling = op.getPooling();
    if (rows.empty() || rows.size() != pooling.size())
      return fail("rows and pooling need one value per table");
    if (op.getBatch() < 1 || op.getDim() < 1)
      return fail("batch and dim must be positive");
    std::optional<Shape> t = staticShape(op.getTables());
    if (!t)
      return std::optional<Shape>();
    int64_t total = 0;
    for (int64_t r : rows)
      total += r;
    if (*t != Shape{total, op.getDim()})
      return fail("tables " + shapeStr(*t) + " must be [sum(rows), dim] = " +
                  shapeStr({total, op.getDim()}));
    return std::optional<Shape>(
        Shape{op.getBatch(), static_cast<int64_t>(rows.size()) * op.getDim()});
  }

  /// `result` when the optional per-channel operand `v` ([n] with n = result[axis]) fits.
  Result withChannelOperand(Result result, Value v, int64_t axis, const char *what) {
    if (failed(result) || !*result || !v)
      return result;
    std::optional<Shape> s = staticShape(v);
    const Shape &out = **result;
    if (!s)
      return result;
    if (axis < 0 || axis >= static_cast<int64_t>(out.size()) || *s != Shape{out[axis]})
      return fail(std::string(what) + " " + shapeStr(*s) + " must be [" +
                  (axis >= 0 && axis < static_cast<int64_t>(out.size())
                       ? std::to_string(out[axis])
                       : std::string("?")) +
                  "], one value per entry of axis " + std::to_string(axis));
    return result;
  }

  Result norm(NormOp op) {
    std::optional<Shape> x = staticShape(op.getInput());
    if (!x)
      return std::optional<Shape>();
    int64_t axis = op.getAxis();
    if (axis < 0 || axis >= static_cast<int64_t>(x->size()))
      return fail("axis " + std::to_string(axis) + " out of range for rank " +
                  std::to_string(x->size()));
    Result r = withChannelOperand(std::optional<Shape>(*x), op.getScale(), axis, "scale");
    return withChannelOperand(r, op.getShift(), axis, "shift");
  }

  Result slice(SliceOp op) {
    std::optional<Shape> x = staticShape(op.getInput());
    if (!x)
      return std::optional<Shape>();
    int64_t dim = op.getDim(), start = op.getStart(), size = op.getSize();
    if (dim < 0 || dim >= static_cast<int64_t>(x->size()))
      return fail("dim " + std::to_string(dim) + " out of range for rank " +
                  std::to_string(x->size()));
    if (start < 0 || size < 1 || size > (*x)[dim] || start > (*x)[dim] - size)
      return fail("a slice of size " + std::to_string(size) + " from " + std::to_string(start) +
                  " does not fit dim " + std::to_string(dim) + " of " + shapeStr(*x));
    Shape out = *x;
    out[dim] = size;
    return std::optional<Shape>(out);
  }

  Result concat(ConcatOp op) {
    SmallVector<Shape> shapes;
    for (Value v : op.getInputs()) {
      std::optional<Shape> s = staticShape(v);
      if (!s)
        return std::optional<Shape>();
      shapes.push_back(*s);
    }
    if (shapes.empty())
      return fail("needs at least one input");
    int64_t axis = op.getAxis();
    if (axis < 0 || axis >= static_cast<int64_t>(shapes[0].size()))
      return fail("axis out of range for rank " + std::to_string(shapes[0].size()));
    Shape out = shapes[0];
    out[axis] = 0;
    for (const Shape &s : shapes) {
      if (s.size() != out.size())
        return fail("inputs must have equal rank");
      for (size_t i = 0; i < s.size(); ++i)
        if (static_cast<int64_t>(i) != axis && s[i] != out[i])
          return fail("inputs differ outside the axis: " + shapeStr(shapes[0]) + " vs " +
                      shapeStr(s));
      out[axis] += s[axis];
    }
    return std::optional<Shape>(out);
  }

  std::string &why;
};

} // namespace

FailureOr<std::optional<SmallVector<int64_t>>> tessel::wl::inferResultShape(Operation *op,
                                                                            std::string &why) {
  Inferer inf(why);
  auto same = [&](Value v) -> Result { return staticShape(v); };
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([&](Conv2DOp o) {
        return inf.withChannelOperand(inf.conv(o.getInput(), o.getWeight(), o.getStride(),
                                               o.getPad(), o.getDilation(), o.getGroups(),
                                               false),
                                      o.getBias(), 1, "bias");
      })
      .Case([&](DepthwiseConv2DOp o) {
        return inf.withChannelOperand(inf.conv(o.getInput(), o.getWeight(), o.getStride(),
                                               o.getPad(), o.getDilation(), 1, true),
                                      o.getBias(), 1, "bias");
      })
      .Case([&](MatmulOp o) -> Result {
        Result r = inf.matmul(o.getLhs(), o.getRhs(), o.getTransposeB(), false);
        if (failed(r) || !*r)
          return r;
        return inf.withChannelOperand(r, o.getBias(), (*r)->size() - 1, "bias");
      })
      .Case([&](BatchMatmulOp o) {
        return inf.matmul(o.getLhs(), o.getRhs(), o.getTransposeB(), true);
      })
      .Case([&](AttentionOp o) { return inf.attention(o); })
      .Case([&](UnaryOp o) { return same(o.getInput()); })
      .Case([&](SoftmaxOp o) -> Result {
        int64_t rank = cast<RankedTensorType>(o.getInput().getType()).getRank();
        if (o.getAxis() < 0 || o.getAxis() >= rank)
          return inf.fail("axis " + std::to_string(o.getAxis()) + " out of range for rank " +
                          std::to_string(rank));
        return same(o.getInput());
      })
      .Case([&](BinaryOp o) -> Result {
        std::optional<Shape> a = staticShape(o.getLhs()), b = staticShape(o.getRhs());
        if (!a || !b)
          return std::optional<Shape>();
        if (*a != *b)
          return inf.fail("needs equal shapes, got " + shapeStr(*a) + " and " + shapeStr(*b));
        return a;
      })
      .Case([&](PoolOp o) { return inf.pool(o); })
      .Case([&](GlobalAvgPoolOp o) -> Result {
        std::optional<Shape> x = staticShape(o.getInput());
        if (!x)
          return std::optional<Shape>();
        if (x->size() != 4)
          return inf.fail("needs a rank-4 input, got " + shapeStr(*x));
        return std::optional<Shape>(Shape{(*x)[0], (*x)[1], 1, 1});
      })
      .Case([&](EmbeddingBagOp o) { return inf.embeddingBag(o); })
      .Case([&](FlattenOp o) -> Result {
        std::optional<Shape> x = staticShape(o.getInput());
        if (!x)
          return std::optional<Shape>();
        if (x->empty())
          return inf.fail("cannot flatten a rank-0 tensor");
        return std::optional<Shape>(Shape{(*x)[0], product(*x) / (*x)[0]});
      })
      .Case([&](ReshapeOp o) -> Result {
        std::optional<Shape> x = staticShape(o.getInput()), r = staticShape(o.getResult());
        if (!x || !r)
          return std::optional<Shape>();
        if (product(*x) != product(*r))
          return inf.fail("reshape from " + shapeStr(*x) + " to " + shapeStr(*r) +
                          " changes the element count");
        return r;
      })
      .Case([&](ConcatOp o) { return inf.concat(o); })
      .Case([&](NormOp o) { return inf.norm(o); })
      .Case([&](SliceOp o) { return inf.slice(o); })
      .Default([&](Operation *) -> Result {
        return staticShape(op->getResult(0));
      });
}

LogicalResult tessel::wl::verifyResultShape(Operation *op) {
  std::string why;
  FailureOr<std::optional<Shape>> shape = inferResultShape(op, why);
  if (failed(shape))
    return op->emitOpError() << why;
  if (!*shape)
    return success();
  auto type = cast<RankedTensorType>(op->getResult(0).getType());
  if (failed(verifyCompatibleShape(type.getShape(), **shape)))
    return op->emitOpError() << "result shape " << shapeStr(type.getShape())
                             << " does not match the inferred shape " << shapeStr(**shape);
  return success();
}
