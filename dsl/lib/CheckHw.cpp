// Semantic checks of .hw files: attributes, units, params and domains, the storage hierarchy.
#include "tessel/dsl/Check.h"
#include "tessel/dsl/Eval.h"

#include "CheckCommon.h"
#include "tessel/dsl/WlModel.h"

#include <boost/variant/get.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace tessel::dsl {

int64_t HwModel::totalMacUnits() const {
  int64_t n = 0;
  for (const ComputeUnit &c : compute)
    n += c.count * c.instances;
  return n;
}

std::vector<double> ParamInfo::domainValues() const {
  switch (domainKind) {
  case DomainKind::None:
    return {value.value};
  case DomainKind::Set:
    return set;
  case DomainKind::Range: {
    std::vector<double> v;
    if (step <= 0)
      return {lo, hi};
    for (double x = lo; x <= hi * (1 + 1e-12) && v.size() < 1000000; x += step)
      v.push_back(x);
    return v;
  }
  }
  return {};
}

namespace {

using boost::spirit::x3::forward_ast;

const std::vector<std::string> kTensorRoles = {"input", "weight", "output"};

struct Ctx {
  int64_t instances = 1;
  int depth = 0;
  std::string array;
};

/// The first name of an expression that is one of `params`, or null.
struct ParamRefFinder {
  using result_type = const ast::Ident *;
  const std::vector<ParamInfo> &params;
  const ast::Ident *operator()(const ast::Number &) const { return nullptr; }
  const ast::Ident *operator()(const ast::Ident &id) const {
    for (const ParamInfo &p : params)
      if (p.name == id.name)
        return &id;
    return nullptr;
  }
  const ast::Ident *operator()(const ast::Unary &u) const {
    return boost::apply_visitor(*this, u.operand);
  }
  const ast::Ident *operator()(const ast::Expr &e) const {
    if (const ast::Ident *id = boost::apply_visitor(*this, e.first))
      return id;
    for (const ast::BinaryTail &t : e.rest)
      if (const ast::Ident *id = boost::apply_visitor(*this, t.rhs))
        return id;
    return nullptr;
  }
  const ast::Ident *operator()(const ast::Call &c) const {
    for (const ast::Expr &e : c.args)
      if (const ast::Ident *id = (*this)(e))
        return id;
    return nullptr;
  }
  template <typename T>
  const ast::Ident *operator()(const forward_ast<T> &f) const {
    return (*this)(f.get());
  }
};

class HwChecker {
public:
  HwChecker(DiagnosticEngine &diags, const ParamInputs &ov, Scope &fileScope)
      : diags(diags), ov(ov), scope(&fileScope) {}

  HwModel run(const ast::Accelerator &acc, const std::string &file) {
    m.name = acc.name.name;
    m.file = file;
    m.loc = acc.name.loc;
    AttrSet attrs(diags, "accelerator",
                  {"technology", "clock", "word", "model", "dataflow"});
    for (const ast::HwItem &item : acc.items) {
      if (const auto *a = boost::get<ast::Attr>(&item)) {
        if (attrs.accept(*a))
          topAttr(*a);
      } else if (const auto *p = boost::get<ast::Param>(&item)) {
        checkParam(*p, *scope, diags, ov, &m.params);
      } else if (const auto *b = boost::get<forward_ast<ast::Block>>(&item)) {
        block(b->get(), Ctx{});
      }
    }
    if (m.clockHz <= 0)
      diags.error(acc.name.loc, "accelerator '" + m.name + "' has no clock",
                  "add e.g. 'clock 200MHz;'");
    if (m.compute.empty())
      diags.error(acc.name.loc, "accelerator '" + m.name + "' has no compute unit",
                  "add e.g. 'compute mac { class intmac; bits 16; }' inside the "
                  "innermost array");
    if (m.levels.empty())
      diags.error(acc.name.loc, "accelerator '" + m.name + "' has no memory level",
                  "add e.g. 'memory DRAM { class dram(lpddr4); }'");
    checkConstraintTargets();
    return m;
  }

private:
  void topAttr(const ast::Attr &a) {
    const std::string &k = a.key.name;
    if (k == "technology") {
      if (auto q = single(a, {dimLength()})) {
        if (positive(a, *q))
          m.technologyNm = q->value * 1e9;
      }
    } else if (k == "clock") {
      if (auto q = single(a, {dimFrequency()}))
        if (positive(a, *q))
          m.clockHz = q->value;
    } else if (k == "word") {
      if (const ast::Ident *id = paramRef(a); id) {
        diags.error(id->loc,
                    "'word' cannot depend on parameter '" + id->name + "'",
                    "the word size fixes the units of sizes in words and of word "
                    "bandwidths, so it cannot be swept; give a fixed width, e.g. "
                    "'word 16bit;'");
        return;
      }
      if (auto q = single(a, {dimBits(), Dim()}))
        if (positive(a, *q))
          m.wordBits = static_cast<int64_t>(q->value);
    } else if (k == "model") {
      costModel(a);
    } else if (k == "dataflow") {
      std::string v = identValue(a);
      if (!v.empty())
        setDataflow(a, v);
    }
  }

