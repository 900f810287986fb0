// Extraction of cost::Problem / Arch / MapConstraints from MLIR: Eyeriss + a ResNet-50 layer
// checked field by field against values derived by hand from the .hw/.wl text, and every
// diagnosed unsupported shape.
#include "tessel/Dialect/Arch/Transforms/Passes.h"
#include "tessel/Dialect/Workload/Transforms/Passes.h"
#include "tessel/Extract/Extract.h"
#include "tessel/Import/Import.h"
#include "tessel/dsl/Check.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

using namespace tessel;
using extract::Role;

namespace {

/// Diagnostics of a context collected as "error: message" lines.
struct Collected {
  explicit Collected(mlir::MLIRContext &ctx)
      : handler((ctx.printOpOnDiagnostic(false), &ctx), [this](mlir::Diagnostic &d) {
          text += d.str() + "\n";
          for (mlir::Diagnostic &note : d.getNotes())
            text += "note: " + note.str() + "\n";
          return mlir::success();
        }) {}
  std::string text;
  mlir::ScopedDiagnosticHandler handler;
};

/// eyeriss.hw + resnet50.wl imported, bound to the defaults and lowered to einsums.
struct Eyeriss {
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  mlir::MLIRContext ctx;
  std::ostringstream errors;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  cost::ComponentLibrary library;

  explicit Eyeriss(bool bind = true) {
    std::string src = TESSEL_SOURCE_DIR;
    std::vector<dsl::HwModel> hw = dsl::checkHwFile(src + "/hwspecs/eyeriss.hw", sm, diags);
    std::vector<dsl::WlModel> wl = dsl::checkWlFile(src + "/examples/resnet50.wl", sm, diags);
    REQUIRE_FALSE(diags.hasErrors());
    importer::SourceDiagnosticHandler handler(&ctx, sm, errors);
    module = importer::importModels(&ctx, sm, hw, wl);
    REQUIRE(module);
    mlir::PassManager pm(&ctx);
    if (bind)
      pm.addNestedPass<arch::AcceleratorOp>(arch::createArchBindParams());
    pm.addNestedPass<wl::GraphOp>(wl::createWlLowerToEinsum());
    INFO(errors.str());
    REQUIRE(mlir::succeeded(pm.run(*module)));
    cost::registerBuiltinComponents(library);
  }
  arch::AcceleratorOp acc() { return *module->getOps<arch::AcceleratorOp>().begin(); }
  wl::EinsumOp layer(llvm::StringRef name) {
    wl::EinsumOp found;
    module->walk([&](wl::EinsumOp e) {
      if (e.getLabel() == name)
        found = e;
    });
    REQUIRE(found);
    return found;
  }
};

/// A parsed MLIR module with the tessel dialects.
struct Parsed {
  mlir::MLIRContext ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  cost::ComponentLibrary library;
  explicit Parsed(const std::string &text) {
    mlir::DialectRegistry registry;
    importer::registerTesselDialects(registry);
    ctx.appendDialectRegistry(registry);
    ctx.loadAllAvailableDialects();
    Collected c(ctx);
    module = mlir::parseSourceString<mlir::ModuleOp>(text, &ctx);
    INFO(c.text);
    REQUIRE(module);
    cost::registerBuiltinComponents(library);
  }
  arch::AcceleratorOp acc() { return *module->getOps<arch::AcceleratorOp>().begin(); }
  wl::EinsumOp einsum() {
    wl::EinsumOp found;
    module->walk([&](wl::EinsumOp e) { found = e; });
    REQUIRE(found);
    return found;
  }
  /// The error text of extractArch, which must fail.
  std::string archError() {
    Collected c(ctx);
    REQUIRE(mlir::failed(extract::extractArch(acc(), library)));
    return c.text;
  }
};

const char *kMatmulGraph = R"(
wl.graph @g {
  %x = wl.input "x" : tensor<4x8xi8>
  %w = wl.weight "w" : tensor<8x3xi16>
  %y = wl.einsum "mm"(%x, %w) dims ["M", "N", "K"] bounds [4, 3, 8] reduce ["K"]
      maps [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>,
            affine_map<(d0, d1, d2) -> (d0, d1)>] combine mac macs 96
      : (tensor<4x8xi8>, tensor<8x3xi16>) -> tensor<4x3xi8>
}
)";

