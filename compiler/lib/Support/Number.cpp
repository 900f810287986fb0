//===- Number.cpp - shortest round-trip printing of reals in attributes ---===//
// Implements the number parameter parser/printer shared by the arch and map dialects.
//===----------------------------------------------------------------------===//
#include "tessel/Support/Number.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace tessel {

std::string formatNumber(double v) {
  char buf[64];
  if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof(buf), "%lld", static_cast<long long>(v));
    return buf;
  }
  for (int precision = 6; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof(buf), "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v)
      break;
  }
  std::string s = buf;
  // MLIR float literals need a '.' before an exponent ("2e+08" -> "2.0e+08").
  if (s.find('.') == std::string::npos && s.find('e') != std::string::npos)
    s.insert(s.find('e'), ".0");
  return s;
}

mlir::FailureOr<Real> parseNumber(mlir::AsmParser &parser) {
  int64_t i = 0;
  mlir::OptionalParseResult asInt = parser.parseOptionalInteger(i);
  if (asInt.has_value()) {
    if (failed(*asInt))
      return mlir::failure();
    return Real(static_cast<double>(i));
  }
  double d = 0;
  if (parser.parseFloat(d))
    return mlir::failure();
  return Real(d);
}

void printNumber(mlir::AsmPrinter &printer, double v) { printer << formatNumber(v); }

mlir::FailureOr<llvm::SmallVector<Real>> parseNumberList(mlir::AsmParser &parser) {
  llvm::SmallVector<Real> values;
  if (parser.parseCommaSeparatedList(mlir::AsmParser::Delimiter::Square, [&] {
        mlir::FailureOr<Real> v = parseNumber(parser);
        if (failed(v))
          return mlir::failure();
        values.push_back(*v);
        return mlir::success();
      }))
    return mlir::failure();
  return values;
}

void printNumberList(mlir::AsmPrinter &printer, llvm::ArrayRef<Real> values) {
  printer << '[';
  llvm::interleaveComma(values, printer, [&](Real v) { printNumber(printer, v); });
  printer << ']';
}

} // namespace tessel
