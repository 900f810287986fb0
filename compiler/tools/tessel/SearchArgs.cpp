// Search options and operands shared by `tessel map` and `tessel sweep`.
#include "SearchArgs.h"
#include "Frontend.h"

#include <cstdlib>
#include <ostream>
#include <sstream>
#include <thread>

namespace tessel::cli {

std::vector<OptionSpec> searchOptionSpecs() {
  return {
      {"objective", "OBJ",
       "energy (default), cycles, edp, a weighted sum such as energy+2e-3*cycles, or "
       "lex:cycles,energy"},
      {"search", "ALG", "bnb (default), exhaustive, random or anneal"},
      {"budget", "N|Ns", "Stop after N evaluations, or N seconds with a trailing 's'"},
      {"threads", "N", "Worker threads (default: all cores); results do not depend on it"},
      {"seed", "S", "Seed of random and anneal (default 1)"},
      {"min-utilization", "F", "Only mappings keeping at least this fraction of MACs busy"},
      {"max-cycles", "N", "Only mappings finishing within N cycles"}};
}

const char *const kSearchHelp =
    "Search: --search bnb proves the optimum (or reports the gap left when a --budget\n"
    "stops it); exhaustive enumerates the pruned mapspace; random and anneal sample it\n"
    "under a budget (default 20000 evaluations). For a given --seed the result is the\n"
    "same whatever --threads (a time budget depends on speed, an evaluation budget does\n"
    "not).\n\n";

namespace {

bool parseCount(const std::string &text, int64_t &value) {
  char *end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end || v < 0)
    return false;
  value = v;
  return true;
}

bool parseFraction(const std::string &text, double &value) {
  char *end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end || !(v >= 0) || v > 1)
    return false;
  value = v;
  return true;
}

} // namespace

std::optional<search::SearchOptions> readSearchOptions(const ParsedArgs &args,
                                                       const std::string &command,
                                                       std::ostream &err) {
  search::SearchOptions o;
  std::string prefix = "tessel " + command + ": error: ";
  if (std::optional<std::string> obj = args.get("objective")) {
    std::string why;
    std::optional<search::Objective> parsed = search::parseObjective(*obj, why);
    if (!parsed) {
      err << prefix << "bad --objective '" << *obj << "': " << why << '\n';
      return std::nullopt;
    }
    o.objective = *parsed;
  }
  if (std::optional<std::string> alg = args.get("search")) {
    std::optional<search::Algorithm> a = search::parseAlgorithm(*alg);
    if (!a) {
      err << prefix << "unknown search '" << *alg
          << "'\nhint: searches are bnb, exhaustive, random and anneal\n";
      return std::nullopt;
    }
    o.algorithm = *a;
  }
  if (std::optional<std::string> budget = args.get("budget")) {
    std::string b = *budget;
    bool seconds = !b.empty() && b.back() == 's';
    if (seconds) {
      b.pop_back();
      char *end = nullptr;
      double s = std::strtod(b.c_str(), &end);
      if (b.empty() || *end || !(s > 0)) {
        err << prefix << "bad --budget '" << *budget << "'\nhint: N evaluations or Ns seconds\n";
        return std::nullopt;
      }
      o.maxSeconds = s;
    } else if (!parseCount(b, o.maxEvaluations) || o.maxEvaluations == 0) {
      err << prefix << "bad --budget '" << *budget << "'\nhint: N evaluations or Ns seconds\n";
      return std::nullopt;
    }
  }
  int64_t n = 0;
  if (std::optional<std::string> t = args.get("threads")) {
    if (!parseCount(*t, n) || n == 0 || n > 1024) {
      err << prefix << "bad --threads '" << *t << "' (1 to 1024)\n";
      return std::nullopt;
    }
    o.threads = static_cast<int>(n);
  }
  if (std::optional<std::string> s = args.get("seed")) {
    if (!parseCount(*s, n)) {
      err << prefix << "bad --seed '" << *s << "' (a non-negative integer)\n";
      return std::nullopt;
    }
    o.seed = static_cast<uint64_t>(n);
  }
  if (std::optional<std::string> u = args.get("min-utilization")) {
    if (!parseFraction(*u, o.limits.minUtilization)) {
      err << prefix << "bad --min-utilization '" << *u << "' (a fraction in [0, 1])\n";
      return std::nullopt;
    }
  }
  if (std::optional<std::string> c = args.get("max-cycles")) {
    if (!parseCount(*c, o.limits.maxCycles)) {
      err << prefix << "bad --max-cycles '" << *c << "'\n";
      return std::nullopt;
    }
  }
  return o;
}

bool readInputFiles(const ParsedArgs &args, const std::string &command,
                    const std::string &usage, EvalRequest &request, std::ostream &err) {
  std::string prefix = "tessel " + command + ": error: ";
  for (const std::string &p : args.positional) {
    FileKind kind = fileKind(p);
    if (kind == FileKind::Unknown) {
      err << prefix << "'" << p << "' is neither a .hw nor a .wl file\nhint: usage: " << usage
          << '\n';
      return false;
    }
    std::string &slot = kind == FileKind::Hw ? request.hwFile : request.wlFile;
    if (!slot.empty()) {
      err << prefix << "more than one " << (kind == FileKind::Hw ? ".hw" : ".wl")
          << " file\nhint: usage: " << usage << '\n';
      return false;
    }
    slot = p;
  }
  if (request.hwFile.empty() || request.wlFile.empty()) {
    err << prefix << "needs one .hw and one .wl file\nhint: usage: " << usage << '\n';
    return false;
  }
  return true;
}

bool readParamArgs(const ParsedArgs &args, const std::string &command, EvalRequest &request,
                   std::ostream &err) {
  auto it = args.values.find("param");
  if (it == args.values.end())
    return true;
  for (const std::string &value : it->second) {
    std::stringstream items(value);
    std::string item;
    while (std::getline(items, item, ',')) {
      size_t eq = item.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
        err << "tessel " << command << ": error: --param needs NAME=VALUE, got '" << item
            << "'\n";
        return false;
      }
      request.params.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    }
  }
  return true;
}

} // namespace tessel::cli