/// An accelerator whose body is `body`, at `tech` nm, 8-bit words, 1 GHz.
std::string accelerator(const std::string &body, const std::string &tech = "45") {
  return "arch.accelerator @toy technology #arch.quantity<" + tech +
         " nm> clock #arch.quantity<1000000000 hz> word 8 model \"analytical\" {\n" + body +
         "\n}\n";
}

const char *kDram = R"(arch.memory @DRAM class "dram"("lpddr4") banks 1 read_energy #arch.quantity<100 pj> write_energy #arch.quantity<100 pj> area #arch.quantity<0 um2> leakage #arch.quantity<0 mw> keeps ["input", "weight", "output"] instances 1)";

std::string regfile(const std::string &name, const std::string &keeps = "\"weight\"") {
  return "arch.memory @" + name +
         " class \"regfile\" size #arch.quantity<64 bits> banks 1 read_energy "
         "#arch.quantity<0.5 pj> write_energy #arch.quantity<0.25 pj> area #arch.quantity<10 "
         "um2> leakage #arch.quantity<0 mw> keeps [" +
         keeps + "] instances 1";
}

std::string mac(const std::string &count = "1") {
  return "arch.compute @mac class \"intmac\" bits 8 count " + count +
         " instances 1 energy #arch.quantity<0.1 pj> area #arch.quantity<5 um2>";
}

std::string array(const std::string &name, int y, int x, const std::string &body,
                  const std::string &network = "multicast reduction hop_energy "
                                               "#arch.quantity<0.05 pj>") {
  return "arch.array @" + name + " y #arch.quantity<" + std::to_string(y) + " count> x " +
         "#arch.quantity<" + std::to_string(x) + " count> " + network + " instances 1 {\n" +
         body + "\n}";
}

} // namespace

TEST_CASE("Eyeriss extracts into the hand-derived hierarchy", "[extract]") {
  Eyeriss e;
  cost::ComponentLibrary &lib = e.library;
  mlir::FailureOr<extract::ArchSpec> spec = extract::extractArch(e.acc(), lib);
  INFO(e.errors.str());
  REQUIRE(mlir::succeeded(spec));
  const cost::Arch &a = spec->arch;
  CHECK(a.name == "eyeriss");
  CHECK(spec->clockHz == 200e6);
  CHECK(spec->wordBits == 16);
  REQUIRE(a.levels.size() == 5);
  REQUIRE(a.fanOuts.size() == 5);
  const char *names[] = {"DRAM", "GLB", "ifmap_spad", "filter_spad", "psum_spad"};
  // size / 16-bit word: DRAM unbounded, 108 KiB = 884736 bits, 12, 224, 24 words.
  const int64_t capacity[] = {0, 55296, 12, 224, 24};
  // width / word: 64-bit DRAM and GLB -> 4 words per block; spads one word.
  const int64_t block[] = {4, 4, 1, 1, 1};
  // GLB 64 bit/cycle = 4 words/cycle for reads and for writes; DRAM's one bus 480 MB/s at
  // 200 MHz = 2.4 B = 1.2 words/cycle for both together (shared); spads unbounded.
  const double bandwidth[] = {0, 4, 0, 0, 0};
  const double shared[] = {1.2, 0, 0, 0, 0};
  // ISCA'16 Table IV ratios x one 16-bit MAC (1.268 pJ): DRAM 200x, GLB 6x (x 4 words per
  // 64-bit access), every scratchpad 1x; reads and writes alike.
  const double read[] = {1014.4, 30.432, 1.268, 1.268, 1.268};
  const double write[] = {1014.4, 30.432, 1.268, 1.268, 1.268};
  // keeps: all; input+output; input; weight; output (bit 0 input, 1 weight, 2 output).
  const extract::RoleMask keeps[] = {0b111, 0b101, 0b001, 0b010, 0b100};
  const int64_t instances[] = {1, 1, 168, 168, 168};
  for (size_t l = 0; l < 5; ++l) {
    INFO("level " << l);
    const cost::StorageLevel &s = a.levels[l];
    CHECK(s.name == names[l]);
    CHECK(s.capacityWords == capacity[l]);
    CHECK(s.wordBits == 16);
    CHECK(s.blockWords == block[l]);
    CHECK(s.readBandwidth == Approx(bandwidth[l]));
    CHECK(s.writeBandwidth == Approx(bandwidth[l]));
    CHECK(s.sharedBandwidth == Approx(shared[l]));
    CHECK(s.readEnergy == Approx(read[l]));
    CHECK(s.writeEnergy == Approx(write[l]));
    CHECK(s.updateEnergy == Approx(write[l]));
    CHECK(spec->keeps[l] == keeps[l]);
    CHECK(a.instances(l) == instances[l]);
    CHECK(spec->levelOps[l]->getAttrOfType<mlir::StringAttr>("sym_name").getValue() ==
          names[l]);
  }
  // Area and leakage are not in eyeriss.hw: the component library's, leakage at 200 MHz.
  cost::ComponentSpec glb;
  glb.cls = "sram";
  glb.sizeBits = 884736;
  glb.widthBits = 64;
  glb.banks = 27;
  glb.technologyNm = 65;
  cost::ComponentCosts glbCosts;
  REQUIRE(lib.estimate(glb, glbCosts).empty());
  CHECK(a.levels[1].area == Approx(glbCosts.area.value));
  CHECK(a.levels[1].leakage == Approx(glbCosts.leakage.value * 1e9 / 200e6));
  CHECK(a.levels[1].area > 0);

  // PE[rows=12][cols=14] below the GLB: x = cols, y = rows; multicast and reduction.
  CHECK(a.fanOuts[1].x == 14);
  CHECK(a.fanOuts[1].y == 12);
  CHECK(a.fanOuts[1].multicast);
  CHECK(a.fanOuts[1].reduction);
  CHECK(a.fanOuts[1].hopEnergy == Approx(2.536)); // hop_energy given: 2 x the MAC
  for (size_t l : {0, 2, 3, 4}) {
    CHECK(a.fanOuts[l].x == 1);
    CHECK(a.fanOuts[l].y == 1);
  }
  CHECK(spec->fanOutOps[1] != nullptr);
  CHECK(spec->fanOutOps[0] == nullptr);
  CHECK(a.computeUnits() == 168);
  CHECK(a.compute.name == "mac");
  CHECK(a.compute.macEnergy == Approx(1.268));
}

