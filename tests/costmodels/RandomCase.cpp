// Seeded generator of small random cost-model cases for the oracle-vs-analytical property test.
#include "RandomCase.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace tessel::cost::testing {

uint64_t Rng::next() {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

namespace {

using Terms = std::vector<std::vector<std::pair<std::string, int64_t>>>;

void addDims(Problem &p, const std::vector<std::pair<std::string, int64_t>> &dims) {
  for (const auto &[name, bound] : dims)
    p.dims.push_back({name, bound});
}

void addTensor(Problem &p, const std::string &name, const Terms &terms, bool out) {
  std::vector<std::string> errors;
  p.tensors.push_back(makeTensor(p, name, terms, out, errors));
}

Problem randomProblem(Rng &rng) {
  Problem p;
  // Kind 4 (a long sliding window) twice as often: windows are where conventions differ.
  int64_t kind = rng.pick(0, 6);
  switch (kind == 6 ? 4 : kind) {
  case 0: {
    p.name = "matmul";
    addDims(p, {{"m", rng.pick(1, 6)}, {"n", rng.pick(1, 6)}, {"k", rng.pick(1, 6)}});
    addTensor(p, "A", {{{"m", 1}}, {{"k", 1}}}, false);
    addTensor(p, "B", {{{"k", 1}}, {{"n", 1}}}, false);
    addTensor(p, "C", {{{"m", 1}}, {{"n", 1}}}, true);
    break;
  }
  case 1: {
    p.name = "conv";
    int64_t st = rng.pick(1, 2), dl = rng.pick(1, 2);
    addDims(p, {{"k", rng.pick(1, 3)}, {"c", rng.pick(1, 3)}, {"p", rng.pick(1, 4)},
                {"q", rng.pick(1, 3)}, {"r", rng.pick(1, 3)}, {"s", rng.pick(1, 3)}});
    addTensor(p, "I", {{{"c", 1}}, {{"p", st}, {"r", dl}}, {{"q", st}, {"s", dl}}}, false);
    addTensor(p, "W", {{{"k", 1}}, {{"c", 1}}, {{"r", 1}}, {{"s", 1}}}, false);
    addTensor(p, "O", {{{"k", 1}}, {{"p", 1}}, {{"q", 1}}}, true);
    break;
  }
  case 2: {
    p.name = "groupconv";
    int64_t cg = rng.pick(1, 3), kg = rng.pick(1, 2), st = rng.pick(1, 2);
    addDims(p, {{"g", rng.pick(1, 3)}, {"k", kg}, {"c", cg}, {"p", rng.pick(1, 4)},
                {"r", rng.pick(1, 3)}});
    addTensor(p, "I", {{{"g", cg}, {"c", 1}}, {{"p", st}, {"r", 1}}}, false);
    addTensor(p, "W", {{{"g", 1}}, {{"k", 1}}, {{"c", 1}}, {{"r", 1}}}, false);
    addTensor(p, "O", {{{"g", kg}, {"k", 1}}, {{"p", 1}}}, true);
    break;
  }
  case 3: {
    p.name = "depthwise";
    addDims(p, {{"c", rng.pick(1, 4)}, {"p", rng.pick(1, 5)}, {"q", rng.pick(1, 3)},
                {"r", rng.pick(1, 3)}, {"s", rng.pick(1, 2)}});
    addTensor(p, "I", {{{"c", 1}}, {{"p", 1}, {"r", 1}}, {{"q", 1}, {"s", 1}}}, false);
    addTensor(p, "W", {{{"c", 1}}, {{"r", 1}}, {{"s", 1}}}, false);
    addTensor(p, "O", {{{"c", 1}}, {{"p", 1}}, {{"q", 1}}}, true);
    break;
  }
  case 4: {
    // A long 1-D window: bounds with repeated factors split the sliding dim across loops.
    p.name = "window";
    const int64_t slides[] = {4, 6, 8, 9, 12};
    addDims(p, {{"c", rng.pick(1, 2)}, {"p", slides[rng.pick(0, 4)]}, {"r", rng.pick(2, 3)}});
    addTensor(p, "I", {{{"c", 1}}, {{"p", 1}, {"r", rng.pick(1, 2)}}}, false);
    addTensor(p, "W", {{{"c", 1}}, {{"r", 1}}}, false);
    addTensor(p, "O", {{{"p", 1}}}, true);
    break;
  }
  default: {
    p.name = "einsum";
    int64_t numDims = rng.pick(2, 4);
    for (int64_t d = 0; d < numDims; ++d)
      p.dims.push_back({std::string(1, static_cast<char>('a' + d)), rng.pick(1, 5)});
    int64_t numTensors = rng.pick(2, 4);
    for (int64_t t = 0; t < numTensors; ++t) {
      Tensor tensor;
      tensor.name = t + 1 == numTensors ? "Out" : "T" + std::to_string(t);
      tensor.isOutput = t + 1 == numTensors;
      size_t numIndices = static_cast<size_t>(rng.pick(1, 3));
      tensor.projection.assign(numIndices, std::vector<int64_t>(numDims, 0));
      for (int64_t d = 0; d < numDims; ++d)
        if (rng.coin(70))
          tensor.projection[rng.pick(0, numIndices - 1)][d] = rng.pick(1, 3);
      p.tensors.push_back(std::move(tensor));
    }
    break;
  }
  }
  // Shrink until small enough for the oracle.
  while (p.macs() > 300) {
    auto it = std::max_element(p.dims.begin(), p.dims.end(),
                               [](const Dim &a, const Dim &b) { return a.bound < b.bound; });
    it->bound = (it->bound + 1) / 2;
  }
  return p;
}

Arch randomArch(Rng &rng, const Problem &p) {
  Arch a;
  a.name = "random";
  size_t numLevels = static_cast<size_t>(rng.pick(1, 4));
  TensorMask all = (TensorMask(1) << p.tensors.size()) - 1;
  for (size_t l = 0; l < numLevels; ++l) {
    StorageLevel s;
    s.name = l == 0 ? "DRAM" : "B" + std::to_string(l);
    s.keepMask = l == 0 ? all : static_cast<TensorMask>(rng.next()) & all;
    s.blockWords = rng.pick(1, 3);
    s.readBandwidth = static_cast<double>(rng.pick(0, 4));
    s.writeBandwidth = static_cast<double>(rng.pick(0, 4));
    s.readEnergy = static_cast<double>(rng.pick(1, 100));
    s.writeEnergy = static_cast<double>(rng.pick(1, 100));
    s.updateEnergy = static_cast<double>(rng.pick(1, 100));
    s.leakage = static_cast<double>(rng.pick(0, 3));
    s.area = static_cast<double>(rng.pick(0, 1000));
    a.levels.push_back(s);
    FanOut f;
    f.x = rng.coin(40) ? 1 : rng.pick(2, 4);
    f.y = rng.coin(60) ? 1 : rng.pick(2, 3);
    f.multicast = rng.coin();
    f.reduction = rng.coin();
    f.hopEnergy = static_cast<double>(rng.pick(0, 5));
    a.fanOuts.push_back(f);
  }
  a.compute.macEnergy = 1;
  a.compute.area = 10;
  return a;
}

std::vector<int64_t> primeFactors(int64_t n) {
  std::vector<int64_t> out;
  for (int64_t f = 2; f * f <= n; ++f)
    while (n % f == 0) {
      out.push_back(f);
      n /= f;
    }
  if (n > 1)
    out.push_back(n);
  return out;
}

Mapping randomMapping(Rng &rng, const Problem &p, const Arch &a) {
  size_t numLevels = a.levels.size(), numDims = p.dims.size();
  // factor[l][slot][d]: slot 0 temporal, 1 spatial X, 2 spatial Y.
  std::vector<std::vector<std::vector<int64_t>>> factor(
      numLevels, std::vector<std::vector<int64_t>>(3, std::vector<int64_t>(numDims, 1)));
  std::vector<std::vector<int64_t>> used(numLevels, std::vector<int64_t>(3, 1));
  for (size_t d = 0; d < numDims; ++d)
    for (int64_t prime : primeFactors(p.dims[d].bound)) {
      size_t l = static_cast<size_t>(rng.pick(0, numLevels - 1));
      size_t slot = static_cast<size_t>(rng.coin(35) ? rng.pick(1, 2) : 0);
      int64_t limit = slot == 1 ? a.fanOuts[l].x : a.fanOuts[l].y;
      if (slot != 0 && used[l][slot] * prime > limit)
        slot = 0;
      factor[l][slot][d] *= prime;
      used[l][slot] *= prime;
    }
  Mapping m;
  for (size_t l = 0; l < numLevels; ++l) {
    LevelMapping lm;
    for (size_t d = 0; d < numDims; ++d) {
      int64_t f = factor[l][0][d];
      // Sometimes split one dim into two temporal loops of the same level.
      std::vector<int64_t> primes = primeFactors(f);
      if (primes.size() > 1 && rng.coin(30)) {
        int64_t first = primes[0];
        lm.temporal.push_back({static_cast<int>(d), first});
        lm.temporal.push_back({static_cast<int>(d), f / first});
      } else if (f > 1 || rng.coin(10)) {
        lm.temporal.push_back({static_cast<int>(d), f});
      }
      for (size_t slot = 1; slot <= 2; ++slot)
        if (factor[l][slot][d] > 1)
          lm.spatial.push_back(
              {static_cast<int>(d), factor[l][slot][d], slot == 1 ? Axis::X : Axis::Y});
    }
    for (size_t i = lm.temporal.size(); i > 1; --i)
      std::swap(lm.temporal[i - 1], lm.temporal[static_cast<size_t>(rng.pick(0, i - 1))]);
    for (size_t i = lm.spatial.size(); i > 1; --i)
      std::swap(lm.spatial[i - 1], lm.spatial[static_cast<size_t>(rng.pick(0, i - 1))]);
    if (l > 0)
      lm.bypass = static_cast<TensorMask>(rng.next()) & a.levels[l].keepMask;
    m.levels.push_back(std::move(lm));
  }
  return m;
}

/// Where a loop sits in a mapping.
struct LoopRef {
  size_t level;
  bool spatial;
  size_t index;
};

int64_t &factorAt(Mapping &m, const LoopRef &r) {
  LevelMapping &lm = m.levels[r.level];
  return r.spatial ? lm.spatial[r.index].factor : lm.temporal[r.index].factor;
}

/// The loops over `dim` with a factor above 1, in nest order.
std::vector<LoopRef> loopsOver(const Mapping &m, int dim) {
  std::vector<LoopRef> out;
  for (size_t l = 0; l < m.levels.size(); ++l) {
    const LevelMapping &lm = m.levels[l];
    for (size_t i = 0; i < lm.temporal.size(); ++i)
      if (lm.temporal[i].dim == dim && lm.temporal[i].factor > 1)
        out.push_back({l, false, i});
    for (size_t i = 0; i < lm.spatial.size(); ++i)
      if (lm.spatial[i].dim == dim && lm.spatial[i].factor > 1)
        out.push_back({l, true, i});
  }
  return out;
}

/// Whether every fan-out axis holds its spatial loops.
bool fits(const Mapping &m, const Arch &a) {
  for (size_t l = 0; l < m.levels.size(); ++l) {
    int64_t x = 1, y = 1;
    for (const SpatialLoop &s : m.levels[l].spatial)
      (s.axis == Axis::X ? x : y) *= s.factor;
    if (x > a.fanOuts[l].x || y > a.fanOuts[l].y)
      return false;
  }
  return true;
}

/// Makes some dims imperfectly factored: one of a dim's inner loops (an existing one, or a new
/// one at or below the outermost loop's level) gets a factor of 2-4, and the outermost loop
/// ceil(bound / the other factors). Keeps the padded iteration space small for the oracle.
void makeImperfect(Rng &rng, const Problem &p, const Arch &a, Mapping &m) {
  for (size_t d = 0; d < p.dims.size(); ++d) {
    int64_t bound = p.dims[d].bound;
    if (bound < 3 || !rng.coin(80))
      continue;
    Mapping before = m;
    int dim = static_cast<int>(d);
    std::vector<LoopRef> loops = loopsOver(m, dim);
    if (loops.empty())
      continue;
    LoopRef top = loops.front();
    int64_t g = rng.pick(2, std::min<int64_t>(4, bound - 1));
    if (loops.size() >= 2 && rng.coin()) {
      factorAt(m, loops[static_cast<size_t>(rng.pick(1, static_cast<int64_t>(loops.size()) - 1))]) = g;
    } else {
      // A new loop inside the outermost one: at a deeper level, or at its level after it.
      size_t level = static_cast<size_t>(rng.pick(static_cast<int64_t>(top.level),
                                                   static_cast<int64_t>(m.levels.size()) - 1));
      bool spatial = rng.coin(40) || (level == top.level && top.spatial);
      if (spatial)
        m.levels[level].spatial.push_back({dim, g, rng.coin() ? Axis::X : Axis::Y});
      else
        m.levels[level].temporal.push_back({dim, g});
    }
    int64_t others = 1;
    std::vector<LoopRef> now = loopsOver(m, dim);
    for (size_t i = 1; i < now.size(); ++i)
      others *= factorAt(m, now[i]);
    if (others >= bound || !(now.front().level == top.level && now.front().spatial == top.spatial &&
                             now.front().index == top.index)) {
      m = std::move(before);
      continue;
    }
    factorAt(m, top) = (bound + others - 1) / others;
    int64_t padded = 1;
    for (size_t e = 0; e < p.dims.size(); ++e) {
      int64_t product = 1;
      for (const LoopRef &r : loopsOver(m, static_cast<int>(e)))
        product *= factorAt(m, r);
      padded *= product;
    }
    if (!fits(m, a) || padded > 1500)
      m = std::move(before);
  }
}

} // namespace

bool isImperfect(const Case &c) {
  for (size_t d = 0; d < c.problem.dims.size(); ++d) {
    int64_t product = 1;
    for (const LoopRef &r : loopsOver(c.mapping, static_cast<int>(d))) {
      const LevelMapping &lm = c.mapping.levels[r.level];
      product *= r.spatial ? lm.spatial[r.index].factor : lm.temporal[r.index].factor;
    }
    if (product > c.problem.dims[d].bound)
      return true;
  }
  return false;
}

Case randomCase(uint64_t seed, bool imperfect) {
  Rng rng(seed);
  Case c;
  c.problem = randomProblem(rng);
  c.arch = randomArch(rng, c.problem);
  c.mapping = randomMapping(rng, c.problem, c.arch);
  if (imperfect)
    makeImperfect(rng, c.problem, c.arch, c.mapping);
  // Some capacities, so that some cases are rejected (both models must agree on why).
  for (StorageLevel &level : c.arch.levels)
    if (rng.coin(10))
      level.capacityWords = rng.pick(1, 60);
  // Shared (read plus write) bandwidths on some levels, from their own stream for the same
  // reason as the coding below.
  Rng sharing(seed ^ 0x2545f4914f6cdd1dULL);
  for (StorageLevel &level : c.arch.levels)
    if (sharing.coin(30))
      level.sharedBandwidth = static_cast<double>(sharing.pick(1, 6));
  // Run-length coding at the outermost level in a quarter of the cases (docs/model.md 13),
  // from a separate stream so that the cases above stay those of earlier versions.
  Rng coding(seed ^ 0x5deece66dULL);
  StorageLevel &outer = c.arch.levels[0];
  if (coding.coin(25)) {
    outer.blockWords = std::max<int64_t>(outer.blockWords, 2);
    outer.runBits = static_cast<int>(coding.pick(1, std::min<int64_t>(30, 16 * outer.blockWords - 16)));
    for (size_t t = 0; t < c.problem.tensors.size(); ++t) {
      if (coding.coin(60) && c.problem.tensors[t].elementBits <= 16)
        outer.compressMask |= TensorMask(1) << t;
      c.problem.tensors[t].density = static_cast<double>(coding.pick(1, 10)) / 10;
    }
  }
  return c;
}

std::string describe(const Case &c) {
  return toString(c.problem) + toString(c.arch, c.problem) +
         toString(c.mapping, c.problem, c.arch);
}

} // namespace tessel::cost::testing
