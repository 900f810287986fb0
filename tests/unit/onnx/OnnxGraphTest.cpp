// Unit tests of the ONNX importer on small graphs built with ONNX's protobuf classes:
// attention-pattern MatMuls, Gemm/MatMul forms, padding modes, shape inference, names,
// unsupported and skipped nodes.
#include "ImportedModel.h"

#include "onnx/onnx_pb.h"

using namespace tessel;
using testing::checkImported;

namespace {

class Builder {
public:
  explicit Builder(int opset = 14) {
    m.set_ir_version(7);
    m.set_producer_name("test");
    m.add_opset_import()->set_version(opset);
  }
  void input(const std::string &name, const std::vector<int64_t> &shape, int elem = 1) {
    typed(g().add_input(), name, shape, elem);
  }
  void info(const std::string &name, const std::vector<int64_t> &shape, int elem = 1) {
    typed(g().add_value_info(), name, shape, elem);
  }
  void output(const std::string &name, const std::vector<int64_t> &shape) {
    typed(g().add_output(), name, shape, 1);
  }
  void init(const std::string &name, const std::vector<int64_t> &shape, int elem = 1,
            const std::vector<int64_t> &ints = {}) {
    onnx::TensorProto *t = g().add_initializer();
    t->set_name(name);
    t->set_data_type(elem);
    for (int64_t d : shape)
      t->add_dims(d);
    for (int64_t v : ints)
      t->add_int64_data(v);
  }
  onnx::NodeProto &node(const std::string &op, const std::string &name,
                        const std::vector<std::string> &in, const std::vector<std::string> &out) {
    onnx::NodeProto *n = g().add_node();
    n->set_op_type(op);
    n->set_name(name);
    for (const std::string &s : in)
      n->add_input(s);
    for (const std::string &s : out)
      n->add_output(s);
    return *n;
  }
  static void ints(onnx::NodeProto &n, const std::string &key, const std::vector<int64_t> &v) {
    onnx::AttributeProto *a = n.add_attribute();
    a->set_name(key);
    a->set_type(onnx::AttributeProto::INTS);
    for (int64_t x : v)
      a->add_ints(x);
  }
  static void integer(onnx::NodeProto &n, const std::string &key, int64_t v) {
    onnx::AttributeProto *a = n.add_attribute();
    a->set_name(key);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
  }
  static void text(onnx::NodeProto &n, const std::string &key, const std::string &v) {
    onnx::AttributeProto *a = n.add_attribute();
    a->set_name(key);
    a->set_type(onnx::AttributeProto::STRING);
    a->set_s(v);
  }
  testing::Imported import() {
    onnximport::OnnxImportOptions o;
    o.name = "g";
    return checkImported(onnximport::importOnnxBytes(m.SerializeAsString(), "g.onnx", o));
  }

private:
  onnx::GraphProto &g() { return *m.mutable_graph(); }
  static void typed(onnx::ValueInfoProto *v, const std::string &name,
                    const std::vector<int64_t> &shape, int elem) {
    v->set_name(name);
    onnx::TypeProto_Tensor *t = v->mutable_type()->mutable_tensor_type();
    t->set_elem_type(elem);
    onnx::TensorShapeProto *s = t->mutable_shape();
    for (int64_t d : shape)
      s->add_dim()->set_dim_value(d);
  }
  onnx::ModelProto m;
};

} // namespace

TEST_CASE("attention MatMuls: Q x K^T through a Transpose, softmax, P x V", "[onnx][attention]") {
  Builder b;
  for (const char *t : {"q", "k", "v"})
    b.input(t, {1, 4, 8, 16}, 10); // fp16
  Builder::ints(b.node("Transpose", "kt", {"k"}, {"k_t"}), "perm", {0, 1, 3, 2});
  b.node("MatMul", "scores", {"q", "k_t"}, {"s"});
  Builder::integer(b.node("Softmax", "probs", {"s"}, {"p"}), "axis", -1);
  b.node("MatMul", "context", {"p", "v"}, {"c"});
  b.output("c", {1, 4, 8, 16}); // intermediate shapes come from ONNX shape inference
  testing::Imported m = b.import();
  REQUIRE(m.op("scores"));
  CHECK(m.op("scores")->kind == "batch_matmul");
  CHECK(m.op("scores")->inputs == std::vector<std::string>{"q", "k"}); // K, not K^T
  CHECK(m.result.wl.find("scores = batch_matmul(q, k, transpose_b=true);") != std::string::npos);
  CHECK(m.op("scores")->macs == 4 * 8 * 8 * 16);
  CHECK(m.model.tensor("scores")->shape == std::vector<int64_t>{1, 4, 8, 8});
  CHECK(m.op("probs")->kind == "softmax");
  CHECK(m.op("context")->macs == 4 * 8 * 8 * 16);
  CHECK(m.model.tensor("context")->dtype == dsl::DType::Fp16);
  CHECK(m.result.unsupported.empty());
  REQUIRE(m.result.notes.size() == 1);
  CHECK(m.result.notes[0].node == "kt");
  CHECK(m.result.notes[0].message.find("transpose_b") != std::string::npos);
}

