// Seeded small search cases and the brute force over the uncollapsed mapspace.
#include "SearchCase.h"

#include "tessel/cost/Analytical.h"

#include <algorithm>
#include <functional>
#include <sstream>

namespace tessel::search::testing {

using namespace cost;

namespace {

class TestRng {
public:
  explicit TestRng(uint64_t seed) : state(seed * 0x2545f4914f6cdd1dULL + 17) {}
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int64_t pick(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(next() % (hi - lo + 1)); }
  bool coin(int percent) { return pick(0, 99) < percent; }

private:
  uint64_t state;
};

using Terms = std::vector<std::vector<std::pair<std::string, int64_t>>>;

void tensor(Problem &p, const std::string &name, const Terms &terms, bool out) {
  std::vector<std::string> errors;
  p.tensors.push_back(makeTensor(p, name, terms, out, errors));
}

Problem randomProblem(TestRng &rng) {
  Problem p;
  switch (rng.pick(0, 4)) {
  case 0:
    p.name = "matmul";
    p.dims = {{"m", rng.pick(1, 6)}, {"n", rng.pick(1, 6)}, {"k", rng.pick(1, 8)}};
    tensor(p, "A", {{{"m", 1}}, {{"k", 1}}}, false);
    tensor(p, "B", {{{"k", 1}}, {{"n", 1}}}, false);
    tensor(p, "C", {{{"m", 1}}, {{"n", 1}}}, true);
    break;
  case 1: {
    p.name = "conv1d";
    int64_t stride = rng.pick(1, 2);
    p.dims = {{"k", rng.pick(1, 4)}, {"c", rng.pick(1, 2)}, {"p", rng.pick(2, 6)},
              {"r", rng.pick(1, 3)}};
    tensor(p, "I", {{{"c", 1}}, {{"p", stride}, {"r", 1}}}, false);
    tensor(p, "W", {{{"k", 1}}, {{"c", 1}}, {{"r", 1}}}, false);
    tensor(p, "O", {{{"k", 1}}, {{"p", 1}}}, true);
    break;
  }
  case 2:
    p.name = "conv2d";
    p.dims = {{"k", rng.pick(1, 2)}, {"p", rng.pick(1, 3)}, {"q", rng.pick(1, 2)},
              {"r", rng.pick(1, 2)}, {"s", rng.pick(1, 2)}};
    tensor(p, "I", {{{"p", 1}, {"r", 1}}, {{"q", 1}, {"s", 1}}}, false);
    tensor(p, "W", {{{"k", 1}}, {{"r", 1}}, {{"s", 1}}}, false);
    tensor(p, "O", {{{"k", 1}}, {{"p", 1}}, {{"q", 1}}}, true);
    break;
  case 3:
    p.name = "depthwise";
    p.dims = {{"c", rng.pick(1, 4)}, {"p", rng.pick(2, 6)}, {"r", rng.pick(2, 3)}};
    tensor(p, "I", {{{"c", 1}}, {{"p", 1}, {"r", 1}}}, false);
    tensor(p, "W", {{{"c", 1}}, {{"r", 1}}}, false);
    tensor(p, "O", {{{"c", 1}}, {{"p", 1}}}, true);
    break;
  default: {
    p.name = "einsum";
    int64_t numDims = rng.pick(2, 3);
    for (int64_t d = 0; d < numDims; ++d)
      p.dims.push_back({std::string(1, static_cast<char>('a' + d)), rng.pick(1, 4)});
    int64_t numTensors = rng.pick(2, 3);
    for (int64_t t = 0; t < numTensors; ++t) {
      Tensor x;
      x.name = t + 1 == numTensors ? "Out" : "T" + std::to_string(t);
      x.isOutput = t + 1 == numTensors;
      size_t numIndices = static_cast<size_t>(rng.pick(1, 2));
      x.projection.assign(numIndices, std::vector<int64_t>(numDims, 0));
      for (int64_t d = 0; d < numDims; ++d)
        if (rng.coin(70))
          x.projection[rng.pick(0, numIndices - 1)][d] = rng.pick(1, 2);
      p.tensors.push_back(std::move(x));
    }
    break;
  }
  }
  while (p.macs() > 96) {
    auto it = std::max_element(p.dims.begin(), p.dims.end(),
                               [](const Dim &a, const Dim &b) { return a.bound < b.bound; });
    it->bound = (it->bound + 1) / 2;
  }
  return p;
}

Arch randomArch(TestRng &rng, const Problem &p) {
  Arch a;
  a.name = "random";
  TensorMask all = (TensorMask(1) << p.tensors.size()) - 1;
  int levels = rng.coin(15) ? 1 : static_cast<int>(rng.pick(2, 3));
  for (int l = 0; l < levels; ++l) {
    StorageLevel s;
    s.name = l == 0 ? "DRAM" : "B" + std::to_string(l);
    s.keepMask = l == 0 ? all : (static_cast<TensorMask>(rng.next()) & all);
    if (s.keepMask == 0)
      s.keepMask = TensorMask(1) << rng.pick(0, static_cast<int64_t>(p.tensors.size()) - 1);
    s.blockWords = rng.pick(1, 2);
    s.readBandwidth = static_cast<double>(rng.pick(0, 3));
    s.writeBandwidth = static_cast<double>(rng.pick(0, 3));
    s.readEnergy = static_cast<double>(rng.pick(1, 50));
    s.writeEnergy = static_cast<double>(rng.pick(1, 50));
    s.updateEnergy = static_cast<double>(rng.pick(1, 50));
    s.leakage = rng.coin(50) ? 0.0 : static_cast<double>(rng.pick(1, 3)) / 4;
    if (l > 0 && rng.coin(40))
      s.capacityWords = rng.pick(2, 12);
    a.levels.push_back(s);
    FanOut f;
    bool fan = l + 1 < levels ? rng.coin(40) : rng.coin(60);
    f.x = fan ? rng.pick(2, 4) : 1;
    f.y = fan && rng.coin(40) ? 2 : 1;
    f.multicast = rng.coin(50);
    f.reduction = rng.coin(50);
    f.hopEnergy = static_cast<double>(rng.pick(0, 2));
    a.fanOuts.push_back(f);
  }
  a.compute.macEnergy = 1;
  a.compute.leakage = rng.coin(50) ? 0.0 : 0.5;
  // Sometimes an outermost level too small for the whole problem: nothing is valid.
  if (rng.coin(8)) {
    int64_t whole = 0;
    for (size_t t = 0; t < p.tensors.size(); ++t)
      whole += p.tensorElements(static_cast<int>(t));
    a.levels[0].capacityWords = rng.pick(std::max<int64_t>(1, whole / 2), whole - 1);
  }
  return a;
}

MapConstraints randomConstraints(TestRng &rng, const Problem &p, const Arch &a) {
  MapConstraints c;
  int D = static_cast<int>(p.dims.size()), T = static_cast<int>(p.tensors.size());
  c.levels.resize(a.levels.size());
  for (size_t l = 0; l < a.levels.size(); ++l) {
    LevelConstraints &lc = c.levels[l];
    if (rng.coin(40))
      lc.spatialX = static_cast<DimMask>(rng.next()) & ((DimMask(1) << D) - 1);
    if (rng.coin(40))
      lc.spatialY = static_cast<DimMask>(rng.next()) & ((DimMask(1) << D) - 1);
    if (rng.coin(30)) {
      for (int d = 0; d < D; ++d)
        if (rng.coin(50))
          lc.order.push_back(d);
      std::reverse(lc.order.begin(), lc.order.end());
    }
    if (l > 0)
      for (int t = 0; t < T; ++t)
        if ((a.levels[l].keepMask >> t & 1) && rng.coin(25))
          (rng.coin(50) ? lc.keep : lc.bypass) |= TensorMask(1) << t;
  }
  for (int t = 0; t < T; ++t)
    if (rng.coin(15))
      c.stationary |= TensorMask(1) << t;
  return c;
}

/// Ordered factorisations of n over `slots` slots, with per-slot caps (0: none).
void factorise(int64_t n, const std::vector<int64_t> &caps, size_t slot,
               std::vector<int64_t> &cur, std::vector<std::vector<int64_t>> &out) {
  if (slot == caps.size()) {
    if (n == 1)
      out.push_back(cur);
    return;
  }
  for (int64_t f = 1; f <= n; ++f)
    if (n % f == 0 && (caps[slot] == 0 || f <= caps[slot])) {
      cur[slot] = f;
      factorise(n / f, caps, slot + 1, cur, out);
    }
}

DimMask relevantDims(const Problem &p, int t) {
  DimMask m = 0;
  for (const std::vector<int64_t> &idx : p.tensors[t].projection)
    for (size_t d = 0; d < idx.size(); ++d)
      if (idx[d] != 0 && p.dims[d].bound > 1)
        m |= DimMask(1) << d;
  return m;
}

bool relativeOrder(const std::vector<int> &perm, const std::vector<int> &cons) {
  int last = -1;
  for (int d : perm) {
    auto it = std::find(cons.begin(), cons.end(), d);
    if (it == cons.end())
      continue;
    int pos = static_cast<int>(it - cons.begin());
    if (pos < last)
      return false;
    last = pos;
  }
  return true;
}

/// Per-dim slot layout: 3 slots per level (temporal, X, Y).
struct Layout {
  std::vector<std::vector<std::vector<int64_t>>> perDim; // [d] -> factorisations over 3L slots
};

Layout layout(const SearchCase &c) {
  int L = static_cast<int>(c.arch.levels.size()), D = static_cast<int>(c.problem.dims.size());
  Layout lay;
  for (int d = 0; d < D; ++d) {
    std::vector<int64_t> caps;
    for (int l = 0; l < L; ++l) {
      LevelConstraints lc = c.constraints.levels.empty() ? LevelConstraints{}
                                                          : c.constraints.levels[l];
      caps.push_back(0);
      caps.push_back(lc.spatialX >> d & 1 ? c.arch.fanOuts[l].x : 1);
      caps.push_back(lc.spatialY >> d & 1 ? c.arch.fanOuts[l].y : 1);
    }
    std::vector<int64_t> cur(caps.size(), 1);
    std::vector<std::vector<int64_t>> out;
    factorise(c.problem.dims[d].bound, caps, 0, cur, out);
    lay.perDim.push_back(std::move(out));
  }
  return lay;
}

} // namespace

SearchCase smallCase(uint64_t seed, bool withConstraints) {
  TestRng rng(seed);
  SearchCase c;
  c.problem = randomProblem(rng);
  c.arch = randomArch(rng, c.problem);
  if (withConstraints)
    c.constraints = randomConstraints(rng, c.problem, c.arch);
  // Shared (read plus write) bandwidths on some levels, from their own stream so that the
  // cases above stay those of earlier versions.
  TestRng sharing(seed * 104729 + 11);
  for (cost::StorageLevel &level : c.arch.levels)
    if (sharing.coin(30))
      level.sharedBandwidth = static_cast<double>(sharing.pick(1, 4));
  return c;
}

void codeOutermost(SearchCase &c, uint64_t seed) {
  TestRng rng(seed * 7919 + 3);
  cost::StorageLevel &dram = c.arch.levels[0];
  dram.blockWords = rng.pick(2, 4);
  dram.runBits = static_cast<int>(rng.pick(1, 5));
  for (size_t t = 0; t < c.problem.tensors.size(); ++t) {
    if (rng.coin(70))
      dram.compressMask |= cost::TensorMask(1) << t;
    c.problem.tensors[t].density =
        rng.coin(25) ? 1.0 : static_cast<double>(rng.pick(1, 9)) / 10;
  }
}

SearchCase deepCase(uint64_t seed) {
  TestRng rng(seed);
  SearchCase c;
  Problem &p = c.problem;
  int64_t stride = rng.pick(1, 2);
  p.name = "conv";
  p.dims = {{"c", rng.pick(1, 4)}, {"k", rng.pick(1, 4)}, {"p", rng.pick(2, 8)},
            {"q", rng.pick(1, 4)}, {"r", rng.pick(1, 3)}, {"s", rng.pick(1, 3)}};
  tensor(p, "I", {{{"c", 1}}, {{"p", stride}, {"r", 1}}, {{"q", stride}, {"s", 1}}}, false);
  tensor(p, "W", {{{"k", 1}}, {{"c", 1}}, {{"r", 1}}, {{"s", 1}}}, false);
  tensor(p, "O", {{{"k", 1}}, {{"p", 1}}, {{"q", 1}}}, true);
  Arch &a = c.arch;
  a.name = "deep";
  int levels = static_cast<int>(rng.pick(4, 5));
  for (int l = 0; l < levels; ++l) {
    StorageLevel s;
    s.name = "L" + std::to_string(l);
    s.keepMask = l == 0 ? 7 : static_cast<TensorMask>(rng.pick(0, 7));
    s.blockWords = rng.pick(1, 4);
    s.readBandwidth = s.writeBandwidth = static_cast<double>(rng.pick(1, 4));
    s.readEnergy = static_cast<double>(rng.pick(1, 50));
    s.writeEnergy = s.updateEnergy = static_cast<double>(rng.pick(1, 50));
    s.leakage = rng.coin(50) ? 0.0 : 0.25;
    if (l > 0 && rng.coin(50))
      s.capacityWords = rng.pick(4, 64);
    a.levels.push_back(s);
    FanOut f;
    if (l + 1 < levels && rng.coin(40)) {
      f.x = rng.pick(2, 4);
      f.y = rng.pick(1, 3);
    }
    f.multicast = rng.coin(70);
    f.reduction = rng.coin(70);
    f.hopEnergy = static_cast<double>(rng.pick(0, 2));
    a.fanOuts.push_back(f);
  }
  a.compute.macEnergy = 1;
  return c;
}

BruteForce bruteForce(const SearchCase &c, const Objective &objective, const Limits &limits,
                      int64_t maxMappings) {
  const Problem &p = c.problem;
  const Arch &a = c.arch;
  int L = static_cast<int>(a.levels.size()), D = static_cast<int>(p.dims.size());
  int T = static_cast<int>(p.tensors.size());
  Layout lay = layout(c);
  AnalyticalModel model(p, a);
  BruteForce result;
  CostReport report;
  auto levelCons = [&](int l) {
    return c.constraints.levels.empty() ? LevelConstraints{} : c.constraints.levels[l];
  };
  std::vector<size_t> pickIdx(D, 0);
  Mapping m;
  m.levels.resize(L);
  // Orders of every level, then evaluation.
  std::function<void(int)> orders = [&](int l) {
    if (l == L) {
      for (int t = 0; t < T; ++t) {
        if (!(c.constraints.stationary >> t & 1))
          continue;
        int inner = 0;
        for (int k = 1; k < L; ++k)
          if ((a.levels[k].keepMask & ~m.levels[k].bypass) >> t & 1)
            inner = k;
        DimMask rel = relevantDims(p, t);
        bool seenIrrelevant = false;
        for (int k = 0; k < inner; ++k)
          for (const TemporalLoop &loop : m.levels[k].temporal) {
            bool r = rel >> loop.dim & 1;
            if (r && seenIrrelevant)
              return;
            seenIrrelevant = seenIrrelevant || !r;
          }
      }
      if (++result.mappings > maxMappings) {
        result.complete = false;
        return;
      }
      model.evaluate(m, report);
      if (!report.valid || !meetsLimits(limits, report, a.computeUnits()))
        return;
      ++result.valid;
      Score s = scoreOf(objective, report);
      if (!result.best || compare(s, *result.best) < 0)
        result.best = s;
      return;
    }
    std::vector<TemporalLoop> loops = m.levels[l].temporal;
    std::vector<int> perm;
    for (const TemporalLoop &loop : loops)
      perm.push_back(loop.dim);
    std::sort(perm.begin(), perm.end());
    do {
      if (!relativeOrder(perm, levelCons(l).order))
        continue;
      m.levels[l].temporal.clear();
      for (int d : perm)
        for (const TemporalLoop &loop : loops)
          if (loop.dim == d)
            m.levels[l].temporal.push_back(loop);
      orders(l + 1);
    } while (std::next_permutation(perm.begin(), perm.end()));
    m.levels[l].temporal = loops;
  };
  std::function<void(int)> bypass = [&](int l) {
    if (l == L) {
      orders(0);
      return;
    }
    TensorMask keepable = a.levels[l].keepMask;
    for (TensorMask b = 0; b < (TensorMask(1) << T); ++b) {
      if ((b & ~keepable) || (l == 0 && b))
        continue;
      if ((b & levelCons(l).keep) || (levelCons(l).bypass & keepable & ~b))
        continue;
      m.levels[l].bypass = b;
      bypass(l + 1);
    }
    m.levels[l].bypass = 0;
  };
  std::function<void(int)> dims = [&](int d) {
    if (d == D) {
      for (int l = 0; l < L; ++l) {
        LevelMapping &lm = m.levels[l];
        lm.temporal.clear();
        lm.spatial.clear();
        int64_t x = 1, y = 1;
        for (int e = 0; e < D; ++e) {
          const std::vector<int64_t> &f = lay.perDim[e][pickIdx[e]];
          if (f[3 * l] > 1)
            lm.temporal.push_back({e, f[3 * l]});
          if (f[3 * l + 1] > 1)
            lm.spatial.push_back({e, f[3 * l + 1], Axis::X});
          if (f[3 * l + 2] > 1)
            lm.spatial.push_back({e, f[3 * l + 2], Axis::Y});
          x *= f[3 * l + 1];
          y *= f[3 * l + 2];
        }
        if (x > a.fanOuts[l].x || y > a.fanOuts[l].y)
          return;
      }
      bypass(0);
      return;
    }
    for (pickIdx[d] = 0; pickIdx[d] < lay.perDim[d].size() && result.complete; ++pickIdx[d])
      dims(d + 1);
  };
  dims(0);
  return result;
}

std::string describe(const SearchCase &c) {
  std::ostringstream os;
  os << toString(c.problem) << toString(c.arch, c.problem);
  for (size_t l = 0; l < c.constraints.levels.size(); ++l) {
    const LevelConstraints &lc = c.constraints.levels[l];
    os << "constraints L" << l << ": X " << lc.spatialX << " Y " << lc.spatialY << " keep "
       << lc.keep << " bypass " << lc.bypass << " order";
    for (int d : lc.order)
      os << ' ' << d;
    os << '\n';
  }
  os << "stationary " << c.constraints.stationary << '\n';
  return os.str();
}

} // namespace tessel::search::testing
