// k-medoids over operator features and the weight fit of `tessel analyze --representative`
// (see Representative.h).
#include "tessel/Analysis/Representative.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace tessel::analysis {

double Comparison::error() const {
  if (share)
    return reduced - full;
  if (full == 0)
    return reduced == 0 ? 0 : std::numeric_limits<double>::infinity();
  return (reduced - full) / full;
}

namespace {

constexpr double kKindPenalty = 4;       ///< distance between ops of different kinds
constexpr double kBottleneckPenalty = 2; ///< between ops bound by different resources

struct Features {
  std::string kind;
  int bottleneck = -1;
  std::vector<double> x;
};

double lg(double v) { return std::log10(1 + std::max(0.0, v)); }

Features features(const OpProfile &o, const Machine *m) {
  Features f;
  f.kind = o.kind;
  int64_t maxDim = 0, minDim = 0;
  for (int64_t d : o.dims)
    if (d > 1) {
      maxDim = std::max(maxDim, d);
      minDim = minDim ? std::min(minDim, d) : d;
    }
  f.x = {lg(static_cast<double>(o.macs)),  lg(static_cast<double>(o.bytes(Role::Input))),
         lg(static_cast<double>(o.bytes(Role::Weight))),
         lg(static_cast<double>(o.bytes(Role::Output))), lg(o.intensity()),
         lg(static_cast<double>(maxDim)),  lg(static_cast<double>(minDim))};
  if (m) {
    Placement p = place(o, *m);
    f.bottleneck = p.bottleneck;
    f.x.push_back(lg(p.seconds * 1e9));
  }
  return f;
}

double distance(const Features &a, const Features &b) {
  double s = 0;
  for (size_t i = 0; i < a.x.size(); ++i)
    s += (a.x[i] - b.x[i]) * (a.x[i] - b.x[i]);
  return std::sqrt(s) + (a.kind != b.kind ? kKindPenalty : 0) +
         (a.bottleneck != b.bottleneck ? kBottleneckPenalty : 0);
}

/// Weighted k-medoids (PAM: greedy build, then best-improvement swaps). Returns medoids
/// as indices into the point list, sorted.
std::vector<size_t> kMedoids(const std::vector<std::vector<double>> &d,
                             const std::vector<double> &importance, size_t k) {
  size_t n = d.size();
  std::vector<size_t> medoids;
  std::vector<double> nearest(n, std::numeric_limits<double>::infinity());
  auto costWith = [&](size_t j) {
    double c = 0;
    for (size_t i = 0; i < n; ++i)
      c += importance[i] * std::min(nearest[i], d[i][j]);
    return c;
  };
  while (medoids.size() < k) {
    size_t best = n;
    double bestCost = std::numeric_limits<double>::infinity();
    for (size_t j = 0; j < n; ++j)
      if (std::find(medoids.begin(), medoids.end(), j) == medoids.end())
        if (double c = costWith(j); c < bestCost - 1e-12) {
          bestCost = c;
          best = j;
        }
    medoids.push_back(best);
    for (size_t i = 0; i < n; ++i)
      nearest[i] = std::min(nearest[i], d[i][best]);
  }
  auto total = [&](const std::vector<size_t> &ms) {
    double c = 0;
    for (size_t i = 0; i < n; ++i) {
      double m = std::numeric_limits<double>::infinity();
      for (size_t j : ms)
        m = std::min(m, d[i][j]);
      c += importance[i] * m;
    }
    return c;
  };
  double cost = total(medoids);
  for (int iter = 0; iter < 100; ++iter) {
    std::vector<size_t> best;
    double bestCost = cost;
    for (size_t a = 0; a < medoids.size(); ++a)
      for (size_t o = 0; o < n; ++o) {
        if (std::find(medoids.begin(), medoids.end(), o) != medoids.end())
          continue;
        std::vector<size_t> trial = medoids;
        trial[a] = o;
        if (double c = total(trial); c < bestCost - 1e-12 * std::max(1.0, cost)) {
          bestCost = c;
          best = trial;
        }
      }
    if (best.empty())
      break;
    medoids = best;
    cost = bestCost;
  }
  std::sort(medoids.begin(), medoids.end());
  return medoids;
}

/// Solves the small dense system `a x = b` by Gaussian elimination with partial pivoting;
/// rows whose pivot vanishes (dependent constraints) get x = 0.
std::vector<double> solve(std::vector<std::vector<double>> a, std::vector<double> b) {
  size_t n = b.size();
  std::vector<double> x(n, 0);
  std::vector<size_t> pivotCol(n, n);
  double scale = 0;
  for (const auto &row : a)
    for (double v : row)
      scale = std::max(scale, std::fabs(v));
  size_t row = 0;
  for (size_t col = 0; col < n && row < n; ++col) {
    size_t p = row;
    for (size_t r = row + 1; r < n; ++r)
      if (std::fabs(a[r][col]) > std::fabs(a[p][col]))
        p = r;
    if (std::fabs(a[p][col]) <= 1e-12 * scale)
      continue;
    std::swap(a[p], a[row]);
    std::swap(b[p], b[row]);
    for (size_t r = 0; r < n; ++r)
      if (r != row) {
        double f = a[r][col] / a[row][col];
        for (size_t c = col; c < n; ++c)
          a[r][c] -= f * a[row][c];
        b[r] -= f * b[row];
      }
    pivotCol[row++] = col;
  }
  for (size_t r = 0; r < row; ++r)
    x[pivotCol[r]] = b[r] / a[r][pivotCol[r]];
  return x;
}

/// The amounts a weight fit matches: MACs, bytes and (with a machine) time per execution.
std::vector<std::vector<double>> metrics(const WorkloadProfile &w, const Machine *m) {
  std::vector<std::vector<double>> rows(m ? 3 : 2, std::vector<double>(w.ops.size(), 0));
  for (size_t i = 0; i < w.ops.size(); ++i) {
    rows[0][i] = static_cast<double>(w.ops[i].macs);
    rows[1][i] = static_cast<double>(w.ops[i].bytes());
    if (m)
      rows[2][i] = place(w.ops[i], *m).seconds;
  }
  return rows;
}

/// Least relative change from `w0` with `A w = b` (rows of A over the medoids); weights
/// that would turn negative are held at a small positive floor and the rest refitted.
std::vector<double> fitWeights(const std::vector<std::vector<double>> &A,
                               const std::vector<double> &b, const std::vector<double> &w0) {
  size_t k = w0.size();
  std::vector<bool> held(k, false);
  std::vector<double> w = w0;
  for (size_t round = 0; round <= k; ++round) {
    std::vector<double> base(k), dd(k);
    for (size_t c = 0; c < k; ++c) {
      base[c] = held[c] ? w0[c] * 1e-3 : w0[c];
      dd[c] = held[c] ? 0 : w0[c] * w0[c];
    }
    size_t r = A.size();
    std::vector<std::vector<double>> M(r, std::vector<double>(r, 0));
    std::vector<double> rhs(r, 0);
    for (size_t i = 0; i < r; ++i) {
      rhs[i] = b[i];
      for (size_t c = 0; c < k; ++c)
        rhs[i] -= A[i][c] * base[c];
      for (size_t j = 0; j < r; ++j)
        for (size_t c = 0; c < k; ++c)
          M[i][j] += A[i][c] * dd[c] * A[j][c];
    }
    std::vector<double> lambda = solve(M, rhs);
    bool negative = false;
    for (size_t c = 0; c < k; ++c) {
      w[c] = base[c];
      for (size_t i = 0; i < r; ++i)
        w[c] += dd[c] * A[i][c] * lambda[i];
      if (w[c] <= 0 && !held[c]) {
        held[c] = true;
        negative = true;
      }
    }
    if (!negative)
      return w;
  }
  return w0; // no consistent fit: keep the per-cluster weights (errors are reported)
}

} // namespace

