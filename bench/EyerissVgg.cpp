// The VGG-16 conv5 / Eyeriss-like fixture shared by the benchmarks.
#include "EyerissVgg.h"

namespace tessel::bench {

using namespace cost;

Problem vggConv5() {
  Problem p;
  p.name = "vgg16_conv5";
  for (auto [name, bound] : {std::pair<const char *, int64_t>{"n", 1}, {"c", 128}, {"k", 256},
                             {"p", 56}, {"q", 56}, {"r", 3}, {"s", 3}})
    p.dims.push_back({name, bound});
  std::vector<std::string> errors;
  p.tensors.push_back(makeTensor(
      p, "I", {{{"n", 1}}, {{"c", 1}}, {{"p", 1}, {"r", 1}}, {{"q", 1}, {"s", 1}}}, false, errors));
  p.tensors.push_back(
      makeTensor(p, "W", {{{"k", 1}}, {{"c", 1}}, {{"r", 1}}, {{"s", 1}}}, false, errors));
  p.tensors.push_back(
      makeTensor(p, "O", {{{"n", 1}}, {{"k", 1}}, {{"p", 1}}, {{"q", 1}}}, true, errors));
  return p;
}

namespace {

StorageLevel level(const char *name, int64_t capacity, TensorMask keep, int64_t block,
                   double bandwidth, double read, double write, double leak) {
  StorageLevel s;
  s.name = name;
  s.capacityWords = capacity;
  s.keepMask = keep;
  s.wordBits = 16;
  s.blockWords = block;
  s.readBandwidth = s.writeBandwidth = bandwidth;
  s.readEnergy = read;
  s.writeEnergy = s.updateEnergy = write;
  s.leakage = leak;
  return s;
}

} // namespace

Arch eyerissLike() {
  constexpr TensorMask kI = 1, kW = 2, kO = 4;
  Arch a;
  a.name = "eyeriss_like";
  // 64-bit DRAM and GLB accesses carry 4 16-bit words: block 4, energy per 64-bit access.
  a.levels = {level("DRAM", 0, kI | kW | kO, 4, 4, 512.0, 512.0, 0),
              level("GLB", 108 * 1024 / 2, kI | kO, 4, 16, 18.183829, 14.137929, 0.005652),
              level("WeightSpad", 224, kW, 1, 1, 1.976602, 1.881657, 0.001592),
              level("PsumSpad", 24, kO, 1, 2, 0.2513, 0.2191, 0.000134),
              level("IfmapSpad", 12, kI, 1, 2, 0.202442, 0.176713, 0.000101)};
  FanOut array;
  array.x = 14;
  array.y = 12;
  array.multicast = array.reduction = true;
  a.fanOuts = {FanOut{}, array, FanOut{}, FanOut{}, FanOut{}};
  a.compute.macEnergy = 0.207692;
  a.compute.leakage = 0.002374;
  return a;
}

Mapping rowStationary(const Problem &problem) {
  auto d = [&](const char *name) { return problem.dimIndex(name); };
  Mapping m;
  m.levels.resize(5);
  m.levels[0].temporal = {{d("k"), 16}, {d("p"), 4}, {d("c"), 8}};
  m.levels[1].spatial = {{d("p"), 14, Axis::X}, {d("r"), 3, Axis::Y}, {d("c"), 4, Axis::Y}};
  m.levels[2].temporal = {{d("q"), 56}};
  m.levels[3].temporal = {{d("k"), 16}};
  m.levels[4].temporal = {{d("c"), 4}, {d("s"), 3}};
  return m;
}

} // namespace tessel::bench
