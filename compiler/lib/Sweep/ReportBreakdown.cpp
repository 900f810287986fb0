// The report's breakdowns of the front (latency and energy per layer, energy
// per memory level) and the sensitivity of each objective to each parameter.
#include "ReportHtml.h"

#include "tessel/Sweep/Values.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace tessel::sweep::report {

namespace {

const char *kLatencyColor = "#495057";
const char *kOtherColor = "#ced4da";

std::string percent(double part, double whole) {
  return whole > 0 ? num(100 * part / whole, 3) + " %" : "-";
}

/// Series names for energy: the levels of the totals, then any other name a
/// layer uses.
std::vector<std::string> energySeries(const Model &m) {
  std::vector<std::string> names = m.levels;
  for (size_t f : m.front)
    for (const LayerResult &l : m.plotted[f]->layers)
      for (const auto &p : l.energyByLevelJ)
        if (std::find(names.begin(), names.end(), p.first) == names.end())
          names.push_back(p.first);
  return names;
}

/// The segments of `parts` in the order of `names`, and what the parts leave of
/// `total` as a last segment ("other": records without a breakdown).
std::vector<double> segmentsOf(const NamedValues &parts, const std::vector<std::string> &names,
                               double total, double factor) {
  std::vector<double> seg(names.size() + 1, 0);
  double sum = 0;
  for (const auto &[name, e] : parts) {
    size_t i = std::find(names.begin(), names.end(), name) - names.begin();
    seg[i] += factor * e;
    sum += factor * e;
  }
  double rest = factor * total - sum;
  seg.back() = rest > 1e-6 * std::fabs(factor * total) ? rest : 0;
  return seg;
}

std::vector<std::string> seriesColors(size_t n) {
  std::vector<std::string> colors;
  for (size_t i = 0; i < n; ++i)
    colors.push_back(seriesColor(i));
  colors.push_back(kOtherColor);
  return colors;
}

std::string levelsText(const NamedValues &parts, double factor) {
  std::string s;
  for (const auto &[name, e] : parts)
    if (e != 0)
      s += "\n  " + name + ": " + valueText(Metric::Energy, factor * e);
  return s;
}

/// Short names of the workloads of layers: the file name without directories and ".wl", or the
/// whole path when two workloads share that name.
std::map<std::string, std::string> workloadLabels(const Model &m) {
  std::set<std::string> paths;
  for (size_t f : m.front)
    for (const LayerResult &l : m.plotted[f]->layers)
      if (!l.workload.empty())
        paths.insert(l.workload);
  std::map<std::string, std::string> label;
  std::map<std::string, int> uses;
  for (const std::string &p : paths) {
    std::string base = p.substr(p.find_last_of('/') + 1);
    if (base.size() > 3 && base.compare(base.size() - 3, 3, ".wl") == 0)
      base.resize(base.size() - 3);
    label[p] = base;
    ++uses[base];
  }
  for (auto &[path, base] : label)
    if (uses[base] > 1)
      base = path;
  return label;
}

/// True when a layer of the point counts other than once per execution.
bool weighted(const Record &r) {
  return std::any_of(r.layers.begin(), r.layers.end(),
                     [](const LayerResult &l) { return l.weight != 1; });
}

std::string layerChart(const Record &r, const std::vector<std::string> &names,
                       const std::map<std::string, std::string> &workloads) {
  bool w = weighted(r);
  BarColumn latency{w ? "latency: count \u00d7 weight \u00d7 one execution"
                      : "latency per inference (count \u00d7 one execution)",
                    {kLatencyColor},
                    {}};
  BarColumn energy{w ? "energy (count \u00d7 weight), by level" : "energy per inference, by level",
                   seriesColors(names.size()),
                   {}};
  // Shares of the point's totals, which are the sums of these contributions.
  double totalLatency = r.totals->latencyS, totalEnergy = r.totals->energyJ;
  for (const LayerResult &l : r.layers) {
    double n = l.count * l.weight, lat = n * l.latencyS, en = n * l.energyJ;
    std::string label = l.workload.empty() ? l.name : workloads.at(l.workload) + ": " + l.name;
    std::string tip = l.name;
    if (!l.workload.empty())
      tip += "\nworkload: " + l.workload;
    tip += "\ncount: " + std::to_string(l.count);
    if (l.weight != 1)
      tip += ", weight: " + num(l.weight, 6) + " (counts " + num(n, 6) + " times in the totals)";
    tip += "\nlatency: " + valueText(Metric::Latency, lat) + " (" + percent(lat, totalLatency) +
           " of the total; one execution " + valueText(Metric::Latency, l.latencyS) + ")" +
           "\nenergy: " + valueText(Metric::Energy, en) + " (" + percent(en, totalEnergy) +
           " of the total)" + levelsText(l.energyByLevelJ, n) +
           "\nutilization: " + valueText(Metric::Utilization, l.utilization);
    if (!l.mapping.empty())
      tip += "\nmapping: " + l.mapping;
    latency.bars.push_back(
        {label,
         {lat},
         valueText(Metric::Latency, lat) + " \u00b7 " + percent(lat, totalLatency),
         tip});
    energy.bars.push_back({label, segmentsOf(l.energyByLevelJ, names, l.energyJ, n),
                           valueText(Metric::Energy, en) + " \u00b7 " + percent(en, totalEnergy),
                           tip});
  }
  return barChartSvg({latency, energy});
}

/// A notice when the layers' contributions do not add up to the point's totals (records of an
/// older tessel, whose layers carried no weights); empty when they do.
std::string sumCheck(const Record &r) {
  double latency = 0, energy = 0;
  for (const LayerResult &l : r.layers) {
    latency += l.count * l.weight * l.latencyS;
    energy += l.count * l.weight * l.energyJ;
  }
  auto off = [](double sum, double total) {
    return std::fabs(sum - total) > 1e-3 * std::max(std::fabs(total), 1e-300);
  };
  if (!off(latency, r.totals->latencyS) && !off(energy, r.totals->energyJ))
    return "";
  return "<p class=\"notice\">The layers add up to " + valueText(Metric::Latency, latency) +
         " and " + valueText(Metric::Energy, energy) + ", not to the point's totals (" +
         valueText(Metric::Latency, r.totals->latencyS) + ", " +
         valueText(Metric::Energy, r.totals->energyJ) +
         "): the record does not say how much each layer counts (a record written by an older "
         "tessel, whose layers carried no weights), so the shares are of the totals and the "
         "bars are not weighted.</p>\n";
}

std::string summaryLine(const Model &m, const Record &r) {
  std::string s;
  for (Metric k : m.options->objectives)
    s += (s.empty() ? "" : " &#183; ") +
         esc(std::string(metricName(k)) + " " + valueText(k, *metricValue(r, k)));
  return s;
}

std::vector<std::pair<std::string, std::string>> legendKeys(const std::vector<std::string> &names,
                                                            const std::vector<bool> &used) {
  std::vector<std::pair<std::string, std::string>> keys;
  for (size_t i = 0; i < names.size(); ++i)
    if (used[i])
      keys.emplace_back(names[i], seriesColor(i));
  if (used.back())
    keys.emplace_back("not broken down", kOtherColor);
  return keys;
}

} // namespace

