//===- Number.h - shortest round-trip printing of reals in attributes -*- C++ -*-===//
// Parsing and printing of `double` attribute parameters: integers print without a
// fraction, other values with the fewest digits that read back to the same double.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_SUPPORT_NUMBER_H
#define TESSEL_SUPPORT_NUMBER_H

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstring>
#include <string>

namespace tessel {

/// A double usable as an attribute parameter (MLIR's storage hashing needs hash_value).
struct Real {
  double value = 0;
  Real(double v = 0) : value(v) {}
  operator double() const { return value; }
};
inline llvm::hash_code hash_value(Real r) {
  uint64_t bits;
  static_assert(sizeof(bits) == sizeof(r.value));
  std::memcpy(&bits, &r.value, sizeof(bits));
  return llvm::hash_value(bits);
}

/// The shortest decimal text that parses back to exactly `v` ("884736", "0.2077", "2e+08").
std::string formatNumber(double v);

/// Parses an integer or a float literal (MLIR's parseFloat rejects plain integers).
mlir::FailureOr<Real> parseNumber(mlir::AsmParser &parser);
void printNumber(mlir::AsmPrinter &printer, double v);

/// `[1, 2.5, 3]`
mlir::FailureOr<llvm::SmallVector<Real>> parseNumberList(mlir::AsmParser &parser);
void printNumberList(mlir::AsmPrinter &printer, llvm::ArrayRef<Real> values);

} // namespace tessel

#endif // TESSEL_SUPPORT_NUMBER_H