TEST_CASE("Gemm and MatMul: implicit weights, activations, transB, bias", "[onnx][gemm]") {
  Builder b;
  b.input("x", {2, 3, 64});
  b.input("a", {6, 64});
  b.input("bt", {32, 64});
  b.init("w", {64, 128});
  b.init("gw", {10, 64});
  b.init("gb", {10});
  b.node("MatMul", "proj", {"x", "w"}, {"p"});
  Builder::integer(b.node("Gemm", "fc", {"a", "gw", "gb"}, {"f"}), "transB", 1);
  Builder::integer(b.node("Gemm", "act", {"a", "bt"}, {"g"}), "transB", 1);
  Builder::integer(b.node("Gemm", "ta", {"bt", "a"}, {"h"}), "transA", 1);
  b.output("p", {2, 3, 128});
  testing::Imported m = b.import();
  CHECK(m.op("proj")->macs == 2 * 3 * 64 * 128);
  CHECK(m.model.tensor("proj.weight")->shape == std::vector<int64_t>{64, 128});
  CHECK(m.op("fc")->macs == 6 * 64 * 10);
  CHECK(m.model.opParams(*m.op("fc")) == 64 * 10 + 10);
  CHECK(m.op("act")->inputs == std::vector<std::string>{"a", "bt"});
  CHECK(m.op("act")->macs == 6 * 64 * 32);
  CHECK(m.unsupported("ta", "Gemm"));
}

TEST_CASE("padding: explicit, SAME_UPPER and asymmetric pads keep the output size",
          "[onnx][conv]") {
  Builder b;
  b.input("x", {1, 8, 8, 8});
  b.init("w", {16, 8, 3, 3});
  b.init("dw", {16, 1, 3, 3});
  auto &same = b.node("Conv", "same", {"x", "w"}, {"y"});
  Builder::ints(same, "strides", {2, 2});
  Builder::text(same, "auto_pad", "SAME_UPPER"); // total pad 1: begin 0, end 1
  auto &dw = b.node("Conv", "dw", {"x", "dw"}, {"z"});
  Builder::integer(dw, "group", 8); // 8 channels, 16 outputs: multiplier 2
  Builder::ints(dw, "pads", {1, 1, 1, 1});
  Builder::ints(dw, "dilations", {2, 2});
  b.output("y", {1, 16, 4, 4});
  b.output("z", {1, 16, 6, 6});
  testing::Imported m = b.import();
  CHECK(m.model.tensor("same")->shape == std::vector<int64_t>{1, 16, 4, 4});
  CHECK(m.op("same")->macs == 16 * 8 * 9 * 16);
  CHECK(m.op("same")->attrs.at("pad") == std::vector<int64_t>{1, 1});
  REQUIRE(m.result.notes.size() == 1);
  CHECK(m.result.notes[0].node == "same");
  CHECK(m.op("dw")->kind == "depthwise_conv2d");
  CHECK(m.op("dw")->macs == 16 * 9 * 36);
  CHECK(m.model.tensor("dw")->shape == std::vector<int64_t>{1, 16, 6, 6});
}

TEST_CASE("unsupported nodes are reported by name and their outputs become inputs",
          "[onnx][unsupported]") {
  Builder b;
  b.input("x", {1, 4, 5, 5});
  b.init("bias", {4, 1, 1});
  b.init("shape", {2}, 7, {1, -1});
  b.node("Add", "bias_add", {"x", "bias"}, {"xb"}); // broadcast: no .wl equivalent
  b.node("Relu", "", {"xb"}, {"act/out:0"});       // unnamed: named after its output
  b.node("TopK", "weight", {"act/out:0"}, {"vals", "idx"});
  b.node("Reshape", "flat", {"act/out:0", "shape"}, {"f"});
  b.node("Shape", "sh", {"f"}, {"s"});
  b.output("f", {1, 100});
  b.output("s", {2});
  b.info("xb", {1, 4, 5, 5});
  testing::Imported m = b.import();
  REQUIRE(m.result.unsupported.size() == 2);
  CHECK(m.unsupported("bias_add", "Add"));
  CHECK(m.result.unsupported[0].message.find("broadcasting [1, 4, 5, 5] and [4, 1, 1]") !=
        std::string::npos);
  CHECK(m.unsupported("weight", "TopK"));
  const dsl::TensorInfo *xb = m.model.tensor("xb");
  REQUIRE(xb);
  CHECK(xb->kind == dsl::TensorInfo::Kind::Input);
  REQUIRE(m.op("act_out_0"));
  CHECK(m.op("act_out_0")->kind == "relu");
  CHECK(m.result.wl.find("// ONNX node 'act/out:0' (Relu)") != std::string::npos);
  REQUIRE(m.op("flat"));
  CHECK(m.model.tensor("flat")->shape == std::vector<int64_t>{1, 100});
  CHECK(m.result.skippedNodes == 1); // Shape
}

TEST_CASE("a Transpose that is not an attention operand is a copy einsum", "[onnx][einsum]") {
  Builder b;
  b.input("x", {2, 3, 4});
  Builder::ints(b.node("Transpose", "perm", {"x"}, {"t"}), "perm", {2, 0, 1});
  b.node("Relu", "r", {"t"}, {"y"});
  b.output("y", {4, 2, 3});
  testing::Imported m = b.import();
  REQUIRE(m.op("perm"));
  CHECK(m.op("perm")->kind == "einsum");
  CHECK(m.op("perm")->macs == 0);
  CHECK(m.op("perm")->ops == 24);
  CHECK(m.model.tensor("perm_out")->shape == std::vector<int64_t>{4, 2, 3});
  CHECK(m.op("r")->inputs == std::vector<std::string>{"perm_out"});
}
