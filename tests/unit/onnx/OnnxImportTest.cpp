// Unit tests of `tessel import` on the reference ONNX models (refdata MACs, node names,
// unsupported nodes, notes) and on unreadable files.
#include "ImportedModel.h"

#include <fstream>
#include <sstream>

using namespace tessel;
using testing::checkImported;

namespace {

std::string input(const std::string &name) {
  return std::string(TESSEL_TEST_DIR) + "/Inputs/" + name;
}

std::string readBytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

int64_t macsOfKind(const dsl::WlModel &m, const std::string &kind) {
  int64_t n = 0;
  for (const dsl::OpInfo &o : m.ops)
    if (o.kind == kind)
      n += o.macs * o.count;
  return n;
}

} // namespace

TEST_CASE("MobileNetV2 imports with the published 300,774,272 MACs", "[onnx][refdata]") {
  onnximport::OnnxImportOptions opts;
  opts.name = "mobilenetv2";
  testing::Imported m = checkImported(onnximport::importOnnxFile(input("mobilenetv2.onnx"), opts));
  CHECK(m.model.name == "mobilenetv2");
  CHECK(m.model.totalMacs() == 300774272); // refdata §1.4
  CHECK(m.result.unsupported.empty());
  CHECK(m.result.skippedNodes == 70); // the Clip bounds' Constant nodes
  // 52 convolutions (17 of them depthwise), the classifier, 35 ReLU6, 10 residual adds.
  int conv = 0, depthwise = 0, relu6 = 0, add = 0;
  for (const dsl::OpInfo &o : m.model.ops) {
    conv += o.kind == "conv2d";
    depthwise += o.kind == "depthwise_conv2d";
    relu6 += o.kind == "relu6";
    add += o.kind == "add";
  }
  CHECK(conv + depthwise == 52);
  CHECK(depthwise == 17);
  CHECK(relu6 == 35);
  CHECK(add == 10);
  CHECK(macsOfKind(m.model, "matmul") == 1280000);
  // Names come from the nodes; the comments keep the ONNX spelling.
  const dsl::OpInfo *first = m.op("features_features_0_features_0_0_Conv");
  REQUIRE(first);
  CHECK(first->macs == 10838016); // refdata §1.4 row 0
  CHECK(m.result.wl.find("// ONNX node '/features/features.0/features.0.0/Conv' (Conv)") !=
        std::string::npos);
  // Parameters: the 3,469,760 weights of refdata §1.4 plus one bias per output channel of
  // each of its 53 layers (batch norm folded into the convs by the export): the sum of K
  // over the table's rows, 18,056.
  CHECK(m.model.totalParams() == 3469760 + 18056);
}

TEST_CASE("AlexNet imports its convolutions and FCs; LRN is reported by node name",
          "[onnx][refdata]") {
  testing::Imported m = checkImported(onnximport::importOnnxFile(input("alexnet.onnx"), {}));
  // Derived from the graph's shapes (refdata §1.2 note: 224 input, conv1 without padding
  // -> 54x54, conv2/4/5 in two groups): 101,616,768 + 207,667,200 + 127,401,984 +
  // 95,551,488 + 63,700,992 (convs) + 58,621,952 (fc6-8) = 654,560,384.
  CHECK(macsOfKind(m.model, "conv2d") == 595938432);
  CHECK(macsOfKind(m.model, "matmul") == 58621952);
  CHECK(m.model.totalMacs() == 654560384);
  REQUIRE(m.result.unsupported.size() == 2);
  CHECK(m.unsupported("Op2", "LRN"));
  CHECK(m.unsupported("Op6", "LRN"));
  // Their outputs are inputs of the workload, so the pools after them still import.
  const dsl::TensorInfo *norm1 = m.model.tensor("norm1_1");
  REQUIRE(norm1);
  CHECK(norm1->kind == dsl::TensorInfo::Kind::Input);
  CHECK(norm1->shape == std::vector<int64_t>{1, 96, 54, 54});
  REQUIRE(m.op("Op3"));
  CHECK(m.op("Op3")->kind == "maxpool");
  // pool5's pads [0, 0, 1, 1] become the symmetric pad with the same 6x6 output.
  REQUIRE(m.result.notes.size() == 1);
  CHECK(m.result.notes[0].node == "Op14");
  CHECK(m.result.notes[0].message.find("pad=[1, 1]") != std::string::npos);
  CHECK(m.model.tensor("Op14")->shape == std::vector<int64_t>{1, 256, 6, 6});
  // Grouped convolutions keep their groups; Gemm with transB reads an implicit weight.
  REQUIRE(m.op("Op4"));
  CHECK(m.op("Op4")->attrs.at("groups") == std::vector<int64_t>{2});
  REQUIRE(m.op("Op16"));
  CHECK(m.op("Op16")->kind == "matmul");
  CHECK(m.op("Op16")->macs == 9216 * 4096);
  CHECK(m.op("Op18")->kind == "identity"); // Dropout
}

TEST_CASE("unreadable ONNX input is an error, not a crash", "[onnx][errors]") {
  onnximport::OnnxImportResult missing = onnximport::importOnnxFile(input("nope.onnx"), {});
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].find("cannot read") != std::string::npos);
  CHECK(missing.wl.empty());
  onnximport::OnnxImportResult garbage =
      onnximport::importOnnxBytes("this is not a protobuf \x01\x02\xff", "garbage.onnx", {});
  REQUIRE(garbage.errors.size() == 1);
  CHECK(garbage.errors[0] ==
        "garbage.onnx: not a valid ONNX model (the protobuf message does not parse)");
  // Every truncation of a real model either fails cleanly or imports a valid workload.
  std::string bytes = readBytes(input("alexnet.onnx"));
  REQUIRE(bytes.size() > 1000);
  for (size_t cut : {size_t(0), size_t(1), size_t(17), bytes.size() / 3, bytes.size() / 2,
                     bytes.size() - 5}) {
    onnximport::OnnxImportResult r =
        onnximport::importOnnxBytes(bytes.substr(0, cut), "cut.onnx", {});
    INFO("cut at " << cut);
    CHECK((r.errors.empty() != r.wl.empty()));
  }
}
