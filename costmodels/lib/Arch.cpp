// Arch queries, validation and printing.
#include "tessel/cost/Arch.h"

#include "tessel/cost/Compression.h"

#include <sstream>

namespace tessel::cost {

int64_t Arch::instances(size_t level) const {
  int64_t n = 1;
  for (size_t i = 0; i < level && i < fanOuts.size(); ++i)
    n *= fanOuts[i].x * fanOuts[i].y;
  return n;
}

int64_t Arch::computeUnits() const { return instances(fanOuts.size()); }

std::vector<std::string> validateArch(const Arch &arch, const Problem &problem) {
  std::vector<std::string> errors;
  if (arch.levels.empty())
    errors.push_back("arch has no storage levels");
  if (arch.fanOuts.size() != arch.levels.size())
    errors.push_back("arch has " + std::to_string(arch.levels.size()) + " levels but " +
                     std::to_string(arch.fanOuts.size()) + " fan-outs (need one below each)");
  TensorMask all = problem.tensors.size() >= 32
                       ? ~TensorMask(0)
                       : (TensorMask(1) << problem.tensors.size()) - 1;
  for (size_t i = 0; i < arch.levels.size(); ++i) {
    const StorageLevel &l = arch.levels[i];
    if (std::string e = compressionError(problem, l, i); !e.empty())
      errors.push_back(std::move(e));
    if (l.capacityWords < 0)
      errors.push_back("level '" + l.name + "' has negative capacity");
    if (l.wordBits < 1)
      errors.push_back("level '" + l.name + "' has word bits " + std::to_string(l.wordBits));
    if (l.blockWords < 1)
      errors.push_back("level '" + l.name + "' has block size " + std::to_string(l.blockWords));
    if (l.readBandwidth < 0 || l.writeBandwidth < 0 || l.sharedBandwidth < 0)
      errors.push_back("level '" + l.name + "' has negative bandwidth");
  }
  if (!arch.levels.empty() && (arch.levels[0].keepMask & all) != all)
    errors.push_back("outermost level '" + arch.levels[0].name + "' must keep every tensor");
  for (size_t i = 0; i < arch.fanOuts.size(); ++i)
    if (arch.fanOuts[i].x < 1 || arch.fanOuts[i].y < 1)
      errors.push_back("fan-out below level " + std::to_string(i) + " must be at least 1x1");
  return errors;
}

std::string toString(const Arch &arch, const Problem &problem) {
  std::ostringstream os;
  os << "arch " << arch.name << '\n';
  for (size_t i = 0; i < arch.levels.size(); ++i) {
    const StorageLevel &l = arch.levels[i];
    os << "  L" << i << ' ' << l.name << " x" << arch.instances(i) << ": cap "
       << (l.capacityWords ? std::to_string(l.capacityWords) : std::string("inf")) << " words of "
       << l.wordBits << "b, block " << l.blockWords << ", keeps {"
       << tensorNames(problem, l.keepMask) << "}, bw r" << l.readBandwidth << " w"
       << l.writeBandwidth << " s" << l.sharedBandwidth << ", E r" << l.readEnergy << " w"
       << l.writeEnergy << " u" << l.updateEnergy;
    if (l.compressMask != 0)
      os << ", rlc " << l.runBits << "-bit runs {" << tensorNames(problem, l.compressMask) << '}';
    os << '\n';
    if (i < arch.fanOuts.size()) {
      const FanOut &f = arch.fanOuts[i];
      os << "    fan-out " << f.x << 'x' << f.y << (f.multicast ? " multicast" : "")
         << (f.reduction ? " reduction" : "") << " hop " << f.hopEnergy << '\n';
    }
  }
  os << "  compute " << arch.compute.name << " x" << arch.computeUnits() << " E "
     << arch.compute.macEnergy << '\n';
  return os.str();
}

} // namespace tessel::cost
