// cost::Mapping <-> #map.mapping: a mapping printed as an attribute, parsed back and read
// into a cost::Mapping costs exactly what the original costs; names are checked.
#include "tessel/Extract/MapAttrs.h"
#include "tessel/cost/Analytical.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include <catch2/catch.hpp>

using namespace tessel;

namespace {

/// S[m, n] += Q[m, k] * K[n, k] (two tensors of role input, as in attention scores) on
/// DRAM -> Buf (keeps Q, K, S) -> 4 x 2 fan-out -> Reg (keeps K, S).
struct Fixture {
  cost::Problem problem;
  cost::Arch arch;
  cost::Mapping mapping;
  mlir::MLIRContext ctx;

  Fixture() {
    ctx.loadDialect<map::MapDialect>();
    problem.name = "scores";
    problem.dims = {{"M", 4}, {"N", 6}, {"K", 8}};
    std::vector<std::string> errors;
    problem.tensors.push_back(
        cost::makeTensor(problem, "q", {{{"M", 1}}, {{"K", 1}}}, false, errors));
    problem.tensors.push_back(
        cost::makeTensor(problem, "k.cache", {{{"N", 1}}, {{"K", 1}}}, false, errors));
    problem.tensors.push_back(
        cost::makeTensor(problem, "scores", {{{"M", 1}}, {{"N", 1}}}, true, errors));
    REQUIRE(errors.empty());
    cost::StorageLevel dram, buf, reg;
    dram.name = "DRAM";
    dram.readEnergy = dram.writeEnergy = dram.updateEnergy = 100;
    buf.name = "Buf";
    buf.capacityWords = 256;
    buf.readEnergy = buf.writeEnergy = buf.updateEnergy = 5;
    reg.name = "Reg";
    reg.keepMask = 0b110;
    reg.capacityWords = 32;
    reg.readEnergy = reg.writeEnergy = reg.updateEnergy = 1;
    arch.levels = {dram, buf, reg};
    cost::FanOut grid;
    grid.x = 2;
    grid.y = 4;
    grid.multicast = grid.reduction = true;
    arch.fanOuts = {cost::FanOut{}, grid, cost::FanOut{}};
    arch.compute.macEnergy = 1;
    // DRAM: K 2, M 2; Buf: bypasses k.cache (keeps q and scores), N 3, then spatial M 2 on x
    // and N 2, K 2 on y; Reg: K 2 twice (two loops of one dim at one level).
    mapping.levels.resize(3);
    mapping.levels[0].temporal = {{2, 2}, {0, 2}};
    mapping.levels[1].temporal = {{1, 3}};
    mapping.levels[1].spatial = {
        {0, 2, cost::Axis::X}, {1, 2, cost::Axis::Y}, {2, 2, cost::Axis::Y}};
    mapping.levels[1].bypass = 0b010;
    mapping.levels[2].temporal = {{2, 2}, {2, 1}};
  }

  /// Prints `attr`, parses the text back and reads it as a mapping; errors into `errors`.
  mlir::FailureOr<cost::Mapping> roundTrip(map::MappingAttr attr, std::string &errors) {
    std::string text;
    llvm::raw_string_ostream os(text);
    mlir::Attribute(attr).print(os);
    auto parsed = llvm::dyn_cast_or_null<map::MappingAttr>(mlir::parseAttribute(text, &ctx));
    REQUIRE(parsed);
    CHECK(parsed == attr);
    return read(parsed, errors);
  }

  mlir::FailureOr<cost::Mapping> read(map::MappingAttr attr, std::string &errors) {
    mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
      errors += d.str() + "\n";
      return mlir::success();
    });
    return extract::extractMapping(attr, problem, arch,
                                   [&] { return mlir::emitError(mlir::UnknownLoc::get(&ctx)); });
  }
};

map::LevelAttr level(map::MappingAttr attr, size_t l) {
  return llvm::cast<map::LevelAttr>(attr.getLevels()[l]);
}

std::vector<std::string> names(mlir::ArrayAttr list) {
  std::vector<std::string> out;
  for (mlir::Attribute a : list)
    out.push_back(llvm::cast<mlir::StringAttr>(a).str());
  return out;
}

} // namespace

