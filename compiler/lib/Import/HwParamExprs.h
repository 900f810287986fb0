//===- HwParamExprs.h - parameter expressions of .hw fields -----*- C++ -*-===//
// Plain C++ (no MLIR): re-reads the AST of an accelerator to find which fields are
// expressions of parameters, so that the importer can keep them symbolic.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_IMPORT_HWPARAMEXPRS_H
#define TESSEL_IMPORT_HWPARAMEXPRS_H

#include "tessel/dsl/HwModel.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace tessel::importer {

/// An arithmetic expression over parameters, in base units.
struct ParamExpr {
  enum class Kind { Number, Param, Add, Sub, Mul, Div, Neg } kind = Kind::Number;
  double value = 0; ///< for Number
  std::string name; ///< for Param
  std::vector<ParamExpr> args;
  bool usesParams() const;
};

/// One field of an accelerator whose value is computed from parameters.
struct ParamUse {
  /// The field as ParamFields::exprs names it ("GLB.banks", "PE.hop_energy", "clock"), or
  /// "param.NAME" for the default of a derived param.
  std::string key;
  /// The field as diagnostics name it: "memory @GLB banks", "array @PE y",
  /// "compute @mac count", "accelerator @tiny clock", "param @b".
  std::string field;
  /// Every param the value depends on, also through the defaults of derived params.
  std::set<std::string> params;
};

/// The parameter-dependent fields of accelerator `hw`, from one re-parse of its file.
struct ParamFields {
  /// Those the importer can keep symbolic: keys are "technology", "clock", "<array>.y",
  /// "<array>.x" and "<level>.F" for the memory fields F size, width, read_bandwidth,
  /// write_bandwidth (both from `bandwidth`), shared_bandwidth, read_energy, write_energy,
  /// area and leakage.
  /// Fields that use no parameter, or whose expression uses functions (min, max, ...), are
  /// left out.
  std::map<std::string, ParamExpr> exprs;
  /// Every field (memory, array, network and compute-unit fields, technology, clock, word,
  /// the defaults of params) whose expression names a parameter, directly or through a
  /// derived param. A memory's `bandwidth` gives two uses, `read_bandwidth` and
  /// `write_bandwidth`.
  std::vector<ParamUse> uses;
};

/// Never throws; both lists are empty when the file cannot be re-parsed.
ParamFields findParamFields(const dsl::SourceManager &sm, const dsl::HwModel &hw);

} // namespace tessel::importer

#endif // TESSEL_IMPORT_HWPARAMEXPRS_H
