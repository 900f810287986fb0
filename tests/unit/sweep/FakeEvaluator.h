// A deterministic stand-in for the per-point evaluator in sweep tests (results from params).
#ifndef TESSEL_TESTS_SWEEP_FAKEEVALUATOR_H
#define TESSEL_TESTS_SWEEP_FAKEEVALUATOR_H

#include "tessel/Sweep/DesignSpace.h"
#include "tessel/Sweep/Record.h"

#include <string>
#include <vector>

namespace tessel::sweep::test {

/// 32 points: rows {4, 8, 12, 16} x cols {8, 14} x glb 64..256 KiB step 64 KiB (in bits).
DesignSpace fakeSpace();

/// Results computed from rows, cols and glb; points with rows * cols > 200 have no valid
/// mapping. Sleeps `sleepMicros` scaled by a per-point factor (1..4), so that points finish
/// out of order on several threads.
Record fakeEvaluate(const DesignPoint &p, int sleepMicros = 0);

/// The text of a file, or "" when it does not exist.
std::string readText(const std::string &path);

/// A fresh path in the test's temporary directory.
std::string tempPath(const std::string &name);

} // namespace tessel::sweep::test

#endif // TESSEL_TESTS_SWEEP_FAKEEVALUATOR_H
