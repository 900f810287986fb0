// `tessel compile --emit=ast`: the front-end stages of the compiler driver.
#include "Commands.h"
#include "Frontend.h"

#include "tessel/dsl/AstDump.h"
#include "tessel/dsl/Parser.h"

#include <iostream>

namespace tessel::cli {

const CommandSpec kCompileSpec = {
    "compile",
    "tessel compile [options] FILE...",
    "Run the compiler pipeline on .hw/.wl files and print the requested stage.",
    "Stages: ast (the parsed syntax tree with line:col of every node).",
    {{"emit", "STAGE", "What to print: ast (default ast)"}},
};

int runCompile(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args =
      parseArgs(kCompileSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  std::string emit = args->get("emit").value_or("ast");
  if (emit != "ast") {
    std::cerr << "tessel compile: error: unknown stage '" << emit << "' for --emit\n"
              << "hint: stages are: ast\n";
    return 1;
  }
  if (args->positional.empty()) {
    std::cerr << "tessel compile: error: no input files\n";
    return 1;
  }
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  for (const std::string &f : args->positional) {
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

} // namespace tessel::cli