std::string layersSection(const Model &m) {
  std::string s = "<section id=\"layers\">\n<h2>Layers of the front's points</h2>\n";
  if (m.front.empty())
    return s + "<p>The front is empty.</p>\n</section>\n";
  std::vector<std::string> names = energySeries(m);
  std::vector<bool> used(names.size() + 1, false);
  size_t withoutLayers = 0;
  bool anyWeighted = false, anyWorkload = false;
  for (size_t f : m.front) {
    const Record &r = *m.plotted[f];
    withoutLayers += r.layers.empty();
    anyWeighted = anyWeighted || weighted(r);
    for (const LayerResult &l : r.layers) {
      anyWorkload = anyWorkload || !l.workload.empty();
      std::vector<double> seg = segmentsOf(l.energyByLevelJ, names, l.energyJ, l.count * l.weight);
      for (size_t i = 0; i < seg.size(); ++i)
        used[i] = used[i] || seg[i] > 0;
    }
  }
  s += "<p class=\"lede\">Each layer's part of the point's latency and energy (one execution "
       "times the layer's count" +
       std::string(anyWeighted ? " times its weight: the workload's weight and that of its "
                                 "<code>weight</code> block, as the totals count it"
                               : ", per inference") +
       "), with its share of the point's total; the energy is split by memory level." +
       (anyWorkload ? " Layers are named by their workload (file name without .wl)." : "") +
       " Bars are scaled to the largest layer of the point. Hover over a bar for the figures "
       "and the mapping.</p>\n";
  if (withoutLayers > 0)
    s += "<p class=\"notice\">" + std::to_string(withoutLayers) + " of the " +
         std::to_string(m.front.size()) +
         " points of the front " + (withoutLayers == 1 ? "has" : "have") +
         " no per-layer results: their records were written without <code>--detail</code> (a "
         "sweep resumed from such a file keeps them as they are). Sweep them again with "
         "<code>--detail</code> or <code>--report</code> to see their layers.</p>\n";
  if (withoutLayers < m.front.size())
    s += legendHtml(legendKeys(names, used));
  std::map<std::string, std::string> workloads = workloadLabels(m);
  for (size_t n = 0; n < m.front.size(); ++n) {
    const Record &r = *m.plotted[m.front[n]];
    s += std::string("<details class=\"point\"") + (n == 0 ? " open" : "") + "><summary>" +
         esc(pointName(r)) + "<span class=\"muted\">" + summaryLine(m, r) + "</span></summary>\n";
    if (r.layers.empty())
      s += "<p class=\"notice nodetail\">No per-layer results in this record (written without "
           "<code>--detail</code>).</p>";
    else
      s += sumCheck(r) + "<div class=\"scroll\">" + layerChart(r, names, workloads) + "</div>";
    s += "</details>\n";
  }
  return s + "</section>\n";
}

