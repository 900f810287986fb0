// `tessel sweep` options: the option table, parsing with located errors, and the point plan.
#include "tessel/Sweep/Options.h"

#include <charconv>
#include <thread>

namespace tessel::sweep {

const std::vector<OptionHelp> &sweepOptionHelp() {
  static const std::vector<OptionHelp> table = {
      {"o", "FILE", "Write the results (JSON lines) here (default: standard output)"},
      {"accelerator", "NAME", "The accelerator, when the .hw defines several"},
      {"resume", "", "Continue the sweep recorded in -o FILE: finished points are kept"},
      {"overwrite", "", "Replace an existing -o FILE"},
      {"workload", "FILE[:WEIGHT]", "A workload and its weight (repeatable)"},
      {"param", "NAME=VALUES",
       "Sweep NAME over v1,v2,... or LO..HI:STEP (units allowed; repeatable)"},
      {"sample", "N", "Evaluate N sampled points instead of the whole product"},
      {"sample-method", "M", "lhs (Latin hypercube, default) or random"},
      {"seed", "S", "Seed of --sample (default 1)"},
      {"shard", "I/N", "Evaluate shard I of N (1 <= I <= N) of the points"},
      {"threads", "N",
       "Worker threads (default: the number of hardware threads; with --mpi 1 per rank)"},
      {"mpi", "",
       "Share the points among the ranks of an MPI job: mpirun -np K tessel sweep --mpi ..."},
      {"no-memo", "", "Search every layer of every point (no reuse of search results)"},
      {"constraint", "EXPR", "Bound a result, e.g. 'area<=4mm2', 'power<=2W' (repeatable)"},
      {"objectives", "LIST", "Objectives to minimise (default energy,latency)"},
      {"detail", "", "Keep per-layer results in the records"},
      {"csv", "FILE",
       "Write the Pareto front (or with --all every point) as CSV (params in base units)"},
      {"all", "", "List every point, not only the Pareto front"},
      {"report", "FILE",
       "Write an HTML report (plots, per-layer and per-level energy, sensitivity); "
       "implies --detail"},
      {"quiet", "", "No progress display"},
      {"verbose", "", "One line per finished point on stderr, and a summary"},
  };
  return table;
}

namespace {

const std::string *last(const ArgValues &v, const std::string &name) {
  auto it = v.find(name);
  return it == v.end() || it->second.empty() ? nullptr : &it->second.back();
}

Result<uint64_t, ArgError> positive(const std::string &option, const std::string &text,
                                    bool allowZero = false) {
  uint64_t n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || p != text.data() + text.size() || text.empty() || (!allowZero && !n))
    return argError(option, text, 1,
                    allowZero ? "expected a non-negative integer" : "expected a positive integer");
  return n;
}

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<WeightedWorkload, ArgError> parseWorkload(const std::string &arg) {
  WeightedWorkload w{arg, 1};
  size_t colon = arg.rfind(':');
  if (colon == std::string::npos || endsWith(arg, ".wl"))
    return w;
  std::string weight = arg.substr(colon + 1);
  auto [p, ec] = std::from_chars(weight.data(), weight.data() + weight.size(), w.weight);
  if (ec != std::errc() || p != weight.data() + weight.size() || !(w.weight > 0))
    return argError("workload", arg, colon + 2, "expected a positive weight after ':'",
                    "e.g. --workload bert.wl:0.3");
  w.path = arg.substr(0, colon);
  return w;
}

} // namespace

