// The HTML report of a sweep: which records are plotted and on the front, the
// sensitivity analysis, the page skeleton (summary, provenance, point data for
// the script) and writing.
#include "ReportHtml.h"

#include "tessel/Sweep/Pareto.h"
#include "tessel/Sweep/ResultsFile.h"
#include "tessel/Sweep/Values.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace tessel::sweep {

namespace report {

std::string valueText(Metric m, double si) {
  if (m == Metric::Utilization)
    return num(100 * si, 3) + " %";
  return metricText(m, si);
}

std::vector<Metric> listedMetrics(const std::vector<Metric> &objectives) {
  std::vector<Metric> out = objectives;
  for (Metric m :
       {Metric::Latency, Metric::Energy, Metric::Area, Metric::Power, Metric::Utilization})
    if (std::find(out.begin(), out.end(), m) == out.end())
      out.push_back(m);
  return out;
}

std::string Model::paramValue(const std::string &name, double v) const {
  auto it = paramUnits.find(name);
  return formatParamValue(v, it == paramUnits.end() ? "" : it->second);
}

std::string pointName(const Record &r) {
  return "#" + std::to_string(r.point) + " (" + (r.params.empty() ? "" : describeParams(r)) + ")";
}

std::optional<Metric> nonFinite(const Record &r, const std::vector<Metric> &objectives) {
  for (Metric k : objectives)
    if (std::optional<double> v = metricValue(r, k); v && !std::isfinite(*v))
      return k;
  return std::nullopt;
}

namespace {

Model buildModel(const std::vector<const Record *> &records, const ReportOptions &o) {
  Model m;
  m.options = &o;
  m.records = records;
  std::vector<const Record *> candidates;
  for (const Record *r : records)
    (r->valid() && violatedConstraints(*r, o.constraints).empty() && !nonFinite(*r, o.objectives)
         ? candidates
         : m.excluded)
        .push_back(r);
  std::vector<size_t> kept;
  std::vector<std::vector<double>> rows = objectiveRows(candidates, o.objectives, kept);
  std::set<const Record *> plotted;
  for (size_t k : kept) {
    m.plotted.push_back(candidates[k]);
    plotted.insert(candidates[k]);
  }
  for (const Record *r : candidates)
    if (!plotted.count(r))
      m.excluded.push_back(r);
  std::stable_sort(m.excluded.begin(), m.excluded.end(),
                   [](const Record *a, const Record *b) { return a->point < b->point; });
  m.front = paretoFront(rows);
  m.onFront.assign(m.plotted.size(), false);
  for (size_t f : m.front)
    m.onFront[f] = true;
  std::set<std::string> params;
  for (const Record *r : records) {
    for (const auto &p : r->params)
      params.insert(p.first);
    for (const auto &[name, unit] : r->paramUnits)
      m.paramUnits.emplace(name, unit); // the first record with a unit for the param
  }
  m.params.assign(params.begin(), params.end());
  for (const Record *r : m.plotted)
    for (const auto &[name, e] : r->totals->energyByLevelJ)
      if (std::find(m.levels.begin(), m.levels.end(), name) == m.levels.end())
        m.levels.push_back(name);
  return m;
}

/// The points' details for the script, as JSON safe inside a <script> element.
std::string pointData(const Model &m) {
  nlohmann::ordered_json points = nlohmann::ordered_json::array();
  std::vector<Metric> metrics = listedMetrics(m.options->objectives);
  std::vector<nlohmann::ordered_json> rank(m.plotted.size());
  for (size_t n = 0; n < m.front.size(); ++n)
    rank[m.front[n]] = n;
  for (size_t i = 0; i < m.plotted.size(); ++i) {
    const Record &r = *m.plotted[i];
    nlohmann::ordered_json p;
    p["id"] = r.point;
    p["rank"] = rank[i]; // position in the front's order, null when dominated
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (const auto &[name, v] : r.params)
      params.push_back({name, paramText(r, name)});
    p["params"] = std::move(params);
    nlohmann::ordered_json values = nlohmann::ordered_json::array();
    for (Metric k : metrics)
      if (std::optional<double> v = metricValue(r, k))
        values.push_back({metricName(k), valueText(k, *v)});
    p["metrics"] = std::move(values);
    points.push_back(std::move(p));
  }
  std::string text = points.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string safe;
  for (char c : text)
    safe += c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : c == '&' ? "\\u0026" : std::string(1, c);
  return safe;
}

std::string summarySection(const Model &m) {
  auto card = [](const std::string &label, const std::string &value, const std::string &note) {
    return "<div class=\"card\"><div class=\"label\">" + esc(label) + "</div><div class=\"big\">" +
           esc(value) + "</div><div class=\"note\">" + esc(note) + "</div></div>\n";
  };
  size_t invalid = 0;
  for (const Record *r : m.records)
    invalid += !r->valid();
  std::string s = "<section id=\"summary\" class=\"cards\">\n";
  s += card("design points", std::to_string(m.records.size()),
            std::to_string(m.params.size()) + " parameters");
  s += card("plotted", std::to_string(m.plotted.size()),
            m.options->constraints.empty() ? "valid points" : "valid, meeting the constraints");
  s += card("invalid", std::to_string(invalid), "listed below");
  s += card("on the front", std::to_string(m.front.size()), "Pareto-optimal");
  for (Metric k : m.options->objectives) {
    const Record *best = nullptr;
    for (const Record *r : m.plotted)
      if (!best || *metricValue(*r, k) < *metricValue(*best, k))
        best = r;
    if (best)
      s += card("best " + std::string(metricName(k)), valueText(k, *metricValue(*best, k)),
                "point #" + std::to_string(best->point));
  }
  return s + "</section>\n";
}

std::string provenanceSection(const Model &m) {
  const ReportOptions &o = *m.options;
  std::string s = "<section id=\"provenance\">\n<h2>Inputs and command</h2>\n";
  s += "<table class=\"data prov\"><thead><tr><th>input</th><th "
       "class=\"num\">bytes</th>"
       "<th>SHA-256</th></tr></thead><tbody>\n";
  for (const ReportInput &in : o.inputs)
    s += "<tr><td><code>" + esc(in.path) + "</code></td><td class=\"num\">" +
         std::to_string(in.bytes) + "</td><td><code class=\"hash\">" + esc(in.sha256) +
         "</code></td></tr>\n";
  s += "</tbody></table>\n<dl class=\"facts\">\n";
  s += "<dt>command</dt><dd><pre class=\"cmd\">" + esc(o.commandLine) + "</pre></dd>\n";
  s += "<dt>tool</dt><dd>" + esc(o.toolVersion) + "</dd>\n";
  std::string objectives, constraints;
  for (Metric k : o.objectives)
    objectives += (objectives.empty() ? "" : ", ") + std::string(metricName(k));
  for (const Constraint &c : o.constraints)
    constraints += (constraints.empty() ? "" : ", ") + c.text;
  s += "<dt>objectives</dt><dd>" + esc(objectives) + " (minimised)</dd>\n";
  if (!constraints.empty())
    s += "<dt>report constraints</dt><dd>" + esc(constraints) + "</dd>\n";
  s += "<dt>records</dt><dd>" + std::to_string(m.records.size()) + " (results schema " +
       std::to_string(kRecordSchemaVersion) + ")</dd>\n";
  if (!o.generatedAt.empty())
    s += "<dt>generated</dt><dd>" + esc(o.generatedAt) + "</dd>\n";
  return s + "</dl>\n</section>\n";
}

} // namespace
} // namespace report