TEST_CASE("a ResNet-50 layer extracts into the hand-derived einsum", "[extract]") {
  Eyeriss e;
  // layer1_0_conv2: 3x3, stride 1, pad 1, 64 -> 64 channels on 56x56 (int8).
  mlir::FailureOr<extract::Extraction> x =
      extract::extract(e.acc(), e.layer("layer1_0_conv2"), e.library);
  INFO(e.errors.str());
  REQUIRE(mlir::succeeded(x));
  const cost::Problem &p = x->problem;
  CHECK(p.name == "layer1_0_conv2");
  REQUIRE(p.dims.size() == 7);
  const char *dims[] = {"N", "K", "C", "P", "Q", "R", "S"};
  const int64_t bounds[] = {1, 64, 64, 56, 56, 3, 3};
  for (size_t d = 0; d < 7; ++d) {
    CHECK(p.dims[d].name == dims[d]);
    CHECK(p.dims[d].bound == bounds[d]);
  }
  REQUIRE(p.tensors.size() == 3);
  // Input I[n, c, p + r - 1, q + s - 1]: the padding offset is dropped.
  CHECK(p.tensors[0].name == "layer1_0_relu1");
  CHECK(p.tensors[0].projection == std::vector<std::vector<int64_t>>{{1, 0, 0, 0, 0, 0, 0},
                                                                   {0, 0, 1, 0, 0, 0, 0},
                                                                   {0, 0, 0, 1, 0, 1, 0},
                                                                   {0, 0, 0, 0, 1, 0, 1}});
  CHECK(p.tensors[1].name == "layer1_0_conv2.weight");
  CHECK(p.tensors[1].projection == std::vector<std::vector<int64_t>>{{0, 1, 0, 0, 0, 0, 0},
                                                                   {0, 0, 1, 0, 0, 0, 0},
                                                                   {0, 0, 0, 0, 0, 1, 0},
                                                                   {0, 0, 0, 0, 0, 0, 1}});
  CHECK(p.tensors[2].name == "layer1_0_conv2");
  CHECK(p.tensors[2].isOutput);
  CHECK_FALSE(p.tensors[0].isOutput);
  for (const cost::Tensor &t : p.tensors)
    CHECK(t.elementBits == 8);
  CHECK(p.macs() == 115605504);
  // 56 + 3 - 1 = 58 input rows and columns touched (the padded input).
  CHECK(p.indexExtent(0, 2) == 58);

  CHECK(x->roles == llvm::SmallVector<Role>{Role::Input, Role::Weight, Role::Output});
  // Keep masks over (input, weight, output) = bits (0, 1, 2).
  const cost::TensorMask masks[] = {0b111, 0b101, 0b001, 0b010, 0b100};
  for (size_t l = 0; l < 5; ++l)
    CHECK(x->arch.levels[l].keepMask == masks[l]);
  CHECK(cost::validateArch(x->arch, p).empty());

  // row_stationary: the PE fan-out (below level 1) takes P, N, K across and R, C, K down, and
  // P down for folded PE sets.
  const cost::MapConstraints &c = x->constraints;
  CHECK(c.dataflow == "row_stationary");
  REQUIRE(c.levels.size() == 5);
  auto bit = [&](const char *d) { return cost::DimMask(1) << p.dimIndex(d); };
  CHECK(c.levels[1].spatialX == (bit("P") | bit("N") | bit("K")));
  CHECK(c.levels[1].spatialY == (bit("R") | bit("C") | bit("K") | bit("P")));
  CHECK(c.levels[0].spatialX == cost::kAllDims);
  CHECK(c.stationary == 0);
}

