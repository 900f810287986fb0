// Imports every shipped .hw/.wl into MLIR, checks locations and diagnostics, and checks
// that wl-lower-to-einsum reproduces the DSL's einsum forms and MAC totals exactly.
#include "../LineOf.h"
#include "tessel/Dialect/Arch/Transforms/Passes.h"
#include "tessel/Dialect/Workload/Transforms/Passes.h"
#include "tessel/Import/Import.h"
#include "tessel/dsl/Check.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

using namespace tessel;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> shipped(const char *dir, const char *ext) {
  std::vector<std::string> files;
  for (const auto &e : fs::directory_iterator(fs::path(TESSEL_SOURCE_DIR) / dir))
    if (e.path().extension() == ext)
      files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

struct Loaded {
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  std::vector<dsl::HwModel> hw;
  std::vector<dsl::WlModel> wl;
  mlir::MLIRContext ctx;
  std::ostringstream errors;
  mlir::OwningOpRef<mlir::ModuleOp> module;

  explicit Loaded(const std::vector<std::string> &files) {
    for (const std::string &f : files) {
      if (fs::path(f).extension() == ".hw") {
        auto m = dsl::checkHwFile(f, sm, diags);
        hw.insert(hw.end(), m.begin(), m.end());
      } else {
        auto m = dsl::checkWlFile(f, sm, diags);
        wl.insert(wl.end(), m.begin(), m.end());
      }
    }
    REQUIRE_FALSE(diags.hasErrors());
    importer::SourceDiagnosticHandler handler(&ctx, sm, errors);
    module = importer::importModels(&ctx, sm, hw, wl);
    INFO(errors.str());
    REQUIRE(module);
  }

  void lower() {
    importer::SourceDiagnosticHandler handler(&ctx, sm, errors);
    mlir::PassManager pm(&ctx);
    pm.addNestedPass<wl::GraphOp>(wl::createWlLowerToEinsum());
    INFO(errors.str());
    REQUIRE(mlir::succeeded(pm.run(*module)));
  }
};

int64_t loweredMacs(wl::GraphOp g) {
  int64_t total = 0;
  g.walk([&](wl::EinsumOp e) {
    auto count = e->getAttrOfType<mlir::IntegerAttr>("count");
    total += e.getMacs() * (count ? count.getInt() : 1);
  });
  return total;
}

} // namespace

TEST_CASE("every shipped workload imports and keeps its MACs through lowering", "[import]") {
  std::vector<std::string> files = shipped("examples", ".wl");
  // Every named operator, repeats and a generic einsum.
  files.push_back(std::string(TESSEL_SOURCE_DIR) + "/tests/lit/Import/Inputs/all-ops.wl");
  for (const std::string &file : files) {
    INFO(file);
    Loaded l({file});
    l.lower();
    for (wl::GraphOp g : l.module->getOps<wl::GraphOp>()) {
      const dsl::WlModel *m = nullptr;
      for (const dsl::WlModel &w : l.wl)
        if (w.name == g.getSymName())
          m = &w;
      REQUIRE(m);
      CHECK(loweredMacs(g) == m->totalMacs());
      // Every DSL einsum form has a wl.einsum with the same dims, bounds and MACs.
      std::map<std::string, wl::EinsumOp> byLabel;
      g.walk([&](wl::EinsumOp e) { byLabel[e.getLabel().str()] = e; });
      for (const dsl::OpInfo &op : m->ops)
        for (const dsl::EinsumForm &f : op.einsums) {
          INFO(f.name);
          REQUIRE(byLabel.count(f.name));
          wl::EinsumOp e = byLabel[f.name];
          std::vector<std::string> dims;
          std::vector<int64_t> bounds;
          for (const dsl::EinsumDim &d : f.dims) {
            dims.push_back(d.name);
            bounds.push_back(d.bound);
          }
          std::vector<std::string> got(e.getDims().getAsValueRange<mlir::StringAttr>().begin(),
                                       e.getDims().getAsValueRange<mlir::StringAttr>().end());
          CHECK(got == dims);
          CHECK(std::vector<int64_t>(e.getBounds().begin(), e.getBounds().end()) == bounds);
          CHECK(static_cast<int64_t>(e.getMacs()) == f.macs());
        }
    }
  }
}

TEST_CASE("ResNet-50 lowers to 54 MAC einsums totalling 4,089,184,256 MACs", "[import]") {
  Loaded l({std::string(TESSEL_SOURCE_DIR) + "/examples/resnet50.wl"});
  l.lower();
  int macEinsums = 0;
  l.module->walk([&](wl::EinsumOp e) { macEinsums += e.getMacs() > 0; });
  CHECK(macEinsums == 54);
  CHECK(loweredMacs(*l.module->getOps<wl::GraphOp>().begin()) == 4089184256LL);
}

