//===- MapDialect.cpp - the map dialect -----------------------------------===//
// Registers the `map` dialect's attributes.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Map/IR/Map.h"

using namespace tessel::map;

#include "tessel/Dialect/Map/IR/MapDialect.cpp.inc"

void MapDialect::initialize() { registerAttributes(); }