  /// `model NAME;` or `model NAME(VARIANT);`. The built-in systolic model's variants are
  /// checked here; other names when a cost model is built (plugins may add models).
  void costModel(const ast::Attr &a) {
    if (a.values.size() != 1) {
      diags.error(a.key.loc, "'model' takes one name, e.g. 'model systolic(ws);'");
      return;
    }
    std::string variant;
    std::string name = classOf(a.values[0], variant);
    if (name.empty()) {
      diags.error(exprRange(a.values[0]), "'model' takes a name",
                  "e.g. 'model analytical;' or 'model systolic(ws);'");
      return;
    }
    static const std::vector<std::string> flows = {"ws", "os", "is"};
    if (name == "systolic" && !variant.empty() &&
        std::find(flows.begin(), flows.end(), variant) == flows.end()) {
      diags.error(exprRange(a.values[0]), "unknown systolic dataflow '" + variant + "'",
                  "dataflows are ws (weight stationary), os (output stationary) and is "
                  "(input stationary)");
      return;
    }
    m.costModel = variant.empty() ? name : name + "(" + variant + ")";
  }

  void setDataflow(const ast::Attr &a, const std::string &v) {
    static const std::vector<std::string> presets = {
        "weight_stationary", "output_stationary", "input_stationary",
        "row_stationary"};
    for (const std::string &p : presets)
      if (p == v) {
        m.dataflow = v;
        return;
      }
    diags.error(exprRange(a.values[0]), "unknown dataflow preset '" + v + "'",
                didYouMean(v, presets,
                           "presets are weight_stationary, output_stationary, "
                           "input_stationary and row_stationary"));
  }

  std::string identValue(const ast::Attr &a) {
    if (a.values.size() != 1) {
      diags.error(a.key.loc, "'" + a.key.name + "' takes one name");
      return {};
    }
    std::string id = plainIdent(a.values[0]);
    if (id.empty())
      diags.error(exprRange(a.values[0]), "'" + a.key.name + "' takes a name");
    return id;
  }

  /// The first name in the values of `a` that is a parameter of the accelerator, or null.
  const ast::Ident *paramRef(const ast::Attr &a) const {
    ParamRefFinder find{m.params};
    for (const ast::Expr &e : a.values)
      if (const ast::Ident *id = find(e))
        return id;
    return nullptr;
  }

  std::optional<Quantity> single(const ast::Attr &a, const std::vector<Dim> &dims) {
    if (a.values.size() != 1) {
      diags.error(a.key.loc, "'" + a.key.name + "' takes exactly one value, got " +
                                 std::to_string(a.values.size()));
      return std::nullopt;
    }
    return evaluateAs(a.values[0], *scope, diags, dims, a.key.name);
  }

