//===- Number.td - real-valued attribute parameters ------*- tablegen -*-===//
// Attribute parameters holding doubles, printed with the shortest round-trip text.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_SUPPORT_NUMBER_TD
#define TESSEL_SUPPORT_NUMBER_TD

include "mlir/IR/AttrTypeBase.td"

def Tessel_NumberParameter : AttrParameter<"::tessel::Real", "a real number"> {
  let parser = "::tessel::parseNumber($_parser)";
  let printer = "::tessel::printNumber($_printer, $_self)";
}

def Tessel_NumberListParameter : ArrayRefParameter<"::tessel::Real", "a list of real numbers"> {
  let parser = "::tessel::parseNumberList($_parser)";
  let printer = "::tessel::printNumberList($_printer, $_self)";
}

#endif // TESSEL_SUPPORT_NUMBER_TD
