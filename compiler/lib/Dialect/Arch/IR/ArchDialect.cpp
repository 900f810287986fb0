//===- ArchDialect.cpp - the arch dialect ---------------------------------===//
// Registers the `arch` dialect's operations and attributes.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Arch/IR/Arch.h"

using namespace tessel::arch;

#include "tessel/Dialect/Arch/IR/ArchDialect.cpp.inc"

void ArchDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "tessel/Dialect/Arch/IR/ArchOps.cpp.inc"
      >();
  registerAttributes();
}