  bool positive(const ast::Attr &a, const Quantity &q) {
    if (q.value > 0)
      return true;
    diags.error(exprRange(a.values[0]),
                "'" + a.key.name + "' must be positive, got " + formatQuantity(q));
    return false;
  }

  void block(const ast::Block &b, const Ctx &ctx) {
    const std::string &k = b.kind.name;
    if (k == "memory")
      memory(b, ctx);
    else if (k == "array")
      array(b, ctx);
    else if (k == "compute")
      compute(b, ctx);
    else if (k == "constraints" && ctx.depth == 0)
      constraints(b);
    else if (k == "network")
      diags.error(b.kind.loc, "'network' belongs inside an 'array' block");
    else {
      diags.error(
          b.kind.loc, "unknown block kind '" + k + "'",
          didYouMean(k, {"memory", "array", "compute", "constraints"},
                     "blocks are memory, array, compute and constraints"));
    }
  }

  bool needName(const ast::Block &b) {
    if (b.name)
      return true;
    diags.error(b.kind.loc, "'" + b.kind.name + "' needs a name",
                "write e.g. '" + b.kind.name + " NAME { ... }'");
    return false;
  }

  bool uniqueName(const ast::Ident &id) {
    auto [it, inserted] = componentNames.insert(id.name);
    if (!inserted)
      diags.error(id.loc, "duplicate component name '" + id.name + "'");
    return inserted;
  }

  void noDims(const ast::Block &b) {
    if (!b.dims.empty())
      diags.error(exprRange(b.dims[0]),
                  "'" + b.kind.name + "' does not take dimensions");
  }

  void memory(const ast::Block &b, const Ctx &ctx) {
    if (!needName(b))
      return;
    uniqueName(*b.name);
    noDims(b);
    MemoryLevel L;
    L.name = b.name->name;
    L.loc = b.name->loc;
    L.instances = ctx.instances;
    L.arrayDepth = ctx.depth;
    L.enclosingArray = ctx.array;
    L.keeps = kTensorRoles;
    AttrSet attrs(diags, "memory",
                  {"class", "size", "banks", "width", "bandwidth", "read_bandwidth",
                   "write_bandwidth", "shared_bandwidth", "read_energy", "write_energy", "area",
                   "leakage", "keeps", "ports", "compress", "run_bits"});
    bool hasSize = false, hasClass = false;
    const ast::Attr *compressAttr = nullptr, *runBitsAttr = nullptr;
    const std::vector<Dim> bw = {dimBitsPerCycle(), dimWordsPerCycle(),
                                 dimBitsPerSecond()};
    for (const ast::HwItem &item : b.items) {
      const auto *a = boost::get<ast::Attr>(&item);
      if (!a) {
        nestedNotAllowed(item, "memory");
        continue;
      }
      if (!attrs.accept(*a))
        continue;
      const std::string &k = a->key.name;
      if (k == "class") {
        hasClass = true;
        memoryClass(*a, L);
      } else if (k == "size") {
        hasSize = true;
        if (auto q = single(*a, {dimBits(), dimWords()}); q && positive(*a, *q)) {
          L.sizeBits = q->dim == dimWords() ? q->value * m.wordBits : q->value;
        }
      } else if (k == "banks") {
        if (auto q = single(*a, {Dim()}); q && positive(*a, *q))
          L.banks = static_cast<int64_t>(q->value);
      } else if (k == "ports") {
        if (auto q = single(*a, {Dim()}); q && positive(*a, *q))
          L.ports = static_cast<int64_t>(q->value);
      } else if (k == "width") {
        if (auto q = single(*a, {dimBits(), dimWords()}); q && positive(*a, *q))
          L.widthBits = q->dim == dimWords() ? q->value * m.wordBits : q->value;
      } else if (k == "bandwidth" || k == "read_bandwidth" || k == "write_bandwidth") {
        if (auto q = single(*a, bw); q && positive(*a, *q)) {
          double v = bitsPerCycle(*q);
          if (k != "write_bandwidth")
            L.readBandwidth = v;
          if (k != "read_bandwidth")
            L.writeBandwidth = v;
        }
      } else if (k == "shared_bandwidth") {
        if (auto q = single(*a, bw); q && positive(*a, *q))
          L.sharedBandwidth = bitsPerCycle(*q);
      } else if (k == "read_energy" || k == "write_energy") {
        if (auto q = single(*a, {dimEnergy()}); q && nonNegative(*a, *q))
          (k == "read_energy" ? L.readEnergyPJ : L.writeEnergyPJ) = q->value * 1e12;
      } else if (k == "area") {
        if (auto q = single(*a, {dimArea()}); q && nonNegative(*a, *q))
          L.areaUm2 = q->value * 1e12;
      } else if (k == "leakage") {
        if (auto q = single(*a, {dimPower()}); q && nonNegative(*a, *q))
          L.leakageMW = q->value * 1e3;
      } else if (k == "keeps") {
        L.keeps = roles(*a, "memory level keeps nothing",
                        "list the tensors it keeps (input, weight, output) or remove "
                        "'keeps' to keep all of them");
      } else if (k == "compress") {
        compressAttr = a;
        L.compress = roles(*a, "'compress' names no tensor",
                           "list the tensors stored run-length coded (input, weight, output)");
      } else if (k == "run_bits") {
        runBitsAttr = a;
        if (auto q = single(*a, {Dim()}); q && positive(*a, *q))
          L.runBits = static_cast<int64_t>(q->value);
      }
    }
    compression(L, compressAttr, runBitsAttr, ctx);
    if (!hasClass)
      diags.error(b.name->loc, "memory '" + L.name + "' has no class",
                  "add 'class sram;', 'class regfile;' or 'class dram(lpddr4);'");
    else if (L.cls != "dram" && !L.cls.empty() && !hasSize)
      diags.error(b.name->loc, "memory '" + L.name + "' has no size",
                  "add e.g. 'size 64KiB;' (only DRAM may omit its size)");
    m.levels.push_back(std::move(L));
  }