TEST_CASE("strided layers keep the stride as a coefficient", "[extract]") {
  Eyeriss e;
  // layer2_0_conv2: 3x3 stride 2 pad 1: input rows 2p + r - 1.
  mlir::FailureOr<cost::Problem> p = extract::extractProblem(e.layer("layer2_0_conv2"));
  REQUIRE(mlir::succeeded(p));
  CHECK(p->tensors[0].projection[2] == std::vector<int64_t>{0, 0, 0, 2, 0, 1, 0});
  CHECK(p->tensors[0].projection[3] == std::vector<int64_t>{0, 0, 0, 0, 2, 0, 1});
}

TEST_CASE("extraction reports an unbound accelerator and a non-MAC layer", "[extract]") {
  Eyeriss e(/*bind=*/false);
  Collected c(e.ctx);
  CHECK(mlir::failed(extract::extractArch(e.acc(), e.library)));
  CHECK(c.text == "'size' of memory 'GLB' still depends on parameters; run "
                  "arch-bind-params first\n");
  c.text.clear();
  CHECK(mlir::failed(extract::extractProblem(e.layer("pool1"))));
  CHECK(c.text == "layer 'pool1' is a 'max' einsum; only 'mac' einsums have a cost model\n");
}

TEST_CASE("roles: weights by their producer, the result is the output", "[extract]") {
  Parsed m(kMatmulGraph);
  CHECK(extract::tensorRoles(m.einsum()) ==
        llvm::SmallVector<Role>{Role::Input, Role::Weight, Role::Output});
  llvm::SmallVector<Role> roles{Role::Input, Role::Input, Role::Weight, Role::Output};
  CHECK(extract::tensorsWithRoles(roles, 0b001) == 0b0011);
  CHECK(extract::tensorsWithRoles(roles, 0b110) == 0b1100);
  CHECK(extract::parseRole("weight") == Role::Weight);
  CHECK_FALSE(extract::parseRole("weights"));
  CHECK(extract::roleName(Role::Output) == "output");

  mlir::FailureOr<cost::Problem> p = extract::extractProblem(m.einsum());
  REQUIRE(mlir::succeeded(p));
  CHECK(p->tensors[0].name == "x");
  CHECK(p->tensors[1].name == "w");
  CHECK(p->tensors[1].elementBits == 16);
  CHECK(p->tensors[2].name == "mm");
}

