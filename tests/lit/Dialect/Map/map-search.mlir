// map-search: every MAC einsum gets its best mapping and cost as map.mapping / map.cost; the
// mapped module round-trips (print, parse, verify, print) unchanged; einsums of the same shape
// are searched once; errors are located at the op (or the module) and fail the pass.
// RUN: tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),wl.graph(wl-lower-to-einsum),map-search{search=exhaustive threads=2})' > %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: tessel-opt %t.mlir > %t.2.mlir
// RUN: tessel-opt %t.2.mlir | diff - %t.2.mlir
// RUN: FileCheck %s < %t.2.mlir
// The tiny accelerator has 2 x 2 MAC units: 1152 MACs take at least 288 cycles, which the
// cycles objective reaches with every unit busy.
// RUN: tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),wl.graph(wl-lower-to-einsum),map-search{objective=cycles threads=1})' | FileCheck %s --check-prefix=CYCLES
// RUN: tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),wl.graph(wl-lower-to-einsum),map-search{search=random max-evaluations=50 seed=3 threads=1})' | FileCheck %s --check-prefix=RANDOM

// CHECK:      wl.einsum "conv"
// CHECK-SAME: map.cost = #map.cost<cycles = {{[0-9]+}}, utilization = {{[0-9.e-]+}}, energy = {{[0-9.e+]+}}, area = 5600, breakdown = {DRAM = {conv = {{[^,]*}}, conv.weight = {{[^,]*}}, x = {{[^}]*}}}
// CHECK-SAME: map.mapping = #map.mapping<[#map.level<"DRAM"[[DRAM:[^k>]*]] keep [x, conv.weight, conv]>, #map.level<"GLB"[[GLB:[^k>]*]]{{( keep \[[^]]*\])?( bypass \[[^]]*\])?}}>, #map.level<"RF"[[RF:[^k>]*]]{{( keep \[[^]]*\])?( bypass \[[^]]*\])?}}>]>
// CHECK:      wl.einsum "conv2"
// CHECK-SAME: map.mapping = #map.mapping<[#map.level<"DRAM"[[DRAM]] keep [x, conv2.weight, conv2]>, #map.level<"GLB"[[GLB]]{{( keep \[[^]]*\])?( bypass \[[^]]*\])?}}>, #map.level<"RF"[[RF]]{{( keep \[[^]]*\])?( bypass \[[^]]*\])?}}>]>
// CHECK-NOT:  map.mapping

// CYCLES: wl.einsum "conv"{{.*}}map.cost = #map.cost<cycles = 288, utilization = 1,
// RANDOM: wl.einsum "conv"{{.*}}map.cost = #map.cost<cycles = {{[0-9]+}}

// The passes before map-search are required.
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),map-search)' 2>&1 | FileCheck %s --check-prefix=UNLOWERED
// UNLOWERED: map-search.mlir:[[# @LINE + 40]]:13: error: map-search maps wl.einsum ops: run wl-lower-to-einsum first
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(wl.graph(wl-lower-to-einsum),map-search)' 2>&1 | FileCheck %s --check-prefix=UNBOUND
// UNBOUND: error: {{.*}}arch-bind-params

// No mapping meets the limit: an error at the einsum, the search's diagnosis as notes.
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),wl.graph(wl-lower-to-einsum),map-search{max-cycles=100 threads=1})' 2>&1 | FileCheck %s --check-prefix=NOMAP
// NOMAP: map-search.mlir:[[# @LINE + 34]]:13: error: no valid mapping for layer 'conv' on 'tiny'
// NOMAP: note: {{.*}}288
// NOMAP: error: no valid mapping for layer 'conv2' on 'tiny'

// A cost model that fails stops the pass with its message.
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),wl.graph(wl-lower-to-einsum),map-search{search=exhaustive threads=1 cost-model="exec:%tessel_src/tests/plugins/exec/answer.py exit"})' 2>&1 | FileCheck %s --check-prefix=FAILS
// FAILS: error: map-search stopped at layer 'conv': cost model 'exec:{{.*}}answer.py exit' failed on request 1: the program exited with status 3 before answering
// FAILS-NOT: layer 'conv2'

