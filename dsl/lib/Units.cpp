// The unit table (names, scales, dimensions) and quantity formatting.
#include "tessel/dsl/Units.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace tessel::dsl {

Dim Dim::operator*(const Dim &o) const {
  Dim r;
  for (int i = 0; i < NumBases; ++i)
    r.e[i] = static_cast<int8_t>(e[i] + o.e[i]);
  return r;
}

Dim Dim::operator/(const Dim &o) const {
  Dim r;
  for (int i = 0; i < NumBases; ++i)
    r.e[i] = static_cast<int8_t>(e[i] - o.e[i]);
  return r;
}

Dim dimBits() { return Dim::of(Dim::Bit); }
Dim dimWords() { return Dim::of(Dim::Word); }
Dim dimFrequency() { return Dim::of(Dim::Second, -1); }
Dim dimBitsPerSecond() { return dimBits() / Dim::of(Dim::Second); }
Dim dimBitsPerCycle() { return dimBits() / Dim::of(Dim::Cycle); }
Dim dimWordsPerCycle() { return dimWords() / Dim::of(Dim::Cycle); }
Dim dimEnergy() { return Dim::of(Dim::Joule); }
Dim dimLength() { return Dim::of(Dim::Metre); }
Dim dimArea() { return Dim::of(Dim::Metre, 2); }
Dim dimPower() { return dimEnergy() / Dim::of(Dim::Second); }
Dim dimTime() { return Dim::of(Dim::Second); }
Dim dimCycles() { return Dim::of(Dim::Cycle); }

namespace {
struct Table {
  std::map<std::string, UnitInfo, std::less<>> units;
  std::vector<std::string> names;
  void add(const std::string &n, double scale, Dim d) {
    units.emplace(n, UnitInfo{scale, d});
    names.push_back(n);
  }
  Table() {
    const double KiB = 8192.0, B = 8.0;
    add("bit", 1, dimBits());
    add("bits", 1, dimBits());
    add("B", B, dimBits());
    add("byte", B, dimBits());
    add("bytes", B, dimBits());
    add("KiB", KiB, dimBits());
    add("MiB", KiB * 1024, dimBits());
    add("GiB", KiB * 1024 * 1024, dimBits());
    add("TiB", KiB * 1024 * 1024 * 1024, dimBits());
    add("kB", 8e3, dimBits());
    add("KB", 8e3, dimBits());
    add("MB", 8e6, dimBits());
    add("GB", 8e9, dimBits());
    add("TB", 8e12, dimBits());
    add("Kib", 1024, dimBits());
    add("Mib", 1024.0 * 1024, dimBits());
    add("word", 1, dimWords());
    add("words", 1, dimWords());
    add("Hz", 1, dimFrequency());
    add("kHz", 1e3, dimFrequency());
    add("MHz", 1e6, dimFrequency());
    add("GHz", 1e9, dimFrequency());
    add("bit/s", 1, dimBitsPerSecond());
    add("B/s", B, dimBitsPerSecond());
    add("kB/s", 8e3, dimBitsPerSecond());
    add("KB/s", 8e3, dimBitsPerSecond());
    add("MB/s", 8e6, dimBitsPerSecond());
    add("GB/s", 8e9, dimBitsPerSecond());
    add("TB/s", 8e12, dimBitsPerSecond());
    add("KiB/s", KiB, dimBitsPerSecond());
    add("MiB/s", KiB * 1024, dimBitsPerSecond());
    add("GiB/s", KiB * 1024 * 1024, dimBitsPerSecond());
    add("Gbit/s", 1e9, dimBitsPerSecond());
    add("bit/cycle", 1, dimBitsPerCycle());
    add("bits/cycle", 1, dimBitsPerCycle());
    add("B/cycle", B, dimBitsPerCycle());
    add("word/cycle", 1, dimWordsPerCycle());
    add("words/cycle", 1, dimWordsPerCycle());
    add("fJ", 1e-15, dimEnergy());
    add("pJ", 1e-12, dimEnergy());
    add("nJ", 1e-9, dimEnergy());
    add("uJ", 1e-6, dimEnergy());
    add("mJ", 1e-3, dimEnergy());
    add("J", 1, dimEnergy());
    add("fJ/bit", 1e-15, dimEnergy() / dimBits());
    add("pJ/bit", 1e-12, dimEnergy() / dimBits());
    add("nm", 1e-9, dimLength());
    add("um", 1e-6, dimLength());
    add("mm", 1e-3, dimLength());
    add("um2", 1e-12, dimArea());
    add("mm2", 1e-6, dimArea());
    add("uW", 1e-6, dimPower());
    add("mW", 1e-3, dimPower());
    add("W", 1, dimPower());
    add("s", 1, dimTime());
    add("ms", 1e-3, dimTime());
    add("us", 1e-6, dimTime());
    add("ns", 1e-9, dimTime());
    add("cycle", 1, dimCycles());
    add("cycles", 1, dimCycles());
  }
};

const Table &table() {
  static const Table t;
  return t;
}
} // namespace

