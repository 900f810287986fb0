// `tessel sweep --mpi` in the command: MPI started when the command line asks for it, the
// other ranks' output held back, the collective check that every rank is ready, and the
// split into rank 0 (runSweep with the coordinator) and the workers. Built with MPI only.
#ifndef TESSEL_TOOLS_SWEEPMPI_H
#define TESSEL_TOOLS_SWEEPMPI_H

#include "tessel/Sweep/Mpi.h"

#include <memory>
#include <optional>
#include <sstream>

namespace tessel::cli {

class SweepMpi {
public:
  /// Starts MPI when one of the command's arguments is `--mpi` (null otherwise); ranks other
  /// than 0 then keep their standard output and error to themselves (see the destructor).
  /// `failed` is set when MPI cannot start (the error is printed).
  static std::unique_ptr<SweepMpi> startIfRequested(int argc, char **argv, bool &failed);
  /// Without ready(), e.g. after an early return on bad input, joins the other ranks' ready()
  /// as a failure; on rank 0 stops every worker still waiting; prints the held-back error
  /// output of a rank that failed when rank 0 did not; finalises MPI.
  ~SweepMpi();
  SweepMpi(const SweepMpi &) = delete;
  SweepMpi &operator=(const SweepMpi &) = delete;

  bool isRoot() const { return session->rank() == 0; }

  /// Collective, once the points and the evaluator are set up: true when every rank got
  /// here with the same points. Rank 0 prints why not.
  bool ready(const std::vector<sweep::DesignPoint> &points);

  /// Rank 0: `run` hands points to the other ranks too.
  void attach(sweep::RunOptions &run) { run.remote = session->coordinator(); }
  /// Rank 0, after runSweep: stops the workers still waiting (also when runSweep failed).
  bool releaseWorkers();

  /// Rank 0, after runSweep evaluated `evaluated` points: "MPI: K ranks; points evaluated
  /// by rank 0: A, 1: B, ..." on `err`.
  void printShares(size_t evaluated, std::ostream &err) const;

  /// Other ranks: evaluates the points rank 0 hands out; the exit status.
  int work(const std::vector<sweep::DesignPoint> &points, const sweep::Evaluator &evaluate,
           const sweep::RunOptions &run);

private:
  explicit SweepMpi(std::unique_ptr<sweep::mpi::Session> session);

  std::unique_ptr<sweep::mpi::Session> session;
  std::optional<bool> readyResult;
  bool failedHere = false;
  std::ostringstream heldOut, heldErr;
  std::streambuf *realOut = nullptr, *realErr = nullptr;
};

} // namespace tessel::cli

#endif // TESSEL_TOOLS_SWEEPMPI_H
