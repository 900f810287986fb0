// The report's Pareto section (a scatter plot per pair of objectives, the
// details panel and the table of the front) and the list of points that are not
// plotted.
#include "ReportHtml.h"

#include "tessel/Sweep/Values.h"

#include <algorithm>

namespace tessel::sweep::report {

namespace {

std::string tooltipOf(const Model &m, size_t i) {
  const Record &r = *m.plotted[i];
  std::string t = pointName(r) + (m.onFront[i] ? "\nPareto front" : "\ndominated");
  for (Metric k : m.options->objectives)
    t += "\n" + std::string(metricName(k)) + ": " + valueText(k, *metricValue(r, k));
  return t;
}

std::vector<double> valuesOf(const std::vector<const Record *> &records, Metric k) {
  std::vector<double> out;
  for (const Record *r : records)
    if (std::optional<double> v = metricValue(*r, k))
      out.push_back(*v);
  return out;
}

std::string plots(const Model &m) {
  const std::vector<Metric> &obj = m.options->objectives;
  std::vector<PlotPoint> points;
  for (size_t i = 0; i < m.plotted.size(); ++i)
    points.push_back({0, 0, i, static_cast<bool>(m.onFront[i]), tooltipOf(m, i)});
  std::string s;
  auto figure = [&](const Axis &x, const Axis &y, bool staircase) {
    s += "<figure class=\"plotbox\">\n" + scatterSvg(x, y, points, staircase) + "</figure>\n";
  };
  if (obj.size() == 1) {
    std::vector<double> index;
    for (size_t i = 0; i < m.plotted.size(); ++i) {
      points[i].x = static_cast<double>(m.plotted[i]->point);
      points[i].y = *metricValue(*m.plotted[i], obj[0]);
      index.push_back(points[i].x);
    }
    figure(makeAxis("point", "", 1, index), metricAxis(obj[0], valuesOf(m.plotted, obj[0])), false);
    return s;
  }
  for (size_t a = 0; a < obj.size(); ++a)
    for (size_t b = a + 1; b < obj.size(); ++b) {
      for (size_t i = 0; i < m.plotted.size(); ++i) {
        points[i].x = *metricValue(*m.plotted[i], obj[a]);
        points[i].y = *metricValue(*m.plotted[i], obj[b]);
      }
      figure(metricAxis(obj[a], valuesOf(m.plotted, obj[a])),
             metricAxis(obj[b], valuesOf(m.plotted, obj[b])), obj.size() == 2);
    }
  return s;
}

std::string frontTable(const Model &m) {
  std::vector<const Record *> rows;
  for (size_t f : m.front)
    rows.push_back(m.plotted[f]);
  std::vector<Metric> metrics = listedMetrics(m.options->objectives);
  std::string s = "<div class=\"scroll tall\"><table class=\"data front\"><thead><tr><th "
                  "class=\"num\">point</th>";
  for (const std::string &p : m.params)
    s += "<th class=\"num\">" + esc(p) + "</th>";
  std::vector<std::pair<std::string, double>> units;
  for (Metric k : metrics) {
    std::vector<double> values = valuesOf(rows, k);
    units.push_back(k == Metric::Utilization ? std::make_pair(std::string("%"), 0.01)
                                             : displayUnit(k, values));
    std::string heading = k == Metric::Utilization ? "utilization [%]" : metricHeading(k, values);
    bool objective = std::find(m.options->objectives.begin(), m.options->objectives.end(), k) !=
                     m.options->objectives.end();
    s += "<th class=\"num" + std::string(objective ? " obj" : "") + "\">" + esc(heading) + "</th>";
  }
  s += "</tr></thead><tbody>\n";
  for (size_t f : m.front) {
    const Record &r = *m.plotted[f];
    s += "<tr data-i=\"" + std::to_string(f) + "\"><td class=\"num\">#" + std::to_string(r.point) +
         "</td>";
    for (const std::string &p : m.params)
      s += "<td class=\"num\">" + esc(paramText(r, p)) + "</td>";
    for (size_t c = 0; c < metrics.size(); ++c) {
      std::optional<double> v = metricValue(r, metrics[c]);
      s += "<td class=\"num\">" + (v ? esc(num(*v / units[c].second)) : "-") + "</td>";
    }
    s += "</tr>\n";
  }
  return s + "</tbody></table></div>\n";
}

} // namespace

std::string paretoSection(const Model &m) {
  std::string objectives;
  for (Metric k : m.options->objectives)
    objectives += (objectives.empty() ? "" : ", ") + std::string(metricName(k));
  std::string s = "<section id=\"pareto\">\n<h2>Pareto front</h2>\n<p class=\"lede\">" +
                  std::to_string(m.front.size()) + " of " + std::to_string(m.plotted.size()) +
                  " plotted points are on the front over " + esc(objectives) +
                  " (all minimised): no other point is at least as good in every objective "
                  "and "
                  "better in one. ";
  s += m.options->objectives.size() == 1
           ? "With one objective the plot shows it against the point index. "
           : "One plot per pair of objectives. ";
  s += "Hover over a point for its details, click to keep them.</p>\n";
  s += "<div class=\"legend\"><span class=\"key\"><i class=\"dot "
       "fr\"></i>Pareto front</span>"
       "<span class=\"key\"><i class=\"dot\"></i>dominated</span></div>\n";
  s += "<div class=\"pareto\">\n<div class=\"plots\">\n" + plots(m) + "</div>\n";
  s += "<aside class=\"details\" id=\"details\"><h3>Point details</h3><div "
       "id=\"details-body\">"
       "<p class=\"hint\">Hover over a point in a "
       "plot.</p></div></aside>\n</div>\n";
  s += "<h3>Points on the front</h3>\n";
  if (m.front.empty())
    return s + "<p>No valid point: the front is empty.</p>\n</section>\n";
  return s + frontTable(m) + "</section>\n";
}

std::string excludedSection(const Model &m) {
  std::string s = "<section id=\"excluded\">\n<h2>Invalid and excluded points</h2>\n";
  if (m.excluded.empty())
    return s + "<p>None: every point is valid and plotted.</p>\n</section>\n";
  s += "<p class=\"lede\">" + std::to_string(m.excluded.size()) +
       " points are not plotted: they have no valid mapping, violate a "
       "constraint of the sweep "
       "or of the report, or lack an objective (or its value is not a finite number).</p>\n";
  s += "<div class=\"scroll\"><table class=\"data\"><thead><tr><th "
       "class=\"num\">point</th>"
       "<th>parameters</th><th>reason</th></tr></thead><tbody>\n";
  for (const Record *r : m.excluded) {
    std::string reason;
    if (!r->error.empty()) {
      reason = r->error;
    } else if (!r->violations.empty()) {
      for (const std::string &v : r->violations)
        reason += (reason.empty() ? "violates " : ", ") + v;
    } else if (std::vector<std::string> v = violatedConstraints(*r, m.options->constraints);
               !v.empty()) {
      for (const std::string &c : v)
        reason += (reason.empty() ? "violates the report constraint " : ", ") + c;
    } else if (std::optional<Metric> k = nonFinite(*r, m.options->objectives)) {
      reason = "its " + std::string(metricName(*k)) + " is not a finite number";
    } else {
      reason = "lacks a value of an objective";
    }
    s += "<tr><td class=\"num\">#" + std::to_string(r->point) + "</td><td><code>" +
         esc(describeParams(*r)) + "</code></td><td>" + esc(reason) + "</td></tr>\n";
  }
  return s + "</tbody></table></div>\n</section>\n";
}

} // namespace tessel::sweep::report
