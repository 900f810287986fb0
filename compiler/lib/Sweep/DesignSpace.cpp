// Sweep axes from params and --param overrides, point keys, cartesian enumeration and shards.
#include "tessel/Sweep/DesignSpace.h"

#include "tessel/Sweep/Values.h"
#include "tessel/dsl/Diagnostics.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace tessel::sweep {

uint64_t DesignSpace::cartesianSize() const {
  uint64_t n = 1;
  for (const ParamAxis &a : axes) {
    if (a.continuous)
      return 0;
    uint64_t k = a.values.size();
    if (k && n > UINT64_MAX / k)
      return UINT64_MAX;
    n *= k;
  }
  return n;
}

ParamUnits paramUnits(const DesignSpace &space) {
  ParamUnits units;
  for (const ParamAxis &a : space.axes)
    if (std::string u = baseUnitName(a.dim); !u.empty())
      units.emplace_back(a.name, std::move(u));
  std::sort(units.begin(), units.end());
  return units;
}

std::string pointKey(const ParamValues &params) {
  ParamValues sorted = params;
  std::sort(sorted.begin(), sorted.end());
  std::string key;
  for (const auto &[name, value] : sorted) {
    if (!key.empty())
      key += ',';
    key += name + "=" + formatValue(value);
  }
  return key;
}

std::map<std::string, double> DesignPoint::overrides() const {
  return {params.begin(), params.end()};
}

namespace {

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// Values lo, lo + step, ... up to hi (inclusive within rounding), canonical.
Result<std::vector<double>> steppedValues(double lo, double hi, double step) {
  double n = std::floor((hi - lo) / step * (1 + 1e-12) + 1e-9);
  if (n >= 1e6)
    return std::string("the range has more than a million values");
  std::vector<double> v;
  for (int64_t k = 0; k <= static_cast<int64_t>(n); ++k)
    v.push_back(canonicalValue(lo + static_cast<double>(k) * step));
  return v;
}

} // namespace

Result<ParamOverride, ArgError> parseParamOverride(std::string_view arg) {
  const std::string option = "param";
  auto fail = [&](size_t col, std::string msg, std::string hint = {}) {
    return argError(option, std::string(arg), col, std::move(msg), std::move(hint));
  };
  auto located = [&](ArgError e) {
    e.option = option;
    return e;
  };
  ParamOverride o;
  o.text = std::string(arg);
  size_t eq = arg.find('=');
  if (eq == std::string_view::npos)
    return fail(0, "expected NAME=VALUES",
                "e.g. --param rows=8,12,16 or --param glb=64KiB..256KiB:64KiB");
  if (eq == 0 || !isIdentStart(arg[0]))
    return fail(1, "expected a parameter name before '='");
  for (size_t i = 0; i < eq; ++i)
    if (!isIdentChar(arg[i]))
      return fail(i + 1, std::string("unexpected '") + arg[i] + "' in the parameter name");
  o.axis.name = std::string(arg.substr(0, eq));
  o.axis.origin = "--param";
  o.valueColumn = eq + 2;

  std::vector<ParsedQuantity> qs;
  size_t pos = eq + 1;
  auto next = [&]() -> std::optional<ArgError> {
    auto q = parseQuantity(arg, pos);
    if (!q)
      return located(q.error());
    qs.push_back(*q);
    return std::nullopt;
  };
  if (auto e = next())
    return *e;
  bool range = arg.substr(pos, 2) == "..";
  bool stepped = false;
  if (range) {
    pos += 2;
    if (auto e = next())
      return *e;
    if (pos < arg.size() && arg[pos] == ':') {
      ++pos;
      if (auto e = next())
        return *e;
      stepped = true;
    }
  } else {
    while (pos < arg.size() && arg[pos] == ',') {
      ++pos;
      if (auto e = next())
        return *e;
    }
  }
  while (pos < arg.size() && arg[pos] == ' ')
    ++pos;
  if (pos < arg.size())
    return fail(pos + 1, std::string("unexpected '") + arg[pos] + "'",
                range ? "a range is LO..HI or LO..HI:STEP" : "separate values with ','");

  // Every value carries a unit of one dimension, or none does.
  const ParsedQuantity *withUnit = nullptr;
  for (const ParsedQuantity &q : qs)
    if (q.hasUnit && !withUnit)
      withUnit = &q;
  if (withUnit) {
    for (const ParsedQuantity &q : qs) {
      if (!q.hasUnit)
        return fail(q.begin + 1,
                    "this value has no unit but another is " + dsl::describeDim(withUnit->dim),
                    "give every value a unit, e.g. " + dsl::exampleUnits(withUnit->dim));
      if (q.dim != withUnit->dim)
        return fail(q.unitBegin + 1, "this value is " + dsl::describeDim(q.dim) +
                                         " but the first is " + dsl::describeDim(withUnit->dim));
    }
    o.axis.dim = withUnit->dim;
    o.hasUnits = true;
  }

  if (range) {
    double lo = qs[0].value, hi = qs[1].value;
    if (hi < lo)
      return fail(qs[1].begin + 1, "the upper bound is below the lower bound");
    if (!stepped) {
      o.axis.continuous = true;
      o.axis.lo = canonicalValue(lo);
      o.axis.hi = canonicalValue(hi);
      return o;
    }
    double step = qs[2].value;
    if (!(step > 0))
      return fail(qs[2].begin + 1, "the step must be positive");
    auto values = steppedValues(lo, hi, step);
    if (!values)
      return fail(qs[2].begin + 1, values.error(), "use a larger step, or --sample N");
    o.axis.values = std::move(*values);
    return o;
  }
  for (const ParsedQuantity &q : qs) {
    double v = canonicalValue(q.value);
    if (std::find(o.axis.values.begin(), o.axis.values.end(), v) != o.axis.values.end())
      return fail(q.begin + 1, "value " + formatValue(v) + " is given twice");
    o.axis.values.push_back(v);
  }
  return o;
}

