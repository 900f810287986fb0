// Progress display: points done/total, rate, ETA and the best value of each objective.
#include "Progress.h"

#include <cmath>
#include <cstdio>

namespace tessel::sweep {

std::string formatDuration(double s) {
  char buf[32];
  long t = std::lround(std::max(0.0, s));
  if (t >= 3600)
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", t / 3600, t / 60 % 60);
  else if (t >= 60)
    std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
  else
    std::snprintf(buf, sizeof buf, "%lds", t);
  return buf;
}

Progress::Progress(const RunOptions &options, size_t total, std::ostream &err)
    : options(options), err(err), total(total), best(options.objectives.size()),
      start(std::chrono::steady_clock::now()) {}

void Progress::track(const Record &r) {
  ++doneCount;
  if (!r.valid())
    return;
  for (size_t i = 0; i < best.size(); ++i)
    if (std::optional<double> v = metricValue(r, options.objectives[i]))
      if (!best[i] || *v < *best[i])
        best[i] = v;
}

void Progress::resumed(const Record &r) { track(r); }

void Progress::finished(const Record &r) {
  track(r);
  ++newCount;
  if (options.verbosity == Verbosity::Verbose) {
    if (drawn)
      err << "\r\033[K";
    err << "[" << doneCount << "/" << total << "] " << describeParams(r)
        << ": ";
    if (r.valid()) {
      err << "valid";
      for (Metric m : {Metric::Latency, Metric::Energy, Metric::Area})
        if (std::optional<double> v = metricValue(r, m))
          err << ", " << metricName(m) << " " << formatMetric(m, *v);
    } else {
      err << "invalid: " << (r.error.empty() ? "violates " + r.violations.front() : r.error);
    }
    err << "\n";
    drawn = false;
  }
  auto now = std::chrono::steady_clock::now();
  if (options.progress && (!drawn || now - lastDraw > std::chrono::milliseconds(100)))
    draw();
}

std::string Progress::statusLine() const {
  char buf[64];
  std::string s = std::to_string(doneCount) + "/" + std::to_string(total) + " points";
  std::snprintf(buf, sizeof buf, " (%.0f%%)",
                total ? 100.0 * static_cast<double>(doneCount) / static_cast<double>(total)
                      : 100.0);
  s += buf;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (newCount && elapsed > 0) {
    double rate = static_cast<double>(newCount) / elapsed;
    std::snprintf(buf, sizeof buf, ", %.3g points/s", rate);
    s += buf;
    if (doneCount < total)
      s += ", ETA " + formatDuration(static_cast<double>(total - doneCount) / rate);
  }
  bool first = true;
  for (size_t i = 0; i < best.size(); ++i) {
    if (!best[i])
      continue;
    Metric m = options.objectives[i];
    s += first ? ", best " : ", ";
    first = false;
    s += std::string(metricName(m)) + " " + formatMetric(m, *best[i]);
  }
  return s;
}

void Progress::draw() {
  err << "\r\033[Ksweep: " << statusLine() << std::flush;
  drawn = true;
  lastDraw = std::chrono::steady_clock::now();
}

void Progress::done() {
  if (!options.progress)
    return;
  draw();
  err << "\n";
  drawn = false;
}

} // namespace tessel::sweep