Result<SweepOptions, ArgError> parseSweepOptions(const std::vector<std::string> &positional,
                                                 const ArgValues &values, bool stderrIsTerminal) {
  SweepOptions o;
  for (const std::string &p : positional) {
    if (endsWith(p, ".hw")) {
      if (!o.arch.empty())
        return argError("", p, 0, "a sweep takes one .hw file (already given: " + o.arch + ")");
      o.arch = p;
    } else if (endsWith(p, ".wl")) {
      o.workloads.push_back({p, 1});
    } else {
      return argError("", p, 0, "expected a .hw or .wl file");
    }
  }
  auto all = [&](const std::string &name) {
    auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
  };
  for (const std::string &w : all("workload")) {
    auto r = parseWorkload(w);
    if (!r)
      return r.error();
    o.workloads.push_back(*r);
  }
  if (o.arch.empty())
    return plainError("no .hw file given", "usage: tessel sweep ARCH.hw MODEL.wl [options]");
  if (o.workloads.empty())
    return plainError("no workload given",
                      "name a .wl file, or several with --workload FILE:WEIGHT");

  if (const std::string *v = last(values, "o"))
    o.run.output = *v;
  if (const std::string *v = last(values, "accelerator"))
    o.accelerator = *v;
  o.run.resume = values.count("resume");
  o.run.overwrite = values.count("overwrite");
  if (o.run.resume && o.run.overwrite)
    return plainError("--resume and --overwrite exclude each other");
  // The report shows the front's per-layer results, so it keeps them in the records.
  if (const std::string *v = last(values, "report"))
    o.reportPath = *v;
  o.run.detail = values.count("detail") || !o.reportPath.empty();
  bool quiet = values.count("quiet"), verbose = values.count("verbose");
  if (quiet && verbose)
    return plainError("--quiet and --verbose exclude each other");
  o.run.verbosity = quiet ? Verbosity::Quiet : verbose ? Verbosity::Verbose : Verbosity::Normal;
  o.run.progress = stderrIsTerminal && !quiet;
  o.mpi = values.count("mpi");
  o.memo = !values.count("no-memo");
  o.run.threads = o.mpi ? 1u : std::max(1u, std::thread::hardware_concurrency());
  if (const std::string *v = last(values, "threads")) {
    auto n = positive("threads", *v);
    if (!n)
      return n.error();
    o.run.threads = static_cast<unsigned>(std::min<uint64_t>(*n, 4096));
  }
  for (const std::string &p : all("param")) {
    auto r = parseParamOverride(p);
    if (!r)
      return r.error();
    o.params.push_back(std::move(*r));
  }
  if (const std::string *v = last(values, "sample")) {
    auto n = positive("sample", *v);
    if (!n)
      return n.error();
    o.sample = *n;
  }
  if (const std::string *v = last(values, "seed")) {
    auto n = positive("seed", *v, true);
    if (!n)
      return n.error();
    o.seed = *n;
  }
  if (const std::string *v = last(values, "sample-method")) {
    if (*v == "lhs")
      o.sampleMethod = SampleMethod::LatinHypercube;
    else if (*v == "random")
      o.sampleMethod = SampleMethod::Random;
    else
      return argError("sample-method", *v, 1, "unknown sampling method", "use lhs or random");
  }
  if ((values.count("seed") || values.count("sample-method")) && !o.sample)
    return plainError("--seed and --sample-method need --sample N");
  if (const std::string *v = last(values, "shard")) {
    auto s = parseShard(*v);
    if (!s)
      return s.error();
    o.shard = *s;
  }
  for (const std::string &c : all("constraint")) {
    auto r = parseConstraint(c);
    if (!r)
      return r.error();
    o.run.constraints.push_back(std::move(*r));
  }
  if (const std::string *v = last(values, "objectives")) {
    auto r = parseObjectives(*v);
    if (!r)
      return r.error();
    o.pareto.objectives = std::move(*r);
  }
  o.run.objectives = o.pareto.objectives;
  if (const std::string *v = last(values, "csv"))
    o.pareto.csvPath = *v;
  o.pareto.all = values.count("all");
  return o;
}

Result<std::vector<DesignPoint>, ArgError> planPoints(const SweepOptions &options,
                                                      const std::vector<dsl::ParamInfo> &params,
                                                      const dsl::SourceManager *sm) {
  auto space = buildDesignSpace(params, options.params, sm);
  if (!space)
    return space.error();
  std::vector<DesignPoint> points;
  if (options.sample) {
    points = samplePoints(*space, *options.sample, options.seed, options.sampleMethod);
  } else {
    auto all = enumeratePoints(*space);
    if (!all)
      return plainError(all.error());
    points = std::move(*all);
  }
  if (options.shard)
    points = selectShard(points, *options.shard);
  ParamUnits units = paramUnits(*space);
  for (DesignPoint &p : points)
    p.units = units;
  return points;
}

} // namespace tessel::sweep
