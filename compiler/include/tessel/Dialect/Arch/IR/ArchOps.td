//===- ArchOps.td - arch dialect operations ------------------*- tablegen -*-===//
// Accelerator, parameter, memory level, spatial array, compute unit and constraint ops.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_ARCH_IR_ARCHOPS_TD
#define TESSEL_DIALECT_ARCH_IR_ARCHOPS_TD

include "tessel/Dialect/Arch/IR/ArchAttrs.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/OpBase.td"

def Arch_AcceleratorOp : Arch_Op<"accelerator", [Symbol, SymbolTable, NoTerminator,
                                                 SingleBlock, IsolatedFromAbove]> {
  let summary = "An accelerator: parameters, storage levels, arrays and compute units";
  let description = [{
    The root of one `.hw` accelerator. The body lists `arch.param`s, then the storage
    levels from the outermost (DRAM) inwards, with `arch.array`s nesting the levels that
    are replicated spatially, and `arch.constraint`s. Names of levels, arrays and compute
    units are unique in the whole accelerator.

    `technology` (nm) and `clock` (Hz) are quantities, or `#arch.expr`s of parameters
    until `arch-bind-params` folds them; read them through `boundTechnologyNm()` and
    `boundClockHz()`, which fail with a diagnostic while they are still expressions.

    ```mlir
    arch.accelerator @tiny technology #arch.quantity<65 nm>
        clock #arch.expr<hz, ()[s0] -> (s0), [@freq]> word 16 model "analytical" {
      arch.param @freq = #arch.quantity<2.0e+08 hz> in #arch.set<[1.0e+08, 2.0e+08] hz>
      arch.param @rows = #arch.quantity<12 count> in #arch.set<[8, 12, 16] count>
      arch.memory @DRAM class "dram" banks 1 keeps ["input", "weight", "output"] instances 1
      arch.array @PE y #arch.expr<count, ()[s0] -> (s0), [@rows]> x #arch.quantity<14 count> instances 1 {
        arch.compute @mac class "intmac" bits 16 count 1 instances 168
      }
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, Arch_ValueAttr:$technology,
                       Arch_ValueAttr:$clock, I64Attr:$word_bits, StrAttr:$cost_model,
                       OptionalAttr<StrAttr>:$dataflow);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $sym_name `technology` $technology `clock` $clock `word` $word_bits `model` $cost_model
    (`dataflow` $dataflow^)? attr-dict-with-keyword $body
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The level, array or compute op called `name` anywhere in the body, or null.
    ::mlir::Operation *lookupComponent(::llvm::StringRef name);
    /// The clock in Hz; emits an error and fails while it is still an `#arch.expr`.
    ::mlir::FailureOr<double> boundClockHz();
    /// The technology node in nm; emits an error and fails while it is still an
    /// `#arch.expr`.
    ::mlir::FailureOr<double> boundTechnologyNm();
  }];
}