TEST_CASE("non-linear and non-separable index maps are diagnosed", "[extract]") {
  std::string modMap = kMatmulGraph;
  modMap.replace(modMap.find("(d0, d2)>"), 9, "(d0, d2 mod 4)>");
  Parsed mod(modMap);
  Collected c(mod.ctx);
  CHECK(mlir::failed(extract::extractProblem(mod.einsum())));
  CHECK(c.text == "index 1 of tensor 'x' is not linear in the dims (d2 mod 4); the cost models "
                  "need sums of dims times constants\n");

  std::string diag = kMatmulGraph;
  diag.replace(diag.find("(d0, d2)>"), 9, "(d0 + d2, d2)>");
  Parsed nonSep(diag);
  Collected c2(nonSep.ctx);
  CHECK(mlir::failed(extract::extractProblem(nonSep.einsum())));
  CHECK(c2.text == "layer 'mm' is not a supported einsum\nnote: tensor 'x' is not separable: "
                   "dim 'K' appears in indices 0 and 1\n");
}

TEST_CASE("a chain with a compute count and an array", "[extract]") {
  // DRAM -> PE[2][4] { RF -> mac x 3 }: the count becomes a 3-wide fan-out below RF.
  Parsed m(accelerator(std::string(kDram) + "\n" + array("PE", 2, 4, regfile("RF") + "\n" +
                                                                         mac("3"))) +
           kMatmulGraph);
  mlir::FailureOr<extract::ArchSpec> spec = extract::extractArch(m.acc(), m.library);
  REQUIRE(mlir::succeeded(spec));
  const cost::Arch &a = spec->arch;
  REQUIRE(a.levels.size() == 2);
  CHECK(a.levels[1].capacityWords == 8); // 64 bits of 8-bit words
  CHECK(a.levels[1].area == 10);
  CHECK(a.fanOuts[0].x == 4);
  CHECK(a.fanOuts[0].y == 2);
  CHECK(a.fanOuts[0].hopEnergy == Approx(0.05));
  CHECK(a.fanOuts[1].x == 3);
  CHECK(a.fanOuts[1].y == 1);
  CHECK(a.fanOuts[1].multicast);
  CHECK(a.fanOuts[1].reduction);
  CHECK(a.computeUnits() == 24);
  CHECK(a.compute.macEnergy == Approx(0.1));
  CHECK(a.compute.area == 5);
  CHECK(a.levels[0].leakage == 0);

  // A 1-D array holding the compute unit directly: count fills its y axis.
  Parsed oneD(accelerator(std::string(kDram) + "\n" + regfile("RF") + "\n" +
                          array("TC", 1, 4, mac("8"), "")) +
              kMatmulGraph);
  spec = extract::extractArch(oneD.acc(), oneD.library);
  REQUIRE(mlir::succeeded(spec));
  CHECK(spec->arch.fanOuts[1].x == 4);
  CHECK(spec->arch.fanOuts[1].y == 8);
  CHECK_FALSE(spec->arch.fanOuts[1].multicast);
  // No hop_energy: the component library's noc transfer of one 8-bit word at 45 nm.
  cost::ComponentSpec noc;
  noc.cls = "noc";
  noc.bits = 8;
  noc.technologyNm = 45;
  cost::ComponentCosts nocCosts;
  REQUIRE(oneD.library.estimate(noc, nocCosts).empty());
  CHECK(spec->arch.fanOuts[1].hopEnergy == Approx(nocCosts.readEnergy.value));
  CHECK(spec->arch.fanOuts[1].hopEnergy > 0);
}

