// Run-length coding of sparse tensors (docs/model.md section 13).
#include "tessel/cost/Compression.h"

#include "tessel/cost/Mapping.h"

#include <cmath>

namespace tessel::cost {

double rlcEntriesPerElement(double density, int runBits) {
  if (density >= 1)
    return 1;
  // One entry per chunk; a chunk ends at the first non-zero among its first 2^runBits
  // elements, or after 2^runBits elements. E[chunk] = sum_{i<2^r} (1-d)^i.
  double span = std::ldexp(1.0, runBits);
  return density / -std::expm1(span * std::log1p(-density));
}

double rlcBitsPerElement(double density, int elementBits, int runBits, int64_t blockBits) {
  int64_t entryBits = static_cast<int64_t>(runBits) + elementBits;
  int64_t perBlock = entryBits > 0 ? blockBits / entryBits : 0;
  if (perBlock < 1)
    return 0;
  return rlcEntriesPerElement(density, runBits) * static_cast<double>(blockBits) /
         static_cast<double>(perBlock);
}

double codedWordsPerElement(const Problem &problem, const StorageLevel &level, int tensor) {
  if (!(level.compressMask >> tensor & 1))
    return static_cast<double>(wordsPerElement(problem, tensor, level.wordBits));
  const Tensor &t = problem.tensors[tensor];
  return rlcBitsPerElement(t.density, t.elementBits, level.runBits,
                           level.blockWords * level.wordBits) /
         level.wordBits;
}

std::string compressionError(const Problem &problem, const StorageLevel &level, size_t index) {
  if (level.compressMask == 0)
    return "";
  std::string at = "level '" + level.name + "' ";
  if (index != 0)
    return at + "compresses tensors, but only the outermost level can (compression is "
                "modelled at the backing store's port)";
  if (level.runBits < 1 || level.runBits > 30)
    return at + "has run-length bits " + std::to_string(level.runBits) + " (need 1 to 30)";
  for (size_t t = 0; t < problem.tensors.size() && t < 32; ++t) {
    if (!(level.compressMask >> t & 1))
      continue;
    const Tensor &tensor = problem.tensors[t];
    if (level.runBits + tensor.elementBits > level.blockWords * level.wordBits)
      return at + "cannot hold one run-length entry of tensor '" + tensor.name + "' (" +
             std::to_string(level.runBits) + " + " + std::to_string(tensor.elementBits) +
             " bits) in its " + std::to_string(level.blockWords * level.wordBits) + "-bit block";
  }
  return "";
}

} // namespace tessel::cost