  double bitsPerCycle(const Quantity &q) {
    if (q.dim == dimWordsPerCycle())
      return q.value * m.wordBits;
    if (q.dim == dimBitsPerSecond())
      return m.clockHz > 0 ? q.value / m.clockHz : 0;
    return q.value;
  }

  bool nonNegative(const ast::Attr &a, const Quantity &q) {
    if (q.value >= 0)
      return true;
    diags.error(exprRange(a.values[0]),
                "'" + a.key.name + "' must not be negative, got " + formatQuantity(q));
    return false;
  }

  void memoryClass(const ast::Attr &a, MemoryLevel &L) {
    if (a.values.size() != 1) {
      diags.error(a.key.loc, "'class' takes one value");
      return;
    }
    std::string sub;
    std::string cls = classOf(a.values[0], sub);
    static const std::vector<std::string> classes = {"sram", "regfile", "dram"};
    static const std::vector<std::string> drams = {"ddr3", "ddr4", "lpddr4", "lpddr5",
                                                   "hbm2", "hbm3", "gddr5", "gddr6"};
    if (std::find(classes.begin(), classes.end(), cls) == classes.end()) {
      diags.error(
          exprRange(a.values[0]), "unknown memory class '" + cls + "'",
          didYouMean(cls, classes,
                     "memory classes are sram, regfile and dram(KIND)"));
      return;
    }
    if (cls == "dram") {
      if (sub.empty())
        sub = "lpddr4";
      if (std::find(drams.begin(), drams.end(), sub) == drams.end()) {
        diags.error(exprRange(a.values[0]), "unknown DRAM kind '" + sub + "'",
                    didYouMean(sub, drams,
                               "kinds are ddr3, ddr4, lpddr4, lpddr5, hbm2, "
                               "hbm3, gddr5, gddr6"));
        return;
      }
    }
    L.cls = cls;
    L.subclass = sub;
  }