TEST_CASE("a mapping read back from its #map.mapping costs the same", "[extract][map]") {
  Fixture f;
  cost::AnalyticalModel model(f.problem, f.arch);
  cost::CostReport original = model.evaluate(f.mapping);
  for (const std::string &v : cost::validateArch(f.arch, f.problem))
    FAIL_CHECK(v);
  for (const std::string &v : cost::checkMapping(f.problem, f.arch, f.mapping))
    FAIL_CHECK(v);
  REQUIRE(original.valid);

  map::MappingAttr attr = extract::toMappingAttr(&f.ctx, f.mapping, f.problem, f.arch);
  REQUIRE(attr.getLevels().size() == 3);
  CHECK(names(level(attr, 0).getKeep()) == std::vector<std::string>{"q", "k.cache", "scores"});
  // The two inputs are told apart: Buf keeps q but bypasses k.cache.
  CHECK(names(level(attr, 1).getKeep()) == std::vector<std::string>{"q", "scores"});
  CHECK(names(level(attr, 1).getBypass()) == std::vector<std::string>{"k.cache"});
  CHECK(names(level(attr, 1).getXDims()) == std::vector<std::string>{"M"});
  CHECK(names(level(attr, 1).getYDims()) == std::vector<std::string>{"N", "K"});
  CHECK(names(level(attr, 2).getTemporalDims()) == std::vector<std::string>{"K", "K"});
  CHECK(attr.totalFactor("K") == 8);

  std::string errors;
  mlir::FailureOr<cost::Mapping> back = f.roundTrip(attr, errors);
  REQUIRE(mlir::succeeded(back));
  CHECK(errors.empty());
  for (size_t l = 0; l < 3; ++l) {
    CAPTURE(l);
    const cost::LevelMapping &a = f.mapping.levels[l], &b = back->levels[l];
    CHECK(a.bypass == b.bypass);
    REQUIRE(a.temporal.size() == b.temporal.size());
    for (size_t i = 0; i < a.temporal.size(); ++i)
      CHECK(
          (a.temporal[i].dim == b.temporal[i].dim && a.temporal[i].factor == b.temporal[i].factor));
    REQUIRE(a.spatial.size() == b.spatial.size());
    for (size_t i = 0; i < a.spatial.size(); ++i)
      CHECK((a.spatial[i].dim == b.spatial[i].dim && a.spatial[i].factor == b.spatial[i].factor &&
             a.spatial[i].axis == b.spatial[i].axis));
  }
  cost::CostReport again = model.evaluate(*back);
  REQUIRE(again.valid);
  CHECK(again.totalEnergy == original.totalEnergy);
  CHECK(again.cycles == original.cycles);

  map::CostAttr cost = extract::toCostAttr(&f.ctx, original, f.problem, f.arch);
  CHECK(cost.getCycles() == original.cycles);
  CHECK(static_cast<double>(cost.getEnergy()) == original.totalEnergy);
  CHECK(static_cast<double>(cost.getUtilization()) == original.utilization);
  auto buf = llvm::dyn_cast_or_null<mlir::DictionaryAttr>(cost.getBreakdown().get("Buf"));
  REQUIRE(buf);
  CHECK_FALSE(buf.get("k.cache")); // bypassed: no access at Buf
  CHECK(buf.get("q"));
}

TEST_CASE("reading a #map.mapping reports names the layer or the arch does not have",
          "[extract][map]") {
  Fixture f;
  mlir::MLIRContext &ctx = f.ctx;
  auto str = [&](llvm::StringRef s) -> mlir::Attribute { return mlir::StringAttr::get(&ctx, s); };
  auto strings = [&](std::vector<llvm::StringRef> items) {
    llvm::SmallVector<mlir::Attribute> out;
    for (llvm::StringRef s : items)
      out.push_back(str(s));
    return mlir::ArrayAttr::get(&ctx, out);
  };
  auto one = [&](llvm::StringRef name, std::vector<llvm::StringRef> dims,
                 std::vector<int64_t> factors, std::vector<llvm::StringRef> keep,
                 std::vector<llvm::StringRef> bypass) {
    mlir::ArrayAttr none = strings({});
    return map::MappingAttr::get(
        &ctx,
        mlir::ArrayAttr::get(&ctx, {map::LevelAttr::get(&ctx, mlir::StringAttr::get(&ctx, name),
                                                        strings(dims), factors, none, {}, none, {},
                                                        strings(keep), strings(bypass))}));
  };
  std::string errors;
  CHECK(mlir::failed(f.read(one("GLB", {}, {}, {}, {}), errors)));
  CHECK(errors == "mapping level 'GLB' is not a storage level of the accelerator (levels: "
                  "DRAM, Buf, Reg)\n");
  errors.clear();
  CHECK(mlir::failed(f.read(one("Buf", {"P"}, {2}, {}, {}), errors)));
  CHECK(errors == "level 'Buf' has a loop over dim 'P', which layer 'scores' does not have "
                  "(dims: M, N, K)\n");
  errors.clear();
  CHECK(mlir::failed(f.read(one("Buf", {}, {}, {}, {"k"}), errors)));
  CHECK(errors == "level 'Buf' names tensor 'k', which layer 'scores' does not have (tensors: "
                  "q, k.cache, scores)\n");
  errors.clear();
  CHECK(mlir::failed(f.read(one("Reg", {}, {}, {"scores"}, {}), errors)));
  CHECK(errors == "level 'Reg' lists keep [scores] but with its bypasses it keeps "
                  "[k.cache, scores]\n");
  errors.clear();
  // An empty keep list is not checked; a level not listed has no loops.
  mlir::FailureOr<cost::Mapping> m = f.read(one("Reg", {"K"}, {8}, {}, {"k.cache"}), errors);
  REQUIRE(mlir::succeeded(m));
  CHECK(errors.empty());
  CHECK(m->levels[2].bypass == 0b010);
  CHECK(m->levels[0].temporal.empty());
}