const UnitInfo *lookupUnit(std::string_view name) {
  auto it = table().units.find(name);
  return it == table().units.end() ? nullptr : &it->second;
}

const std::vector<std::string> &unitNames() { return table().names; }

namespace {
struct Named {
  Dim dim;
  const char *what;
  const char *examples;
};
const std::vector<Named> &namedDims() {
  static const std::vector<Named> v = {
      {Dim(), "a plain number", "no unit"},
      {dimBits(), "a size", "bit, B, KiB, MiB"},
      {dimWords(), "a size in words", "words"},
      {dimFrequency(), "a frequency", "Hz, MHz, GHz"},
      {dimBitsPerSecond(), "a bandwidth", "GB/s, bit/s"},
      {dimBitsPerCycle(), "a bandwidth per cycle", "bit/cycle, B/cycle"},
      {dimWordsPerCycle(), "a bandwidth in words per cycle", "words/cycle"},
      {dimEnergy(), "an energy", "fJ, pJ, nJ"},
      {dimEnergy() / dimBits(), "an energy per bit", "pJ/bit"},
      {dimLength(), "a length", "nm, um"},
      {dimArea(), "an area", "um2, mm2"},
      {dimPower(), "a power", "mW, W"},
      {dimTime(), "a time", "s, ms, us, ns"},
      {dimCycles(), "a cycle count", "cycles"},
  };
  return v;
}
} // namespace

std::string describeDim(const Dim &d) {
  for (const Named &n : namedDims())
    if (n.dim == d)
      return n.what;
  static const char *names[] = {"bit", "s", "J", "m", "cycle", "word"};
  std::string s;
  for (int i = 0; i < Dim::NumBases; ++i) {
    if (!d.e[i])
      continue;
    if (!s.empty())
      s += "*";
    s += names[i];
    if (d.e[i] != 1)
      s += "^" + std::to_string(d.e[i]);
  }
  return "a quantity in " + s;
}

std::string exampleUnits(const Dim &d) {
  for (const Named &n : namedDims())
    if (n.dim == d)
      return n.examples;
  return "";
}

static std::string num(double v) {
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string formatQuantity(const Quantity &q) {
  const Dim &d = q.dim;
  double v = q.value;
  auto scaled = [&](std::initializer_list<std::pair<const char *, double>> us) {
    const char *best = us.begin()->first;
    double bestScale = us.begin()->second;
    for (auto &[n, s] : us)
      if (std::fabs(v) >= s) {
        best = n;
        bestScale = s;
      }
    return num(v / bestScale) + " " + best;
  };
  if (d == dimBits()) {
    if (std::fmod(v, 8) != 0)
      return num(v) + " bit";
    double bytes = v / 8;
    const char *names[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int i = 0;
    while (i < 4 && std::fmod(bytes, 1024) == 0 && bytes >= 1024) {
      bytes /= 1024;
      ++i;
    }
    return num(bytes) + " " + names[i];
  }
  if (d == dimFrequency())
    return scaled({{"Hz", 1}, {"kHz", 1e3}, {"MHz", 1e6}, {"GHz", 1e9}});
  if (d == dimBitsPerSecond())
    return scaled({{"B/s", 8}, {"kB/s", 8e3}, {"MB/s", 8e6}, {"GB/s", 8e9},
                   {"TB/s", 8e12}});
  if (d == dimEnergy())
    return scaled({{"fJ", 1e-15}, {"pJ", 1e-12}, {"nJ", 1e-9}, {"uJ", 1e-6},
                   {"mJ", 1e-3}, {"J", 1}});
  if (d == dimLength())
    return scaled({{"nm", 1e-9}, {"um", 1e-6}, {"mm", 1e-3}});
  if (d == dimArea())
    return scaled({{"um2", 1e-12}, {"mm2", 1e-6}});
  if (d == dimPower())
    return scaled({{"uW", 1e-6}, {"mW", 1e-3}, {"W", 1}});
  if (d == dimTime())
    return scaled({{"ns", 1e-9}, {"us", 1e-6}, {"ms", 1e-3}, {"s", 1}});
  if (d == dimBitsPerCycle())
    return num(v) + " bit/cycle";
  if (d == dimWordsPerCycle())
    return num(v) + " words/cycle";
  if (d == dimWords())
    return num(v) + " words";
  if (d == dimCycles())
    return num(v) + " cycles";
  if (d.dimensionless())
    return num(v);
  return num(v) + " (" + describeDim(d) + ")";
}

} // namespace tessel::dsl
