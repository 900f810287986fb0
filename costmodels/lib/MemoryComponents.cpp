// Built-in memory components: sram, regfile and dram (sources in docs/components.md).
#include "ComponentFit.h"

#include <cmath>

namespace tessel::cost::detail {

namespace {

constexpr double kKiB = 8192; // bits

/// Horowitz, "Computing's energy problem", ISSCC 2014, 45 nm 0.9 V: 64-bit SRAM/cache read
/// of an 8 KB, 32 KB and 1 MB array (refdata 3.1).
constexpr double kSramNm = 45;
constexpr Anchor kSramRead64[] = {{8 * kKiB, 10}, {32 * kKiB, 20}, {1024 * kKiB, 100}};

/// CACTI numbers of the Accelergy eyeriss_like shared_glb (16384 x 64 bit, 32 banks) at 32 nm:
/// ERT read 18.183829 / write 14.137929 pJ, leak 0.005652 pJ per 1 ns cycle; ART area
/// 217363.36892 um^2 (timeloop-accelergy-exercises @ac42b26 / @09545d3).
constexpr double kGlbNm = 32;
constexpr double kGlbBits = 16384 * 64;
constexpr double kGlbWriteOverRead = 14.137929 / 18.183829;
constexpr double kGlbLeakMW = 0.005652;
constexpr double kGlbAreaUm2 = 217363.36892;
/// Accelergy 01_primitive_architecture_ERT (45 nm, CACTI): ART area of a 1024 x 32 bit SRAM,
/// 29133.3 um^2 (refdata 3.3c); the second point of the SRAM area fit, taken to 32 nm.
constexpr double kSmallSramNm = 45;
constexpr double kSmallSramBits = 1024 * 32;
constexpr double kSmallSramAreaUm2 = 29133.3;

/// CACTI numbers of the Accelergy eyeriss_like smartbuffer_RF scratchpads, 16 bit wide, 32 nm
/// (same files): ifmap_spad 12 words, psum_spad 16 words, weights_spad 192 words.
constexpr double kRfNm = 32;
constexpr double kRfWidth = 16;
constexpr Anchor kRfRead[] = {{192, 0.202442}, {256, 0.2513}, {3072, 1.976602}};
constexpr Anchor kRfWrite[] = {{192, 0.176713}, {256, 0.2191}, {3072, 1.881657}};
constexpr Anchor kRfLeakMW[] = {{192, 0.000101}, {256, 0.000134}, {3072, 0.001592}};
constexpr Anchor kRfArea[] = {{192, 747.64758}, {256, 989.01878}, {3072, 11632.88556}};

std::string checkGeometry(const ComponentSpec &s) {
  if (!std::isfinite(s.sizeBits) || s.sizeBits <= 0)
    return "size must be positive, got " + num(s.sizeBits) + " bits";
  if (!std::isfinite(s.widthBits) || s.widthBits <= 0)
    return "width must be positive, got " + num(s.widthBits) + " bits";
  if (s.widthBits > s.sizeBits)
    return "width " + num(s.widthBits) + " bits exceeds the size " + num(s.sizeBits) + " bits";
  if (s.banks < 1)
    return "banks must be at least 1, got " + std::to_string(s.banks);
  if (s.sizeBits / s.banks < s.widthBits)
    return std::to_string(s.banks) + " banks of " + num(s.sizeBits / s.banks) +
           " bits cannot hold one " + num(s.widthBits) + "-bit access";
  if (s.ports < 1)
    return "ports must be at least 1, got " + std::to_string(s.ports);
  return {};
}

/// Port scaling from cell geometry: each port adds a wordline and a bitline pair per cell, so
/// the cell side grows linearly and the area quadratically with ports (Rixner et al., HPCA
/// 2000); the wires an access drives grow linearly, and so does its energy.
std::string portNote(const ComponentSpec &s, bool squared) {
  double p = static_cast<double>(s.ports);
  return s.ports == 1 ? "" : "; x" + num(squared ? p * p : p) + " for " +
                                 std::to_string(s.ports) + " ports";
}

std::string fitNote(bool extrapolated, const char *range) {
  return extrapolated ? std::string(" (extrapolated beyond ") + range + ")" : "";
}

std::string sram(const ComponentSpec &s, ComponentCosts &out) {
  if (std::string e = checkGeometry(s); !e.empty())
    return e;
  const double p = static_cast<double>(s.ports), t = node(s);
  bool ext = false;
  double e45 = fitLogLog(kSramRead64, s.sizeBits, ext) * s.widthBits / 64 * p;
  double es = energyScale(kSramNm, t);
  out.readEnergy = {e45 * es, "Horowitz ISSCC'14 45nm 64-bit SRAM read (8KB 10pJ, 32KB 20pJ, "
                              "1MB 100pJ), log-log in size" +
                                  fitNote(ext, "8KB-1MB") + ", x width/64" +
                                  portNote(s, false) + scaleNote(kSramNm, t, es, "energy")};
  out.writeEnergy = {out.readEnergy.value * kGlbWriteOverRead,
                     "read x" + num(kGlbWriteOverRead) +
                         " (CACTI write/read of Accelergy eyeriss_like shared_glb)"};
  double ls = leakageScale(kGlbNm, t), as = areaScale(kGlbNm, t);
  out.leakage = {kGlbLeakMW * s.sizeBits / kGlbBits * ls,
                 "CACTI 0.005652mW per 128KiB (Accelergy eyeriss_like shared_glb, 32nm), linear "
                 "in size" +
                     scaleNote(kGlbNm, t, ls, "energy")};
  const Anchor areaAt32[] = {
      {kSmallSramBits, kSmallSramAreaUm2 * areaScale(kSmallSramNm, kGlbNm)},
      {kGlbBits, kGlbAreaUm2}};
  double area = fitLogLogArray(areaAt32, s.sizeBits, ext);
  out.area = {area * p * p * as,
              "CACTI 4KiB 29133um2 at 45nm (Accelergy primitive SRAM, x" +
                  num(areaScale(kSmallSramNm, kGlbNm)) +
                  " to 32nm) and 128KiB 217363um2 at 32nm (Accelergy eyeriss_like shared_glb), "
                  "log-log in size" +
                  fitNote(ext, "4KiB-128KiB, linear above") + portNote(s, true) +
                  scaleNote(kGlbNm, t, as, "area")};
  return {};
}

std::string regfile(const ComponentSpec &s, ComponentCosts &out) {
  if (std::string e = checkGeometry(s); !e.empty())
    return e;
  const double p = static_cast<double>(s.ports), t = node(s);
  const char *src = "CACTI regfiles of Accelergy eyeriss_like, 32nm, 16-bit (12/16/192 words";
  const char *range = "192-3072 bits";
  double es = energyScale(kRfNm, t), ls = leakageScale(kRfNm, t), as = areaScale(kRfNm, t);
  double widthScale = s.widthBits / kRfWidth * p;
  bool ext = false;
  double read = fitLogLog(kRfRead, s.sizeBits, ext);
  double write = fitLogLog(kRfWrite, s.sizeBits, ext);
  std::string energyText = std::string(src) + " read 0.2024/0.2513/1.977pJ, write "
                                              "0.1767/0.2191/1.882pJ), log-log in size" +
                           fitNote(ext, range) + ", x width/16" + portNote(s, false) +
                           scaleNote(kRfNm, t, es, "energy");
  out.readEnergy = {read * widthScale * es, energyText};
  out.writeEnergy = {write * widthScale * es, energyText};
  double leak = fitLogLogArray(kRfLeakMW, s.sizeBits, ext);
  out.leakage = {leak * ls, std::string(src) + " leak 0.000101/0.000134/0.001592mW), log-log "
                                               "in size" +
                                fitNote(ext, range) + scaleNote(kRfNm, t, ls, "energy")};
  double area = fitLogLogArray(kRfArea, s.sizeBits, ext);
  out.area = {area * p * p * as, std::string(src) + " 747.6/989.0/11633um2), log-log in size" +
                                     fitNote(ext, range) + portNote(s, true) +
                                     scaleNote(kRfNm, t, as, "area")};
  return {};
}

/// DDR4 from a datasheet's currents, by Micron's method (TN-40-07, "Calculating Memory Power
/// for DDR4 SDRAM"): Micron 4Gb DDR4-2400 x8 as transcribed in DRAMPower's memspec
/// MICRON_4Gb_DDR4-2400_8bit_A.json (tukl-msd/DRAMPower @06e585f): VDD 1.2 V, 1200 MHz clock,
/// IDD0 60.75, IDD2N 38.25, IDD3N 44.0, IDD4R 184.5, IDD4W 168.75 mA, tRAS 39 and tRC 55
/// clocks, 1024 columns of 8 bits per row. A burst of 8 moves 64 bits in 4 clocks at
/// VDD x (IDD4R or IDD4W - IDD3N); one activate/precharge, VDD x (IDD0 tRC - IDD3N tRAS -
/// IDD2N (tRC - tRAS)), is shared by the 8192 bits of the row (streaming). The device core
/// only: no DQ drivers, termination, controller/PHY, VPP, background or refresh.
namespace ddr4 {
constexpr double kVdd = 1.2, kClock = 1.2e9, kBurstBits = 8 * 8, kRowBits = 1024 * 8;
constexpr double kIdd0 = 60.75e-3, kIdd2n = 38.25e-3, kIdd3n = 44.0e-3;
constexpr double kIdd4r = 184.5e-3, kIdd4w = 168.75e-3, kRas = 39, kRc = 55;
constexpr double kBurstSeconds = 4 / kClock;
constexpr double kActPJ =
    kVdd * (kIdd0 * kRc - kIdd3n * kRas - kIdd2n * (kRc - kRas)) / kClock * 1e12;
constexpr double kReadPJPerBit =
    kVdd * (kIdd4r - kIdd3n) * kBurstSeconds * 1e12 / kBurstBits + kActPJ / kRowBits;
constexpr double kWritePJPerBit =
    kVdd * (kIdd4w - kIdd3n) * kBurstSeconds * 1e12 / kBurstBits + kActPJ / kRowBits;
} // namespace ddr4

struct DramKind {
  const char *name;
  double readPJPerBit, writePJPerBit;
  const char *source;
};

/// Energy per bit moved, by interface standard. DRAM energy is a property of the device and
/// its interface, not of the accelerator's logic node: no technology scaling.
constexpr DramKind kDramKinds[] = {
    {"ddr3", 70, 70, "Accelergy DRAM table (hwcomponents-cacti, citing Chatterjee et al. MICRO'17)"},
    {"ddr4", ddr4::kReadPJPerBit, ddr4::kWritePJPerBit,
     "Micron 4Gb DDR4-2400 x8 IDD currents (DRAMPower memspec) by Micron TN-40-07: burst "
     "VDD(IDD4R/W-IDD3N) per 64 bits + activate/precharge per 8Kib row; device core only, no "
     "I/O, termination or refresh"},
    {"lpddr4", 8, 8, "Accelergy CactiDRAM LPDDR4, 512pJ per 64-bit access (eyeriss_like ERT)"},
    {"lpddr5", 16000.0 / 512, 24000.0 / 512,
     "ZigZag gemm_l1_l3.yaml LPDDR5, 16000/24000pJ per 64B read/write"},
    {"gddr5", 14, 14, "Accelergy DRAM table (hwcomponents-cacti; O'Connor et al. MICRO'17)"},
    {"gddr6", 7.5, 7.5, "Micron GDDR6 average device power 7.5pJ/bit (ultra-bandwidth table)"},
    {"hbm2", 3.9, 3.9, "Accelergy DRAM table (hwcomponents-cacti; O'Connor et al. MICRO'17)"},
};

/// Kinds the .hw language accepts for which no per-bit energy with a verifiable source was
/// found (docs/components.md).
constexpr const char *kDramKindsWithoutEnergy[] = {"hbm3"};

std::string dram(const ComponentSpec &s, ComponentCosts &out) {
  if (!std::isfinite(s.widthBits) || s.widthBits <= 0)
    return "width must be positive, got " + num(s.widthBits) + " bits";
  std::vector<std::string> known;
  for (const DramKind &k : kDramKinds) {
    known.push_back(k.name);
    if (s.subclass != k.name)
      continue;
    std::string per = " pJ/bit x " + num(s.widthBits) + " bits (" + k.source + ")";
    out.readEnergy = {k.readPJPerBit * s.widthBits, num(k.readPJPerBit) + per};
    out.writeEnergy = {k.writePJPerBit * s.widthBits, num(k.writePJPerBit) + per};
    out.area = {0, "off-chip: not part of the accelerator's area"};
    out.leakage = {0, "off-chip: background and refresh power not modelled"};
    return {};
  }
  std::string list;
  for (const std::string &k : known)
    list += " " + k;
  if (s.subclass.empty())
    return "dram needs a kind, e.g. dram(lpddr4) (kinds with built-in energies:" + list + ")";
  for (const char *k : kDramKindsWithoutEnergy)
    if (s.subclass == k)
      return "no built-in energy for dram(" + s.subclass +
             "); give read_energy and write_energy explicitly (kinds with built-in energies:" +
             list + ")";
  std::string hint = didYouMean(s.subclass, known);
  return "unknown DRAM kind '" + s.subclass + "'" + (hint.empty() ? "" : "; " + hint) +
         " (kinds with built-in energies:" + list + ")";
}

} // namespace

void registerMemoryComponents(ComponentLibrary &library) {
  library.addComponentModel("sram", sram,
                            "on-chip SRAM: Horowitz 45nm reads, CACTI 32nm write ratio, leakage "
                            "and area");
  library.addComponentModel("regfile", regfile,
                            "register file: CACTI 32nm scratchpads of Accelergy eyeriss_like");
  library.addComponentModel("dram", dram, "off-chip DRAM: energy per bit by interface standard");
}

} // namespace tessel::cost::detail
