// Internal pieces of the HTML report: escaping, deterministic number text, plot
// axes, the SVG charts and the report's model (which records are plotted, which
// are on the front).
#ifndef TESSEL_SWEEP_REPORTHTML_H
#define TESSEL_SWEEP_REPORTHTML_H

#include "tessel/Sweep/Report.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessel::sweep::report {

/// Text for HTML and SVG (XML) content and attribute values: & < > " ' escaped.
std::string esc(std::string_view text);

/// A number with at most `digits` significant digits, trailing zeros dropped,
/// in plain or exponent notation ("0.25", "120", "1.5e-05" as "1.5e-5"); locale
/// independent.
std::string num(double v, int digits = 4);

/// A coordinate for SVG attributes: 2 decimals, trailing zeros dropped.
std::string px(double v);

/// A value in the metric's display unit: "1.234 ms" (4 significant digits).
std::string metricText(Metric m, double si);

/// The column heading of a metric: "energy [mJ]" (unit chosen for `values`,
/// SI).
std::string metricHeading(Metric m, const std::vector<double> &values);

/// A plot axis: a display unit, linear or log scale, domain and ticks in
/// display units.
struct Axis {
  std::string label; ///< e.g. "energy [mJ]"
  double scale = 1;  ///< SI value of one display unit
  bool log = false;
  double lo = 0, hi = 1;
  std::vector<double> ticks; ///< labelled
  std::vector<double> minor; ///< unlabelled (log scale)
  /// Position of the SI value `si` in [0, 1] along the axis.
  double fraction(double si) const;
};

/// An axis for SI `values` of a quantity named `name` (unit and scale as
/// displayUnit gives them, or `unit`/`scale` for a plain axis): log scale when
/// every value is positive and the largest exceeds 100 times the smallest,
/// linear (rounded to nice ticks) otherwise.
Axis makeAxis(const std::string &name, const std::string &unit, double scale,
              const std::vector<double> &values);
Axis metricAxis(Metric m, const std::vector<double> &values);

/// One point of a scatter plot.
struct PlotPoint {
  double x = 0, y = 0; ///< SI
  size_t index = 0;    ///< position in the report's point data (the script's details)
  bool front = false;
  std::string tooltip; ///< text of the SVG <title>, lines separated by '\n'
};

/// An inline SVG scatter plot: dominated points first (faded), front points on
/// top; with `staircase`, the front joined by a step line (two objectives).
/// Circles carry class "pt".
std::string scatterSvg(const Axis &x, const Axis &y, const std::vector<PlotPoint> &points,
                       bool staircase);

/// One horizontal bar of a bar chart, made of segments (one per series, in
/// order).
struct Bar {
  std::string label; ///< shown left of the bar (truncated, in full in the tooltip)
  std::vector<double> segments;
  std::string valueText; ///< shown right of the bar
  std::string tooltip;
};

/// A column of a bar chart: a title, the colours of its series and one bar per
/// row.
struct BarColumn {
  std::string title;
  std::vector<std::string> colors;
  std::vector<Bar> bars;
};

/// A chart of horizontal stacked bars in columns side by side, row labels from
/// the first column. Every column has its own scale (its longest bar fills it).
std::string barChartSvg(const std::vector<BarColumn> &columns);

/// The fill colour of series `i` (a ten-colour palette, repeating).
const char *seriesColor(size_t i);

/// A legend as HTML: a coloured square before each name, e.g. {"DRAM",
/// "#4263eb"}.
std::string legendHtml(const std::vector<std::pair<std::string, std::string>> &keys);

/// A small line chart of `values` (e.g. group medians by parameter value) for a
/// table cell.
std::string sparklineSvg(const std::vector<double> &values, const std::string &tooltip);

/// What the report shows: the records, which are plotted and which are on the
/// front.
struct Model {
  const ReportOptions *options = nullptr;
  std::vector<const Record *> records;
  /// Valid records meeting options->constraints, with every objective: the
  /// plotted points.
  std::vector<const Record *> plotted;
  std::vector<bool> onFront;            ///< per plotted record
  std::vector<size_t> front;            ///< indices into `plotted`, in front order
  std::vector<const Record *> excluded; ///< every other record, in the given order
  std::vector<std::string> params;      ///< param names, sorted
  /// The unit of each param that has one in some record (Record::paramUnits).
  std::map<std::string, std::string> paramUnits;
  /// A value of param `name` in its natural unit ("108 KiB").
  std::string paramValue(const std::string &name, double v) const;
  std::vector<std::string> levels;      ///< energy_by_level_j names, in first-seen order
};

/// A value in its own display unit ("1.234 ms"); utilisation as a percentage.
std::string valueText(Metric m, double si);

/// The metrics listed for a point: the objectives, then latency, energy, area,
/// power and utilisation when they are not objectives.
std::vector<Metric> listedMetrics(const std::vector<Metric> &objectives);

/// The first objective whose value in `r` is not finite (an EDP that overflows, a record made
/// by a library caller); such records are not plotted.
std::optional<Metric> nonFinite(const Record &r, const std::vector<Metric> &objectives);

/// "#3 (cols=14, glb=64 KiB, rows=8)".
std::string pointName(const Record &r);

/// The sections of the page (each an HTML <section>).
std::string paretoSection(const Model &m);
std::string excludedSection(const Model &m);
std::string layersSection(const Model &m);
std::string levelsSection(const Model &m);
std::string sensitivitySection(const Model &m);

/// The report's stylesheet and script (inlined into the page).
const char *reportCss();
const char *reportScript();

} // namespace tessel::sweep::report

#endif // TESSEL_SWEEP_REPORTHTML_H
