// Unit tests of the workload model: parameter and byte totals with repeats, biases,
// normalisation weights, slices, boolean arguments, and checked `--param` values.
#include "tessel/dsl/Check.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>
#include <fstream>

using namespace tessel::dsl;

namespace {

/// Writes `text` to a fresh file with extension `ext` and checks it.
struct Checked {
  SourceManager sm;
  DiagnosticEngine diags;
  std::vector<WlModel> wl;
  std::vector<HwModel> hw;

  Checked(const std::string &text, const std::string &ext = ".wl",
          const ParamAssignments &given = {}) {
    static int serial = 0;
    std::filesystem::path p = std::filesystem::temp_directory_path() /
                              ("tessel-wlmodel-" + std::to_string(::getpid()) + "-" +
                               std::to_string(serial++) + ext);
    std::ofstream(p) << text;
    if (ext == ".wl")
      wl = checkWlFile(p.string(), sm, diags, {}, given);
    else
      hw = checkHwFile(p.string(), sm, diags, {}, given);
    std::filesystem::remove(p);
  }
  const OpInfo &op(const std::string &name) const {
    for (const OpInfo &o : wl.at(0).ops)
      if (o.name == name)
        return o;
    FAIL("no op " << name);
    return wl.at(0).ops.front();
  }
  std::string messages() const {
    std::string s;
    for (const Diagnostic &d : diags.all())
      s += d.message + "\n";
    return s;
  }
};

/// `NAME=VALUE` parsed from a buffer of `c.sm`.
ParamAssignment assignment(SourceManager &sm, DiagnosticEngine &diags, const std::string &arg) {
  uint32_t id = sm.addBuffer("--param", arg);
  std::optional<ParamAssignment> a = parseParamAssignment(sm, id, diags);
  REQUIRE(a);
  return *a;
}

} // namespace

TEST_CASE("weights inside repeat N count N times as parameters", "[wl][params]") {
  Checked c(R"(workload w {
    tensor x[2, 16] fp16;
    e = embedding_bag(tables=1, rows=10, dim=16, pooling=3, batch=2) fp16;
    repeat 4 {
      y = matmul(x, out=16, bias=true);
      repeat 3 { n = layernorm(y, scale=true, shift=true); }
    }
  })");
  REQUIRE_FALSE(c.diags.hasErrors());
  const WlModel &m = c.wl.at(0);
  // y: (16 x 16 + 16) x 4 copies; n: 2 x 16 x 12 copies; e: 10 x 16 once.
  CHECK(m.opParams(c.op("y")) == (256 + 16) * 4);
  CHECK(m.opParams(c.op("n")) == 32 * 12);
  CHECK(m.opParams(c.op("e")) == 160);
  CHECK(m.totalParams() == 1088 + 384 + 160);
  CHECK(m.tensor("y.bias")->count == 4);
  CHECK(m.tensor("n.scale")->count == 12);
  CHECK(m.tensor("x")->count == 1);
  TensorBytes once = m.tensorBytes(false), all = m.tensorBytes(true);
  CHECK(once.weights == 2 * (256 + 16 + 32 + 160));
  CHECK(all.weights == 2 * m.totalParams());
  // Activations: e [2, 16], y [2, 16] x 4, n [2, 16] x 12, all fp16.
  CHECK(once.activations == 3 * 64);
  CHECK(all.activations == 64 * (1 + 4 + 12));
  CHECK(once.inputs == 64);
  // 2 samples x 3 lookups x 16 fp16 elements.
  CHECK(m.gatheredBytes() == 192);
  CHECK(m.totalMacs() == 2 * 16 * 16 * 4);
}

TEST_CASE("a bias adds parameters and one addition per output element, no MACs",
          "[wl][bias]") {
  Checked c(R"(workload w {
    tensor x[1, 3, 8, 8] int8;
    a = conv2d(x, out=4, kernel=3, pad=1);
    b = conv2d(x, out=4, kernel=3, pad=1, bias=true);
    d = depthwise_conv2d(b, kernel=3, pad=1, multiplier=2, bias=true);
    f = flatten(d);
    m = matmul(f, out=10, bias=true);
    t = matmul(f, out=10, bias=false);
  })");
  REQUIRE_FALSE(c.diags.hasErrors());
  const WlModel &m = c.wl.at(0);
  CHECK(c.op("a").macs == c.op("b").macs);
  CHECK(c.op("a").ops == 0);
  CHECK(c.op("b").ops == 4 * 8 * 8);
  CHECK(c.op("b").weights == std::vector<std::string>{"b.weight", "b.bias"});
  CHECK(m.tensor("b.bias")->shape == std::vector<int64_t>{4});
  CHECK(m.tensor("d.bias")->shape == std::vector<int64_t>{8});
  CHECK(m.tensor("m.bias")->shape == std::vector<int64_t>{10});
  CHECK(m.tensor("t.bias") == nullptr);
  CHECK(c.op("m").ops == 10);
  // The bias is not part of the MAC einsum.
  REQUIRE(c.op("b").einsums.size() == 1);
  CHECK(c.op("b").einsums[0].operands[1].tensor == "b.weight");
  CHECK(c.op("b").attrs.at("bias") == std::vector<int64_t>{1});
}

