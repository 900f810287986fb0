// The counts one level's loops add, from the analytical model's per-loop closed forms: for a
// loop j above a child, advances_j * (|T| - prod_i |T_i ∩ (T_i + delta_i)|) entries, and the
// group analogue with the merged children's union (docs/model.md section 8).
#include "LevelCosts.h"

namespace tessel::search {

using namespace cost;

int64_t LevelCosts::Index::overlap(int64_t delta) const {
  if (fast) {
    int64_t s = delta < 0 ? -delta : delta;
    return s >= tile ? 0 : tile - s;
  }
  if (!single)
    return tileSet.overlap(delta);
  if (delta == 0)
    return tile;
  int64_t s = delta < 0 ? -delta : delta;
  if (coef != 1)
    s /= coef;
  return s >= tile ? 0 : tile - s;
}

int64_t LevelCosts::Index::unionKept(int64_t delta) const {
  if (single)
    return offsets * overlap(delta);
  if (fast) {
    // (T + delta) \ T is an interval of min(|delta|, tile) elements; offsets over an interval
    // of length n cover n + (count - 1) min(step, n).
    int64_t s = delta < 0 ? -delta : delta;
    int64_t n = s < tile ? s : tile;
    int64_t moved = n == 0 ? 0 : n + (offCount - 1) * (offStep < n ? offStep : n);
    return unionSize - moved;
  }
  return unionSize - tileSet.shiftDifferenceSumSize(delta, offsetSet);
}

int64_t LevelCosts::stride(int l, int d) const {
  int D = space.numDims();
  return pt->spatial[l * D + d] * ext[(l + 1) * D + d];
}

void LevelCosts::prepare(const Point &point) {
  pt = &point;
  int L = space.numLevels(), D = space.numDims(), T = space.numTensors();
  const Arch &arch = space.arch();
  ext.assign(static_cast<size_t>((L + 1) * D), 1);
  for (int l = L - 1; l >= 0; --l)
    for (int d = 0; d < D; ++d)
      ext[l * D + d] = ext[(l + 1) * D + d] * point.temporal[l * D + d] * point.spatial[l * D + d];
  temporalAbove.assign(L + 1, 1);
  std::vector<int64_t> spAt(L, 1), spAbove(L + 1, 1);
  for (int l = 0; l < L; ++l) {
    int64_t t = 1;
    for (int d = 0; d < D; ++d) {
      t *= point.temporal[l * D + d];
      spAt[l] *= point.spatial[l * D + d];
    }
    temporalAbove[l + 1] = temporalAbove[l] * t;
    spAbove[l + 1] = spAbove[l] * spAt[l];
  }
  flows.clear();
  for (int t = 0; t < T; ++t) {
    bool isOutput = t == space.outputTensor();
    auto merges = [&](int j) {
      return isOutput ? arch.fanOuts[j].reduction : arch.fanOuts[j].multicast;
    };
    int p = 0;
    for (int c = 1; c < L; ++c) {
      if (!((arch.levels[c].keepMask & ~point.bypass[c]) >> t & 1))
        continue;
      Flow f;
      f.tensor = t;
      f.parent = p;
      f.child = c;
      f.isOutput = isOutput;
      f.childInst = spAbove[c];
      int64_t separate = 1;
      for (int j = p; j < c; ++j)
        if (!merges(j))
          separate *= spAt[j];
      f.groups = spAbove[p] * separate;
      f.indexOf.assign(D, -1);
      f.coefOf.assign(D, 0);
      for (const IndexTerms &ix : space.indices(t)) {
        Index in;
        for (size_t q = 0; q < ix.dims.size(); ++q) {
          f.indexOf[ix.dims[q]] = static_cast<int>(f.indices.size());
          f.coefOf[ix.dims[q]] = ix.coefs[q];
        }
        if (ix.dims.size() == 1) {
          in.dim = ix.dims[0];
          in.coef = ix.coefs[0];
          in.tile = ext[c * D + in.dim];
          for (int j = p; j < c; ++j)
            if (merges(j))
              in.offsets *= point.spatial[j * D + in.dim];
          f.pointOffsets = f.pointOffsets && in.offsets == 1;
          f.tileSize *= in.tile;
          f.unionFirst *= in.offsets * in.tile;
        } else {
          in.single = false;
          int progressions = 0;
          for (size_t q = 0; q < ix.dims.size(); ++q) {
            int d = ix.dims[q];
            in.tileSet.add({ix.coefs[q], ext[c * D + d]});
            for (int j = p; j < c; ++j)
              if (merges(j)) {
                Progression o{ix.coefs[q] * ext[(j + 1) * D + d], point.spatial[j * D + d]};
                in.offsetSet.add(o);
                if (o.count > 1) {
                  ++progressions;
                  in.offStep = o.step;
                  in.offCount = o.count;
                }
              }
          }
          IntSet u = in.tileSet;
          u.add(in.offsetSet);
          in.unionSize = u.size();
          in.tile = in.tileSet.size();
          in.fast = progressions <= 1 && in.tile == in.tileSet.span();
          f.pointOffsets = f.pointOffsets && in.offsetSet.isPoint();
          f.tileSize *= in.tile;
          f.unionFirst *= in.unionSize;
        }
        f.indices.push_back(std::move(in));
      }
      size_t ni = f.indices.size();
      f.deeper.assign(static_cast<size_t>(c) * ni, 0);
      for (int l = c - 2; l >= 0; --l) {
        // Level l + 1's loops are inside every loop of l (and of the levels above).
        int m = l + 1;
        for (int d = 0; d < D; ++d)
          if (f.indexOf[d] >= 0 && point.temporal[m * D + d] > 1)
            for (int k = l; k >= 0; --k)
              f.deeper[k * ni + f.indexOf[d]] +=
                  (point.temporal[m * D + d] - 1) * f.coefOf[d] * stride(m, d);
      }
      flows.push_back(std::move(f));
      p = c;
    }
  }
}

void LevelCosts::add(int l, const std::vector<int> &order, Counts &out) {
  int D = space.numDims();
  const int64_t *tf = pt->temporal.data();
  for (const Flow &f : flows) {
    if (f.child <= l)
      continue;
    size_t ni = f.indices.size();
    reset.assign(f.deeper.begin() + static_cast<long>(l * ni),
                 f.deeper.begin() + static_cast<long>((l + 1) * ni));
    int64_t outer[64];
    outer[0] = temporalAbove[l];
    for (size_t k = 1; k < order.size(); ++k)
      outer[k] = outer[k - 1] * tf[l * D + order[k - 1]];
    int64_t entries = 0, groupEntries = 0;
    for (size_t k = order.size(); k-- > 0;) {
      int d = order[k];
      int64_t factor = tf[l * D + d];
      int idx = f.indexOf[d];
      int64_t advances = (factor - 1) * outer[k];
      int64_t step = idx >= 0 ? f.coefOf[d] * stride(l, d) : 0;
      int64_t own = idx >= 0 ? step - reset[idx] : 0;
      int64_t kept = 1;
      for (size_t i = 0; i < ni && kept; ++i)
        kept *= f.indices[i].overlap(static_cast<int>(i) == idx ? own : -reset[i]);
      if (kept != f.tileSize) {
        entries += advances * (f.tileSize - kept);
        if (f.pointOffsets) {
          groupEntries += advances * (f.tileSize - kept);
        } else {
          int64_t rest = 1;
          for (size_t i = 0; i < ni && rest; ++i)
            rest *= f.indices[i].unionKept(static_cast<int>(i) == idx ? own : -reset[i]);
          groupEntries += advances * (f.unionFirst - rest);
        }
      }
      if (idx >= 0 && factor > 1)
        reset[idx] += (factor - 1) * step;
    }
    int64_t e = f.childInst * entries, g = f.groups * groupEntries;
    int t = f.tensor, p = f.parent, c = f.child;
    if (!f.isOutput) {
      out.at(p, t, Counts::Reads) += g;
      out.at(c, t, Counts::Fills) += e;
    } else {
      out.at(p, t, Counts::Updates) += g;
      out.at(p, t, Counts::ReadBacks) += g;
      out.at(c, t, Counts::Fills) += e;
      out.at(c, t, Counts::Reads) += e;
      e *= 2;
    }
    for (int j = p; j < c; ++j)
      out.network(j) += e;
  }
}

} // namespace tessel::search
