// `tessel sweep`: every design point of an accelerator's params over one or more workloads,
// each layer mapped by the search, streamed to a resumable JSONL file, then the Pareto front.
#include "Commands.h"
#include "CostModelOptions.h"
#include "EvalPipeline.h"
#include "Frontend.h"
#include "MapOutput.h"
#include "ReportOutput.h"
#include "SearchArgs.h"

#include "tessel/Sweep/Options.h"
#include "tessel/Sweep/Values.h"

#ifdef TESSEL_HAVE_MPI
#include "SweepMpi.h"
#endif

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <map>
#include <iostream>
#include <set>
#include <sstream>

namespace tessel::cli {

namespace {

std::vector<OptionSpec> sweepOptions() {
  std::vector<OptionSpec> options;
  std::set<std::string> names;
  for (const sweep::OptionHelp &h : sweep::sweepOptionHelp()) {
    options.push_back({h.name, h.valueName, h.help});
    names.insert(h.name);
  }
  for (OptionSpec &o : searchOptionSpecs())
    if (!names.count(o.name)) {
      if (o.name == "objective")
        o.help = "What the mapping search minimises per layer: " + o.help;
      options.push_back(std::move(o));
    }
  for (OptionSpec &o : costModelOptions())
    options.push_back(std::move(o));
  return options;
}

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int) { interrupted.store(true); }

/// The per-point evaluation: bind, map every layer of every workload, aggregate.
class PointEvaluator {
public:
  PointEvaluator(const sweep::SweepOptions &options, const search::SearchOptions &search,
                 const ModelSetup &setup, std::string model, const std::set<std::string> &hwParams,
                 const dsl::HwModel &hw)
      : options(options), searchOptions(search), setup(setup), model(std::move(model)),
        hwParams(hwParams), accelerator(hw.name) {
    for (const dsl::ParamInfo &p : hw.params)
      dims[p.name] = p.value.dim;
  }

  sweep::Record operator()(const sweep::DesignPoint &point) {
    sweep::Record record;
    sweep::Totals totals;
    double weightSum = 0;
    for (const sweep::WeightedWorkload &w : options.workloads) {
      EvalRequest request;
      request.command = "tessel sweep";
      request.hwFile = options.arch;
      request.accelerator = accelerator;
      request.wlFile = w.path;
      request.checkDomains = false; // the points come from the domains after --param
      for (const auto &[name, value] : point.params) {
        if (hwParams.count(name))
          request.params.emplace_back(name, dsl::formatQuantity({value, dims.at(name), false}));
        else
          request.params.emplace_back(name, sweep::formatValue(value));
      }
      std::ostringstream err;
      NetworkInputs in;
      if (!prepareNetwork(request, setup.components, in, err)) {
        record.error = firstLine(err.str());
        return record;
      }
      network::NetworkOutcome outcome =
          network::mapNetwork(in.layers, searchOptions, setup.registry, model,
                              options.memo ? &memo : nullptr);
      if (!outcome.modelFailure.empty()) {
        record.fatal = w.path + ": layer '" + outcome.layers.back().name +
                       "': " + outcome.modelFailure;
        record.error = record.fatal;
        return record;
      }
      if (!outcome.errors.empty()) {
        record.error = w.path + ": " + outcome.errors.front();
        return record;
      }
      const network::Totals &t = outcome.totals;
      // From the layers' cycles rather than t.cycles, which rounds each layer's count x weight x
      // cycles: the latency is then exactly what the layers' figures in the record add up to.
      double cycles = 0;
      for (size_t i = 0; i < outcome.layers.size(); ++i)
        cycles += static_cast<double>(in.layers[i].count) * in.layers[i].weight *
                  static_cast<double>(outcome.layers[i].result->report.cycles);
      double seconds = in.clockHz > 0 ? cycles / in.clockHz : 0;
      totals.latencyS += w.weight * seconds;
      totals.cycles += static_cast<int64_t>(w.weight * t.cycles);
      totals.energyJ += w.weight * t.energy * 1e-12;
      addNamed(totals.energyByLevelJ, t.energyByLevel, w.weight);
      addNamed(totals.energyByLevelJ,
               {{"mac", t.macEnergy}, {"network", t.networkEnergy}, {"leakage", t.leakageEnergy}},
               w.weight);
      totals.areaMm2 = std::max(totals.areaMm2, t.area / 1e6);
      totals.utilization += w.weight * t.utilization;
      totals.macs += static_cast<int64_t>(w.weight * t.macs);
      weightSum += w.weight;
      for (size_t i = 0; i < outcome.layers.size(); ++i) {
        sweep::LayerResult l = layerResult(in, i, outcome.layers[i]);
        // What the totals above count each execution: the workload's and the block's weight.
        l.weight = w.weight * in.layers[i].weight;
        if (options.workloads.size() > 1)
          l.workload = w.path;
        record.layers.push_back(std::move(l));
      }
    }
    if (weightSum > 0)
      totals.utilization /= weightSum;
    totals.powerW = totals.latencyS > 0 ? totals.energyJ / totals.latencyS : 0;
    record.totals = totals;
    return record;
  }

