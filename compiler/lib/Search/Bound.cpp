// Lower bounds of the counts of every flow of a partially decided point, then of energy/cycles.
//
// Per flow (tensor t from keeper p into child c, docs/model.md sections 3-5), with the tile at
// c known: a tensor whose indices each use one dim enters its tile |T| * N times per child,
// where N is at least the product of every temporal factor above the deepest level holding a
// loop relevant to t times the relevant factors of that level (irrelevant loops there can sit
// innermost; everything above replaces the tile). A tensor with sliding windows enters at
// least every element it ever holds, and at least R * (|E_inner| - |T|) + |T| elements, with R
// runs of the loops above the deepest relevant level, each sweeping E_inner and starting with
// at most |T| held. Without the tile: every element once per irrelevant spatial replica.
// docs/search.md gives the argument for each.
#include "Bound.h"

#include "tessel/cost/Compression.h"

#include <algorithm>

namespace tessel::search {

using namespace cost;

namespace {
constexpr int64_t kHuge = INT64_MAX / 4;
int64_t ceilDiv(int64_t a, int64_t b) { return b <= 1 ? a : (a + b - 1) / b; }
} // namespace

Bounder::Bounder(const Mapspace &space, const Pricing &pricing)
    : space(space), pricing(pricing), L(space.numLevels()), D(space.numDims()) {
  ext.assign(static_cast<size_t>((L + 1) * D), 1);
  tempAbove.assign(static_cast<size_t>((L + 1) * D), 1);
  spAbove.assign(L + 1, 1);
  spAt.assign(L, 1);
}

bool Bounder::fixedInFrame(int t, int p, int c) const {
  // A flow whose deepest relevant loop lies between the frame's level and its child does not
  // see the frame level's factors (they only multiply the product above it), unless window
  // offsets merged just above the frame level take their stride from them.
  const int64_t *tf = pt->temporal.data();
  DimMask rel = space.relevant(t);
  bool deeper = false;
  for (int l = frameLevel + 1; l < c && !deeper; ++l)
    for (int d = 0; d < D && !deeper; ++d)
      deeper = (rel >> d & 1) && tf[l * D + d] > 1;
  if (!deeper)
    return false;
  if (!space.hasWindows(t))
    return true;
  return frameLevel == 0 || frameLevel - 1 < p || !merges(t, frameLevel - 1);
}

void Bounder::beginFrame(int level) {
  frameLevel = level;
  size_t n = static_cast<size_t>(space.numTensors() * (L + 1));
  cache.resize(n);
  cached.assign(n, 0);
}

bool Bounder::merges(int t, int l) const {
  const FanOut &f = space.arch().fanOuts[l];
  return t == space.outputTensor() ? f.reduction : f.multicast;
}

FlowBound Bounder::compulsoryFlow(int t, int p, int c) {
  DimMask rel = space.relevant(t);
  const int64_t *s = pt->spatial.data();
  int64_t child = 1, group = 1;
  for (int j = 0; j < c; ++j) {
    if (!dec.spatialKnown[j])
      continue;
    int64_t irrelevant = 1;
    for (int d = 0; d < D; ++d)
      if (!(rel >> d & 1))
        irrelevant *= s[j * D + d];
    child *= irrelevant;
    if (j < p || !merges(t, j))
      group *= irrelevant;
  }
  FlowBound f;
  f.entries = space.tensorElements(t) * child;
  f.groupEntries = space.tensorElements(t) * group;
  f.firstUpper = f.groupFirstUpper = kHuge;
  return f;
}

FlowBound Bounder::computeFlow(int t, int p) {
  FlowBound f;
  int64_t macs = space.problem().macs();
  f.entries = macs;
  if (!allSpatial) {
    int64_t reuse = 1;
    for (int j = p; j < L; ++j)
      if (merges(t, j))
        reuse *= spAt[j];
    f.groupEntries = ceilDiv(macs, reuse);
    f.firstUpper = f.groupFirstUpper = kHuge;
    return f;
  }
  int64_t groups = spAbove[p];
  for (int j = p; j < L; ++j)
    if (!merges(t, j))
      groups *= spAt[j];
  int64_t offsets = 1, everHi = 1, groupEverHi = 1;
  const std::vector<IndexTerms> &indices = space.indices(t);
  for (size_t i = 0; i < indices.size(); ++i) {
    IndexSizes sz = indexSizes(t, i, p, L);
    offsets *= sz.offsetsLo;
    int64_t ever = 1;
    for (int d : indices[i].dims)
      ever *= tempAbove[L * D + d];
    everHi *= ever;
    groupEverHi *= ever * sz.offsetsHi;
  }
  f.groupEntries = groups * computeCycles * offsets;
  f.firstUpper = spAbove[L] * everHi;
  f.groupFirstUpper = groups * groupEverHi;
  return f;
}

void Bounder::bound(const Point &point, const Decided &decided, double &energy,
                    double &cycles) {
  pt = &point;
  dec = decided;
  const int64_t *tf = point.temporal.data(), *s = point.spatial.data();
  allSpatial = true;
  spAbove[0] = 1;
  for (int l = 0; l < L; ++l) {
    int64_t prod = 1;
    if (dec.spatialKnown[l]) {
      for (int d = 0; d < D; ++d)
        prod *= s[l * D + d];
    } else {
      prod = space.fanX(l) * space.fanY(l);
      allSpatial = false;
    }
    spAt[l] = prod;
    spAbove[l + 1] = spAbove[l] * prod;
  }
  int64_t macs = space.problem().macs();
  computeCycles = ceilDiv(macs, spAbove[L]);
  int lt = dec.temporalFrom;
  if (allSpatial) {
    for (int d = 0; d < D; ++d) {
      // ext: products from the inside; tempAbove: one division at lt, then products.
      int64_t spatialAll = 1, temporalKnown = 1;
      ext[L * D + d] = 1;
      for (int c = L - 1; c >= lt; --c) {
        ext[c * D + d] = ext[(c + 1) * D + d] * tf[c * D + d] * s[c * D + d];
        temporalKnown *= tf[c * D + d];
      }
      for (int c = 0; c < L; ++c)
        spatialAll *= s[c * D + d];
      int64_t above = space.bound(d) / (spatialAll * temporalKnown);
      for (int c = lt; c <= L; ++c) {
        tempAbove[c * D + d] = above;
        if (c < L)
          above *= tf[c * D + d];
      }
    }
  }
  int T = space.numTensors(), out = space.outputTensor();
  lb.reset(L, T);
  decides.clear();
  const Arch &arch = space.arch();
  // Linear energy per element of a count (block rounding dropped), and what rounding may
  // take back: one block per active instance.
  // A compressed input moves its coded words; extra output entries are partial sums (dense).
  auto perElement = [&](int l, int t, double price) {
    const StorageLevel &level = arch.levels[l];
    double words = t != out && (level.compressMask >> t & 1)
                       ? codedWordsPerElement(space.problem(), level, t)
                       : static_cast<double>(space.wordsPerElement(t, l));
    return price * words / static_cast<double>(level.blockWords);
  };
  auto rounding = [&](int l, double price) {
    return arch.levels[l].blockWords > 1 ? static_cast<double>(spAbove[l]) * price : 0.0;
  };
  for (int t = 0; t < T; ++t) {
    int p = 0;
    for (int c = 1; c <= L; ++c) {
      if (c < L && !((space.arch().levels[c].keepMask & ~point.bypass[c]) >> t & 1))
        continue;
      bool reusable = frameLevel >= 0 &&
                      (c < frameLevel || (c == L && !space.hasWindows(t)) ||
                       (c > frameLevel && c < L && fixedInFrame(t, p, c)));
      size_t slot = static_cast<size_t>(t * (L + 1) + c);
      FlowBound f;
      if (reusable && cached[slot]) {
        f = cache[slot];
      } else {
        stableFrom = reusable ? frameLevel + 1 : 0;
        f = c == L ? computeFlow(t, p) : storageFlow(t, p, c);
        if (reusable) {
          cache[slot] = f;
          cached[slot] = 1;
        }
      }
      if (f.orderLevel >= 0 && allSpatial) {
        const StorageLevel &pl = arch.levels[p], &cl = arch.levels[c];
        double hops = 0;
        for (int j = p; j < c; ++j)
          hops += arch.fanOuts[j].hopEnergy;
        Decides dc{f.orderLevel, f.relevant, 0, 0};
        if (t != out) {
          dc.extra = f.extraGroupEntries * perElement(p, t, pl.readEnergy) +
                     f.extraEntries * (perElement(c, t, cl.writeEnergy) + hops);
          dc.slack = rounding(p, pl.readEnergy) + rounding(c, cl.writeEnergy);
        } else {
          dc.extra = f.extraGroupEntries *
                         (perElement(p, t, pl.updateEnergy) + perElement(p, t, pl.readEnergy)) +
                     f.extraEntries * (perElement(c, t, cl.writeEnergy) +
                                       perElement(c, t, cl.readEnergy) + 2 * hops);
          dc.slack = rounding(p, pl.updateEnergy) + rounding(p, pl.readEnergy) +
                     rounding(c, cl.writeEnergy) + rounding(c, cl.readEnergy);
        }
        decides.push_back(dc);
      }
      int64_t transfers;
      if (t != out) {
        lb.at(p, t, Counts::Reads) += f.groupEntries;
        if (c < L)
          lb.at(c, t, Counts::Fills) += f.entries;
        transfers = f.entries;
      } else {
        int64_t carried = std::max<int64_t>(0, f.entries - f.firstUpper);
        lb.at(p, t, Counts::Updates) += f.groupEntries;
        lb.at(p, t, Counts::ReadBacks) += std::max<int64_t>(0, f.groupEntries - f.groupFirstUpper);
        if (c < L) {
          lb.at(c, t, Counts::Fills) += carried;
          lb.at(c, t, Counts::Reads) += f.entries;
        }
        transfers = carried + f.entries;
      }
      for (int j = p; j < c; ++j)
        lb.network(j) += transfers;
      p = c;
    }
  }
  (void)tf;
  if (allSpatial)
    pricing.price(lb, spAbove.data(), nullptr, computeCycles, energy, cycles);
  else
    pricing.price(lb, nullptr, spAbove.data(), computeCycles, energy, cycles);
  orderConflicts(&energy);
}

double Bounder::orderConflicts(double *energy) {
  // One loop of each decided level is innermost; the flows it is relevant to pay their extra.
  double added = 0;
  const int64_t *tf = pt->temporal.data();
  for (size_t i = 0; i < decides.size(); ++i) {
    int l = decides[i].level;
    bool first = true;
    for (size_t j = 0; j < i && first; ++j)
      first = decides[j].level != l;
    if (!first)
      continue;
    double least = -1, slack = 0;
    for (const Decides &dc : decides)
      if (dc.level == l)
        slack += dc.slack;
    for (int d = 0; d < D; ++d) {
      if (tf[l * D + d] <= 1)
        continue;
      double sum = 0;
      for (const Decides &dc : decides)
        if (dc.level == l && (dc.relevant >> d & 1))
          sum += dc.extra;
      least = least < 0 ? sum : std::min(least, sum);
    }
    if (least > slack)
      added += least - slack;
  }
  *energy += added;
  return added;
}

} // namespace tessel::search
