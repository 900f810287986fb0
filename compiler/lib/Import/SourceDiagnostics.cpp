//===- SourceDiagnostics.cpp - MLIR diagnostics in the front end's style --===//
// Locations and diagnostics: dsl SourceRange -> FileLineColLoc, and back for printing.
//===----------------------------------------------------------------------===//
#include "tessel/Import/Import.h"

#include "mlir/IR/Location.h"
#include "tessel/dsl/Diagnostics.h"

#include <ostream>

using namespace mlir;

namespace tessel::importer {

Location toLocation(MLIRContext *ctx, const dsl::SourceManager &sm, dsl::SourceRange range) {
  if (!range.valid() || range.file > sm.numFiles())
    return UnknownLoc::get(ctx);
  dsl::LineCol lc = sm.lineCol(range.file, range.begin);
  return FileLineColLoc::get(ctx, sm.name(range.file), lc.line, lc.col);
}

namespace {

/// The source range of a FileLineColLoc in a file of `sm` (one character wide).
dsl::SourceRange toRange(const dsl::SourceManager &sm, Location loc) {
  auto flc = dyn_cast<FileLineColLoc>(loc);
  if (!flc) {
    if (auto fused = dyn_cast<FusedLoc>(loc))
      for (Location l : fused.getLocations())
        if (dsl::SourceRange r = toRange(sm, l); r.valid())
          return r;
    if (auto named = dyn_cast<NameLoc>(loc))
      return toRange(sm, named.getChildLoc());
    return {};
  }
  for (uint32_t f = 1; f <= sm.numFiles(); ++f) {
    if (sm.name(f) != flc.getFilename().getValue())
      continue;
    std::string_view text = sm.text(f);
    uint32_t offset = 0;
    for (unsigned line = 1; line < flc.getLine() && offset < text.size(); ++offset)
      if (text[offset] == '\n')
        ++line;
    offset += flc.getColumn() > 0 ? flc.getColumn() - 1 : 0;
    if (offset > text.size())
      return {};
    uint32_t end = offset;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                 text[end] == '_' || text[end] == '.'))
      ++end;
    return {f, offset, std::max(end, offset + 1)};
  }
  return {};
}

dsl::Diagnostic convert(const dsl::SourceManager &sm, Diagnostic &d) {
  dsl::Diagnostic out;
  out.severity = d.getSeverity() == DiagnosticSeverity::Error     ? dsl::Severity::Error
                 : d.getSeverity() == DiagnosticSeverity::Warning ? dsl::Severity::Warning
                                                                  : dsl::Severity::Note;
  out.range = toRange(sm, d.getLocation());
  out.message = d.str();
  for (Diagnostic &note : d.getNotes())
    out.notes.push_back(convert(sm, note));
  return out;
}

} // namespace

SourceDiagnosticHandler::SourceDiagnosticHandler(MLIRContext *ctx, const dsl::SourceManager &sm,
                                                 std::ostream &os, bool color)
    : ScopedDiagnosticHandler(ctx), sm(sm), os(os), color(color) {
  setHandler([this](Diagnostic &d) {
    emit(d);
    return success();
  });
}

void SourceDiagnosticHandler::emit(Diagnostic &diag) {
  if (diag.getSeverity() == DiagnosticSeverity::Error)
    ++errors;
  dsl::Diagnostic d = convert(sm, diag);
  if (d.range.valid()) {
    dsl::printDiagnostic(os, sm, d, color);
    return;
  }
  // Not in a DSL file: keep MLIR's own location text.
  std::string loc;
  llvm::raw_string_ostream ls(loc);
  if (auto flc = dyn_cast<FileLineColLoc>(diag.getLocation()))
    ls << flc.getFilename().getValue() << ":" << flc.getLine() << ":" << flc.getColumn() << ": ";
  const char *sev = d.severity == dsl::Severity::Error     ? "error"
                    : d.severity == dsl::Severity::Warning ? "warning"
                                                           : "note";
  os << ls.str() << sev << ": " << d.message << "\n";
  for (Diagnostic &note : diag.getNotes())
    emit(note);
}

} // namespace tessel::importer
