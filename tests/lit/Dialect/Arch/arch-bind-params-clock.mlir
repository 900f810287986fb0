// The accelerator's own clock and technology are bound like the fields of the ops inside it;
// consumers read them only once bound (ExtractArch, tessel eval/map/sweep).
// RUN: tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params{values=freq=500MHz,node=28nm}))' | FileCheck %s
// RUN: tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params))' | FileCheck %s --check-prefix=DEFAULT
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params{values=freq=3GHz}))' 2>&1 | FileCheck %s --check-prefix=DOMAIN

// CHECK-LABEL: arch.accelerator @swept technology #arch.quantity<28 nm> clock #arch.quantity<1000000000 hz> word 16
// CHECK: arch.param @freq = <500000000 hz>
// CHECK: arch.param @node = <28 nm>

// DEFAULT: arch.accelerator @swept technology #arch.quantity<45 nm> clock #arch.quantity<500000000 hz> word 16

// DOMAIN: error: value 3000000000 for parameter 'freq' is outside its domain

arch.accelerator @swept technology #arch.expr<nm, ()[s0] -> (s0), [@node]> clock #arch.expr<hz, ()[s0] -> (s0 * 2), [@freq]> word 16 model "analytical" {
  arch.param @freq = <250000000 hz> in #arch.set<[250000000, 500000000] hz>
  arch.param @node = <45 nm> in #arch.set<[28, 45] nm>
  arch.memory @DRAM class "dram" banks 1 keeps ["input", "weight", "output"] instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}
