// `tessel import model.mlir|model.onnx -o model.wl`: linalg (named ops and generic) or an
// ONNX graph to a .wl workload.
#include "Commands.h"
#include "Frontend.h"

#include "tessel/Import/Import.h"
#include "tessel/Import/LinalgImport.h"
#include "tessel/Onnx/OnnxImport.h"

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
    "tessel import [options] FILE.mlir|FILE.onnx",
    "Convert linalg operations (MLIR) or an ONNX model into a .wl workload.",
    "FILE.mlir: every linalg op with affine indexing maps and static shapes (matmul,\n"
    "batch_matmul, conv_2d_*, depthwise_conv_2d_*, pooling_*, generic, ...) whose body\n"
    "multiplies and accumulates, takes a max or sums becomes one einsum.\n"
    "FILE.onnx: shapes come from the graph's inputs, value_info and initializers (ONNX\n"
    "shape inference fills gaps); Conv (groups, strides, pads, dilations), Gemm, MatMul\n"
    "(a MatMul reading a last-two-axes Transpose gets transpose_b), BatchNormalization,\n"
    "LayerNormalization, activations, Add/Sub/Mul of equal shapes, pooling, Softmax,\n"
    "Flatten/Reshape/Squeeze/Unsqueeze, Concat and Transpose become named operators or\n"
    "einsums named after their nodes; constants and integer shape arithmetic are\n"
    "skipped. See docs/analysis.md.\n"
    "Other ops are reported with their location or node name (warnings, or errors with\n"
    "--strict) and listed in a summary; their results become input tensors of the\n"
    "workload. Exit status: 0 on success, 1 on an unreadable input or any error.",
    {{"o", "FILE", "Write the .wl here (default: standard output)"},
     {"name", "NAME", "Workload name (default: the input file's stem)"},
     {"strict", "", "Unsupported operations are errors"}},
};

namespace {

bool writeOutput(const std::optional<std::string> &outPath, const std::string &text) {
  if (!outPath || *outPath == "-") {
    std::cout << text;
    return true;
  }
  std::error_code ec;
  llvm::raw_fd_ostream file(*outPath, ec);
  if (ec) {
    std::cerr << "tessel: error: cannot write '" << *outPath << "': " << ec.message() << "\n";
    return false;
  }
  file << text;
  return true;
}

void printSummary(const std::vector<std::string> &unsupported, bool strict) {
  if (unsupported.empty())
    return;
  std::map<std::string, int> counts;
  for (const std::string &u : unsupported)
    ++counts[u];
  std::cerr << "tessel import: " << unsupported.size() << " unsupported operation"
            << (unsupported.size() == 1 ? "" : "s") << (strict ? "" : " skipped") << ":";
  for (auto &[name, n] : counts)
    std::cerr << " " << name << " (" << n << ")";
  std::cerr << "\n";
}

int runOnnxImport(const std::string &path, const importer::LinalgImportOptions &opts,
                  const std::optional<std::string> &outPath) {
  onnximport::OnnxImportOptions o;
  o.name = opts.name;
  onnximport::OnnxImportResult r = onnximport::importOnnxFile(path, o);
  for (const std::string &e : r.errors)
    std::cerr << "tessel import: error: " << e << "\n";
  if (!r.errors.empty())
    return 1;
  const char *severity = opts.strict ? "error" : "warning";
  std::vector<std::string> kinds;
  for (const onnximport::NodeIssue &u : r.unsupported) {
    std::cerr << path << ": " << severity << ": unsupported ONNX node '" << u.node << "' ("
              << u.opType << "): " << u.message
              << (opts.strict ? "" : "; its outputs become workload inputs") << "\n";
    kinds.push_back(u.opType);
  }
  for (const onnximport::NodeIssue &n : r.notes)
    std::cerr << path << ": note: ONNX node '" << n.node << "' (" << n.opType
              << "): " << n.message << "\n";
  printSummary(kinds, opts.strict);
  if (opts.strict && !r.unsupported.empty())
    return 1;
  return writeOutput(outPath, r.wl) ? 0 : 1;
}

} // namespace

int runImport(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args = parseArgs(kImportSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  if (args->positional.size() != 1) {
    std::cerr << "tessel import: error: expected one .mlir or .onnx input file\n";
    return 1;
  }
  const std::string &path = args->positional[0];
  importer::LinalgImportOptions opts;
  opts.strict = args->has("strict");
  opts.name = args->get("name").value_or(llvm::sys::path::stem(path).str());
  for (char &c : opts.name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  if (opts.name.empty() || std::isdigit(static_cast<unsigned char>(opts.name[0])))
    opts.name = "w" + opts.name;
  if (llvm::sys::path::extension(path) == ".onnx")
    return runOnnxImport(path, opts, args->get("o"));
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
  mlir::OwningOpRef<mlir::ModuleOp> dest = mlir::ModuleOp::create(src->getLoc());
  std::vector<std::string> unsupported;
  mlir::FailureOr<mlir::Operation *> graph =
      importer::importLinalg(*src, *dest, opts, unsupported);
  printSummary(unsupported, opts.strict);
  if (mlir::failed(graph))
    return 1;
  std::string out;
  llvm::raw_string_ostream os(out);
  if (mlir::failed(importer::writeWl(*graph, os)))
    return 1;
  return writeOutput(args->get("o"), out) ? 0 : 1;
}

} // namespace tessel::cli