// Bad options.
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),wl.graph(wl-lower-to-einsum),map-search{search=greedy})' 2>&1 | FileCheck %s --check-prefix=SEARCH
// SEARCH: error: map-search: unknown search 'greedy' (known: bnb, exhaustive, random, anneal)
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),wl.graph(wl-lower-to-einsum),map-search{objective=power})' 2>&1 | FileCheck %s --check-prefix=OBJECTIVE
// OBJECTIVE: error: map-search: bad objective 'power'
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),wl.graph(wl-lower-to-einsum),map-search{cost-model=nosuch})' 2>&1 | FileCheck %s --check-prefix=MODEL
// MODEL: error: map-search: unknown cost model 'nosuch' (known: analytical,
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),wl.graph(wl-lower-to-einsum),map-search{cost-model=roofline})' 2>&1 | FileCheck %s --check-prefix=BNB
// BNB: error: cannot search layer 'conv': bnb derives its bounds from tessel's model semantics
// RUN: not tessel-opt %s --pass-pipeline='builtin.module(arch.accelerator(arch-bind-params),wl.graph(wl-lower-to-einsum),map-search{accelerator=big})' 2>&1 | FileCheck %s --check-prefix=ACC
// ACC: error: map-search: no accelerator 'big' (accelerators: tiny)

module {
  arch.accelerator @tiny technology #arch.quantity<45 nm> clock #arch.quantity<1000000000 hz> word 16 model "analytical" {
    arch.param @rows = <2 count> in #arch.set<[1, 2, 4] count>
    arch.memory @DRAM class "dram"("lpddr4") banks 1 width #arch.quantity<64 bits> read_bw #arch.quantity<64 bits_per_cycle> write_bw #arch.quantity<64 bits_per_cycle> read_energy #arch.quantity<100 pj> write_energy #arch.quantity<100 pj> area #arch.quantity<0 um2> leakage #arch.quantity<0 mw> keeps ["input", "weight", "output"] instances 1
    arch.memory @GLB class "sram" size #arch.quantity<8192 bits> banks 1 read_bw #arch.quantity<32 bits_per_cycle> write_bw #arch.quantity<32 bits_per_cycle> read_energy #arch.quantity<2 pj> write_energy #arch.quantity<3 pj> area #arch.quantity<5000 um2> leakage #arch.quantity<1 mw> keeps ["input", "output"] instances 1
    arch.array @PE y #arch.expr<count, ()[s0] -> (s0), [@rows]> x #arch.quantity<2 count> multicast reduction hop_energy #arch.quantity<0.125 pj> instances 1 {
      arch.memory @RF class "regfile" size #arch.quantity<256 bits> banks 1 read_energy #arch.quantity<0.5 pj> write_energy #arch.quantity<0.25 pj> area #arch.quantity<100 um2> leakage #arch.quantity<0.01 mw> keeps ["weight", "output"] instances 4
      arch.compute @mac class "intmac" bits 16 count 1 instances 4 energy #arch.quantity<0.25 pj> area #arch.quantity<50 um2> leakage #arch.quantity<0.002 mw>
    }
  }
  wl.graph @tiny_net {
    %x = wl.input "x" : tensor<1x2x6x6xi16>
    %conv.weight = wl.weight "conv.weight" : tensor<4x2x3x3xi16>
    %conv = wl.conv2d "conv" %x, %conv.weight stride [1, 1] pad [0, 0] dilation [1, 1] groups 1 : tensor<1x2x6x6xi16>, tensor<4x2x3x3xi16> -> tensor<1x4x4x4xi16>
    %act = wl.unary relu "act" %conv : tensor<1x4x4x4xi16> -> tensor<1x4x4x4xi16>
    %conv2.weight = wl.weight "conv2.weight" : tensor<4x2x3x3xi16>
    %conv2 = wl.conv2d "conv2" %x, %conv2.weight stride [1, 1] pad [0, 0] dilation [1, 1] groups 1 : tensor<1x2x6x6xi16>, tensor<4x2x3x3xi16> -> tensor<1x4x4x4xi16>
    %pool = wl.pool max "pool" %act kernel [2, 2] stride [2, 2] pad [0, 0] : tensor<1x4x4x4xi16> -> tensor<1x4x2x2xi16>
  }
}