TEST_CASE("unsupported hierarchies are diagnosed at the op", "[extract]") {
  SECTION("arrays nested without a level between them") {
    Parsed m(accelerator(std::string(kDram) + "\n" +
                         array("PE", 2, 2, array("SUB", 1, 2, regfile("RF") + "\n" + mac()))));
    CHECK(m.archError() == "array 'SUB' sits directly inside array 'PE' with no storage level "
                           "between them; add a memory inside 'PE' above 'SUB'\n");
  }
  SECTION("a memory after an array at the same level") {
    Parsed m(accelerator(std::string(kDram) + "\n" + array("PE", 2, 2, mac()) + "\n" +
                         regfile("RF")));
    CHECK(m.archError() == "memory 'RF' follows array 'PE' at the same nesting level; the "
                           "hierarchy must be a chain: everything below an array is declared "
                           "inside it, and the compute unit comes last\n");
  }
  SECTION("a count inside a 2-D array without a level") {
    Parsed m(accelerator(std::string(kDram) + "\n" + array("PE", 2, 2, mac("4"))));
    CHECK(m.archError() == "compute unit 'mac' has count 4 inside the 2-D array 'PE' with no "
                           "storage level between them; put a memory inside the array above "
                           "the compute unit, or make the array one-dimensional\n");
  }
  SECTION("an array before any memory") {
    Parsed m(accelerator(array("PE", 2, 2, regfile("RF") + "\n" + mac())));
    CHECK(m.archError() == "array 'PE' has no storage level above it; the outermost component "
                           "must be a memory (e.g. DRAM)\n");
  }
  SECTION("a width that is not a whole number of words") {
    Parsed m(accelerator(std::string(kDram) + "\n" +
                         "arch.memory @B class \"sram\" size #arch.quantity<1024 bits> banks 1 "
                         "width #arch.quantity<12 bits> keeps [\"input\"] instances 1\n" +
                         mac()));
    CHECK(m.archError() ==
          "width of memory 'B' (12 bits) is not a multiple of the 8-bit word\n");
  }
  SECTION("a read energy the library cannot supply") {
    // 5 nm is outside the library's 7-65 nm scaling range.
    Parsed m(accelerator("arch.memory @DRAM class \"dram\"(\"lpddr4\") banks 1 keeps "
                         "[\"input\", \"weight\", \"output\"] instances 1\n" +
                             mac(),
                         "5"));
    std::string error = m.archError();
    CHECK(error.rfind("memory 'DRAM' has no read_energy and the component library cannot "
                      "supply it: ",
                      0) == 0);
    CHECK(error.find("(give read_energy in the .hw)") != std::string::npos);
  }
}

TEST_CASE("constraint ops resolve against the einsum", "[extract]") {
  std::string body = std::string(kDram) + "\n" +
                     "arch.memory @GLB class \"sram\" size #arch.quantity<8192 bits> banks 1 "
                     "read_energy #arch.quantity<2 pj> write_energy #arch.quantity<2 pj> area "
                     "#arch.quantity<1 um2> leakage #arch.quantity<0 mw> keeps [\"input\", "
                     "\"weight\", \"output\"] instances 1\n" +
                     array("PE", 2, 4, regfile("RF", "\"output\"") + "\n" + mac()) + "\n" +
                     "arch.constraint \"spatial_x\" on @PE [\"N\", \"K\", \"Z\"]\n"
                     "arch.constraint \"spatial_y\" on @GLB [\"M\"]\n"
                     "arch.constraint \"order\" on @GLB [\"K\", \"Z\", \"M\"]\n"
                     "arch.constraint \"bypass\" on @GLB [\"weight\"]\n"
                     "arch.constraint \"keep\" on @RF [\"output\"]\n"
                     "arch.constraint \"dataflow\" [\"weight_stationary\"]\n";
  Parsed m(accelerator(body) + kMatmulGraph);
  mlir::FailureOr<extract::Extraction> x = extract::extract(m.acc(), m.einsum(), m.library);
  REQUIRE(mlir::succeeded(x));
  const cost::MapConstraints &c = x->constraints;
  // Dims M=0, N=1, K=2; tensors x=0, w=1, mm=2. "Z" is not a dim of the matmul: left out.
  REQUIRE(c.levels.size() == 3);
  CHECK(c.levels[1].spatialX == 0b110);
  CHECK(c.levels[1].spatialY == 0b001);
  CHECK(c.levels[1].order == std::vector<int>{2, 0});
  CHECK(c.levels[1].bypass == 0b010);
  CHECK(c.levels[2].keep == 0b100);
  CHECK(c.levels[0].spatialX == cost::kAllDims);
  CHECK(c.stationary == 0b010);
  CHECK(c.dataflow == "weight_stationary");
  CHECK(x->arch.levels[2].keepMask == 0b100);

  Parsed bad(accelerator(body + "arch.constraint \"order\" on @PE [\"K\"]\n") + kMatmulGraph);
  Collected diag(bad.ctx);
  CHECK(mlir::failed(extract::extract(bad.acc(), bad.einsum(), bad.library)));
  CHECK(diag.text == "'order' applies to a memory level; @PE is not one\n");

  Parsed preset(accelerator(std::string(kDram) + "\n" + mac() +
                            "\narch.constraint \"dataflow\" [\"diagonal\"]\n") +
                kMatmulGraph);
  Collected diag2(preset.ctx);
  CHECK(mlir::failed(extract::extract(preset.acc(), preset.einsum(), preset.library)));
  CHECK(diag2.text == "unknown dataflow preset 'diagonal' (presets are weight_stationary, "
                      "output_stationary, input_stationary and row_stationary)\n");
}

