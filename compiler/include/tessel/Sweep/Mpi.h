// The MPI mode of a sweep (`tessel sweep --mpi`, docs/scale-out.md): rank 0 hands out design
// points on request and writes every record; every rank evaluates points. Built only when
// CMake finds MPI (the TesselSweepMpi library defines TESSEL_HAVE_MPI).
#ifndef TESSEL_SWEEP_MPI_H
#define TESSEL_SWEEP_MPI_H

#include "tessel/Sweep/Driver.h"

#include <functional>
#include <memory>
#include <vector>

namespace tessel::sweep::mpi {

/// MPI for the lifetime of the object: MPI_Init_thread (only the calling thread talks to
/// MPI) in start(), MPI_Finalize in the destructor.
class Session {
public:
  /// Initialises MPI (without the command line, which MPI implementations do not need since
  /// MPI-2); an error when MPI cannot be initialised or already was.
  static Result<std::unique_ptr<Session>> start();
  ~Session();
  Session(const Session &) = delete;
  Session &operator=(const Session &) = delete;

  int rank() const { return rankId; }
  int size() const { return ranks; }

  /// Collective: whether `ok` holds on every rank; `rootOk` receives rank 0's `ok`.
  bool agree(bool ok, bool *rootOk = nullptr);

  /// Collective: an error unless every rank planned the same design points (same count,
  /// indices and keys), e.g. because a node reads different input files.
  Result<Ok> checkSamePoints(const std::vector<DesignPoint> &points);

  /// Rank 0: the RunOptions::remote hook that serves the other ranks. Each request is
  /// answered with the next point of the queue or "stop"; records coming back are delivered
  /// to the queue. Returns when every other rank has been told to stop.
  std::function<Result<Ok>(PointQueue &)> coordinator();

  /// Rank 0: tells every rank not stopped yet to stop (no point is handed out). Call it after
  /// runSweep, whether it succeeded or failed before serving the other ranks.
  Result<Ok> releaseWorkers();

  /// Rank 0: the records each rank delivered through coordinator() (index: rank; rank 0's
  /// own points are not counted here).
  const std::vector<size_t> &recordsByRank() const { return delivered; }

  /// Ranks other than 0: evaluates the points rank 0 hands out with evaluatePoint on
  /// options.threads threads, sending each record back, until rank 0 says stop.
  Result<Ok> work(const std::vector<DesignPoint> &points, const Evaluator &evaluate,
                  const RunOptions &options);

private:
  Session(int rank, int size) : rankId(rank), ranks(size) {}
  Result<Ok> serve(PointQueue *queue);

  int rankId = 0, ranks = 1;
  bool released = false;
  std::vector<size_t> delivered;
};

} // namespace tessel::sweep::mpi

#endif // TESSEL_SWEEP_MPI_H