def Arch_ParamOp : Arch_Op<"param", [Symbol, HasParent<"AcceleratorOp">]> {
  let summary = "A sweepable parameter with its current value and domain";
  let description = [{
    `value` is the default (or the bound design point); the verifier checks that it lies in
    the domain and has the domain's unit.

    ```mlir
    arch.param @glb = #arch.quantity<884736 bits> in #arch.set<[524288, 884736] bits>
    arch.param @rows = #arch.quantity<12 count> in #arch.range<8 to 16 step 4 count>
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, Arch_QuantityAttr:$value,
                       OptionalAttr<Arch_DomainAttr>:$domain);
  let assemblyFormat = "$sym_name `=` $value (`in` $domain^)? attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// True when `v` lies in the domain (always true without a domain).
    bool inDomain(double v);
    /// Every value of the domain, ranges enumerated by step (empty when continuous).
    ::llvm::SmallVector<double> domainValues();
  }];
}

def Arch_MemoryOp : Arch_Op<"memory"> {
  let summary = "A storage level";
  let description = [{
    One level of the storage hierarchy, per instance: `class` is dram, sram or regfile
    (with an optional subclass such as lpddr4), `size` in bits (absent = unbounded),
    `width` the block width in bits, bandwidths in bits per cycle (`shared_bw` bounds reads
    and writes together, as on a half-duplex DRAM bus), per-access energies in
    pJ, area in um2, leakage in mW, `ports` (absent = 1) and the tensor roles it keeps (the
    others bypass it). `compress` names the roles it stores run-length coded with zero runs
    of `run_bits` bits (both or neither; docs/model.md section 13).
    `instances` counts the copies created by enclosing arrays.

    ```mlir
    arch.memory @GLB class "sram" size #arch.expr<bits, ()[s0] -> (s0), [@glb]>
        banks 27 width #arch.quantity<64 bits> read_bw #arch.quantity<64 bits_per_cycle>
        read_energy #arch.quantity<18.18 pj> keeps ["input", "output"] instances 1
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$cls, OptionalAttr<StrAttr>:$subclass,
                       OptionalAttr<Arch_ValueAttr>:$size, I64Attr:$banks,
                       OptionalAttr<I64Attr>:$ports,
                       OptionalAttr<Arch_ValueAttr>:$width,
                       OptionalAttr<Arch_ValueAttr>:$read_bandwidth,
                       OptionalAttr<Arch_ValueAttr>:$write_bandwidth,
                       OptionalAttr<Arch_ValueAttr>:$shared_bandwidth,
                       OptionalAttr<Arch_ValueAttr>:$read_energy,
                       OptionalAttr<Arch_ValueAttr>:$write_energy,
                       OptionalAttr<Arch_ValueAttr>:$area, OptionalAttr<Arch_ValueAttr>:$leakage,
                       StrArrayAttr:$keeps, OptionalAttr<StrArrayAttr>:$compress,
                       OptionalAttr<I64Attr>:$run_bits, I64Attr:$instances);
  let assemblyFormat = [{
    $sym_name `class` $cls (`(` $subclass^ `)`)? (`size` $size^)? `banks` $banks
    (`ports` $ports^)?
    (`width` $width^)? (`read_bw` $read_bandwidth^)? (`write_bw` $write_bandwidth^)?
    (`shared_bw` $shared_bandwidth^)?
    (`read_energy` $read_energy^)? (`write_energy` $write_energy^)? (`area` $area^)?
    (`leakage` $leakage^)? `keeps` $keeps (`compress` $compress^)? (`run_bits` $run_bits^)?
    `instances` $instances attr-dict
  }];
  let hasVerifier = 1;
}

def Arch_ArrayOp : Arch_Op<"array", [NoTerminator, SingleBlock]> {
  let summary = "A spatial fan-out of the levels and compute units inside it";
  let description = [{
    `array PE[y][x]` of the DSL: `fan_y` x `fan_x` copies of the body, connected by a network
    that can multicast shared operands and reduce partial outputs (`hop_energy` in pJ per
    word and hop). `instances` counts copies of the array itself created by outer arrays.

    ```mlir
    arch.array @PE y #arch.quantity<12 count> x #arch.quantity<14 count> multicast reduction
        instances 1 {
      arch.compute @mac class "intmac" bits 16 count 1 instances 168
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, Arch_ValueAttr:$fan_y, Arch_ValueAttr:$fan_x,
                       UnitAttr:$multicast, UnitAttr:$reduction,
                       OptionalAttr<Arch_ValueAttr>:$hop_energy, I64Attr:$instances);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $sym_name `y` $fan_y `x` $fan_x (`multicast` $multicast^)? (`reduction` $reduction^)?
    (`hop_energy` $hop_energy^)? `instances` $instances attr-dict-with-keyword $body
  }];
  let hasVerifier = 1;
}

def Arch_ComputeOp : Arch_Op<"compute"> {
  let summary = "A compute unit (MAC) at the leaves of the hierarchy";
  let description = [{
    `count` units per enclosing array instance, each `bits` wide (`format` optionally names
    the number format), with per-MAC energy in pJ, area in um2 and leakage in mW per unit.
    `instances` is the total over all enclosing arrays.

    ```mlir
    arch.compute @mac class "intmac" bits 16 count 1 instances 168
        energy #arch.quantity<0.2077 pj>
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$cls, I64Attr:$bits,
                       OptionalAttr<StrAttr>:$format, I64Attr:$count, I64Attr:$instances,
                       OptionalAttr<Arch_ValueAttr>:$energy, OptionalAttr<Arch_ValueAttr>:$area,
                       OptionalAttr<Arch_ValueAttr>:$leakage);
  let assemblyFormat = [{
    $sym_name `class` $cls `bits` $bits (`format` $format^)? `count` $count
    `instances` $instances (`energy` $energy^)? (`area` $area^)? (`leakage` $leakage^)?
    attr-dict
  }];
  let hasVerifier = 1;
}

def Arch_ConstraintOp : Arch_Op<"constraint", [HasParent<"AcceleratorOp">]> {
  let summary = "A mapping constraint or dataflow template";
  let description = [{
    `kind` is one of spatial_x, spatial_y, order, keep, bypass (which name a level or array
    as `target`) or dataflow (a preset such as row_stationary, without target).

    ```mlir
    arch.constraint "spatial_x" on @PE ["S", "C"]
    arch.constraint "dataflow" ["row_stationary"]
    ```
  }];
  let arguments = (ins StrAttr:$kind, OptionalAttr<FlatSymbolRefAttr>:$target,
                       StrArrayAttr:$values);
  let assemblyFormat = "$kind (`on` $target^)? $values attr-dict";
  let hasVerifier = 1;
}

#endif // TESSEL_DIALECT_ARCH_IR_ARCHOPS_TD
