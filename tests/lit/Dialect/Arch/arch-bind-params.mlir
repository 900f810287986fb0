// RUN: tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params{values=rows=8,glb=64KiB}))' | FileCheck %s
// RUN: tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params))' | FileCheck %s --check-prefix=DEFAULT
// RUN: tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params{values=rows=10}))' -verify-diagnostics -split-input-file
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params{values=depth=3}))' 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params{values=rows=10 check-domain=false}))' | FileCheck %s --check-prefix=ANY

// CHECK: arch.param @rows = <8 count>
// CHECK: arch.param @glb = <524288 bits>
// CHECK: arch.memory @GLB class "sram" size #arch.quantity<1048576 bits>
// CHECK: arch.array @PE y #arch.quantity<8 count> x #arch.quantity<14 count> instances 1
// CHECK: arch.memory @spad {{.*}} instances 112
// CHECK: arch.compute @mac {{.*}} instances 112

// DEFAULT: arch.memory @GLB class "sram" size #arch.quantity<1769472 bits>
// DEFAULT: arch.array @PE y #arch.quantity<12 count>
// DEFAULT: arch.compute @mac {{.*}} instances 168

// ANY: arch.param @rows = <10 count>{{$}}
// ANY: arch.compute @mac {{.*}} instances 140

// UNKNOWN: error: unknown parameter 'depth' of @acc
// UNKNOWN: note: parameters are: rows, glb

arch.accelerator @acc technology #arch.quantity<65 nm> clock #arch.quantity<200000000 hz> word 16 model "analytical" {
  // expected-error @+1 {{value 10 for parameter 'rows' is outside its domain #arch.set<[8, 12, 16] count>}}
  arch.param @rows = <12 count> in #arch.set<[8, 12, 16] count>
  arch.param @glb = <884736 bits> in #arch.range<524288 to 2097152 step 8192 bits>
  arch.memory @DRAM class "dram" banks 1 keeps ["input", "weight", "output"] instances 1
  arch.memory @GLB class "sram" size #arch.expr<bits, ()[s0] -> (s0 * 2), [@glb]> banks 27 keeps ["input", "output"] instances 1
  arch.array @PE y #arch.expr<count, ()[s0] -> (s0), [@rows]> x #arch.quantity<14 count> instances 1 {
    arch.memory @spad class "regfile" size #arch.quantity<192 bits> banks 1 keeps ["weight"] instances 168
    arch.compute @mac class "intmac" bits 16 count 1 instances 168
  }
}
