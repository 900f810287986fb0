// Boost.Fusion adapters that let X3 fill the AST structs (adapters only, no logic).
#ifndef TESSEL_DSL_GRAMMAR_ASTADAPTED_H
#define TESSEL_DSL_GRAMMAR_ASTADAPTED_H

#include "tessel/dsl/Ast.h"

#include <boost/fusion/include/adapt_struct.hpp>

BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Ident, name)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Number, text, unit)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Unary, op, operand)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::BinaryTail, op, rhs)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Expr, first, rest)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Call, callee, args)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Import, path)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::SetDomain, values)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::RangeDomain, lo, hi, step)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Param, name, value, domain)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Let, name, value)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Density, tensor, value)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Attr, key, values)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Block, kind, name, dims, items)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Accelerator, name, items)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::TensorDecl, name, shape, dtype)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::ArgList, items)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::OpArg, key, value)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::OpStmt, result, op, args, dtype)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Access, tensor, indices)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::IndexRange, var, bound)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Einsum, label, output, assign,
                          operands, ranges)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Repeat, count, body)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::WeightBlock, factor, body)
BOOST_FUSION_ADAPT_STRUCT(tessel::dsl::ast::Workload, name, body)

#endif // TESSEL_DSL_GRAMMAR_ASTADAPTED_H