namespace {

std::string locationOf(const dsl::ParamInfo &p, const dsl::SourceManager *sm) {
  if (!sm || !p.loc.valid())
    return "the model";
  dsl::LineCol lc = sm->lineCol(p.loc.file, p.loc.begin);
  return sm->name(p.loc.file) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col);
}

ParamAxis axisOfDomain(const dsl::ParamInfo &p, const dsl::SourceManager *sm) {
  ParamAxis a;
  a.name = p.name;
  a.dim = p.value.dim;
  a.origin = locationOf(p, sm);
  if (p.domainKind == dsl::ParamInfo::DomainKind::Range && p.step <= 0) {
    a.continuous = true;
    a.lo = canonicalValue(p.lo);
    a.hi = canonicalValue(p.hi);
    return a;
  }
  for (double v : p.domainValues()) {
    v = canonicalValue(v);
    if (std::find(a.values.begin(), a.values.end(), v) == a.values.end())
      a.values.push_back(v);
  }
  return a;
}

bool sameDomain(const ParamAxis &a, const ParamAxis &b) {
  return a.dim == b.dim && a.values == b.values && a.continuous == b.continuous && a.lo == b.lo &&
         a.hi == b.hi;
}

} // namespace

Result<DesignSpace, ArgError> buildDesignSpace(const std::vector<dsl::ParamInfo> &params,
                                               const std::vector<ParamOverride> &overrides,
                                               const dsl::SourceManager *sm) {
  std::vector<std::string> names;
  std::map<std::string, const dsl::ParamInfo *> byName;
  DesignSpace space;
  for (const dsl::ParamInfo &p : params) {
    auto [it, fresh] = byName.emplace(p.name, &p);
    if (fresh) {
      names.push_back(p.name);
      continue;
    }
    if (!sameDomain(axisOfDomain(*it->second, sm), axisOfDomain(p, sm)) ||
        it->second->value.value != p.value.value)
      return plainError("param '" + p.name +
                            "' is declared twice with different defaults or domains (" +
                            locationOf(*it->second, sm) + " and " + locationOf(p, sm) + ")",
                        "give the params different names, or the same domain");
  }
  std::map<std::string, const ParamOverride *> overridden;
  for (const ParamOverride &o : overrides) {
    const std::string &name = o.axis.name;
    auto it = byName.find(name);
    if (it == byName.end())
      return argError("param", o.text, 1, "unknown param '" + name + "'",
                      dsl::didYouMean(name, names,
                                      names.empty() ? "the inputs declare no params"
                                                    : "see 'tessel check' for the params"));
    if (!overridden.emplace(name, &o).second)
      return argError("param", o.text, 1, "param '" + name + "' is given twice with --param");
    const dsl::Dim &want = it->second->value.dim;
    if (o.hasUnits && o.axis.dim != want)
      return argError("param", o.text, o.valueColumn,
                      "'" + name + "' is " + dsl::describeDim(want) + ", but these values are " +
                          dsl::describeDim(o.axis.dim),
                      want.dimensionless() ? "give plain numbers"
                                           : "use a unit such as " + dsl::exampleUnits(want));
    if (!o.hasUnits && !want.dimensionless())
      return argError("param", o.text, o.valueColumn,
                      "'" + name + "' is " + dsl::describeDim(want) + "; give the values a unit",
                      "e.g. " + dsl::exampleUnits(want));
  }
  for (const std::string &name : names) {
    const dsl::ParamInfo &p = *byName.at(name);
    if (auto it = overridden.find(name); it != overridden.end()) {
      ParamAxis a = it->second->axis;
      a.dim = p.value.dim;
      space.axes.push_back(std::move(a));
    } else if (p.domainKind != dsl::ParamInfo::DomainKind::None) {
      space.axes.push_back(axisOfDomain(p, sm));
    }
  }
  return space;
}