  /// The tensor roles `a` lists; `none`/`noneHint` is the error when it lists none.
  std::vector<std::string> roles(const ast::Attr &a, const std::string &none,
                                 const std::string &noneHint) {
    std::vector<std::string> out;
    if (a.values.empty()) {
      diags.error(a.key.loc, none, noneHint);
      return out;
    }
    for (const ast::Expr &e : a.values) {
      std::string t = plainIdent(e);
      if (std::find(kTensorRoles.begin(), kTensorRoles.end(), t) ==
          kTensorRoles.end()) {
        diags.error(
            exprRange(e),
            "'" + a.key.name + "' takes tensor roles, got '" + exprText(e) + "'",
            didYouMean(t, kTensorRoles, "roles are input, weight and output"));
        continue;
      }
      if (std::find(out.begin(), out.end(), t) != out.end())
        diags.warning(exprRange(e), "'" + t + "' is listed twice");
      else
        out.push_back(t);
    }
    return out;
  }

  /// `compress` and `run_bits` go together, on the outermost level, for roles it keeps.
  void compression(MemoryLevel &L, const ast::Attr *compress,
                   const ast::Attr *runBits, const Ctx &ctx) {
    if (!compress && !runBits)
      return;
    if (!compress) {
      diags.error(runBits->key.loc, "'run_bits' without 'compress'",
                  "add 'compress input, output;' (the roles stored run-length coded) or "
                  "remove 'run_bits'");
      return;
    }
    if (!runBits) {
      diags.error(compress->key.loc,
                  "'compress' needs the run-length coding's 'run_bits'",
                  "add e.g. 'run_bits 5;' (bits of a zero-run count; Eyeriss uses 5)");
      return;
    }
    if (!m.levels.empty() || ctx.depth > 0) {
      diags.error(compress->key.loc,
                  "only the outermost memory level can compress tensors",
                  "compression is modelled at the backing store's port (docs/model.md "
                  "section 13); move 'compress' to the first memory level");
      return;
    }
    if (L.runBits > 30)
      diags.error(exprRange(runBits->values[0]),
                  "'run_bits' must be at most 30, got " + std::to_string(L.runBits));
    for (const std::string &role : L.compress)
      if (std::find(L.keeps.begin(), L.keeps.end(), role) == L.keeps.end())
        diags.error(compress->key.loc,
                    "memory '" + L.name + "' compresses '" + role + "', which it does not keep");
  }

  void nestedNotAllowed(const ast::HwItem &item, const std::string &where) {
    if (const auto *b = boost::get<forward_ast<ast::Block>>(&item))
      diags.error(b->get().kind.loc,
                  "'" + b->get().kind.name + "' is not allowed inside '" + where + "'");
    else if (const auto *p = boost::get<ast::Param>(&item))
      diags.error(p->name.loc, "params are declared at accelerator level");
  }

