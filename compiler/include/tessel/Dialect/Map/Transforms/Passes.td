//===- Passes.td - map dialect passes ------------------------*- tablegen -*-===//
// The mapping search as a pass: every MAC einsum gets its best mapping and cost.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_MAP_TRANSFORMS_PASSES_TD
#define TESSEL_DIALECT_MAP_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def MapSearch : Pass<"map-search", "::mlir::ModuleOp"> {
  let summary = "Search the best mapping of every MAC einsum on the module's accelerator";
  let description = [{
    Extracts the module's bound `arch.accelerator` and, for every `wl.einsum` with MACs of
    every lowered `wl.graph`, the problem and the mapping constraints (docs/extract.md),
    runs the mapping search (docs/search.md) and attaches the best mapping as
    `map.mapping = #map.mapping<...>` and its cost as `map.cost = #map.cost<...>`. Einsums
    with the same shape on the same hardware are searched once. An einsum without a valid
    mapping is an error at its location with the search's diagnosis as notes; a cost model
    that fails stops the pass with its message. Run `arch-bind-params` and
    `wl-lower-to-einsum` first.
  }];
  let options = [
    Option<"accelerator", "accelerator", "std::string", /*default=*/"\"\"",
           "The accelerator to map onto (needed when the module holds several)">,
    Option<"algorithm", "search", "std::string", /*default=*/"\"bnb\"",
           "Search: bnb, exhaustive, random or anneal">,
    Option<"objective", "objective", "std::string", /*default=*/"\"energy\"",
           "What to minimise: energy, cycles, edp, e.g. energy+2e-3*cycles, lex:cycles,energy">,
    Option<"maxEvaluations", "max-evaluations", "int64_t", /*default=*/"0",
           "Stop after about this many cost-model evaluations (0: no budget)">,
    Option<"maxSeconds", "max-seconds", "double", /*default=*/"0",
           "Stop after this many seconds per search (0: no budget)">,
    Option<"threads", "threads", "int", /*default=*/"0",
           "Worker threads per search (0: all cores); the result does not depend on it">,
    Option<"seed", "seed", "uint64_t", /*default=*/"1", "Seed of random and anneal">,
    Option<"minUtilization", "min-utilization", "double", /*default=*/"0",
           "Only mappings keeping at least this fraction of the MAC units busy">,
    Option<"maxCycles", "max-cycles", "int64_t", /*default=*/"0",
           "Only mappings finishing within this many cycles (0: no limit)">,
    Option<"costModel", "cost-model", "std::string", /*default=*/"\"\"",
           "A built-in cost model or exec:COMMAND (default: the accelerator's model)">,
    Option<"execTimeout", "exec-timeout", "double", /*default=*/"30",
           "Seconds an exec: model has to answer one evaluation">
  ];
  let dependentDialects = ["::tessel::map::MapDialect"];
}

#endif // TESSEL_DIALECT_MAP_TRANSFORMS_PASSES_TD
