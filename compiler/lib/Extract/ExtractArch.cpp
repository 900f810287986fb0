//===- ExtractArch.cpp - bound arch.accelerator to cost::Arch ----------===//
// Flattens the nest of memories, arrays and the compute unit into a chain of storage levels
// with a fan-out below each, converting bits to words and filling missing energies, areas and
// leakage from the component library.
//===----------------------------------------------------------------------===//
#include "tessel/Extract/Extract.h"
#include "tessel/Support/Number.h"

#include <cmath>

namespace tessel::extract {

using namespace mlir;
using arch::AcceleratorOp;
using arch::ArrayOp;
using arch::ComputeOp;
using arch::MemoryOp;

namespace {

StringRef symName(Operation *op) {
  return op->getAttrOfType<StringAttr>("sym_name").getValue();
}

/// Kind and name of a component for messages, e.g. "array 'PE'".
std::string describe(Operation *op) {
  StringRef kind = isa<MemoryOp>(op) ? "memory" : isa<ArrayOp>(op) ? "array" : "compute unit";
  return (kind + " '" + symName(op) + "'").str();
}

/// The roles a memory's `attr` lists (none when absent); `what` names the list in errors.
FailureOr<RoleMask> roleMask(MemoryOp memory, StringRef level, StringRef what, ArrayAttr attr) {
  RoleMask mask = 0;
  if (!attr)
    return mask;
  for (StringRef role : attr.getAsValueRange<StringAttr>()) {
    std::optional<Role> r = parseRole(role);
    if (!r)
      return memory.emitError() << "memory '" << level << "' " << what << " unknown role '"
                                << role << "' (roles are input, weight, output)";
    mask |= RoleMask(1) << static_cast<unsigned>(*r);
  }
  return mask;
}

class ArchExtractor {
public:
  ArchExtractor(AcceleratorOp acc, const cost::ComponentLibrary &library)
      : acc(acc), library(library) {}

  FailureOr<ArchSpec> run();

private:
  LogicalResult flatten(Block &body);
  /// The value of an optional quantity attribute (std::nullopt when absent); fails when it is
  /// still an #arch.expr.
  FailureOr<std::optional<double>> quantity(Operation *op, Attribute value, StringRef what);
  LogicalResult addLevel(MemoryOp memory);
  LogicalResult setFanOut(ArrayOp array, ComputeOp compute);
  LogicalResult setCompute(ComputeOp compute);
  cost::ComponentSpec baseSpec(StringRef cls) const;

