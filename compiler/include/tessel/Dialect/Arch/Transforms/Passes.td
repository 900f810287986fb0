//===- Passes.td - arch dialect passes -----------------------*- tablegen -*-===//
// Binding one design point of an accelerator's parameters.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_ARCH_TRANSFORMS_PASSES_TD
#define TESSEL_DIALECT_ARCH_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def ArchBindParams : Pass<"arch-bind-params", "::tessel::arch::AcceleratorOp"> {
  let summary = "Bind parameters to one design point and fold derived values";
  let description = [{
    Sets each parameter named in `values` (e.g. `values=rows=8,glb=65536`, numbers in the
    parameter's unit or with a DSL unit such as `64KiB`), checks it against the
    parameter's domain (a violation is an error located at the `arch.param`), replaces
    every `#arch.expr` by the `#arch.quantity` it evaluates to and recomputes the
    `instances` of levels, arrays and compute units from the bound fan-outs. Parameters
    not named keep their current value. With `check-domain=false` a value outside the
    declared domain is accepted and the domain dropped from the `arch.param` (a sweep whose
    `--param` replaced the domain). A parameter listed in the accelerator's
    `arch.constant_param_uses` (fields the importer computed from it as constants) cannot
    be bound to a value other than its current one: an error names the parameter and the
    fields.
  }];
  let options = [
    Option<"values", "values", "std::string", /*default=*/"\"\"",
           "Comma-separated name=value bindings">,
    Option<"checkDomain", "check-domain", "bool", /*default=*/"true",
           "Reject values outside a parameter's declared domain">
  ];
}

#endif // TESSEL_DIALECT_ARCH_TRANSFORMS_PASSES_TD
