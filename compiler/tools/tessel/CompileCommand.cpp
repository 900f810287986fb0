// `tessel compile --emit=ast|mlir|einsum|mapped`: the stages of the compiler driver.
#include "Commands.h"
#include "CompileMapped.h"
#include "Frontend.h"

#include "tessel/Dialect/Workload/Transforms/Passes.h"
#include "tessel/Import/Import.h"
#include "tessel/dsl/AstDump.h"
#include "tessel/dsl/Parser.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_os_ostream.h"

#include <iostream>

namespace tessel::cli {

namespace {

std::vector<OptionSpec> compileOptions() {
  std::vector<OptionSpec> options = {
      {"emit", "STAGE", "What to print: ast, mlir, einsum or mapped (default ast)"}};
  for (OptionSpec &o : mappedOptions())
    options.push_back(std::move(o));
  return options;
}

} // namespace

const CommandSpec kCompileSpec = {
    "compile",
    "tessel compile [options] FILE...",
    "Run the compiler pipeline on .hw/.wl files and print the requested stage.",
    "Stages: ast (the parsed syntax tree with line:col of every node), mlir (the checked\n"
    "models imported as arch.* and wl.* ops), einsum (after wl-lower-to-einsum: every\n"
    "MAC-bearing operator as a wl.einsum with its MAC count, then the total per graph),\n"
    "mapped (one .hw and one .wl: the accelerator bound by arch-bind-params at its defaults\n"
    "or --param, the workload lowered, then map-search: every MAC einsum carries its best\n"
    "mapping as map.mapping = #map.mapping<...> and its cost as map.cost = #map.cost<...>,\n"
    "then per workload the totals over its einsums; the search and cost-model options are\n"
    "those of 'tessel map'; 'tessel eval --mapping FILE.mlir' reads a mapping back from\n"
    "this output). An einsum without a valid mapping or a failing cost model is an error\n"
    "(exit status 1). docs/passes.md describes map-search.",
    compileOptions(),
};

namespace {

int emitAst(const std::vector<std::string> &files) {
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  for (const std::string &f : files) {
    std::string err;
    FileKind k = fileKind(f);
    if (k == FileKind::Unknown) {
      std::cerr << "tessel: error: '" << f << "' is neither a .hw nor a .wl file\n";
      return 1;
    }
    std::optional<uint32_t> id = sm.addFile(f, err);
    if (!id) {
      std::cerr << "tessel: error: " << err << "\n";
      return 1;
    }
    if (k == FileKind::Hw) {
      dsl::ast::HwFile file;
      if (dsl::parseHw(sm, *id, diags, file))
        dsl::dumpAst(std::cout, sm, file);
    } else {
      dsl::ast::WlFile file;
      if (dsl::parseWl(sm, *id, diags, file))
        dsl::dumpAst(std::cout, sm, file);
    }
  }
  dsl::printDiagnostics(std::cerr, sm, diags, useColor());
  return diags.hasErrors() ? 1 : 0;
}

int emitMlir(const std::vector<std::string> &files, bool lower) {
  LoadedInputs in;
  if (!loadInputs(files, in, std::cerr))
    return 1;
  mlir::MLIRContext ctx;
  ctx.printOpOnDiagnostic(false);
  importer::SourceDiagnosticHandler handler(&ctx, in.sm, std::cerr, useColor());
  mlir::OwningOpRef<mlir::ModuleOp> module = importer::importModels(&ctx, in.sm, in.hw, in.wl);
  if (!module)
    return 1;
  if (lower) {
    mlir::PassManager pm(&ctx);
    pm.addNestedPass<wl::GraphOp>(wl::createWlLowerToEinsum());
    if (mlir::failed(pm.run(*module)))
      return 1;
  }
  llvm::raw_os_ostream os(std::cout);
  module->print(os);
  os << "\n";
  if (lower)
    for (wl::GraphOp g : module->getOps<wl::GraphOp>()) {
      int64_t total = 0, count = 0;
      g.walk([&](wl::EinsumOp e) {
        int64_t reps = 1;
        if (auto c = e->getAttrOfType<mlir::IntegerAttr>("count"))
          reps = c.getInt();
        if (e.getMacs() > 0) {
          total += e.getMacs() * reps;
          ++count;
        }
      });
      os << "// @" << g.getSymName() << ": " << count << " MAC einsums, " << total
         << " MACs\n";
    }
  return 0;
}

} // namespace

int runCompile(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args =
      parseArgs(kCompileSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  std::string emit = args->get("emit").value_or("ast");
  if (emit != "ast" && emit != "mlir" && emit != "einsum" && emit != "mapped") {
    std::cerr << "tessel compile: error: unknown stage '" << emit << "' for --emit\n"
              << "hint: stages are: ast, mlir, einsum, mapped\n";
    return 1;
  }
  if (emit != "mapped")
    for (const OptionSpec &o : mappedOptions())
      if (args->has(o.name)) {
        std::cerr << "tessel compile: error: --" << o.name << " applies to --emit=mapped only\n";
        return 1;
      }
  if (args->positional.empty()) {
    std::cerr << "tessel compile: error: no input files\n";
    return 1;
  }
  if (emit == "ast")
    return emitAst(args->positional);
  if (emit == "mapped")
    return emitMapped(*args, kCompileSpec.usage);
  return emitMlir(args->positional, emit == "einsum");
}

} // namespace tessel::cli