TEST_CASE("every shipped accelerator imports with locations into its file", "[import]") {
  for (const std::string &file : shipped("hwspecs", ".hw")) {
    INFO(file);
    Loaded l({file});
    int accels = 0;
    l.module->walk([&](arch::AcceleratorOp acc) {
      ++accels;
      auto loc = mlir::dyn_cast<mlir::FileLineColLoc>(acc.getLoc());
      REQUIRE(loc);
      CHECK(loc.getFilename().getValue() == file);
      CHECK(loc.getLine() > 0);
    });
    CHECK(accels == static_cast<int>(l.hw.size()));
  }
}

TEST_CASE("ops carry the location of their statement", "[import]") {
  std::string file = std::string(TESSEL_SOURCE_DIR) + "/examples/resnet50.wl";
  Loaded l({file});
  bool found = false;
  l.module->walk([&](wl::Conv2DOp op) {
    if (op.getLabel() != "conv1")
      return;
    auto loc = mlir::cast<mlir::FileLineColLoc>(op.getLoc());
    std::string_view line = l.sm.lineText(1, loc.getLine());
    CHECK(line.substr(loc.getColumn() - 1, 5) == "conv1");
    found = true;
  });
  CHECK(found);
}

TEST_CASE("MLIR diagnostics render like the front end's", "[import]") {
  std::string file = std::string(TESSEL_SOURCE_DIR) + "/examples/resnet50.wl";
  Loaded l({file});
  std::ostringstream out;
  {
    importer::SourceDiagnosticHandler handler(&l.ctx, l.sm, out);
    l.module->walk([&](wl::Conv2DOp op) {
      if (op.getLabel() == "conv1")
        op.emitError() << "boom";
    });
    CHECK(handler.errorCount() == 1);
  }
  std::string text = out.str();
  CHECK(text.find("resnet50.wl:13:3: error: boom") != std::string::npos);
  CHECK(text.find("conv1 = conv2d(image") != std::string::npos);
  CHECK(text.find("^") != std::string::npos);
}

TEST_CASE("Eyeriss parameters stay symbolic until arch-bind-params", "[import][bind]") {
  Loaded l({std::string(TESSEL_SOURCE_DIR) + "/hwspecs/eyeriss.hw"});
  arch::AcceleratorOp acc = *l.module->getOps<arch::AcceleratorOp>().begin();
  auto glb = mlir::cast<arch::MemoryOp>(acc.lookupComponent("GLB"));
  REQUIRE(mlir::isa<arch::ExprAttr>(glb.getSizeAttr()));
  CHECK(*arch::valueOf(glb.getSizeAttr(), acc) == 108 * 1024 * 8);

  mlir::PassManager pm(&l.ctx);
  arch::ArchBindParamsOptions opts;
  opts.values = "rows=16,glb=256KiB";
  pm.addNestedPass<arch::AcceleratorOp>(arch::createArchBindParams(opts));
  REQUIRE(mlir::succeeded(pm.run(*l.module)));
  auto size = mlir::cast<arch::QuantityAttr>(glb.getSizeAttr());
  CHECK(size.getValue().value == 256 * 1024 * 8);
  auto mac = mlir::cast<arch::ComputeOp>(acc.lookupComponent("mac"));
  CHECK(mac.getInstances() == 16 * 14);
}


TEST_CASE("arch-bind-params rejects a value outside the domain at the param", "[bind]") {
  Loaded l({std::string(TESSEL_SOURCE_DIR) + "/hwspecs/eyeriss.hw"});
  std::ostringstream out;
  importer::SourceDiagnosticHandler handler(&l.ctx, l.sm, out);
  mlir::PassManager pm(&l.ctx);
  arch::ArchBindParamsOptions opts;
  opts.values = "rows=9";
  pm.addNestedPass<arch::AcceleratorOp>(arch::createArchBindParams(opts));
  CHECK(mlir::failed(pm.run(*l.module)));
  int rowsLine =
      tessel::testing::lineContaining(std::string(TESSEL_SOURCE_DIR) + "/hwspecs/eyeriss.hw", "param rows");
  REQUIRE(rowsLine > 0);
  CHECK(out.str().find("eyeriss.hw:" + std::to_string(rowsLine) +
                       ":9: error: value 9 for parameter 'rows' is outside its domain") !=
        std::string::npos);
}
