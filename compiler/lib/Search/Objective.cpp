// Objective parsing, scores and their comparison.
#include "tessel/Search/Objective.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace tessel::search {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

std::optional<Metric> parseMetric(std::string_view name) {
  if (name == "energy")
    return Metric::Energy;
  if (name == "cycles" || name == "latency")
    return Metric::Cycles;
  if (name == "edp")
    return Metric::EDP;
  return std::nullopt;
}

const char *metricName(Metric m) {
  switch (m) {
  case Metric::Energy:
    return "energy";
  case Metric::Cycles:
    return "cycles";
  case Metric::EDP:
    return "edp";
  }
  return "?";
}

/// Splits on `sep` (no empty parts are dropped: they are errors for the caller).
std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      parts.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  return parts;
}

double metricValue(Metric m, double energy, double cycles) {
  switch (m) {
  case Metric::Energy:
    return energy;
  case Metric::Cycles:
    return cycles;
  case Metric::EDP:
    return energy * cycles;
  }
  return 0;
}

} // namespace

std::optional<Objective> parseObjective(std::string_view text, std::string &error) {
  const char *known = "expected energy, cycles, edp, a weighted sum like "
                      "'energy+1e-3*cycles' or 'lex:cycles,energy'";
  text = trim(text);
  Objective objective;
  objective.terms.clear();
  if (text.substr(0, 4) == "lex:") {
    objective.kind = Objective::Kind::Lexicographic;
    for (std::string_view part : split(text.substr(4), ',')) {
      std::optional<Metric> m = parseMetric(part);
      if (!m) {
        error = "unknown metric '" + std::string(part) + "' in objective: " + known;
        return std::nullopt;
      }
      objective.terms.push_back({*m, 1.0});
    }
    if (objective.terms.size() > static_cast<size_t>(Score::kMax)) {
      error = "a lexicographic objective has at most 3 metrics";
      return std::nullopt;
    }
    return objective;
  }
  for (std::string_view part : split(text, '+')) {
    double weight = 1.0;
    std::string_view name = part;
    if (size_t star = part.find('*'); star != std::string_view::npos) {
      std::string number(trim(part.substr(0, star)));
      char *end = nullptr;
      weight = std::strtod(number.c_str(), &end);
      if (number.empty() || end != number.c_str() + number.size() || !std::isfinite(weight) ||
          weight <= 0) {
        error = "bad weight '" + number + "' in objective (a positive number is expected)";
        return std::nullopt;
      }
      name = trim(part.substr(star + 1));
    }
    std::optional<Metric> m = parseMetric(name);
    if (!m) {
      error = "unknown metric '" + std::string(name) + "' in objective: " + known;
      return std::nullopt;
    }
    objective.terms.push_back({*m, weight});
  }
  return objective;
}

std::string toString(const Objective &objective) {
  std::ostringstream os;
  if (objective.kind == Objective::Kind::Lexicographic) {
    os << "lex:";
    for (size_t i = 0; i < objective.terms.size(); ++i)
      os << (i ? "," : "") << metricName(objective.terms[i].first);
    return os.str();
  }
  for (size_t i = 0; i < objective.terms.size(); ++i) {
    os << (i ? "+" : "");
    if (objective.terms[i].second != 1.0)
      os << objective.terms[i].second << '*';
    os << metricName(objective.terms[i].first);
  }
  return os.str();
}

Score scoreBound(const Objective &objective, double energy, double cycles) {
  Score s;
  if (objective.kind == Objective::Kind::Lexicographic) {
    for (const auto &[metric, weight] : objective.terms)
      s.value[s.size++] = metricValue(metric, energy, cycles);
    return s;
  }
  double sum = 0;
  for (const auto &[metric, weight] : objective.terms)
    sum += weight * metricValue(metric, energy, cycles);
  s.value[s.size++] = sum;
  return s;
}

Score scoreOf(const Objective &objective, const cost::CostReport &report) {
  return scoreBound(objective, report.totalEnergy, static_cast<double>(report.cycles));
}

int compare(const Score &a, const Score &b) {
  for (int i = 0; i < a.size && i < b.size; ++i) {
    if (a.value[i] < b.value[i])
      return -1;
    if (a.value[i] > b.value[i])
      return 1;
  }
  return 0;
}

bool boundExceeds(const Score &bound, const Score &best) {
  constexpr double kRel = 1e-12;
  for (int i = 0; i < bound.size && i < best.size; ++i) {
    double tol = kRel * std::fabs(best.value[i]);
    if (bound.value[i] > best.value[i] + tol)
      return true;
    if (bound.value[i] < best.value[i] - tol)
      return false;
  }
  return false;
}

int64_t cycleCap(const Limits &limits, int64_t macs, int64_t computeUnits) {
  int64_t cap = limits.maxCycles;
  if (limits.minUtilization > 0) {
    double cycles = static_cast<double>(macs) /
                    (limits.minUtilization * static_cast<double>(computeUnits));
    auto utilCap = static_cast<int64_t>(std::floor(cycles * (1 + 1e-12)));
    cap = cap == 0 ? utilCap : std::min(cap, utilCap);
  }
  return cap;
}

bool meetsLimits(const Limits &limits, const cost::CostReport &report, int64_t computeUnits) {
  if (limits.maxCycles > 0 && report.cycles > limits.maxCycles)
    return false;
  if (limits.minUtilization > 0 && report.utilization < limits.minUtilization * (1 - 1e-12))
    return false;
  if (limits.maxEnergy > 0 && report.totalEnergy > limits.maxEnergy)
    return false;
  return true;
}

} // namespace tessel::search