std::vector<Sensitivity> computeSensitivity(const std::vector<const Record *> &candidates,
                                            const std::vector<Metric> &objectives) {
  std::set<std::string> names;
  for (const Record *r : candidates)
    for (const auto &p : r->params)
      names.insert(p.first);
  std::vector<Sensitivity> out;
  for (const std::string &name : names)
    for (Metric k : objectives) {
      std::map<double, std::vector<double>> byValue;
      for (const Record *r : candidates) {
        std::optional<double> v = metricValue(*r, k);
        auto p = std::find_if(r->params.begin(), r->params.end(),
                              [&](const auto &q) { return q.first == name; });
        if (v && p != r->params.end())
          byValue[p->second].push_back(*v);
      }
      if (byValue.size() < 2)
        continue;
      Sensitivity s{name, k, {}, 0};
      double lo = INFINITY, hi = -INFINITY;
      for (auto &[value, vs] : byValue) {
        std::sort(vs.begin(), vs.end());
        size_t n = vs.size();
        double median = n % 2 ? vs[n / 2] : (vs[n / 2 - 1] + vs[n / 2]) / 2;
        s.groups.push_back({value, n, median, vs.front()});
        lo = std::min(lo, median);
        hi = std::max(hi, median);
      }
      s.spread = hi == lo ? 0 : lo > 0 ? hi / lo - 1 : INFINITY;
      out.push_back(std::move(s));
    }
  return out;
}

