// Unit tests of operator profiles: MACs, per-role bytes, intensity, repeat and weight
// multiplicities, gathers, views, attention's K/V cache, totals by kind.
#include "CheckText.h"

#include "tessel/Analysis/Profile.h"

using namespace tessel;
using analysis::Role;
using testing::checkWl;

namespace {

const analysis::OpProfile &op(const analysis::WorkloadProfile &w, const std::string &name) {
  for (const analysis::OpProfile &o : w.ops)
    if (o.name == name)
      return o;
  FAIL("no op " << name);
  return w.ops.front();
}

} // namespace

TEST_CASE("a matmul reads its input and weight and writes its output once", "[profile]") {
  analysis::WorkloadProfile w = analysis::profileWorkload(checkWl(R"(workload w {
  tensor x[4, 64] int8;
  y = matmul(x, out=32, bias=true) fp16;
})"));
  const analysis::OpProfile &y = op(w, "y");
  CHECK(y.macs == 4 * 64 * 32);
  CHECK(y.otherOps == 4 * 32); // the bias additions
  CHECK(y.bytes(Role::Input) == 4 * 64);
  CHECK(y.bytes(Role::Weight) == 64 * 32 + 32); // int8 weight and bias (the input's type)
  CHECK(y.bytes(Role::Output) == 4 * 32 * 2);   // fp16
  CHECK(y.intensity() == Approx(8192.0 / (256 + 2080 + 256)));
  CHECK(y.dims == std::vector<int64_t>{4, 32, 64});
  CHECK(y.outputShape == std::vector<int64_t>{4, 32});
}

TEST_CASE("repeat counts and weight blocks multiply an op's share of totals", "[profile]") {
  analysis::WorkloadProfile w = analysis::profileWorkload(checkWl(R"(workload w {
  tensor x[2, 8] fp16;
  repeat 4 { weight 2.5 { a = matmul(x, out=8); } }
  b = relu(x);
})"));
  CHECK(op(w, "a").count == 4);
  CHECK(op(w, "a").weight == 2.5);
  CHECK(op(w, "a").multiplicity() == 10);
  CHECK(w.macs() == 10 * 2 * 8 * 8);
  // a: 32 B input, 128 B weight, 32 B output per execution; b: 32 + 32.
  CHECK(w.bytes() == 10 * (32 + 128 + 32) + 64);
  CHECK(w.otherOps() == 16);
  std::vector<analysis::KindTotals> kinds = analysis::totalsByKind({w});
  REQUIRE(kinds.size() == 2);
  CHECK(kinds[0].kind == "matmul");
  CHECK(kinds[0].executions == 10);
  CHECK(kinds[0].bytes[static_cast<int>(Role::Weight)] == 1280);
  CHECK(kinds[1].kind == "relu");
  CHECK(kinds[1].intensity() == 0);
  // Fleet weights scale a workload's contribution.
  analysis::WorkloadProfile twice = w;
  twice.weight = 2;
  CHECK(analysis::totalsOf({w, twice}).macs == 3 * w.macs());
}

TEST_CASE("embedding_bag moves the rows it gathers, views move nothing", "[profile]") {
  analysis::WorkloadProfile w = analysis::profileWorkload(checkWl(R"(workload w {
  e = embedding_bag(tables=2, rows=[1000000, 10], dim=16, pooling=[3, 1], batch=8) fp32;
  f = reshape(e, shape=[8, 2, 16]);
})"));
  const analysis::OpProfile &e = op(w, "e");
  CHECK(e.macs == 0);
  CHECK(e.bytes(Role::Weight) == 8 * 4 * 16 * 4); // gathered rows, not the 64 MB tables
  CHECK(e.bytes(Role::Output) == 8 * 32 * 4);
  CHECK(e.bytes(Role::Input) == 0);
  CHECK(op(w, "f").bytes() == 0);
}

TEST_CASE("attention reads its K/V cache in the weight role", "[profile]") {
  analysis::WorkloadProfile w = analysis::profileWorkload(checkWl(R"(workload w {
  tensor q[1, 1, 256] fp16;
  a = attention(q, heads=2, kv_len=100);
  s = batch_matmul(q, q, transpose_b=true);
})"));
  const analysis::OpProfile &a = op(w, "a");
  CHECK(a.macs == 2 * 1 * 2 * 1 * 100 * 128);
  CHECK(a.bytes(Role::Weight) == 2 * 100 * 256 * 2); // K and V
  CHECK(a.bytes(Role::Input) == 512);
  // The same tensor as both operands is read once.
  CHECK(op(w, "s").bytes(Role::Input) == 512);
  CHECK(op(w, "s").bytes(Role::Weight) == 0);
}