std::string levelsSection(const Model &m) {
  std::string s = "<section id=\"levels\">\n<h2>Energy by memory level</h2>\n";
  if (m.front.empty())
    return s + "<p>The front is empty.</p>\n</section>\n";
  const std::vector<std::string> &names = m.levels;
  std::vector<bool> used(names.size() + 1, false);
  BarColumn column{"share of the energy per inference", seriesColors(names.size()), {}};
  for (size_t f : m.front) {
    const Record &r = *m.plotted[f];
    double total = r.totals->energyJ;
    std::vector<double> seg = segmentsOf(r.totals->energyByLevelJ, names, total, 1);
    for (size_t i = 0; i < seg.size(); ++i) {
      used[i] = used[i] || seg[i] > 0;
      seg[i] = total > 0 ? seg[i] / total : 0;
    }
    column.bars.push_back({"#" + std::to_string(r.point), seg,
                           valueText(Metric::Energy, total) + " in all",
                           pointName(r) + levelsText(r.totals->energyByLevelJ, 1)});
  }
  s += "<p class=\"lede\">Whole-workload energy of each point of the front, "
       "split by memory "
       "level and by the other consumers (MAC units, the networks between "
       "levels, leakage): "
       "the bars and the table show the shares (hover over a share for its "
       "value). Levels that use no energy in any of "
       "these points are left out.</p>\n" +
       legendHtml(legendKeys(names, used)) + "<div class=\"scroll\">" + barChartSvg({column}) +
       "</div>\n";
  s += "<div class=\"scroll tall\"><table class=\"data\"><thead><tr><th "
       "class=\"num\">point"
       "</th>";
  for (size_t i = 0; i < names.size(); ++i)
    if (used[i])
      s += "<th class=\"num\">" + esc(names[i]) + "</th>";
  if (used.back())
    s += "<th class=\"num\">not broken down</th>";
  s += "<th class=\"num\">total</th></tr></thead><tbody>\n";
  for (size_t n = 0; n < m.front.size(); ++n) {
    const Record &r = *m.plotted[m.front[n]];
    std::vector<double> seg = segmentsOf(r.totals->energyByLevelJ, names, r.totals->energyJ, 1);
    s += "<tr data-i=\"" + std::to_string(m.front[n]) + "\"><td class=\"num\">#" +
         std::to_string(r.point) + "</td>";
    for (size_t i = 0; i < seg.size(); ++i)
      if (used[i])
        s += "<td class=\"num\" title=\"" + esc(valueText(Metric::Energy, seg[i])) + "\">" +
             percent(seg[i], r.totals->energyJ) + "</td>";
    s += "<td class=\"num\">" + esc(valueText(Metric::Energy, r.totals->energyJ)) + "</td></tr>\n";
  }
  return s + "</tbody></table></div>\n</section>\n";
}

