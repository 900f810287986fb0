// The abstract syntax tree of .hw and .wl files; every node carries its SourceRange.
#ifndef TESSEL_DSL_AST_H
#define TESSEL_DSL_AST_H

#include "tessel/dsl/Source.h"

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include <string>
#include <vector>

namespace tessel::dsl::ast {

namespace x3 = boost::spirit::x3;

/// Base of every node: where it came from.
struct Located {
  SourceRange loc;
};

struct Ident : Located {
  std::string name;
};

//===-- Expressions -------------------------------------------------------===//

/// A numeric literal with an optional unit, e.g. `108KiB`, `64bit/cycle`, `0.5 pJ`.
struct Number : Located {
  std::string text; ///< the digits as written
  std::string unit; ///< empty when dimensionless
};

struct Unary;
struct Expr;
struct Call;

struct Operand : x3::variant<Number, Ident, x3::forward_ast<Unary>,
                             x3::forward_ast<Expr>, x3::forward_ast<Call>> {
  using base_type::base_type;
  using base_type::operator=;
};

struct Unary : Located {
  char op = '-';
  Operand operand;
};

struct BinaryTail : Located {
  char op = '+'; ///< one of + - * /
  Operand rhs;
};

/// `first op1 rhs1 op2 rhs2 ...`, grouped by precedence (the parser builds
/// nested Exprs so every tail of one Expr has the same precedence class).
struct Expr : Located {
  Operand first;
  std::vector<BinaryTail> rest;
};

/// `name(arg, ...)`: functions (min, max, ceildiv) and classes (`dram(lpddr4)`).
struct Call : Located {
  Ident callee;
  std::vector<Expr> args;
};

//===-- Shared statements -------------------------------------------------===//

struct Import : Located {
  std::string path;
};

struct SetDomain : Located {
  std::vector<Expr> values;
};
struct RangeDomain : Located {
  Expr lo, hi;
  boost::optional<Expr> step;
};
struct Domain : x3::variant<SetDomain, RangeDomain> {
  using base_type::base_type;
  using base_type::operator=;
};

/// `param name = default [in domain];`
struct Param : Located {
  Ident name;
  Expr value;
  boost::optional<Domain> domain;
};

/// `let name = expr;`
struct Let : Located {
  Ident name;
  Expr value;
};

//===-- .hw ---------------------------------------------------------------===//

/// `key value, value, ...;` inside a block, e.g. `size 108KiB;`, `keeps input, output;`.
struct Attr : Located {
  Ident key;
  std::vector<Expr> values;
};

struct Block;
struct HwItem : x3::variant<Attr, Param, x3::forward_ast<Block>> {
  using base_type::base_type;
  using base_type::operator=;
};

/// `kind [name] [dim][dim] { items }`, e.g. `memory GLB { ... }`, `array PE[12][14] { ... }`.
struct Block : Located {
  Ident kind;
  boost::optional<Ident> name;
  std::vector<Expr> dims;
  std::vector<HwItem> items;
};

struct Accelerator : Located {
  Ident name;
  std::vector<HwItem> items;
};

struct HwTop : x3::variant<Import, Accelerator> {
  using base_type::base_type;
  using base_type::operator=;
};

struct HwFile {
  std::vector<HwTop> items;
};

//===-- .wl ---------------------------------------------------------------===//

/// `tensor x[N, 64, 56, 56] int8;`
struct TensorDecl : Located {
  Ident name;
  std::vector<Expr> shape;
  Ident dtype;
};

/// An operator argument value: an expression or a bracketed list `[3, 3]`.
struct ArgList : Located {
  std::vector<Expr> items;
};
struct ArgValue : x3::variant<Expr, ArgList> {
  using base_type::base_type;
  using base_type::operator=;
};

/// `key=value` or a positional value.
struct OpArg : Located {
  boost::optional<Ident> key;
  ArgValue value;
};

/// `result = opname(args) [dtype];`
struct OpStmt : Located {
  Ident result;
  Ident op;
  std::vector<OpArg> args;
  boost::optional<Ident> dtype;
};

/// `T[i, 2*p + r]`
struct Access : Located {
  Ident tensor;
  std::vector<Expr> indices;
};

/// `i < bound`
struct IndexRange : Located {
  Ident var;
  Expr bound;
};

/// `label: Out[...] += A[...] * B[...] for i < I, ...;`
struct Einsum : Located {
  Ident label;
  Access output;
  std::string assign; ///< "+=" or "="
  std::vector<Access> operands;
  std::vector<IndexRange> ranges;
};

/// `density T = d;`: the fraction of non-zero elements of tensor T.
struct Density : Located {
  Ident tensor;
  Expr value;
};

struct Repeat;
struct WeightBlock;
struct WlStmt : x3::variant<Let, Param, TensorDecl, OpStmt, Einsum, Density,
                            x3::forward_ast<Repeat>, x3::forward_ast<WeightBlock>> {
  using base_type::base_type;
  using base_type::operator=;
};

/// `repeat N { statements }`
struct Repeat : Located {
  Expr count;
  std::vector<WlStmt> body;
};

/// `weight W { statements }`: every operator inside counts W times in weighted totals.
struct WeightBlock : Located {
  Expr factor;
  std::vector<WlStmt> body;
};

struct Workload : Located {
  Ident name;
  std::vector<WlStmt> body;
};

struct WlTop : x3::variant<Import, Workload> {
  using base_type::base_type;
  using base_type::operator=;
};

struct WlFile {
  std::vector<WlTop> items;
};

} // namespace tessel::dsl::ast

#endif // TESSEL_DSL_AST_H