  AcceleratorOp acc;
  const cost::ComponentLibrary &library;
  ArchSpec spec;
  double technologyNm = 0;
  /// Memories, arrays and the compute unit, outermost first.
  llvm::SmallVector<Operation *> chain;
};

LogicalResult ArchExtractor::flatten(Block &body) {
  Operation *closed = nullptr; // an array or compute unit already seen in this body
  for (Operation &op : body) {
    if (!isa<MemoryOp, ArrayOp, ComputeOp>(op))
      continue;
    if (closed)
      return op.emitError() << describe(&op) << " follows " << describe(closed)
                            << " at the same nesting level; the hierarchy must be a chain: "
                               "everything below an array is declared inside it, and the "
                               "compute unit comes last";
    chain.push_back(&op);
    if (auto array = dyn_cast<ArrayOp>(op)) {
      if (failed(flatten(array.getBody().front())))
        return failure();
      closed = &op;
    } else if (isa<ComputeOp>(op)) {
      closed = &op;
    }
  }
  return success();
}

FailureOr<std::optional<double>> ArchExtractor::quantity(Operation *op, Attribute value,
                                                         StringRef what) {
  if (!value)
    return std::optional<double>();
  if (auto q = dyn_cast<arch::QuantityAttr>(value))
    return std::optional<double>(q.getValue());
  return op->emitError() << "'" << what << "' of " << describe(op)
                         << " still depends on parameters; run arch-bind-params first";
}

cost::ComponentSpec ArchExtractor::baseSpec(StringRef cls) const {
  cost::ComponentSpec s;
  s.cls = cls.str();
  s.technologyNm = technologyNm;
  return s;
}

LogicalResult ArchExtractor::addLevel(MemoryOp memory) {
  int word = spec.wordBits;
  cost::StorageLevel level;
  level.name = memory.getSymName().str();
  level.wordBits = word;
  auto size = quantity(memory, memory.getSizeAttr(), "size");
  auto width = quantity(memory, memory.getWidthAttr(), "width");
  auto readBw = quantity(memory, memory.getReadBandwidthAttr(), "read_bandwidth");
  auto writeBw = quantity(memory, memory.getWriteBandwidthAttr(), "write_bandwidth");
  auto sharedBw = quantity(memory, memory.getSharedBandwidthAttr(), "shared_bandwidth");
  auto readE = quantity(memory, memory.getReadEnergyAttr(), "read_energy");
  auto writeE = quantity(memory, memory.getWriteEnergyAttr(), "write_energy");
  auto area = quantity(memory, memory.getAreaAttr(), "area");
  auto leakage = quantity(memory, memory.getLeakageAttr(), "leakage");
  for (auto *v : {&size, &width, &readBw, &writeBw, &sharedBw, &readE, &writeE, &area, &leakage})
    if (failed(*v))
      return failure();
  if (*size) {
    if (**size < word)
      return memory.emitError() << "memory '" << level.name << "' holds " << formatNumber(**size)
                                << " bits, less than one " << word << "-bit word";
    level.capacityWords = static_cast<int64_t>(std::floor(**size / word));
  }
  double widthBits = width->value_or(word);
  if (widthBits < word || std::fmod(widthBits, word) != 0)
    return memory.emitError() << "width of memory '" << level.name << "' (" << formatNumber(widthBits)
                              << " bits) is not a multiple of the " << word << "-bit word";
  level.blockWords = static_cast<int64_t>(widthBits / word);
  level.readBandwidth = readBw->value_or(0) / word;
  level.writeBandwidth = writeBw->value_or(0) / word;
  level.sharedBandwidth = sharedBw->value_or(0) / word;

  cost::ComponentSpec component = baseSpec(memory.getCls());
  component.subclass = memory.getSubclass().value_or("").str();
  component.sizeBits = size->value_or(0);
  component.widthBits = widthBits;
  component.banks = memory.getBanks();
  component.ports = memory.getPorts().value_or(1);
  cost::ComponentOverrides given{*readE, *writeE, *area, *leakage};
  cost::ResolvedComponent costs;
  if (std::string error = cost::resolveComponent(library, component, given, costs);
      !error.empty()) {
    std::string missing = !*readE ? "read_energy" : !*writeE ? "write_energy" : !*area ? "area"
                                                                                    : "leakage";
    return memory.emitError() << "memory '" << level.name << "' has no " << missing
                              << " and the component library cannot supply it: " << error
                              << " (give " << missing << " in the .hw)";
  }
  level.readEnergy = costs.readEnergy.value;
  level.writeEnergy = level.updateEnergy = costs.writeEnergy.value;
  level.area = costs.area.value;
  level.leakage = cost::leakagePerCycle(costs.leakage.value, spec.clockHz);

  FailureOr<RoleMask> keeps = roleMask(memory, level.name, "keeps", memory.getKeepsAttr());
  FailureOr<RoleMask> compress =
      roleMask(memory, level.name, "compresses", memory.getCompressAttr());
  if (failed(keeps) || failed(compress))
    return failure();
  if (*compress && !spec.arch.levels.empty())
    return memory.emitError() << "memory '" << level.name
                              << "' compresses tensors, but only the outermost level can "
                                 "(compression is modelled at the backing store's port)";
  level.runBits = static_cast<int>(memory.getRunBits().value_or(0));
  spec.arch.levels.push_back(std::move(level));
  spec.compress.push_back(*compress);
  spec.arch.fanOuts.push_back(cost::FanOut{});
  spec.keeps.push_back(*keeps);
  spec.levelOps.push_back(memory);
  spec.fanOutOps.push_back(nullptr);
  return success();
}

LogicalResult ArchExtractor::setFanOut(ArrayOp array, ComputeOp compute) {
  cost::FanOut &fan = spec.arch.fanOuts.back();
  if (array) {
    auto y = quantity(array, array.getFanY(), "y");
    auto x = quantity(array, array.getFanX(), "x");
    auto hop = quantity(array, array.getHopEnergyAttr(), "hop_energy");
    if (failed(y) || failed(x) || failed(hop))
      return failure();
    fan.y = static_cast<int64_t>(**y);
    fan.x = static_cast<int64_t>(**x);
    fan.multicast = array.getMulticast();
    fan.reduction = array.getReduction();
    cost::ComponentSpec noc = baseSpec("noc");
    noc.bits = spec.wordBits;
    cost::ComponentOverrides given{*hop, *hop, 0.0, 0.0};
    cost::ResolvedComponent costs;
    if (std::string error = cost::resolveComponent(library, noc, given, costs); !error.empty())
      return array.emitError() << "array '" << array.getSymName()
                               << "' has no hop_energy and the component library cannot "
                                  "supply it: "
                               << error << " (give hop_energy in its network block)";
    fan.hopEnergy = costs.readEnergy.value;
    spec.fanOutOps.back() = array;
  }
  if (!compute || compute.getCount() == 1)
    return success();
  // `count` MAC units share the innermost level: one more axis of the fan-out below it.
  int64_t count = compute.getCount();
  if (!array) {
    fan.x = count;
    fan.multicast = fan.reduction = true;
    return success();
  }
  if (fan.y != 1)
    return compute.emitError()
           << "compute unit '" << compute.getSymName() << "' has count " << count
           << " inside the 2-D array '" << array.getSymName()
           << "' with no storage level between them; put a memory inside the array above the "
              "compute unit, or make the array one-dimensional";
  fan.y = count;
  return success();
}

LogicalResult ArchExtractor::setCompute(ComputeOp compute) {
  cost::ComponentSpec unit = baseSpec(compute.getCls());
  unit.bits = static_cast<int64_t>(compute.getBits());
  if (compute.getCls() == "fpmac")
    unit.subclass = compute.getFormat().value_or("").str();
  auto energy = quantity(compute, compute.getEnergyAttr(), "energy");
  auto area = quantity(compute, compute.getAreaAttr(), "area");
  auto leakage = quantity(compute, compute.getLeakageAttr(), "leakage");
  if (failed(energy) || failed(area) || failed(leakage))
    return failure();
  cost::ComponentOverrides given{*energy, *energy, *area, *leakage};
  cost::ResolvedComponent costs;
  if (std::string error = cost::resolveComponent(library, unit, given, costs); !error.empty())
    return compute.emitError() << "compute unit '" << compute.getSymName()
                               << "' lacks a figure the component library cannot supply: "
                               << error << " (give energy, area and leakage in the .hw)";
  spec.arch.compute.name = compute.getSymName().str();
  spec.arch.compute.macEnergy = costs.readEnergy.value;
  spec.arch.compute.area = costs.area.value;
  spec.arch.compute.leakage = cost::leakagePerCycle(costs.leakage.value, spec.clockHz);
  return success();
}

FailureOr<ArchSpec> ArchExtractor::run() {
  spec.arch.name = acc.getSymName().str();
  spec.wordBits = static_cast<int>(acc.getWordBits());
  FailureOr<double> clock = acc.boundClockHz(), technology = acc.boundTechnologyNm();
  if (failed(clock) || failed(technology))
    return failure();
  spec.clockHz = *clock;
  technologyNm = *technology;
  if (failed(flatten(acc.getBody().front())))
    return failure();
  ArrayOp pending;
  bool hasCompute = false;
  for (Operation *op : chain) {
    if (auto memory = dyn_cast<MemoryOp>(op)) {
      if (pending && failed(setFanOut(pending, nullptr)))
        return failure();
      pending = nullptr;
      if (failed(addLevel(memory)))
        return failure();
      continue;
    }
    if (spec.arch.levels.empty())
      return op->emitError() << describe(op) << " has no storage level above it; the "
                             << "outermost component must be a memory (e.g. DRAM)";
    if (auto array = dyn_cast<ArrayOp>(op)) {
      if (pending)
        return array.emitError() << "array '" << array.getSymName()
                                 << "' sits directly inside array '" << pending.getSymName()
                                 << "' with no storage level between them; add a memory "
                                    "inside '"
                                 << pending.getSymName() << "' above '" << array.getSymName()
                                 << "'";
      pending = array;
      continue;
    }
    auto compute = cast<ComputeOp>(op);
    if (hasCompute)
      return compute.emitError() << "a second compute unit '" << compute.getSymName()
                                 << "'; tessel models one compute unit per accelerator";
    hasCompute = true;
    if (failed(setFanOut(pending, compute)) || failed(setCompute(compute)))
      return failure();
    pending = nullptr;
  }
  if (!hasCompute)
    return acc.emitError() << "accelerator '" << acc.getSymName() << "' has no compute unit";
  if (pending)
    return pending.emitError() << "array '" << pending.getSymName()
                               << "' holds no compute unit below its levels";
  return std::move(spec);
}

} // namespace

FailureOr<ArchSpec> extractArch(AcceleratorOp acc, const cost::ComponentLibrary &library) {
  return ArchExtractor(acc, library).run();
}

cost::Arch bindRoles(const ArchSpec &spec, llvm::ArrayRef<Role> roles) {
  cost::Arch arch = spec.arch;
  for (size_t l = 0; l < arch.levels.size(); ++l) {
    arch.levels[l].keepMask = tensorsWithRoles(roles, spec.keeps[l]);
    arch.levels[l].compressMask = tensorsWithRoles(roles, spec.compress[l]);
  }
  return arch;
}

} // namespace tessel::extract
