// `tessel sweep --mpi`: the command's side of the MPI mode (see SweepMpi.h, docs/scale-out.md).
#include "SweepMpi.h"

#include <cstring>
#include <iostream>

namespace tessel::cli {

std::unique_ptr<SweepMpi> SweepMpi::startIfRequested(int argc, char **argv, bool &failed) {
  failed = false;
  bool requested = false;
  for (int i = 0; i < argc; ++i) // the command's arguments (no program name)
    requested |= std::strcmp(argv[i], "--mpi") == 0;
  if (!requested)
    return nullptr;
  auto session = sweep::mpi::Session::start();
  if (!session) {
    std::cerr << "tessel sweep: error: --mpi: " << session.error() << '\n';
    failed = true;
    return nullptr;
  }
  return std::unique_ptr<SweepMpi>(new SweepMpi(std::move(*session)));
}

SweepMpi::SweepMpi(std::unique_ptr<sweep::mpi::Session> s) : session(std::move(s)) {
  if (isRoot())
    return;
  realOut = std::cout.rdbuf(heldOut.rdbuf());
  realErr = std::cerr.rdbuf(heldErr.rdbuf());
}

SweepMpi::~SweepMpi() {
  bool rootOk = true;
  if (!readyResult) {
    // This rank stopped before ready() (bad input, --help): the others are waiting in it.
    failedHere = true;
    session->agree(false, &rootOk);
  }
  if (isRoot() && readyResult.value_or(false))
    releaseWorkers();
  if (!isRoot()) {
    std::cout.rdbuf(realOut);
    std::cerr.rdbuf(realErr);
    // Rank 0 reports errors every rank shares; this rank's own failure is shown here.
    if (failedHere && rootOk && !heldErr.str().empty())
      std::cerr << "tessel sweep (MPI rank " << session->rank() << "): " << heldErr.str();
  }
}

bool SweepMpi::ready(const std::vector<sweep::DesignPoint> &points) {
  bool rootOk = true;
  readyResult = session->agree(true, &rootOk);
  if (!*readyResult) {
    if (isRoot())
      std::cerr << "tessel sweep: error: another MPI rank could not set up the sweep (see "
                   "its message)\n";
    return false;
  }
  if (auto same = session->checkSamePoints(points); !same) {
    readyResult = false;
    std::cerr << "tessel sweep: error: " << same.error() << '\n';
    return false;
  }
  return true;
}

bool SweepMpi::releaseWorkers() {
  if (auto r = session->releaseWorkers(); !r) {
    std::cerr << "tessel sweep: error: " << r.error() << '\n';
    return false;
  }
  return true;
}

void SweepMpi::printShares(size_t evaluated, std::ostream &err) const {
  const std::vector<size_t> &remote = session->recordsByRank();
  size_t others = 0;
  for (size_t n : remote)
    others += n;
  err << "tessel sweep: MPI: " << session->size() << " rank" << (session->size() > 1 ? "s" : "")
      << "; points evaluated by rank 0: " << evaluated - others;
  for (int r = 1; r < session->size(); ++r)
    err << ", " << r << ": " << (static_cast<size_t>(r) < remote.size() ? remote[r] : 0);
  err << '\n';
}

int SweepMpi::work(const std::vector<sweep::DesignPoint> &points, const sweep::Evaluator &evaluate,
                   const sweep::RunOptions &run) {
  if (auto r = session->work(points, evaluate, run); !r) {
    failedHere = true;
    std::cerr << "tessel sweep: error: " << r.error() << '\n';
    return 1;
  }
  return 0;
}

} // namespace tessel::cli
