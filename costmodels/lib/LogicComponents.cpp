// Built-in logic components: intmac, fpmac, adder and noc/wire (sources in docs/components.md).
#include "ComponentFit.h"

namespace tessel::cost::detail {

namespace {

/// Horowitz, "Computing's energy problem", ISSCC 2014, 45 nm 0.9 V (refdata 3.1): integer
/// multiply/add energy (pJ) and area (um^2) by operand bits.
constexpr double kHorowitzNm = 45;
constexpr Anchor kIntMulPJ[] = {{8, 0.2}, {32, 3.1}};
constexpr Anchor kIntAddPJ[] = {{8, 0.03}, {16, 0.05}, {32, 0.1}};
constexpr Anchor kIntMulUm2[] = {{8, 282}, {32, 3495}};
constexpr Anchor kIntAddUm2[] = {{8, 36}, {16, 67}, {32, 137}};
/// Same source, floating point, by significand bits including the hidden bit (fp16 11,
/// fp32 24).
constexpr Anchor kFpMulPJ[] = {{11, 1.1}, {24, 3.7}};
constexpr Anchor kFpAddPJ[] = {{11, 0.4}, {24, 0.9}};
constexpr Anchor kFpMulUm2[] = {{11, 1640}, {24, 7700}};
constexpr Anchor kFpAddUm2[] = {{11, 1360}, {24, 4184}};

/// Accelergy 04_eyeriss_like (45 nm, Aladdin NoC model): XY-NoC transfer of one 16-bit word,
/// average 0.20 pJ (refdata 3.3d).
constexpr double kNocNm = 45;
constexpr double kNocPJPerBit = 0.20 / 16;

struct FpFormat {
  const char *name;
  double significand;  ///< bits including the hidden bit
  double accumulator;  ///< significand bits of the accumulating adder
};
/// fp8 is E4M3. bf16 and fp8 products are accumulated in fp32 (as TPU and Hopper tensor cores
/// do); fp16 and fp32 accumulate in their own format.
constexpr FpFormat kFormats[] = {
    {"fp8", 4, 24}, {"bf16", 8, 24}, {"fp16", 11, 11}, {"fp32", 24, 24}};

const char *kIntSource = "Horowitz ISSCC'14 45nm int mult 8b/32b 0.2/3.1pJ 282/3495um2, add "
                         "8b/16b/32b 0.03/0.05/0.1pJ 36/67/137um2, log-log in bits";
const char *kFpSource = "Horowitz ISSCC'14 45nm fp16/fp32 mult 1.1/3.7pJ 1640/7700um2, add "
                        "0.4/0.9pJ 1360/4184um2, log-log in significand bits (11/24)";

std::string checkBits(int64_t bits) {
  if (bits < 1 || bits > 64)
    return "bits must lie in 1..64, got " + std::to_string(bits);
  return {};
}

std::string extNote(bool ext) { return ext ? " (extrapolated beyond the anchors)" : ""; }

/// Fills `out` from energy and area at 45 nm; leakage follows the area at the logic leakage
/// density of kLogicLeakPerUm2At32.
void fillLogic(const ComponentSpec &s, double pj45, double um2At45, const std::string &source,
               ComponentCosts &out) {
  const double t = node(s);
  double es = energyScale(kHorowitzNm, t), as = areaScale(kHorowitzNm, t);
  out.readEnergy = {pj45 * es, source + scaleNote(kHorowitzNm, t, es, "energy")};
  out.writeEnergy = out.readEnergy;
  out.area = {um2At45 * as, source + scaleNote(kHorowitzNm, t, as, "area")};
  double ls = leakageScale(32, t);
  out.leakage = {um2At45 * areaScale(kHorowitzNm, 32) * kLogicLeakPerUm2At32 * ls,
                 "area at 32nm x " + num(kLogicLeakPerUm2At32 * 1e6) +
                     "nW/um2 (Accelergy eyeriss_like MAC leak/area, 32nm)" +
                     scaleNote(32, t, ls, "energy")};
}

const FpFormat *findFormat(const ComponentSpec &s, std::string &error) {
  std::string name = s.subclass;
  if (name.empty())
    name = s.bits == 8 ? "fp8" : s.bits == 16 ? "fp16" : s.bits == 32 ? "fp32" : "";
  std::vector<std::string> known;
  for (const FpFormat &f : kFormats) {
    known.push_back(f.name);
    if (name == f.name)
      return &f;
  }
  std::string hint = didYouMean(name, known);
  error = name.empty() ? "needs a format (fp8, bf16, fp16, fp32); " + std::to_string(s.bits) +
                             " bits names none"
                       : "unknown number format '" + name + "'" +
                             (hint.empty() ? "" : "; " + hint) +
                             " (formats: fp8, bf16, fp16, fp32)";
  return nullptr;
}

std::string intmac(const ComponentSpec &s, ComponentCosts &out) {
  if (std::string e = checkBits(s.bits); !e.empty())
    return e;
  double b = static_cast<double>(s.bits);
  bool e1 = false, e2 = false, e3 = false, e4 = false;
  double pj = fitLogLog(kIntMulPJ, b, e1) + fitLogLog(kIntAddPJ, 2 * b, e2);
  double um2 = fitLogLog(kIntMulUm2, b, e3) + fitLogLog(kIntAddUm2, 2 * b, e4);
  fillLogic(s, pj, um2,
            std::string(kIntSource) + "; MAC = " + num(b) + "b mult + " + num(2 * b) +
                "b add" + extNote(e1 || e2),
            out);
  return {};
}

std::string fpmac(const ComponentSpec &s, ComponentCosts &out) {
  std::string error;
  const FpFormat *f = findFormat(s, error);
  if (!f)
    return error;
  bool e1 = false, e2 = false;
  double pj = fitLogLog(kFpMulPJ, f->significand, e1) + fitLogLog(kFpAddPJ, f->accumulator, e2);
  double um2 =
      fitLogLog(kFpMulUm2, f->significand, e1) + fitLogLog(kFpAddUm2, f->accumulator, e2);
  fillLogic(s, pj, um2,
            std::string(kFpSource) + "; MAC = " + f->name + " mult + " +
                (f->accumulator == 24 ? "fp32" : f->name) + " add" + extNote(e1),
            out);
  return {};
}

std::string adder(const ComponentSpec &s, ComponentCosts &out) {
  bool ext = false;
  if (!s.subclass.empty()) {
    std::string error;
    const FpFormat *f = findFormat(s, error);
    if (!f)
      return error;
    double pj = fitLogLog(kFpAddPJ, f->significand, ext);
    double um2 = fitLogLog(kFpAddUm2, f->significand, ext);
    fillLogic(s, pj, um2, std::string(kFpSource) + "; " + f->name + " add" + extNote(ext), out);
    return {};
  }
  if (std::string e = checkBits(s.bits); !e.empty())
    return e;
  double b = static_cast<double>(s.bits);
  double pj = fitLogLog(kIntAddPJ, b, ext);
  double um2 = fitLogLog(kIntAddUm2, b, ext);
  fillLogic(s, pj, um2, std::string(kIntSource) + "; " + num(b) + "b add" + extNote(ext), out);
  return {};
}

std::string noc(const ComponentSpec &s, ComponentCosts &out) {
  if (s.bits < 1)
    return "bits per transfer must be at least 1, got " + std::to_string(s.bits);
  const double t = node(s);
  double es = energyScale(kNocNm, t);
  out.readEnergy = {kNocPJPerBit * s.bits * es,
                    "0.0125pJ/bit/hop (Accelergy 04_eyeriss_like 45nm XY-NoC, 0.20pJ per 16-bit "
                    "transfer) x " +
                        std::to_string(s.bits) + " bits" + scaleNote(kNocNm, t, es, "energy")};
  out.writeEnergy = out.readEnergy;
  out.area = {0, "no area model for networks"};
  out.leakage = {0, "no leakage model for networks"};
  return {};
}

} // namespace

void registerLogicComponents(ComponentLibrary &library) {
  library.addComponentModel("intmac", intmac,
                            "integer MAC (bits): Horowitz 45nm mult + double-width add");
  library.addComponentModel("fpmac", fpmac,
                            "floating-point MAC (fp8, bf16, fp16, fp32): Horowitz 45nm");
  library.addComponentModel("adder", adder, "integer (bits) or floating-point adder: Horowitz");
  library.addComponentModel("noc", noc, "on-chip network, energy per hop of `bits` bits");
  library.addComponentModel("wire", noc, "alias of noc");
}

} // namespace tessel::cost::detail
