// Bounds of the storage flows whose child's tile is known: capacity-limited reuse for tensors
// without windows; distinct elements, sweeps and multicast sharing for tensors with sliding
// windows (see Bound.cpp and docs/search.md section 5).
#include "Bound.h"

#include <algorithm>

namespace tessel::search {

using namespace cost;
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
  // The shallowest level whose factors the multicast and fresh-run bounds below may read: a
  // flow cached for a frame must not depend on the frame level's factors or those above.
  int stable = std::max(lt, stableFrom);
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
  // unionInner: a lower bound of |O (+) E_inner|; unionUpper: an upper bound of |O (+) T|.
  int64_t inner = 1, unionInner = 1, unionUpper = 1;
  // Whether a loop of the runs moves a single-dim index: then no run starts with anything of
  // its sweep held (see below).
  bool plainMoves = false;
  // Multicast: one group entry serves at most `sharing` children of the group (those whose
  // tile holds the element), so group entries >= (entries of the group's children) / sharing.
  int64_t relevantMerged = 1, sharing = 1;
  bool disjoint = true;
  DimMask seen = 0;
  for (const IndexTerms &ix : indices)
    for (int d : ix.dims) {
      disjoint = disjoint && !(seen >> d & 1);
      seen |= DimMask(1) << d;
    }
  for (size_t i = 0; i < indices.size(); ++i) {
    const IndexTerms &ix = indices[i];
    IndexSizes sz = indexSizes(t, i, p, c);
    // Children sharing an element on this index: merged spatial coordinates k with
    // x - sum k_j step_j in the tile, whose hull spans `span`. With one coordinate free,
    // at most span / step + 1 values of it fit; the smallest possible steps bound it.
    int64_t span = 0, coords = 1;
    for (size_t q = 0; q < ix.dims.size(); ++q)
      span += ix.coefs[q] * (ext[c * D + ix.dims[q]] - 1);
    Progression coord[32];
    size_t nc = 0;
    for (size_t q = 0; q < ix.dims.size(); ++q) {
      int d = ix.dims[q];
      for (int j = p; j < c; ++j) {
        if (!merges(t, j) || s[j * D + d] <= 1)
          continue;
        int64_t stride = ix.coefs[q];
        for (int l = j + 1; l < L; ++l)
          stride *= s[l * D + d] * (l >= stable ? tf[l * D + d] : 1);
        coords *= s[j * D + d];
        if (nc < 32)
          coord[nc++] = {stride, s[j * D + d]};
      }
    }
    relevantMerged *= coords;
    int64_t shareI = coords;
    if (nc < 32)
      for (size_t k = 0; k < nc; ++k) {
        int64_t fit = std::min(coord[k].count, span / coord[k].step + 1);
        shareI = std::min(shareI, coords / coord[k].count * fit);
      }
    sharing *= shareI;
    tile *= sz.tile;
    unionSize *= sz.unionLo;
    unionUpper *= sz.exact ? sz.unionLo : sz.tile * sz.offsetsHi;
    // Per-instance coordinates ever visited per dim: tile extent times temporal factors above.
    Progression ever[48], innerP[48], innerU[64], single;
    size_t ne = 0, ni = 0, nu = 0, merged = 0;
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
          plainMoves = plainMoves || ix.dims.size() == 1;
        }
      }
      prodInner *= ext[c * D + d];
      for (int j = p; j < c; ++j)
        if (merges(t, j) && s[j * D + d] > 1) {
          ++merged;
          if (j + 1 >= lt && nu < 16)
            innerU[nu++] = {ix.coefs[q] * ext[(j + 1) * D + d], s[j * D + d]};
          // The smallest stride the offsets can have: undecided factors at 1.
          int64_t stride = ix.coefs[q];
          for (int l = j + 1; l < L; ++l)
            stride *= s[l * D + d] * (l >= lt ? tf[l * D + d] : 1);
          single = {stride, s[j * D + d]};
        }
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
    if (deep < 0)
      continue;
    if (ix.dims.size() == 1) {
      unionInner *= innerI * sz.offsetsLo;
    } else if (sz.exact) {
      for (size_t q = 0; q < ni && nu < 64; ++q)
        innerU[nu++] = innerP[q];
      unionInner *= progressionSumSize(innerU, nu);
    } else {
      // Offsets of one progression {0, s, ..} over an interval [0, w) cover w + (m-1) min(s, w)
      // elements, increasing in s: the smallest stride bounds it. Otherwise |A+B| >= |A|+|B|-1.
      int64_t span = 0;
      for (size_t q = 0; q < ni; ++q)
        span += innerP[q].step * (innerP[q].count - 1);
      bool interval = innerI == span + 1;
      unionInner *= merged == 1 && interval
                        ? innerI + (single.count - 1) * std::min(single.step, innerI)
                        : innerI + sz.offsetsLo - 1;
    }
  }
  int64_t entries = everLo, groupEntries = gEverLo;
  if (deep >= 0) {
    int64_t runs = 1;
    for (int d = 0; d < D; ++d)
      runs *= aboveDeep(d);
    // A run whose first tile differs from the previous run's last one on a single-dim index
    // holds nothing of its sweep at its start (different mixed-radix digits: disjoint tiles
    // and unions), so it enters all of it; the others enter at least the sweep minus |T|.
    // Such runs: all of them when a loop of the run moves a single-dim index; otherwise at
    // least every advance of the innermost loop above `deep` on a single-dim dim, or of a
    // loop enclosing it: at best those loops sit outermost in the deepest level holding one.
    int64_t fresh = 1;
    if (plainMoves) {
      fresh = runs;
    } else {
      DimMask plainRel = space.plain(t) & rel;
      int ls = -1;
      for (int l = deep - 1; l >= stable && ls < 0; --l)
        for (int d = 0; d < D; ++d)
          if ((plainRel >> d & 1) && tf[l * D + d] > 1) {
            ls = l;
            break;
          }
      for (int d = 0; d < D; ++d) {
        if (ls >= 0)
          fresh *= tempAbove[ls * D + d] * ((plainRel >> d & 1) ? tf[ls * D + d] : 1);
        else if (plainRel >> d & 1)
          fresh *= aboveDeep(d);
      }
    }
    entries = std::max(entries, runs * (inner - tile) + fresh * tile);
    groupEntries = std::max(groupEntries, runs * (unionInner - unionUpper) + fresh * unionUpper);
  }
  if (disjoint && sharing < relevantMerged)
    groupEntries = std::max(groupEntries, (relevantMerged * entries + sharing - 1) / sharing);
  f.entries = childInst * entries;
  f.groupEntries = groups * groupEntries;
  f.firstUpper = childInst * everHi;
  f.groupFirstUpper = groups * gEverHi;
  return f;
}

} // namespace tessel::search
