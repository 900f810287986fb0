// `tessel import model.mlir -o model.wl`: linalg (named ops and generic) to a .wl workload.
#include "Commands.h"
#include "Frontend.h"

#include "tessel/Import/Import.h"
#include "tessel/Import/LinalgImport.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_os_ostream.h"

#include <iostream>
#include <map>

namespace tessel::cli {

const CommandSpec kImportSpec = {
    "import",
    "tessel import [options] FILE.mlir",
    "Convert linalg operations of an MLIR file into a .wl workload of generic einsums.",
    "Every linalg op with affine indexing maps and static shapes (matmul, batch_matmul,\n"
    "conv_2d_*, depthwise_conv_2d_*, pooling_*, generic, ...) whose body multiplies and\n"
    "accumulates, takes a max or sums becomes one einsum. Other ops are reported with\n"
    "their location (warnings, or errors with --strict) and listed in a summary; their\n"
    "results become input tensors of the workload.",
    {{"o", "FILE", "Write the .wl here (default: standard output)"},
     {"name", "NAME", "Workload name (default: the input file's stem)"},
     {"strict", "", "Unsupported operations are errors"}},
};

int runImport(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args = parseArgs(kImportSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  if (args->positional.size() != 1) {
    std::cerr << "tessel import: error: expected one .mlir input file\n";
    return 1;
  }
  const std::string &path = args->positional[0];
  dsl::SourceManager sm;
  std::string err;
  if (!sm.addFile(path, err)) {
    std::cerr << "tessel: error: " << err << "\n";
    return 1;
  }
  mlir::DialectRegistry registry;
  importer::registerLinalgInputDialects(registry);
  mlir::MLIRContext ctx(registry);
  ctx.printOpOnDiagnostic(false);
  importer::SourceDiagnosticHandler handler(&ctx, sm, std::cerr, useColor());
  mlir::OwningOpRef<mlir::ModuleOp> src = mlir::parseSourceFile<mlir::ModuleOp>(path, &ctx);
  if (!src)
    return 1;
  importer::LinalgImportOptions opts;
  opts.strict = args->has("strict");
  opts.name = args->get("name").value_or(llvm::sys::path::stem(path).str());
  for (char &c : opts.name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  mlir::OwningOpRef<mlir::ModuleOp> dest = mlir::ModuleOp::create(src->getLoc());
  std::vector<std::string> unsupported;
  mlir::FailureOr<mlir::Operation *> graph =
      importer::importLinalg(*src, *dest, opts, unsupported);
  if (!unsupported.empty()) {
    std::map<std::string, int> counts;
    for (const std::string &u : unsupported)
      ++counts[u];
    std::cerr << "tessel import: " << unsupported.size() << " unsupported operation"
              << (unsupported.size() == 1 ? "" : "s") << (opts.strict ? "" : " skipped") << ":";
    for (auto &[name, n] : counts)
      std::cerr << " " << name << " (" << n << ")";
    std::cerr << "\n";
  }
  if (mlir::failed(graph))
    return 1;
  std::string out;
  llvm::raw_string_ostream os(out);
  if (mlir::failed(importer::writeWl(*graph, os)))
    return 1;
  std::optional<std::string> outPath = args->get("o");
  if (!outPath || *outPath == "-") {
    std::cout << out;
    return 0;
  }
  std::error_code ec;
  llvm::raw_fd_ostream file(*outPath, ec);
  if (ec) {
    std::cerr << "tessel: error: cannot write '" << *outPath << "': " << ec.message() << "\n";
    return 1;
  }
  file << out;
  return 0;
}

} // namespace tessel::cli
