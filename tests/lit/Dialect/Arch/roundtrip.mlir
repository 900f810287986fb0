// RUN: tessel-opt %s | tessel-opt | FileCheck %s

// CHECK-LABEL: arch.accelerator @tiny technology #arch.quantity<65 nm> clock #arch.quantity<200000000 hz> word 16 model "analytical" dataflow "row_stationary"
arch.accelerator @tiny technology #arch.quantity<65 nm> clock #arch.quantity<2.0e+08 hz> word 16 model "analytical" dataflow "row_stationary" {
  // CHECK: arch.param @rows = <12 count> in #arch.set<[8, 12, 16] count>
  arch.param @rows = <12 count> in #arch.set<[8, 12, 16] count>
  // CHECK: arch.param @glb = <884736 bits> in #arch.range<524288 to 2097152 step 8192 bits>
  arch.param @glb = <884736 bits> in #arch.range<524288 to 2097152 step 8192 bits>
  // CHECK: arch.param @free = <0.5 pj>
  arch.param @free = <0.5 pj>
  // CHECK: arch.memory @DRAM class "dram"("lpddr4") banks 1 width #arch.quantity<64 bits> read_bw #arch.quantity<64 bits_per_cycle> write_bw #arch.quantity<32 bits_per_cycle> shared_bw #arch.quantity<19.2 bits_per_cycle> read_energy #arch.quantity<512 pj> write_energy #arch.quantity<512 pj> keeps ["input", "weight", "output"] instances 1
  arch.memory @DRAM class "dram"("lpddr4") banks 1 width #arch.quantity<64 bits> read_bw #arch.quantity<64 bits_per_cycle> write_bw #arch.quantity<32 bits_per_cycle> shared_bw #arch.quantity<19.2 bits_per_cycle> read_energy #arch.quantity<512 pj> write_energy #arch.quantity<512 pj> keeps ["input", "weight", "output"] instances 1
  // CHECK: arch.memory @GLB class "sram" size #arch.expr<bits, ()[s0] -> (s0 * 2), [@glb]> banks 27 area #arch.quantity<1500000 um2> leakage #arch.quantity<0.25 mw> keeps ["input", "output"] instances 1
  arch.memory @GLB class "sram" size #arch.expr<bits, ()[s0] -> (s0 * 2), [@glb]> banks 27 area #arch.quantity<1.5e+06 um2> leakage #arch.quantity<0.25 mw> keeps ["input", "output"] instances 1
  // CHECK: arch.array @PE y #arch.expr<count, ()[s0] -> (s0), [@rows]> x #arch.quantity<14 count> multicast reduction hop_energy #arch.quantity<0.035 pj> instances 1 {
  arch.array @PE y #arch.expr<count, ()[s0] -> (s0), [@rows]> x #arch.quantity<14 count> multicast reduction hop_energy #arch.quantity<0.035 pj> instances 1 {
    // CHECK: arch.memory @spad class "regfile" size #arch.quantity<192 bits> banks 1 keeps ["weight"] instances 168
    arch.memory @spad class "regfile" size #arch.quantity<192 bits> banks 1 keeps ["weight"] instances 168
    // CHECK: arch.memory @dual class "regfile" size #arch.quantity<64 bits> banks 1 ports 2 keeps ["output"] instances 168
    arch.memory @dual class "regfile" size #arch.quantity<64 bits> banks 1 ports 2 keeps ["output"] instances 168
    // CHECK: arch.compute @mac class "intmac" bits 16 format "int16" count 1 instances 168 energy #arch.quantity<0.2077 pj> area #arch.quantity<300 um2> leakage #arch.quantity<0.002 mw>
    arch.compute @mac class "intmac" bits 16 format "int16" count 1 instances 168 energy #arch.quantity<0.2077 pj> area #arch.quantity<300 um2> leakage #arch.quantity<0.002 mw>
  }
  // CHECK: arch.constraint "spatial_x" on @PE ["S", "C"]
  arch.constraint "spatial_x" on @PE ["S", "C"]
  // CHECK: arch.constraint "dataflow" ["row_stationary"]
  arch.constraint "dataflow" ["row_stationary"]
}

// The clock and the technology node may be expressions of parameters until they are bound.
// CHECK-LABEL: arch.accelerator @swept technology #arch.expr<nm, ()[s0] -> (s0), [@node]> clock #arch.expr<hz, ()[s0] -> (s0 * 2), [@freq]> word 16 model "analytical" {
arch.accelerator @swept technology #arch.expr<nm, ()[s0] -> (s0), [@node]> clock #arch.expr<hz, ()[s0] -> (s0 * 2), [@freq]> word 16 model "analytical" {
  // CHECK: arch.param @freq = <250000000 hz> in #arch.set<[250000000, 500000000] hz>
  arch.param @freq = <250000000 hz> in #arch.set<[250000000, 500000000] hz>
  arch.param @node = <45 nm> in #arch.set<[28, 45] nm>
  arch.memory @DRAM class "dram" banks 1 keeps ["input", "weight", "output"] instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}