  void array(const ast::Block &b, const Ctx &ctx) {
    if (!needName(b))
      return;
    uniqueName(*b.name);
    SpatialArray A;
    A.name = b.name->name;
    A.loc = b.name->loc;
    A.instances = ctx.instances;
    A.depth = ctx.depth;
    if (b.dims.empty() || b.dims.size() > 2) {
      diags.error(b.name->loc, "array '" + A.name + "' needs one or two dimensions",
                  "write 'array " + A.name + "[rows][cols] { ... }' or 'array " +
                      A.name + "[n] { ... }'");
      return;
    }
    int64_t f[2] = {1, 1};
    for (size_t i = 0; i < b.dims.size(); ++i) {
      std::optional<int64_t> v = evaluateInt(b.dims[i], *scope, diags, "array dimension");
      if (!v)
        return;
      if (*v <= 0) {
        diags.error(exprRange(b.dims[i]), "array dimension must be positive, got " +
                                              std::to_string(*v));
        return;
      }
      f[i] = *v;
    }
    if (b.dims.size() == 2) {
      A.fanY = f[0];
      A.fanX = f[1];
    } else {
      A.fanX = f[0];
    }
    A.firstInnerLevel = m.levels.size();
    size_t index = m.arrays.size();
    m.arrays.push_back(A);
    Ctx inner{ctx.instances * A.fanX * A.fanY, ctx.depth + 1, A.name};
    bool sawNetwork = false;
    for (const ast::HwItem &item : b.items) {
      if (const auto *fb = boost::get<forward_ast<ast::Block>>(&item)) {
        const ast::Block &nb = fb->get();
        if (nb.kind.name == "network") {
          if (sawNetwork)
            diags.error(nb.kind.loc, "array '" + A.name + "' has two networks");
          sawNetwork = true;
          network(nb, m.arrays[index]);
        } else if (nb.kind.name == "constraints") {
          diags.error(nb.kind.loc, "'constraints' belongs at accelerator level");
        } else {
          block(nb, inner);
        }
      } else if (const auto *a = boost::get<ast::Attr>(&item)) {
        diags.error(a->key.loc, "unknown array attribute '" + a->key.name + "'",
                    "arrays hold memory, array, compute and network blocks");
      } else {
        nestedNotAllowed(item, "array");
      }
    }
  }

  void network(const ast::Block &b, SpatialArray &A) {
    noDims(b);
    AttrSet attrs(diags, "network", {"multicast", "reduction", "hop_energy"});
    for (const ast::HwItem &item : b.items) {
      const auto *a = boost::get<ast::Attr>(&item);
      if (!a) {
        nestedNotAllowed(item, "network");
        continue;
      }
      if (!attrs.accept(*a))
        continue;
      const std::string &k = a->key.name;
      if (k == "hop_energy") {
        if (auto q = single(*a, {dimEnergy()}); q && nonNegative(*a, *q))
          A.hopEnergyPJ = q->value * 1e12;
        continue;
      }
      if (!a->values.empty()) {
        diags.error(exprRange(a->values[0]), "'" + k + "' is a flag and takes no value");
        continue;
      }
      (k == "multicast" ? A.multicast : A.reduction) = true;
    }
  }

  void compute(const ast::Block &b, const Ctx &ctx) {
    if (!needName(b))
      return;
    uniqueName(*b.name);
    noDims(b);
    ComputeUnit C;
    C.name = b.name->name;
    C.loc = b.name->loc;
    C.instances = ctx.instances;
    C.bits = m.wordBits;
    AttrSet attrs(diags, "compute",
                  {"class", "bits", "format", "count", "energy", "area", "leakage"});
    for (const ast::HwItem &item : b.items) {
      const auto *a = boost::get<ast::Attr>(&item);
      if (!a) {
        nestedNotAllowed(item, "compute");
        continue;
      }
      if (!attrs.accept(*a))
        continue;
      const std::string &k = a->key.name;
      if (k == "class") {
        std::string sub;
        std::string cls = a->values.size() == 1 ? classOf(a->values[0], sub) : "";
        static const std::vector<std::string> classes = {"intmac", "fpmac"};
        if (std::find(classes.begin(), classes.end(), cls) == classes.end()) {
          diags.error(
              a->key.loc, "unknown compute class '" + cls + "'",
              didYouMean(cls, classes, "compute classes are intmac and fpmac"));
        } else {
          C.cls = cls;
        }
      } else if (k == "bits") {
        if (auto q = single(*a, {Dim(), dimBits()}); q && positive(*a, *q))
          C.bits = static_cast<int64_t>(q->value);
      } else if (k == "format") {
        std::string f = identValue(*a);
        static const std::vector<std::string> formats = {
            "int4", "int8", "int16", "int32", "fp8", "fp16", "bf16", "fp32"};
        if (!f.empty() &&
            std::find(formats.begin(), formats.end(), f) == formats.end()) {
          diags.error(exprRange(a->values[0]),
                      "unknown number format '" + f + "'",
                      didYouMean(f, formats));
        } else if (!f.empty()) {
          C.format = f;
        }
      } else if (k == "count") {
        if (auto q = single(*a, {Dim()}); q && positive(*a, *q))
          C.count = static_cast<int64_t>(q->value);
      } else if (k == "energy") {
        if (auto q = single(*a, {dimEnergy()}); q && nonNegative(*a, *q))
          C.energyPJ = q->value * 1e12;
      } else if (k == "area") {
        if (auto q = single(*a, {dimArea()}); q && nonNegative(*a, *q))
          C.areaUm2 = q->value * 1e12;
      } else if (k == "leakage") {
        if (auto q = single(*a, {dimPower()}); q && nonNegative(*a, *q))
          C.leakageMW = q->value * 1e3;
      }
    }
    if (!C.format.empty() && !attrs.seen("bits"))
      C.bits = dtypeBits(*parseDType(C.format));
    if (C.cls.empty())
      C.cls = C.format.rfind("fp", 0) == 0 || C.format == "bf16" ? "fpmac" : "intmac";
    m.compute.push_back(C);
  }