Result<ReportPage> renderReport(const std::vector<const Record *> &records,
                                const ReportOptions &options) {
  using namespace report;
  if (options.objectives.empty())
    return std::string("the report needs at least one objective");
  Model m = buildModel(records, options);
  ReportPage page;
  size_t withoutLayers = 0;
  for (size_t f : m.front)
    withoutLayers += m.plotted[f]->layers.empty();
  if (withoutLayers > 0)
    page.notes.push_back(std::to_string(withoutLayers) + " of the " +
                         std::to_string(m.front.size()) +
                         " points of the Pareto front " + (withoutLayers == 1 ? "has" : "have") +
                         " no per-layer results (records written without --detail); the report "
                         "says so in place of their layers");
  std::string objectives;
  for (Metric k : options.objectives)
    objectives += (objectives.empty() ? "" : ", ") + std::string(metricName(k));
  std::string s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, "
                  "initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"" +
                  esc(options.toolVersion) + "\">\n<title>Sweep report: " + esc(objectives) +
                  "</title>\n<style>\n" + reportCss() + "</style>\n</head>\n<body>\n";
  s += "<header class=\"top\"><div class=\"wrap\"><h1>Design-space "
       "sweep</h1><p>Pareto front "
       "over " +
       esc(objectives) + " &#183; " + std::to_string(records.size()) + " design points &#183; " +
       esc(options.toolVersion) + "</p></div></header>\n";
  s += "<nav class=\"wrap\"><a href=\"#pareto\">Pareto front</a><a "
       "href=\"#layers\">Layers</a>"
       "<a href=\"#levels\">Memory levels</a><a "
       "href=\"#sensitivity\">Sensitivity</a>"
       "<a href=\"#excluded\">Invalid points</a><a "
       "href=\"#provenance\">Inputs</a></nav>\n";
  s += "<main class=\"wrap\">\n" + summarySection(m) + paretoSection(m) + layersSection(m) +
       levelsSection(m) + sensitivitySection(m) + excludedSection(m) + provenanceSection(m) +
       "</main>\n";
  s += "<script type=\"application/json\" id=\"report-data\">" + pointData(m) + "</script>\n";
  s += std::string("<script>\n") + reportScript() + "</script>\n</body>\n</html>";
  page.html = std::move(s);
  return page;
}

Result<ReportPage> writeReport(const std::string &path, const std::vector<const Record *> &records,
                               const ReportOptions &options) {
  Result<ReportPage> page = renderReport(records, options);
  if (!page)
    return page.error();
  if (Result<Ok> written = writeLinesAtomically(path, {page->html}); !written)
    return written.error();
  return page;
}

} // namespace tessel::sweep