  const network::SearchMemo &searchMemo() const { return memo; }

private:
  static std::string firstLine(const std::string &text) {
    std::string line = text.substr(0, text.find('\n'));
    return line.empty() ? "the design point could not be prepared" : line;
  }

  static void addNamed(sweep::NamedValues &into,
                       const std::vector<std::pair<std::string, double>> &pj, double weight) {
    for (const auto &[name, e] : pj) {
      auto it = std::find_if(into.begin(), into.end(),
                             [&](const auto &p) { return p.first == name; });
      if (it == into.end())
        into.emplace_back(name, weight * e * 1e-12);
      else
        it->second += weight * e * 1e-12;
    }
  }

  static sweep::LayerResult layerResult(const NetworkInputs &in, size_t i,
                                        const network::LayerOutcome &o) {
    sweep::LayerResult l;
    l.name = o.name;
    l.count = o.count;
    const search::SearchResult &r = *o.result;
    if (!r.found) {
      l.error = statusText(r);
      return l;
    }
    l.latencyS = in.clockHz > 0 ? r.report.cycles / in.clockHz : 0;
    l.energyJ = r.report.totalEnergy * 1e-12;
    l.utilization = r.report.utilization;
    l.macs = r.report.macs;
    for (const auto &[level, pj] : network::levelEnergies(in.layers[i].arch, r.report))
      l.energyByLevelJ.emplace_back(level, pj * 1e-12);
    l.energyByLevelJ.insert(l.energyByLevelJ.end(), {{"mac", r.report.macEnergy * 1e-12},
                                                     {"network", r.report.networkEnergy * 1e-12},
                                                     {"leakage", r.report.leakageEnergy * 1e-12}});
    l.mapping = statusText(r);
    return l;
  }

  const sweep::SweepOptions &options;
  search::SearchOptions searchOptions;
  const ModelSetup &setup;
  std::string model;
  std::set<std::string> hwParams;
  std::string accelerator;
  std::map<std::string, dsl::Dim> dims;
  network::SearchMemo memo;
};

} // namespace

const CommandSpec kSweepSpec = {
    "sweep",
    "tessel sweep ARCH.hw MODEL.wl... [options]",
    "Sweep the accelerator's parameters: map every layer at every design point, stream the "
    "results, print the Pareto front.",
    std::string(
        "Design points: the cartesian product of every param's domain (.hw and .wl), with\n"
        "--param overriding domains, or a --sample; --shard selects a deterministic part.\n"
        "At each point the accelerator is bound, every MAC layer of every workload is mapped\n"
        "by the search (a layer shape is searched once per distinct hardware, shared across\n"
        "points), and the whole-workload latency, energy by level, area, power and\n"
        "utilisation are recorded (weighted over --workload FILE:WEIGHT). Each record is one\n"
        "JSON line written as its point finishes; --resume continues an interrupted sweep.\n"
        "Points without a valid mapping or violating a --constraint are recorded with the\n"
        "reason; a cost model that fails (e.g. an exec: program that exits) stops the sweep\n"
        "with its message and exit status 1 (--resume continues once it is fixed).\n"
        "The final file is the same whatever --threads. At the end the Pareto front\n"
        "over --objectives is printed. Schema and semantics: docs/sweep.md.\n\n") +
        kSearchHelp + kCostModelHelp,
    sweepOptions(),
};