  void constraints(const ast::Block &b) {
    noDims(b);
    AttrSet top(diags, "constraints", {"dataflow"});
    for (const ast::HwItem &item : b.items) {
      if (const auto *a = boost::get<ast::Attr>(&item)) {
        if (top.accept(*a)) {
          std::string v = identValue(*a);
          if (!v.empty())
            setDataflow(*a, v);
        }
        continue;
      }
      const auto *fb = boost::get<forward_ast<ast::Block>>(&item);
      if (!fb) {
        nestedNotAllowed(item, "constraints");
        continue;
      }
      const ast::Block &t = fb->get();
      if (t.name)
        diags.error(t.name->loc, "constraint blocks are written 'TARGET { ... }'");
      AttrSet attrs(diags, "constraint",
                    {"spatial_x", "spatial_y", "order", "keep", "bypass"});
      for (const ast::HwItem &ci : t.items) {
        const auto *a = boost::get<ast::Attr>(&ci);
        if (!a) {
          nestedNotAllowed(ci, "constraints");
          continue;
        }
        if (!attrs.accept(*a))
          continue;
        Constraint c;
        c.target = t.kind.name;
        c.kind = a->key.name;
        c.loc = t.kind.loc;
        for (const ast::Expr &e : a->values) {
          std::string id = plainIdent(e);
          if (id.empty()) {
            diags.error(exprRange(e), "'" + c.kind + "' takes names");
            continue;
          }
          if ((c.kind == "keep" || c.kind == "bypass") &&
              std::find(kTensorRoles.begin(), kTensorRoles.end(), id) ==
                  kTensorRoles.end()) {
            diags.error(exprRange(e),
                        "'" + c.kind + "' takes tensor roles, got '" + id + "'",
                        didYouMean(id, kTensorRoles,
                                   "roles are input, weight and output"));
            continue;
          }
          c.values.push_back(id);
        }
        m.constraints.push_back(c);
      }
    }
  }

  void checkConstraintTargets() {
    std::vector<std::string> names;
    for (const MemoryLevel &L : m.levels)
      names.push_back(L.name);
    for (const SpatialArray &A : m.arrays)
      names.push_back(A.name);
    for (const Constraint &c : m.constraints) {
      if (std::find(names.begin(), names.end(), c.target) != names.end())
        continue;
      diags.error(c.loc,
                  "constraint on unknown level or array '" + c.target + "'",
                  didYouMean(c.target, names));
    }
  }

  DiagnosticEngine &diags;
  const ParamInputs &ov;
  Scope *scope;
  HwModel m;
  std::set<std::string> componentNames;
};

} // namespace

HwModel checkAccelerator(const ast::Accelerator &acc, const std::string &file,
                         DiagnosticEngine &diags, const ParamInputs &ov,
                         Scope &scope) {
  return HwChecker(diags, ov, scope).run(acc, file);
}

} // namespace tessel::dsl