TEST_CASE("norms carry a learned scale and shift along their axis", "[wl][norm]") {
  Checked c(R"(workload w {
    tensor x[2, 8, 4, 4] fp16;
    tensor t[2, 5, 16] fp16;
    b = batchnorm(x, scale=true, shift=true);
    l = layernorm(t, shift=true);
    r = rmsnorm(t, scale=true);
    p = rmsnorm(t);
  })");
  REQUIRE_FALSE(c.diags.hasErrors());
  const WlModel &m = c.wl.at(0);
  CHECK(m.tensor("b.scale")->shape == std::vector<int64_t>{8});
  CHECK(m.tensor("b.shift")->shape == std::vector<int64_t>{8});
  CHECK(m.tensor("l.scale") == nullptr);
  CHECK(m.tensor("l.shift")->shape == std::vector<int64_t>{16});
  CHECK(m.tensor("r.scale")->shape == std::vector<int64_t>{16});
  // One op per element for the normalisation, one more for each of scale and shift.
  CHECK(c.op("b").ops == 3 * 256);
  CHECK(c.op("l").ops == 2 * 160);
  CHECK(c.op("p").ops == 160);
  CHECK(c.op("p").weights.empty());
  CHECK(c.op("b").attrs.at("axis") == std::vector<int64_t>{1});
  CHECK(c.op("r").attrs.at("axis") == std::vector<int64_t>{2});
  CHECK(m.totalMacs() == 0);
}

TEST_CASE("slice keeps size entries of one dim", "[wl][slice]") {
  Checked c(R"(workload w {
    param S = 6 in {6, 8};
    tensor h[2, S, 16] fp16;
    last = slice(h, dim=1, start=S-1);
    mid = slice(h, dim=2, start=4, size=8);
  })");
  REQUIRE_FALSE(c.diags.hasErrors());
  const WlModel &m = c.wl.at(0);
  CHECK(m.tensor("last")->shape == std::vector<int64_t>{2, 1, 16});
  CHECK(m.tensor("mid")->shape == std::vector<int64_t>{2, 6, 8});
  CHECK(c.op("last").attrs.at("start") == std::vector<int64_t>{5});
  CHECK(c.op("mid").ops == 0);
}

TEST_CASE("true and false are 1 and 0 unless a name shadows them", "[wl][args]") {
  Checked plain(R"(workload w {
    tensor x[2, 4] fp16;
    y = matmul(x, out=3, bias=true, transpose_b=false);
  })");
  REQUIRE_FALSE(plain.diags.hasErrors());
  CHECK(plain.wl.at(0).tensor("y.bias"));
  Checked shadowed(R"(workload w {
    let true = 0;
    tensor x[2, 4] fp16;
    y = matmul(x, out=3, bias=true);
  })");
  REQUIRE_FALSE(shadowed.diags.hasErrors());
  CHECK(shadowed.wl.at(0).tensor("y.bias") == nullptr);
  Checked bad(R"(workload w {
    tensor x[2, 4] fp16;
    y = matmul(x, out=3, bias=3);
  })");
  CHECK(bad.messages() == "'bias' takes true or false\n");
}

TEST_CASE("param override values parse with units and arithmetic", "[params]") {
  SourceManager sm;
  DiagnosticEngine diags;
  ParamAssignment a = assignment(sm, diags, "glb = 64KiB");
  CHECK(a.name == "glb");
  CHECK(a.value.value == 64 * 1024 * 8);
  CHECK(a.value.dim == dimBits());
  ParamAssignment b = assignment(sm, diags, "L=2*1024");
  CHECK(b.value.value == 2048);
  CHECK(b.value.integral);
  CHECK(b.value.dim.dimensionless());
  CHECK_FALSE(diags.hasErrors());
  for (const char *bad : {"L", "=3", "L=", "L=3 4", "L=3)", "L=1/0", "L=4 furlongs"}) {
    INFO(bad);
    DiagnosticEngine d;
    uint32_t id = sm.addBuffer("--param", bad);
    CHECK_FALSE(parseParamAssignment(sm, id, d));
    CHECK(d.hasErrors());
  }
}

