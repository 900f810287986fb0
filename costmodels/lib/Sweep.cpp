// The sweeps over the temporal loops that can keep part of a tile (docs/model.md sections 8, 11).
#include "Sweep.h"

namespace tessel::cost {

/// Tessel convention: adds what each advance of the loops of `s` brings into a child instance
/// (`entries`) and into the union over a group (`groupEntries`). Advancing loop j moves the
/// tile by its step minus the span of the inner (wrapping) loops, in every index:
/// delta_i = [i is j's index] * step_j - reset_i. keptAt[i] and unionKeptAt[i] cache the factors
/// of index i for delta_i = -reset_i; only index idx_j needs a fresh factor per loop.
void tesselSweep(const Sweep &s, const MultiIndex *term, int64_t &entries, int64_t &groupEntries) {
  const LoopNest &nest = s.sum.nest;
  SmallArray<int64_t, 8> reset(s.ni), keptAt(s.ni), unionKeptAt(s.ni);
  for (size_t i = 0; i < s.ni; ++i) {
    reset[i] = 0;
    keptAt[i] = term[i].tile.size();
    unionKeptAt[i] = term[i].unionSize;
  }
  for (int q = s.end; q-- > s.first;) {
    size_t k = static_cast<size_t>(s.sum.temporalLoops[q]);
    const NestLoop &loop = nest.loops[k];
    int idx = s.slotOf[loop.dim];
    int64_t advances = (loop.factor - 1) * s.sum.outerSteps[k];
    int64_t step = idx >= 0 ? s.coef[loop.dim] * loop.stride : 0;
    int64_t own = idx >= 0 ? step - reset[idx] : 0;
    int64_t kept = s.singleTile * (idx >= 0 ? term[idx].overlap(own) : 1);
    for (size_t i = 0; i < s.ni; ++i)
      kept *= static_cast<int>(i) == idx ? 1 : keptAt[i];
    if (kept != s.tileSize) {
      entries += advances * (s.tileSize - kept);
      // Elements leaving when the tile moves by delta number as many as those entering when it
      // moves by -delta; every set here is a Minkowski sum of progressions, hence centrally
      // symmetric, so both equal the entries for +delta (docs/model.md, "Symmetry").
      if (s.pointOffsets) {
        groupEntries += advances * (s.tileSize - kept);
      } else {
        // |union over offsets of (T + d) \ T| = prod n1 - prod (n1 - |O (+) ((T_i+d_i) \ T_i)|).
        int64_t rest = s.singleUnion * (idx >= 0 ? term[idx].unionKept(own) : 1);
        for (size_t i = 0; i < s.ni; ++i)
          rest *= static_cast<int>(i) == idx ? 1 : unionKeptAt[i];
        groupEntries += advances * (s.unionFirst - rest);
      }
    }
    if (idx >= 0) {
      reset[idx] += (loop.factor - 1) * step;
      keptAt[idx] = term[idx].overlap(-reset[idx]);
      if (!s.pointOffsets)
        unionKeptAt[idx] = term[idx].unionKept(-reset[idx]);
    }
  }
}

/// Timeloop convention (docs/model.md section 11), same contract as tesselSweep. The innermost
/// loop slides the tile; another loop reuses the same slide when Timeloop's translation for it
/// (its step minus one step of every loop inside it) equals the innermost loop's, else refills
/// the whole tile.
void timeloopSweep(const Sweep &s, const MultiIndex *term, int64_t &entries,
                   int64_t &groupEntries) {
  const LoopNest &nest = s.sum.nest;
  size_t kIn = static_cast<size_t>(s.sum.temporalLoops[s.end - 1]);
  const NestLoop &in = nest.loops[kIn];
  int inIdx = s.slotOf[in.dim];
  int64_t inStep = inIdx >= 0 ? s.coef[in.dim] * in.stride : 0;
  // What one slide of the innermost loop brings, per instance and per group.
  int64_t kept = s.singleTile, rest = s.singleUnion;
  for (size_t i = 0; i < s.ni; ++i) {
    bool moves = static_cast<int>(i) == inIdx;
    kept *= moves ? term[i].overlap(inStep) : term[i].tile.size();
    if (!s.pointOffsets)
      rest *= moves ? term[i].unionKept(inStep) : term[i].unionSize;
  }
  int64_t slide = s.tileSize - kept;
  int64_t groupSlide = s.pointOffsets ? slide : s.unionFirst - rest;
  int64_t advances = (in.factor - 1) * s.sum.outerSteps[kIn];
  entries += advances * slide;
  groupEntries += advances * groupSlide;
  // one[i]: the sum over the loops inside the current one of one step on index i.
  SmallArray<int64_t, 8> one(s.ni);
  for (size_t i = 0; i < s.ni; ++i)
    one[i] = static_cast<int>(i) == inIdx ? inStep : 0;
  for (int q = s.end - 1; q-- > s.first;) {
    size_t k = static_cast<size_t>(s.sum.temporalLoops[q]);
    const NestLoop &loop = nest.loops[k];
    int idx = s.slotOf[loop.dim];
    int64_t step = idx >= 0 ? s.coef[loop.dim] * loop.stride : 0;
    bool same = true;
    for (size_t i = 0; i < s.ni && same; ++i) {
      bool own = static_cast<int>(i) == idx;
      same = (own ? step : 0) - one[i] == (static_cast<int>(i) == inIdx ? inStep : 0);
    }
    advances = (loop.factor - 1) * s.sum.outerSteps[k];
    entries += advances * (same ? slide : s.tileSize);
    groupEntries += advances * (same ? groupSlide : s.unionFirst);
    if (idx >= 0)
      one[idx] += step;
  }
}

} // namespace tessel::cost