Representatives pickRepresentatives(const WorkloadProfile &w, size_t k, const Machine *m) {
  Representatives out;
  std::vector<std::vector<double>> rows = metrics(w, m);
  std::vector<double> totals(rows.size(), 0);
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t i = 0; i < w.ops.size(); ++i)
      totals[r] += rows[r][i] * w.ops[i].multiplicity();
  // The points: operators with work.
  std::vector<size_t> points;
  for (size_t i = 0; i < w.ops.size(); ++i)
    if (w.ops[i].macs > 0 || w.ops[i].bytes() > 0)
      points.push_back(i);
  out.skipped = w.ops.size() - points.size();
  if (points.empty() || k == 0)
    return out;
  std::vector<Features> f;
  std::vector<double> importance;
  for (size_t i : points) {
    f.push_back(features(w.ops[i], m));
    double share = 0;
    for (size_t r = 0; r < rows.size(); ++r)
      if (totals[r] > 0)
        share += rows[r][i] * w.ops[i].multiplicity() / totals[r];
    importance.push_back(share);
  }
  std::vector<std::vector<double>> d(points.size(), std::vector<double>(points.size()));
  for (size_t a = 0; a < points.size(); ++a)
    for (size_t b = 0; b < points.size(); ++b)
      d[a][b] = distance(f[a], f[b]);
  std::vector<size_t> medoids = kMedoids(d, importance, std::min(k, points.size()));
  for (size_t mi : medoids) {
    Cluster c;
    c.medoid = points[mi];
    out.clusters.push_back(c);
  }
  for (size_t p = 0; p < points.size(); ++p) {
    // A medoid belongs to its own cluster, also when another medoid is as close (identical
    // operators): otherwise its cluster is empty and its fitted weight 0.
    size_t best = std::find(medoids.begin(), medoids.end(), p) - medoids.begin();
    if (best == medoids.size()) {
      best = 0;
      for (size_t c = 1; c < medoids.size(); ++c)
        if (d[p][medoids[c]] < d[p][medoids[best]])
          best = c;
    }
    out.clusters[best].members.push_back(points[p]);
    out.clusters[best].executions += w.ops[points[p]].multiplicity();
  }
  // Per-cluster weights: the medoid stands for its cluster's time (or MACs, or bytes).
  size_t primary = m ? 2 : 0;
  std::vector<double> w0;
  for (Cluster &c : out.clusters) {
    double weight = 0;
    for (size_t r : {primary, size_t(0), size_t(1)}) {
      double amount = 0;
      for (size_t i : c.members)
        amount += rows[r][i] * w.ops[i].multiplicity();
      if (rows[r][c.medoid] > 0 && amount > 0) {
        weight = amount / rows[r][c.medoid];
        break;
      }
    }
    w0.push_back(weight > 0 ? weight : c.executions);
  }
  std::vector<std::vector<double>> A;
  std::vector<double> b;
  for (size_t r = 0; r < rows.size(); ++r)
    if (totals[r] > 0) { // each constraint relative to its total, so all weigh alike
      A.emplace_back();
      for (const Cluster &c : out.clusters)
        A.back().push_back(rows[r][c.medoid] / totals[r]);
      b.push_back(1);
    }
  std::vector<double> weights = fitWeights(A, b, w0);
  for (size_t c = 0; c < out.clusters.size(); ++c)
    out.clusters[c].weight = weights[c];

  // Comparisons: the fitted totals, then the op-kind and bottleneck mixes.
  WorkloadProfile reduced;
  for (const Cluster &c : out.clusters) {
    OpProfile o = w.ops[c.medoid];
    o.count = 1;
    o.weight = c.weight;
    reduced.ops.push_back(o);
  }
  const char *names[] = {"MACs", "bytes", "time (s)"};
  for (size_t r = 0; r < rows.size(); ++r) {
    double red = 0;
    for (const Cluster &c : out.clusters)
      red += rows[r][c.medoid] * c.weight;
    out.comparisons.push_back({names[r], totals[r], red, false, true});
  }
  std::vector<KindTotals> fullKinds = totalsByKind({w}), redKinds = totalsByKind({reduced});
  KindTotals fullAll = totalsOf({w}), redAll = totalsOf({reduced});
  for (const KindTotals &k : fullKinds) {
    double fm = fullAll.macs > 0 ? k.macs / fullAll.macs : 0;
    double fb = fullAll.totalBytes() > 0 ? k.totalBytes() / fullAll.totalBytes() : 0;
    if (fm < 0.01 && fb < 0.01)
      continue;
    double rm = 0, rb = 0;
    for (const KindTotals &r : redKinds)
      if (r.kind == k.kind) {
        rm = redAll.macs > 0 ? r.macs / redAll.macs : 0;
        rb = redAll.totalBytes() > 0 ? r.totalBytes() / redAll.totalBytes() : 0;
      }
    if (k.macs > 0)
      out.comparisons.push_back({k.kind + " share of MACs", fm, rm, true, false});
    out.comparisons.push_back({k.kind + " share of bytes", fb, rb, true, false});
  }
  if (m) {
    std::vector<TimeShare> fs = timeByBottleneck({w}, *m), rs = timeByBottleneck({reduced}, *m);
    double ft = 0, rt = 0;
    for (size_t i = 0; i < fs.size(); ++i) {
      ft += fs[i].seconds;
      rt += rs[i].seconds;
    }
    for (size_t i = 0; i < fs.size(); ++i)
      if (fs[i].ops > 0 || rs[i].ops > 0)
        out.comparisons.push_back({fs[i].bottleneck + "-bound share of time",
                                   ft > 0 ? fs[i].seconds / ft : 0,
                                   rt > 0 ? rs[i].seconds / rt : 0, true, false});
  }
  std::stable_sort(out.clusters.begin(), out.clusters.end(),
                   [&](const Cluster &a, const Cluster &b) {
                     return a.weight * rows[primary][a.medoid] >
                            b.weight * rows[primary][b.medoid];
                   });
  return out;
}

} // namespace tessel::analysis
