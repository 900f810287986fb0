// Internal: the strategies behind makeStrategy(), and the result filling they share.
#ifndef TESSEL_SEARCH_LIB_STRATEGIES_H
#define TESSEL_SEARCH_LIB_STRATEGIES_H

#include "tessel/Search/Searcher.h"

namespace tessel::search {

struct Best;
struct TreeStats;

/// Branch and bound (`useBounds`) or exhaustive enumeration of the canonical mapspace.
std::unique_ptr<Strategy> makeTreeStrategy(const Mapspace &space, const SearchOptions &options,
                                           bool useBounds);
/// Independent random points, in tasks of a fixed size and seed per task.
std::unique_ptr<Strategy> makeRandomStrategy(const Mapspace &space, const SearchOptions &options);
/// Simulated annealing: a fixed number of chains, each advanced by one task per round.
std::unique_ptr<Strategy> makeAnnealStrategy(const Mapspace &space, const SearchOptions &options);

/// Copies the best point, its report and the counters into `result`; the status is Stopped,
/// Optimal or NoValidMapping.
void fillTreeResult(SearchResult &result, const Best &best, const TreeStats &stats,
                    bool stopped);

/// The evaluation budget of a sampling strategy (options, or the default when neither budget
/// is given).
int64_t samplingBudget(const SearchOptions &options);

} // namespace tessel::search

#endif // TESSEL_SEARCH_LIB_STRATEGIES_H