TEST_CASE("every shipped accelerator extracts at its defaults", "[extract]") {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto &entry : fs::directory_iterator(fs::path(TESSEL_SOURCE_DIR) / "hwspecs"))
    if (entry.path().extension() == ".hw")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 2);
  cost::ComponentLibrary library;
  cost::registerBuiltinComponents(library);
  for (const std::string &file : files) {
    INFO(file);
    dsl::SourceManager sm;
    dsl::DiagnosticEngine diags;
    std::vector<dsl::HwModel> hw = dsl::checkHwFile(file, sm, diags);
    REQUIRE_FALSE(diags.hasErrors());
    mlir::MLIRContext ctx;
    ctx.printOpOnDiagnostic(false);
    std::ostringstream errors;
    importer::SourceDiagnosticHandler handler(&ctx, sm, errors);
    mlir::OwningOpRef<mlir::ModuleOp> module = importer::importModels(&ctx, sm, hw, {});
    REQUIRE(module);
    mlir::PassManager pm(&ctx);
    pm.addNestedPass<arch::AcceleratorOp>(arch::createArchBindParams());
    REQUIRE(mlir::succeeded(pm.run(*module)));
    for (arch::AcceleratorOp acc : module->getOps<arch::AcceleratorOp>()) {
      mlir::FailureOr<extract::ArchSpec> spec = extract::extractArch(acc, library);
      INFO(errors.str());
      REQUIRE(mlir::succeeded(spec));
      // The extracted compute units match the importer's instance count.
      acc.walk([&](arch::ComputeOp c) {
        CHECK(spec->arch.computeUnits() == static_cast<int64_t>(c.getInstances() * c.getCount()));
      });
    }
  }
}

TEST_CASE("ports and compute leakage reach the component library", "[extract]") {
  Parsed m(accelerator(std::string(kDram) + "\n" +
                       "arch.memory @B class \"sram\" size #arch.quantity<65536 bits> banks 2 "
                       "ports 2 width #arch.quantity<32 bits> keeps [\"input\"] instances 1\n" +
                       "arch.compute @mac class \"intmac\" bits 8 count 1 instances 1 energy "
                       "#arch.quantity<0.1 pj> area #arch.quantity<5 um2> leakage "
                       "#arch.quantity<0.5 mw>"));
  mlir::FailureOr<extract::ArchSpec> spec = extract::extractArch(m.acc(), m.library);
  REQUIRE(mlir::succeeded(spec));
  cost::ComponentSpec b;
  b.cls = "sram";
  b.sizeBits = 65536;
  b.widthBits = 32;
  b.banks = 2;
  b.ports = 2;
  b.technologyNm = 45;
  cost::ComponentCosts costs;
  REQUIRE(m.library.estimate(b, costs).empty());
  const cost::StorageLevel &level = spec->arch.levels[1];
  CHECK(level.readEnergy == Approx(costs.readEnergy.value));
  CHECK(level.writeEnergy == Approx(costs.writeEnergy.value));
  CHECK(level.area == Approx(costs.area.value));
  // mW at 1 GHz: 1 mW = 1 pJ per cycle.
  CHECK(level.leakage == Approx(costs.leakage.value));
  CHECK(level.blockWords == 4);
  // The figures depend on the ports, so the test would see them dropped.
  cost::ComponentCosts onePort;
  b.ports = 1;
  REQUIRE(m.library.estimate(b, onePort).empty());
  CHECK(onePort.area.value != Approx(costs.area.value));
  CHECK(spec->arch.compute.leakage == Approx(0.5));
}