DesignPoint cartesianPoint(const DesignSpace &space, uint64_t index) {
  DesignPoint p;
  p.index = index;
  p.params.resize(space.axes.size());
  for (size_t i = space.axes.size(); i-- > 0;) {
    const ParamAxis &a = space.axes[i];
    uint64_t k = a.values.size();
    p.params[i] = {a.name, a.values[index % k]};
    index /= k;
  }
  std::sort(p.params.begin(), p.params.end());
  return p;
}

Result<std::vector<DesignPoint>> enumeratePoints(const DesignSpace &space, uint64_t limit) {
  for (const ParamAxis &a : space.axes)
    if (a.continuous)
      return "param '" + a.name + "' (" + a.origin +
             ") has a continuous range: sample it with --sample N, or give a step with --param " +
             a.name + "=LO..HI:STEP";
  uint64_t n = space.cartesianSize();
  if (n > limit)
    return "the design space has " +
           (n == UINT64_MAX ? std::string("more than 2^64") : std::to_string(n)) +
           " points (the limit is " + std::to_string(limit) +
           "): sample it with --sample N, or narrow it with --param";
  std::vector<DesignPoint> points;
  points.reserve(n);
  for (uint64_t i = 0; i < n; ++i)
    points.push_back(cartesianPoint(space, i));
  return points;
}

Result<Shard, ArgError> parseShard(std::string_view arg) {
  auto fail = [&](size_t col, std::string msg) {
    return argError("shard", std::string(arg), col, std::move(msg),
                    "write I/N with 1 <= I <= N, e.g. --shard 2/8 (shards are numbered from 1)");
  };
  size_t slash = arg.find('/');
  if (slash == std::string_view::npos)
    return fail(0, "expected I/N");
  Shard s;
  auto num = [&](size_t b, size_t e, uint64_t &out) {
    auto [p, ec] = std::from_chars(arg.data() + b, arg.data() + e, out);
    return ec == std::errc() && p == arg.data() + e && e > b;
  };
  if (!num(0, slash, s.index))
    return fail(1, "expected the shard number before '/'");
  if (!num(slash + 1, arg.size(), s.count) || s.count == 0)
    return fail(slash + 2, "expected a positive shard count after '/'");
  if (s.index < 1 || s.index > s.count)
    return fail(1, "shard " + std::to_string(s.index) + " is not between 1 and " +
                       std::to_string(s.count));
  return s;
}

std::vector<DesignPoint> selectShard(const std::vector<DesignPoint> &points, const Shard &shard) {
  std::vector<DesignPoint> out;
  for (const DesignPoint &p : points)
    if (p.index % shard.count == shard.index - 1)
      out.push_back(p);
  return out;
}

} // namespace tessel::sweep