TEST_CASE("param override values replace defaults only inside the domain", "[params]") {
  const std::string text = R"(workload w {
    param T = 64 in 16..256 step 16;
    param K = 3 in 1..7;
    param E = 1.5;
    tensor x[T, 8] fp16;
    y = matmul(x, out=K);
  })";
  SourceManager sm;
  DiagnosticEngine pd;
  ParamAssignments ok = {assignment(sm, pd, "T=80"), assignment(sm, pd, "K=7"),
                         assignment(sm, pd, "E=2.75")};
  Checked good(text, ".wl", ok);
  REQUIRE_FALSE(good.diags.hasErrors());
  CHECK(good.wl.at(0).totalMacs() == 80 * 8 * 7);
  CHECK(good.wl.at(0).params.at(2).value.value == 2.75);

  ParamAssignments bad = {assignment(sm, pd, "T=72"), assignment(sm, pd, "K=2.5"),
                          assignment(sm, pd, "E=3KiB")};
  Checked c(text, ".wl", bad);
  CHECK(c.messages() == "72 is outside the domain 16..256 step 16 of param 'T'\n"
                        "param 'K' takes an integer, got 2.5\n"
                        "param 'E' is a plain number, but 3 KiB is a size\n");
  for (const Diagnostic &d : c.diags.all()) {
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].message.find("is declared here") != std::string::npos);
  }
}

TEST_CASE("ParamInfo domains: membership and text", "[params]") {
  ParamInfo p;
  p.name = "glb";
  p.value = {8192, dimBits(), true};
  CHECK(p.inDomain(1));
  CHECK(p.domainText().empty());
  p.domainKind = ParamInfo::DomainKind::Set;
  p.set = {8192, 16384};
  CHECK(p.inDomain(16384));
  CHECK_FALSE(p.inDomain(12288));
  CHECK(p.domainText() == "{1 KiB, 2 KiB}");
  p.domainKind = ParamInfo::DomainKind::Range;
  p.lo = 8192;
  p.hi = 32768;
  p.step = 8192;
  CHECK(p.inDomain(24576));
  CHECK_FALSE(p.inDomain(20000));
  CHECK(p.domainText() == "1 KiB..4 KiB step 1 KiB");
  p.step = 0;
  CHECK(p.inDomain(20000));
  CHECK_FALSE(p.inDomain(40000));
}

TEST_CASE("a plain number before 'step' has no unit", "[params][units]") {
  // `256 step` once lexed as 256 s (seconds) followed by "tep".
  Checked c(R"(accelerator a {
    clock 1GHz;
    param T = 64 in 16..256 step 16;
    memory G { class sram; size 8KiB; }
    compute m { class intmac; }
  })",
            ".hw");
  REQUIRE_FALSE(c.diags.hasErrors());
  const ParamInfo &t = c.hw.at(0).params.at(0);
  CHECK(t.hi == 256);
  CHECK(t.domainValues().size() == 16);
}

TEST_CASE("weight blocks multiply into each op's weight, not its count or tensors",
          "[wl][weight]") {
  Checked c(R"(workload w {
  tensor x[4, 64] int8;
  tensor weight[64, 32] int8;
  weight 2.5 {
    a = matmul(x, out=32);
    weight 2 { b = relu(a); }
  }
  repeat 3 { weight 0.5 { fc: Y[n, k] += x[n, c] * weight[c, k] for n < 4, k < 32, c < 64; } }
  weight: Z[n, k] += x[n, c] * weight[c, k] for n < 4, k < 32, c < 64;
  plain = relu(Z);
})");
  INFO(c.messages());
  REQUIRE_FALSE(c.diags.hasErrors());
  CHECK(c.op("a").weight == 2.5);
  CHECK(c.op("a").count == 1);
  CHECK(c.op("b").weight == 5);
  CHECK(c.op("fc").weight == 0.5);
  CHECK(c.op("fc").count == 3);
  CHECK(c.op("weight").weight == 1); // an einsum labelled 'weight' is not a block
  CHECK(c.op("plain").weight == 1);
  // Weights do not change parameters or totals by count.
  CHECK(c.wl[0].totalParams() == 64 * 32);
  CHECK(c.wl[0].totalMacs() == 4 * 64 * 32 * (1 + 3 + 1));
  CHECK(c.wl[0].tensor("a.weight")->count == 1);
}

TEST_CASE("weight factors must be positive plain numbers", "[wl][weight]") {
  Checked zero("workload w { tensor x[2] int8; weight 0 { a = relu(x); } }");
  CHECK(zero.messages() == "weight must be positive, got 0\n");
  Checked unit("workload w { tensor x[2] int8; weight 2bit { a = relu(x); } }");
  CHECK(unit.messages().find("'weight' must be a plain number") != std::string::npos);
  Checked missing("workload w { tensor x[2] int8; weight { a = relu(x); } }");
  CHECK(missing.messages().find("expected expression") != std::string::npos);
  Checked expr("workload w { let k = 3; tensor x[2] int8; weight k * 0.25 { a = relu(x); } }");
  INFO(expr.messages());
  REQUIRE_FALSE(expr.diags.hasErrors());
  CHECK(expr.op("a").weight == 0.75);
}
