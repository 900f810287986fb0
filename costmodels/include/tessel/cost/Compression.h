// Compression of sparse tensors at the outermost level: run-length coding (docs/model.md 13).
#ifndef TESSEL_COST_COMPRESSION_H
#define TESSEL_COST_COMPRESSION_H

#include "tessel/cost/Arch.h"
#include "tessel/cost/Problem.h"

#include <cstdint>
#include <string>

namespace tessel::cost {

/// Expected number of (run, value) entries per element when a stream of elements, each
/// non-zero with probability `density` independently, is run-length coded with `runBits`-bit
/// zero runs: an entry takes up to 2^runBits - 1 zeros and the next element, so it covers
/// (1 - (1 - density)^(2^runBits)) / density elements on average.
double rlcEntriesPerElement(double density, int runBits);

/// Expected bits moved per element of a tensor of `elementBits`-bit values and `density`
/// stored run-length coded with `runBits`-bit runs in blocks of `blockBits`: a block holds
/// floor(blockBits / (runBits + elementBits)) entries (0 when not even one fits).
double rlcBitsPerElement(double density, int elementBits, int runBits, int64_t blockBits);

/// Expected words (of `level.wordBits`) one element of tensor `tensor` moves at `level`: its
/// run-length coded size when `level` compresses the tensor, else wordsPerElement. Partial
/// sums are never coded (only final values have the tensor's density): they move
/// wordsPerElement words each.
double codedWordsPerElement(const Problem &problem, const StorageLevel &level, int tensor);

/// Why `level` (index `index`) cannot compress the tensors it names for `problem`, or "".
std::string compressionError(const Problem &problem, const StorageLevel &level, size_t index);

} // namespace tessel::cost

#endif // TESSEL_COST_COMPRESSION_H
