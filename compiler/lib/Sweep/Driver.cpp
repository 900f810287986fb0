// runSweep: resume, thread pool, streaming of records and the final canonical rewrite.
#include "tessel/Sweep/Driver.h"

#include "Progress.h"
#include "tessel/Sweep/ResultsFile.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>
#include <unordered_map>

#include <sys/stat.h>

namespace tessel::sweep {

namespace {

/// Sets the identity fields, checks the evaluator's output and applies the constraints.
void finalize(Record &r, const DesignPoint &p, const RunOptions &options) {
  r.point = p.index;
  r.params = p.params;
  std::sort(r.params.begin(), r.params.end());
  r.key = pointKey(r.params);
  r.paramUnits = p.units;
  if (!options.detail)
    r.layers.clear();
  if (r.error.empty() && !r.totals)
    r.error = "internal error: the evaluator returned neither results nor an error";
  if (!isFinite(r)) {
    r.error = "internal error: the evaluator returned a non-finite value";
    r.totals.reset();
    r.layers.clear();
  }
  r.violations.clear();
  if (r.error.empty())
    r.violations = violatedConstraints(r, options.constraints);
}

bool fileExists(const std::string &path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

/// Records of `path` that belong to this sweep, finalised for the current options; warns
/// about dropped lines. Records of points outside the sweep are an error.
Result<std::vector<Record>> loadFinished(const std::string &path,
                                         const std::vector<DesignPoint> &points,
                                         const std::unordered_map<std::string, size_t> &byKey,
                                         const RunOptions &options, std::ostream &err) {
  Result<ResultsFileContents> contents = readResultsFile(path);
  if (!contents)
    return contents.error();
  for (const LineIssue &i : contents->corrupt)
    err << formatLineIssue(path, i, "warning")
        << " (line dropped; its point, if any, will be evaluated again)\n";
  if (contents->torn)
    err << formatLineIssue(path, *contents->torn, "warning")
        << " (an incomplete last line from an interrupted write: dropped, its point will be "
           "evaluated again)\n";
  for (const SourcedRecord &s : contents->records)
    if (!byKey.count(s.record.key))
      return path + ":" + std::to_string(s.line) + ": error: the record of point '" + s.record.key +
             "' is not part of this sweep; resume with the same --param, --sample, --seed "
             "and --shard options, or write to a new file";
  Result<std::vector<SourcedRecord>> unique = uniqueByKey(std::move(contents->records));
  if (!unique)
    return unique.error();
  std::vector<Record> out;
  for (SourcedRecord &s : *unique) {
    Record r = std::move(s.record);
    finalize(r, points[byKey.at(r.key)], options);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> linesInPointOrder(std::vector<Record> &records) {
  std::sort(records.begin(), records.end(),
            [](const Record &a, const Record &b) { return a.point < b.point; });
  std::vector<std::string> lines;
  for (const Record &r : records)
    lines.push_back(recordToJsonLine(r));
  return lines;
}

/// Hands out `todo` to the local threads and to options.remote; takes their records.
class SweepQueue final : public PointQueue {
public:
  SweepQueue(const RunOptions &options, const std::vector<DesignPoint> &sorted,
             const std::vector<size_t> &todo, std::optional<AppendFile> &file, Progress &progress,
             SweepOutcome &outcome, std::ostream &out)
      : options(options), sorted(sorted), todo(todo), file(file), progress(progress),
        outcome(outcome), out(out) {}

  const DesignPoint *claim() override {
    if (failed || (options.cancel && options.cancel->load()))
      return nullptr;
    size_t t = next++;
    return t < todo.size() ? &sorted[todo[t]] : nullptr;
  }

  Result<Ok> deliver(const DesignPoint &p, Record r) override {
    if (!r.fatal.empty())
      return fail(r.fatal);
    if (r.key != p.key() || r.point != p.index)
      return fail("the record of point " + std::to_string(p.index) + " ('" + p.key() +
                  "') came back as point " + std::to_string(r.point) + " ('" + r.key + "')");
    std::string line = recordToJsonLine(r);
    std::lock_guard<std::mutex> lock(mutex);
    if (failed)
      return failure;
    if (file) {
      if (auto w = file->append(line); !w)
        return failLocked(w.error());
    } else {
      // Stream mode never resumes, so `todo` is every point in order.
      pending.emplace(static_cast<size_t>(&p - sorted.data()), std::move(line));
      for (auto it = pending.begin();
           it != pending.end() && nextToStream < todo.size() && it->first == todo[nextToStream];
           it = pending.erase(it), ++nextToStream)
        out << it->second << '\n';
      out.flush();
    }
    progress.finished(r);
    ++outcome.evaluated;
    outcome.records.push_back(std::move(r));
    return Ok{};
  }

  Result<Ok> fail(const std::string &why) {
    std::lock_guard<std::mutex> lock(mutex);
    return failLocked(why);
  }

  /// The first failure, if any.
  std::optional<std::string> firstFailure() {
    std::lock_guard<std::mutex> lock(mutex);
    return failed ? std::optional<std::string>(failure) : std::nullopt;
  }

private:
  Result<Ok> failLocked(const std::string &why) {
    if (!failed) {
      failure = why;
      failed = true;
    }
    return failure;
  }

  const RunOptions &options;
  const std::vector<DesignPoint> &sorted;
  const std::vector<size_t> &todo;
  std::optional<AppendFile> &file;
  Progress &progress;
  SweepOutcome &outcome;
  std::ostream &out;
  std::mutex mutex;
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::string failure;
  std::map<size_t, std::string> pending; // stream mode: lines waiting for earlier points
  size_t nextToStream = 0;
};

} // namespace

Record evaluatePoint(const DesignPoint &point, const Evaluator &evaluate,
                     const RunOptions &options) {
  Record r;
  try {
    r = evaluate(point);
  } catch (const std::exception &e) {
    r = Record{};
    r.error = std::string("internal error: ") + e.what();
  } catch (...) {
    r = Record{};
    r.error = "internal error: unknown exception";
  }
  finalize(r, point, options);
  return r;
}

Result<SweepOutcome> runSweep(const RunOptions &options, const std::vector<DesignPoint> &points,
                              const Evaluator &evaluate, std::ostream &out, std::ostream &err) {
  // Points in index order; keys and indices must be unique.
  std::vector<DesignPoint> sorted = points;
  std::sort(sorted.begin(), sorted.end(),
            [](const DesignPoint &a, const DesignPoint &b) { return a.index < b.index; });
  std::unordered_map<std::string, size_t> byKey;
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i && sorted[i].index == sorted[i - 1].index)
      return "two design points have index " + std::to_string(sorted[i].index);
    if (!byKey.emplace(sorted[i].key(), i).second)
      return "design point '" + sorted[i].key() + "' is listed twice";
  }

  const bool toFile = options.output != "-";
  SweepOutcome outcome;
  std::optional<AppendFile> file;
  if (!toFile && options.resume)
    return std::string("--resume needs a results file (-o FILE)");
  if (toFile) {
    bool exists = fileExists(options.output);
    if (exists && !options.resume && !options.overwrite)
      return "'" + options.output +
             "' exists: pass --resume to continue that sweep, or --overwrite to replace it";
    if (exists && options.resume) {
      auto finished = loadFinished(options.output, sorted, byKey, options, err);
      if (!finished)
        return finished.error();
      outcome.records = std::move(*finished);
    }
    // Start from a canonical file holding only the finished records (drops torn lines).
    if (auto w = writeLinesAtomically(options.output, linesInPointOrder(outcome.records)); !w)
      return w.error();
    auto f = AppendFile::open(options.output);
    if (!f)
      return f.error();
    file.emplace(std::move(*f));
  }
  outcome.resumed = outcome.records.size();

  std::vector<bool> finished(sorted.size(), false);
  Progress progress(options, sorted.size(), err);
  for (const Record &r : outcome.records) {
    finished[byKey.at(r.key)] = true;
    progress.resumed(r);
  }
  std::vector<size_t> todo;
  for (size_t i = 0; i < sorted.size(); ++i)
    if (!finished[i])
      todo.push_back(i);

  SweepQueue queue(options, sorted, todo, file, progress, outcome, out);

  auto worker = [&]() {
    while (const DesignPoint *p = queue.claim())
      if (!queue.deliver(*p, evaluatePoint(*p, evaluate, options)))
        return;
  };
  unsigned n =
      std::max(1u, std::min<unsigned>(options.threads,
                                      static_cast<unsigned>(std::max<size_t>(todo.size(), 1))));
  std::vector<std::thread> pool;
  for (unsigned i = options.remote ? 0 : 1; i < n; ++i)
    pool.emplace_back(worker);
  if (options.remote) {
    if (auto r = options.remote(queue); !r)
      queue.fail(r.error());
  } else {
    worker();
  }
  for (std::thread &t : pool)
    t.join();
  progress.done();
  if (std::optional<std::string> failure = queue.firstFailure())
    return *failure;

  outcome.complete = outcome.records.size() == sorted.size();
  std::vector<std::string> lines = linesInPointOrder(outcome.records);
  if (file && outcome.complete) {
    file.reset();
    if (auto w = writeLinesAtomically(options.output, lines); !w)
      return w.error();
  }
  if (options.verbosity == Verbosity::Verbose) {
    size_t valid = std::count_if(outcome.records.begin(), outcome.records.end(),
                                 [](const Record &r) { return r.valid(); });
    err << "sweep: " << outcome.records.size() << " of " << sorted.size() << " points done ("
        << outcome.evaluated << " evaluated, " << outcome.resumed << " resumed), " << valid
        << " valid, " << outcome.records.size() - valid << " invalid"
        << (outcome.complete ? "" : "; interrupted: run again with --resume to finish") << "\n";
  }
  return outcome;
}

} // namespace tessel::sweep
