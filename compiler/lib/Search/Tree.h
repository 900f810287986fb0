// Internal: the search tree over canonical points (bypass, spatial factors, temporal factors
// inner to outer, loop-order classes) and its depth-first explorer with work budgets.
#ifndef TESSEL_SEARCH_LIB_TREE_H
#define TESSEL_SEARCH_LIB_TREE_H

#include "Bound.h"
#include "tessel/Search/Objective.h"
#include "tessel/cost/CostModel.h"

#include <map>
#include <tuple>
#include <vector>

namespace tessel::search {

/// A subtree: the child ranks from the root, and a lower bound of its score.
struct Unit {
  std::vector<uint32_t> path;
  Score bound;
};

/// Why candidates were ruled out, and how much work was done.
struct TreeStats {
  int64_t nodes = 0;       // bounds computed
  int64_t pruned = 0;      // nodes and leaves cut by their bound
  int64_t evaluations = 0; // cost-model calls
  int64_t leaves = 0;      // complete points reached
  int64_t invalid = 0;     // complete points the cost model rejected
  int64_t overLimits = 0;  // nodes or leaves past maxCycles / minUtilization / maxEnergy
  int64_t noSpatialSplit = 0;
  int64_t noOrder = 0;     // tilings without an order meeting the constraints
  std::vector<int64_t> overCapacity; // per level
  /// Bounds computed and children kept, per tree depth.
  std::vector<int64_t> depthNodes, depthKept;
  void add(const TreeStats &o);
};

/// The best point found so far.
struct Best {
  bool found = false;
  Score score;
  std::vector<int64_t> key;
  Point point;
  cost::CostReport report;
  /// Whether (score, key) beats this best.
  bool improvedBy(const Score &s, const std::vector<int64_t> &k) const;
};

/// How the explorer prunes: with bounds (branch and bound) or only by validity (exhaustive).
struct TreeSettings {
  Objective objective;
  Limits limits;
  bool useBounds = true;
  /// Stop at the first valid leaf (feasibility probes).
  bool firstValid = false;
};

class OrderStage;

/// Explores subtrees; one per thread (it holds caches and scratch storage).
class Explorer {
public:
  Explorer(const Mapspace &space, const cost::CostModel &model, const TreeSettings &settings);
  ~Explorer();

  /// Explores `unit` depth first (best bound first among siblings), pruning against the
  /// better of `incumbent` and what it finds, until the subtree is done or about `work` bound
  /// computations and evaluations are spent; then appends the unexplored siblings to `rest`
  /// (most promising first).
  void explore(const Unit &unit, const Best &incumbent, int64_t work, Best &best,
               std::vector<Unit> &rest, TreeStats &stats);

  /// The children of a static node (a unit that ends above the order stage), sorted best
  /// first; leaves `children` empty for a node in or below the order stage.
  void expand(const Unit &unit, const Best &incumbent, std::vector<Unit> &children,
              TreeStats &stats);

  /// Depth of the complete tilings (where the order stage starts).
  int staticDepth() const { return numStatic(); }

private:
  /// One open node: its depth and its children (bound, rank), best first.
  struct Frame {
    int depth = 0;
    std::vector<std::pair<Score, uint32_t>> children;
    size_t next = 0;
  };
  int numStatic() const { return static_cast<int>(steps.size()); }
  /// Sets the state to the node at `path` (replaying every decision); false if a rank no
  /// longer names a child.
  bool replay(const std::vector<uint32_t> &path);
  bool applyStatic(int depth, uint32_t rank);
  /// Fills `frame.children` with the feasible children of the current node at `depth`.
  void generate(int depth, Frame &frame, const Best &cut, TreeStats &stats);
  void generateFactors(int depth, Frame &frame, const Best &cut, TreeStats &stats);
  /// Bounds the node just set at `depth` + 1; false when it breaks a limit.
  bool scoreNode(int depth, Score &score, TreeStats &stats);
  /// Evaluates the complete point unless its exact count bound loses to `cut`.
  void leaf(const Best &cut, Best &best, TreeStats &stats);
  Decided decidedAt(int depth);
  /// Per-dim candidate factors of the static step at `depth` (dims in `candDims`).
  void candidates(int depth);

  enum class Kind { Bypass, Spatial, Temporal };
  struct Step {
    Kind kind;
    int level;
  };

  const Mapspace &space;
  const cost::CostModel &model;
  TreeSettings settings;
  Pricing pricing;
  Bounder bounder;
  std::vector<Step> steps;
  Point point;
  std::vector<bool> spatialKnownStore;
  std::unique_ptr<bool[]> spatialKnown;
  int64_t cycleCap = 0;
  /// Candidates of the current factor step: per dim, the factors to choose from.
  std::vector<std::vector<int64_t>> cand;
  std::vector<int> candDims;
  std::unique_ptr<OrderStage> orders;
  /// The choice of every order step on the current path.
  std::vector<uint32_t> orderChoice;
  int64_t workLeft = 0;
  cost::CostReport report;
  cost::Mapping mapping;
};

} // namespace tessel::search

#endif // TESSEL_SEARCH_LIB_TREE_H
