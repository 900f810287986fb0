// RUN: tessel-opt %s -split-input-file -verify-diagnostics

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{value 10 is outside the domain #arch.set<[8, 12, 16] count>}}
  arch.param @rows = <10 count> in #arch.set<[8, 12, 16] count>
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{value is in bits but the domain is in count}}
  arch.param @rows = <8 bits> in #arch.set<[8, 12, 16] count>
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{'size' must be in bits, got #arch.quantity<5 pj>}}
  arch.memory @M class "sram" size #arch.quantity<5 pj> banks 1 keeps ["input"] instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{unknown tensor role 'inputs' (expected input, weight or output)}}
  arch.memory @M class "sram" banks 1 keeps ["inputs"] instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{unknown memory class 'flash'}}
  arch.memory @M class "flash" banks 1 keeps ["input"] instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

// expected-error @+1 {{has no 'arch.compute' unit}}
arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  arch.memory @M class "sram" banks 1 keeps ["input"] instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  arch.memory @M class "sram" banks 1 keeps ["input"] instances 1
  // expected-error @+1 {{redefines the name 'M'}}
  arch.compute @M class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{'size' refers to @nope, which is not a parameter of @a}}
  arch.memory @M class "sram" size #arch.expr<bits, ()[s0] -> (s0), [@nope]> banks 1 keeps ["input"] instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{fan-out must be a positive integer, got 0}}
  arch.array @PE y #arch.quantity<0 count> x #arch.quantity<4 count> instances 1 {
    arch.compute @mac class "intmac" bits 16 count 1 instances 1
  }
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
  // expected-error @+1 {{target @GLB is not a level or array of @a}}
  arch.constraint "spatial_x" on @GLB ["C"]
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{unknown compute class 'vector'}}
  arch.compute @mac class "vector" bits 16 count 1 instances 1
}

// -----

// expected-error @+1 {{range domain is empty: 4 > 2}}
arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" attributes {d = #arch.range<4 to 2 step 1 count>} {
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

// expected-error @+1 {{expression has 1 symbols but 2 parameters}}
arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" attributes {d = #arch.expr<bits, ()[s0] -> (s0), [@x, @y]>} {
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{'ports' must be at least 1, got 0}}
  arch.memory @M class "sram" banks 1 ports 0 keeps ["input"] instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{'shared_bw' must be in bits_per_cycle, got #arch.quantity<64 bits>}}
  arch.memory @DRAM class "dram" banks 1 shared_bw #arch.quantity<64 bits> keeps ["input", "weight", "output"] instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{'leakage' must be in mw}}
  arch.compute @mac class "intmac" bits 16 count 1 instances 1 leakage #arch.quantity<1 pj>
}

// -----

// expected-error @+1 {{'clock' must be in hz, got #arch.expr<bits, ()[s0] -> (s0), [@f]>}}
arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.expr<bits, ()[s0] -> (s0), [@f]> word 16 model "analytical" {
  arch.param @f = <1000 bits>
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

// expected-error @+1 {{'technology' must be in nm, got #arch.quantity<65 hz>}}
arch.accelerator @a technology #arch.quantity<65 hz> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

// expected-error @+1 {{'clock' refers to @f, which is not a parameter of @a}}
arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.expr<hz, ()[s0] -> (s0), [@f]> word 16 model "analytical" {
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{needs both 'compress' and 'run_bits' or neither}}
  arch.memory @DRAM class "dram" banks 1 keeps ["input", "output"] compress ["input"] instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{compresses 'weight', which it does not keep}}
  arch.memory @DRAM class "dram" banks 1 keeps ["input", "output"] compress ["weight"] run_bits 5 instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{run_bits must be 1 to 30, got 31}}
  arch.memory @DRAM class "dram" banks 1 keeps ["input"] compress ["input"] run_bits 31 instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}

// -----

arch.accelerator @a technology #arch.quantity<65 nm> clock #arch.quantity<1000 hz> word 16 model "analytical" {
  // expected-error @+1 {{compresses 'input' twice}}
  arch.memory @DRAM class "dram" banks 1 keeps ["input"] compress ["input", "input"] run_bits 5 instances 1
  arch.compute @mac class "intmac" bits 16 count 1 instances 1
}