std::string sensitivitySection(const Model &m) {
  const std::vector<Metric> &obj = m.options->objectives;
  std::vector<Sensitivity> all = computeSensitivity(m.plotted, obj);
  std::string s = "<section id=\"sensitivity\">\n<h2>Sensitivity</h2>\n";
  s += "<p class=\"lede\">For each parameter and objective, the plotted points "
       "are grouped by "
       "the parameter's value and the objective's median is taken in each "
       "group. The figure is "
       "how much larger the largest group median is than the smallest, as a "
       "percentage or, from "
       "ten-fold on, as a factor (0 %: the objective does not move with the "
       "parameter); the "
       "line shows the medians by increasing value (hover for the values, "
       "minima and group "
       "sizes). Parameters with one value are left out; rows are ordered by "
       "their largest "
       "figure.</p>\n";
  if (all.empty())
    return s + "<p>No parameter takes two values among the plotted "
               "points.</p>\n</section>\n";
  std::vector<std::string> params;
  for (const Sensitivity &x : all)
    if (std::find(params.begin(), params.end(), x.param) == params.end())
      params.push_back(x.param);
  auto rowMax = [&](const std::string &p) {
    double best = 0;
    for (const Sensitivity &x : all)
      if (x.param == p)
        best = std::max(best, x.spread);
    return best;
  };
  std::stable_sort(params.begin(), params.end(), [&](const std::string &a, const std::string &b) {
    return rowMax(a) > rowMax(b);
  });
  s += "<div class=\"scroll\"><table class=\"data "
       "sens\"><thead><tr><th>parameter</th>"
       "<th>values</th>";
  for (Metric k : obj)
    s += "<th>" + esc(metricName(k)) + "</th>";
  s += "</tr></thead><tbody>\n";
  for (const std::string &p : params) {
    const Sensitivity *first = nullptr;
    for (const Sensitivity &x : all)
      if (x.param == p && !first)
        first = &x;
    std::string values;
    for (size_t g = 0; g < first->groups.size() && g < 6; ++g)
      values += (g ? ", " : "") + m.paramValue(p, first->groups[g].value);
    if (first->groups.size() > 6)
      values += ", ... (" + std::to_string(first->groups.size()) + " values)";
    s += "<tr><td><code>" + esc(p) + "</code></td><td class=\"muted\">" + esc(values) + "</td>";
    for (Metric k : obj) {
      auto it = std::find_if(all.begin(), all.end(), [&](const Sensitivity &x) {
        return x.param == p && x.objective == k;
      });
      if (it == all.end()) {
        s += "<td>-</td>";
        continue;
      }
      double heat = std::min(1.0, std::log1p(it->spread) / std::log(2.0));
      std::string tip = p + " -> " + metricName(k) + " (median, min, points)";
      std::vector<double> medians;
      for (const SensitivityGroup &g : it->groups) {
        tip += "\n" + m.paramValue(p, g.value) + ": " + valueText(k, g.median) + ", " +
               valueText(k, g.min) + ", " + std::to_string(g.count);
        medians.push_back(g.median);
      }
      std::string figure = !std::isfinite(it->spread) ? "unbounded"
                           : it->spread < 10          ? "+" + num(100 * it->spread, 3) + " %"
                                             : "\u00d7" + num(std::round(1 + it->spread), 15);
      s += "<td class=\"heat\" style=\"background:rgba(232,89,12," + num(0.38 * heat, 3) +
           ")\"><span class=\"fig\">" + esc(figure) + "</span>" + sparklineSvg(medians, tip) +
           "</td>";
    }
    s += "</tr>\n";
  }
  return s + "</tbody></table></div>\n</section>\n";
}

} // namespace tessel::sweep::report
