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

Bounder::IndexSizes Bounder::indexSizes(int t, size_t i, int p, int c) const {
  const IndexTerms &ix = space.indices(t)[i];
  const int64_t *s = pt->spatial.data();
  IndexSizes out;
  if (ix.dims.size() == 1) {
    int d = ix.dims[0];
    int64_t offs = 1;
    for (int j = p; j < c; ++j)
      if (merges(t, j))
        offs *= s[j * D + d];
    out.tile = ext[c * D + d];
    out.offsetsLo = out.offsetsHi = offs;
    out.unionLo = offs * out.tile;
    return out;
  }
  Progression tileProgs[16], allProgs[48], offProgs[32];
  size_t nt = 0, na = 0, no = 0;
  bool known = true;
  int64_t sumOffsets = 0, prodOffsets = 1, k = 0;
  for (size_t q = 0; q < ix.dims.size() && nt < 16; ++q) {
    int d = ix.dims[q];
    tileProgs[nt++] = {ix.coefs[q], ext[c * D + d]};
    allProgs[na++] = {ix.coefs[q], ext[c * D + d]};
    int64_t offD = 1;
    for (int j = p; j < c; ++j) {
      if (!merges(t, j) || s[j * D + d] <= 1)
        continue;
      offD *= s[j * D + d];
      if (j + 1 < dec.temporalFrom) {
        known = false;
        continue;
      }
      Progression prog{ix.coefs[q] * ext[(j + 1) * D + d], s[j * D + d]};
      if (no < 32 && na < 48) {
        offProgs[no++] = prog;
        allProgs[na++] = prog;
      } else {
        known = false;
      }
    }
    sumOffsets += offD;
    prodOffsets *= offD;
    ++k;
  }
  out.tile = progressionSumSize(tileProgs, nt);
  if (known) {
    out.offsetsLo = out.offsetsHi = progressionSumSize(offProgs, no);
    out.unionLo = progressionSumSize(allProgs, na);
    return out;
  }
  // |A + B| >= |A| + |B| - 1 for finite sets of integers (each added set adds its size - 1).
  out.exact = false;
  out.offsetsLo = sumOffsets - (k - 1);
  out.offsetsHi = prodOffsets;
  out.unionLo = out.tile + out.offsetsLo - 1;
  return out;
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

FlowBound Bounder::storageFlow(int t, int p, int c) {
  int lt = dec.temporalFrom;
  if (!allSpatial || c < lt)
    return compulsoryFlow(t, p, c);
  const int64_t *tf = pt->temporal.data(), *s = pt->spatial.data();
  DimMask rel = space.relevant(t);
  int64_t childInst = spAbove[c], groups = spAbove[p];
  for (int j = p; j < c; ++j)
    if (!merges(t, j))
      groups *= spAt[j];
  // The deepest decided level above c with a temporal loop relevant to t; a partly decided
  // level counts when one of its decided relevant factors exceeds 1.
  int deep = -1;
  for (int l = c - 1; l >= lt && deep < 0; --l)
    for (int d = 0; d < D; ++d)
      if ((rel >> d & 1) && tf[l * D + d] > 1) {
        deep = l;
        break;
      }
  int lp = dec.partialLevel;
  bool partial = false;
  if (deep < 0 && lp >= 0 && lp + 1 == lt && lp < c)
    for (int d = 0; d < D && !partial; ++d)
      partial = (rel >> d & 1) && (dec.partialDecided >> d & 1) && tf[lp * D + d] > 1;
  if (partial)
    deep = lp;
  // Whether dim d's loop at level l is known, and the temporal product above `deep` (a lower
  // bound at a partial level: undecided factors at their largest).
  auto known = [&](int l, int d) { return l != lp || !partial || (dec.partialDecided >> d & 1); };
  auto aboveDeep = [&](int d) -> int64_t {
    if (!partial)
      return tempAbove[deep * D + d];
    return tempAbove[lt * D + d] / (known(lp, d) ? tf[lp * D + d] : dec.partialMax[d]);
  };
  const std::vector<IndexTerms> &indices = space.indices(t);
  FlowBound f;
  if (!space.hasWindows(t)) {
    int64_t tile = 1, unionSize = 1, n = 1, everMul = 1;
    for (size_t i = 0; i < indices.size(); ++i) {
      IndexSizes sz = indexSizes(t, i, p, c);
      tile *= sz.tile;
      unionSize *= sz.unionLo;
    }
    for (int d = 0; d < D; ++d) {
      if (rel >> d & 1)
        everMul *= tempAbove[c * D + d];
      if (deep >= 0 && (rel >> d & 1))
        n *= partial ? tempAbove[lt * D + d] : tempAbove[deep * D + d] * tf[deep * D + d];
      else if (deep >= 0)
        n *= aboveDeep(d);
      else if (rel >> d & 1)
        n *= tempAbove[lt * D + d];
    }
    f.entries = childInst * tile * n;
    f.groupEntries = groups * unionSize * n;
    f.firstUpper = childInst * tile * everMul;
    f.groupFirstUpper = groups * unionSize * everMul;
    if (deep >= 0 && !partial) {
      // With a relevant loop innermost at `deep`, every loop of that level replaces the tile:
      // N grows by (product above deep) * (relevant factors) * (irrelevant factors - 1).
      double above = 1, relevantF = 1, irrelevantF = 1;
      for (int d = 0; d < D; ++d) {
        above *= static_cast<double>(tempAbove[deep * D + d]);
        ((rel >> d & 1) ? relevantF : irrelevantF) *= static_cast<double>(tf[deep * D + d]);
      }
      double extraN = above * relevantF * (irrelevantF - 1);
      if (extraN > 0) {
        f.orderLevel = deep;
        f.relevant = rel;
        f.extraEntries = static_cast<double>(childInst * tile) * extraN;
        f.extraGroupEntries = static_cast<double>(groups * unionSize) * extraN;
      }
    }
    return f;
  }
  int64_t tile = 1, unionSize = 1, everLo = 1, everHi = 1, gEverLo = 1, gEverHi = 1;
  int64_t inner = 1, unionInner = 1;
  bool unionKnown = true;
  for (size_t i = 0; i < indices.size(); ++i) {
    const IndexTerms &ix = indices[i];
    IndexSizes sz = indexSizes(t, i, p, c);
    tile *= sz.tile;
    unionSize *= sz.unionLo;
    unionKnown = unionKnown && sz.exact;
    // Per-instance coordinates ever visited per dim: tile extent times temporal factors above.
    Progression ever[48], innerP[48], innerU[64];
    size_t ne = 0, ni = 0, nu = 0;
    int64_t sumN = 0, prodN = 1, prodInner = 1;
    for (size_t q = 0; q < ix.dims.size(); ++q) {
      int d = ix.dims[q];
      int64_t nd = ext[c * D + d] * tempAbove[c * D + d];
      sumN += nd;
      prodN *= nd;
      Progression tileP{ix.coefs[q], ext[c * D + d]};
      if (ne < 48)
        ever[ne++] = tileP;
      if (ni < 48)
        innerP[ni++] = tileP;
      for (int l = 0; l < c; ++l) {
        if (tf[l * D + d] <= 1 || (l < lt && !(l == deep && known(l, d))))
          continue;
        Progression loop{ix.coefs[q] * s[l * D + d] * ext[(l + 1) * D + d], tf[l * D + d]};
        if (l >= lt && ne < 48)
          ever[ne++] = loop;
        if (deep >= 0 && l >= deep && ni < 48) {
          innerP[ni++] = loop;
          prodInner *= tf[l * D + d];
        }
      }
      prodInner *= ext[c * D + d];
      for (int j = p; j < c; ++j)
        if (merges(t, j) && s[j * D + d] > 1 && j + 1 >= lt && nu < 16)
          innerU[nu++] = {ix.coefs[q] * ext[(j + 1) * D + d], s[j * D + d]};
    }
    int64_t everI, innerI;
    if (ix.dims.size() == 1) {
      everI = prodN;
      innerI = deep >= 0 ? prodInner : sz.tile;
    } else {
      everI = lt == 0 ? progressionSumSize(ever, ne) : sumN - int64_t(ix.dims.size() - 1);
      innerI = deep >= 0 ? progressionSumSize(innerP, ni) : sz.tile;
    }
    everLo *= everI;
    everHi *= lt == 0 ? everI : prodN;
    gEverLo *= ix.dims.size() == 1 ? everI * sz.offsetsLo : everI + sz.offsetsLo - 1;
    gEverHi *= (lt == 0 ? everI : prodN) * sz.offsetsHi;
    inner *= innerI;
    if (sz.exact && deep >= 0) {
      for (size_t q = 0; q < ni && nu < 64; ++q)
        innerU[nu++] = innerP[q];
      unionInner *= ix.dims.size() == 1 ? innerI * sz.offsetsLo : progressionSumSize(innerU, nu);
    }
  }
  int64_t entries = everLo, groupEntries = gEverLo;
  if (deep >= 0) {
    int64_t runs = 1;
    for (int d = 0; d < D; ++d)
      runs *= aboveDeep(d);
    entries = std::max(entries, runs * (inner - tile) + tile);
    if (unionKnown)
      groupEntries = std::max(groupEntries, runs * (unionInner - unionSize) + unionSize);
  }
  f.entries = childInst * entries;
  f.groupEntries = groups * groupEntries;
  f.firstUpper = childInst * everHi;
  f.groupFirstUpper = groups * gEverHi;
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
  auto perElement = [&](int l, int t, double price) {
    return price * static_cast<double>(space.wordsPerElement(t, l)) /
           static_cast<double>(arch.levels[l].blockWords);
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