int runSweep(int argc, char **argv) {
#ifdef TESSEL_HAVE_MPI
  // First: the ranks other than 0 hold their output back (SweepMpi.h).
  bool mpiFailed = false;
  std::unique_ptr<SweepMpi> mpi = SweepMpi::startIfRequested(argc, argv, mpiFailed);
  if (mpiFailed)
    return 1;
#endif
  bool help = false;
  std::optional<ParsedArgs> args = parseArgs(kSweepSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  auto options = sweep::parseSweepOptions(args->positional, args->values, isatty(2) != 0);
  if (!options) {
    std::cerr << sweep::formatArgError(options.error());
    return 1;
  }
  // Before any point is evaluated: a report that cannot be written would fail only at the end.
  if (!options->reportPath.empty() && !checkReportPath(options->reportPath, "sweep", std::cerr))
    return 1;
#ifndef TESSEL_HAVE_MPI
  if (options->mpi) {
    std::cerr << "tessel sweep: error: --mpi: this tessel was built without MPI\n"
                 "hint: install libopenmpi-dev and openmpi-bin, then configure and build again "
                 "(docs/scale-out.md)\n";
    return 1;
  }
#endif
  std::optional<search::SearchOptions> searchOptions = readSearchOptions(*args, "sweep", std::cerr);
  if (!searchOptions)
    return 1;
  searchOptions->threads = 1; // the sweep runs points in parallel
  searchOptions->seed = options->seed;

  std::vector<std::string> files = {options->arch};
  for (const sweep::WeightedWorkload &w : options->workloads)
    files.push_back(w.path);
  LoadedInputs in;
  if (!loadInputs(files, in, std::cerr))
    return 1;
  // The design space is the chosen accelerator's params and the workloads'.
  const dsl::HwModel *hw =
      chooseHwModel(in, options->arch, options->accelerator, "tessel sweep", std::cerr);
  if (!hw)
    return 1;
  std::vector<dsl::ParamInfo> params;
  std::set<std::string> hwParams;
  for (const dsl::ParamInfo &p : hw->params) {
    params.push_back(p);
    hwParams.insert(p.name);
  }
  for (const dsl::WlModel &m : in.wl)
    for (const dsl::ParamInfo &p : m.params)
      params.push_back(p);
  auto points = sweep::planPoints(*options, params, &in.sm);
  if (!points) {
    std::cerr << sweep::formatArgError(points.error());
    return 1;
  }

  ModelSetup setup;
  if (!setupModels(*args, "sweep", setup, std::cerr))
    return 1;
  std::string fallback = hw->costModel.empty() ? "analytical" : hw->costModel;
  std::optional<std::string> model = chooseCostModel(*args, fallback, "sweep", setup, std::cerr);
  if (!model)
    return 1;

  PointEvaluator evaluator(*options, *searchOptions, setup, *model, hwParams, *hw);
  sweep::Evaluator evaluate = [&](const sweep::DesignPoint &p) { return evaluator(p); };
#ifdef TESSEL_HAVE_MPI
  if (mpi) {
    if (!mpi->ready(*points))
      return 1;
    if (!mpi->isRoot())
      return mpi->work(*points, evaluate, options->run);
    mpi->attach(options->run); // this rank coordinates, writes and evaluates
  }
#endif
  options->run.cancel = &interrupted;
  std::signal(SIGINT, onInterrupt);
  auto outcome = sweep::runSweep(options->run, *points, evaluate, std::cout, std::cerr);
  std::signal(SIGINT, SIG_DFL);
#ifdef TESSEL_HAVE_MPI
  if (mpi && outcome && options->run.verbosity == sweep::Verbosity::Verbose)
    mpi->printShares(outcome->evaluated, std::cerr);
#endif
  if (!outcome) {
    std::cerr << "tessel sweep: error: " << outcome.error() << '\n';
    return 1;
  }
  if (!outcome->complete) {
    std::cerr << "tessel sweep: interrupted; continue with --resume\n";
    return 1;
  }
  std::vector<const sweep::Record *> records;
  for (const sweep::Record &r : outcome->records)
    records.push_back(&r);
  std::ostream &table = options->run.output == "-" ? std::cerr : std::cout;
  if (auto r = sweep::printPareto(records, options->pareto, table); !r) {
    std::cerr << "tessel sweep: error: " << r.error() << '\n';
    return 1;
  }
  if (!options->reportPath.empty()) {
    sweep::ReportOptions report;
    report.objectives = options->pareto.objectives;
    report.toolVersion = toolVersion();
    report.commandLine = commandLine("sweep", argc, argv);
    for (uint32_t f = 1; f <= in.sm.numFiles(); ++f)
      report.inputs.push_back(sweep::reportInput(in.sm.name(f), in.sm.text(f)));
    if (!writeReportFile(options->reportPath, "sweep", records, report, std::cerr)) {
      if (options->run.output != "-")
        std::cerr << "tessel sweep: the results are complete in '" << options->run.output
                  << "': 'tessel pareto " << options->run.output
                  << " --report FILE' writes the report from them\n";
      return 1;
    }
  }
  if (options->run.verbosity == sweep::Verbosity::Verbose)
    std::cerr << "tessel sweep: " << outcome->evaluated << " points evaluated, "
              << outcome->resumed << " resumed; "
              << (options->memo ? std::to_string(evaluator.searchMemo().misses()) + " searches, " +
                                      std::to_string(evaluator.searchMemo().hits()) +
                                      " answered from the memo"
                                : std::string("search memo disabled (--no-memo)"))
              << "\n";
  return 0;
}

} // namespace tessel::cli
