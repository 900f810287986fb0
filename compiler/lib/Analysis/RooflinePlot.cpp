// The SVG roofline plot of `tessel analyze --plot` (see Roofline.h).
#include "tessel/Analysis/Roofline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace tessel::analysis {

namespace {

constexpr double kWidth = 760, kHeight = 500;
constexpr double kLeft = 80, kRight = 190, kTop = 40, kBottom = 60;
const char *const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

std::string escape(const std::string &s) {
  std::string r;
  for (char c : s) {
    if (c == '<')
      r += "&lt;";
    else if (c == '>')
      r += "&gt;";
    else if (c == '&')
      r += "&amp;";
    else if (c == '"')
      r += "&quot;";
    else
      r += c;
  }
  return r;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string sci(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

/// Log-log axes over [x0, x1] x [y0, y1] (decades).
struct Axes {
  double x0, x1, y0, y1;
  double x(double v) const {
    return kLeft + (std::log10(v) - x0) / (x1 - x0) * (kWidth - kLeft - kRight);
  }
  double y(double v) const {
    return kHeight - kBottom - (std::log10(v) - y0) / (y1 - y0) * (kHeight - kTop - kBottom);
  }
};

struct Point {
  double intensity, rate;
  std::string label, kind;
};

} // namespace

std::string rooflineSvg(const std::vector<WorkloadProfile> &workloads, const Machine &m) {
  // The points: each op with MACs at its binding level's intensity.
  int firstRoof = -1;
  for (size_t l = 0; l < m.levels.size() && firstRoof < 0; ++l)
    if (m.levels[l].bytesPerSecond > 0)
      firstRoof = static_cast<int>(l);
  std::vector<Point> points;
  int skipped = 0;
  for (const WorkloadProfile &w : workloads)
    for (const OpProfile &op : w.ops) {
      Placement p = place(op, m);
      int level = p.bottleneck >= 0 ? p.bottleneck : firstRoof;
      double intensity = level >= 0 ? p.levels[level].intensity : op.intensity();
      if (op.macs <= 0 || intensity <= 0 || p.attainableMacsPerSecond <= 0) {
        ++skipped;
        continue;
      }
      std::string label = (workloads.size() > 1 ? w.name + ":" : "") + op.name;
      points.push_back({intensity, p.attainableMacsPerSecond, label, op.kind});
    }
  // Axis ranges in decades around the points, the ridges and the peak.
  double lo = 1e300, hi = 0;
  for (const Point &pt : points) {
    lo = std::min(lo, pt.intensity);
    hi = std::max(hi, pt.intensity);
  }
  for (size_t l = 0; l < m.levels.size(); ++l)
    if (double r = m.ridge(l); r > 0) {
      lo = std::min(lo, r);
      hi = std::max(hi, r);
    }
  if (hi <= 0)
    lo = 0.1, hi = 1000;
  Axes ax;
  ax.x0 = std::floor(std::log10(lo));
  ax.x1 = std::max(ax.x0 + 1, std::ceil(std::log10(hi) + 1e-9));
  double peak = m.peakMacsPerSecond > 0 ? m.peakMacsPerSecond : 1;
  ax.y1 = std::ceil(std::log10(peak) + 0.3);
  double ylo = peak;
  for (const Point &pt : points)
    ylo = std::min(ylo, pt.rate);
  for (const MemoryRoof &r : m.levels)
    if (r.bytesPerSecond > 0)
      ylo = std::min(ylo, r.bytesPerSecond * std::pow(10.0, ax.x0));
  ax.y0 = std::min(ax.y1 - 1, std::floor(std::log10(ylo)));

  std::ostringstream os;
  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\""
     << kHeight << "\" font-family=\"sans-serif\" font-size=\"11\">\n";
  os << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  std::string title = "Roofline of ";
  for (size_t i = 0; i < workloads.size(); ++i)
    title += (i ? ", " : "") + workloads[i].name;
  title += " on " + m.name;
  os << "<text x=\"" << kLeft << "\" y=\"22\" font-size=\"14\">" << escape(title)
     << "</text>\n";
  // Grid and decade ticks.
  for (double d = ax.x0; d <= ax.x1 + 1e-9; d += 1) {
    double x = ax.x(std::pow(10.0, d));
    os << "<line x1=\"" << num(x) << "\" y1=\"" << kTop << "\" x2=\"" << num(x) << "\" y2=\""
       << kHeight - kBottom << "\" stroke=\"#ddd\"/>\n";
    os << "<text x=\"" << num(x) << "\" y=\"" << kHeight - kBottom + 16
       << "\" text-anchor=\"middle\">1e" << d << "</text>\n";
  }
  for (double d = ax.y0; d <= ax.y1 + 1e-9; d += 1) {
    double y = ax.y(std::pow(10.0, d));
    os << "<line x1=\"" << kLeft << "\" y1=\"" << num(y) << "\" x2=\"" << kWidth - kRight
       << "\" y2=\"" << num(y) << "\" stroke=\"#ddd\"/>\n";
    os << "<text x=\"" << kLeft - 6 << "\" y=\"" << num(y + 4)
       << "\" text-anchor=\"end\">1e" << d << "</text>\n";
  }
  os << "<text x=\"" << num((kLeft + kWidth - kRight) / 2) << "\" y=\"" << kHeight - 20
     << "\" text-anchor=\"middle\">arithmetic intensity (MAC/B)</text>\n";
  os << "<text transform=\"translate(18," << num((kTop + kHeight - kBottom) / 2)
     << ") rotate(-90)\" text-anchor=\"middle\">attainable MAC/s</text>\n";
  // Roofs: the compute ceiling and one slanted roof per bounded level.
  double xmax = std::pow(10.0, ax.x1), xmin = std::pow(10.0, ax.x0);
  os << "<line x1=\"" << num(ax.x(xmin)) << "\" y1=\"" << num(ax.y(peak)) << "\" x2=\""
     << num(ax.x(xmax)) << "\" y2=\"" << num(ax.y(peak))
     << "\" stroke=\"black\" stroke-width=\"2\"/>\n";
  os << "<text x=\"" << num(ax.x(xmax) + 4) << "\" y=\"" << num(ax.y(peak) + 4)
     << "\">peak " << sci(peak) << " MAC/s</text>\n";
  for (size_t l = 0; l < m.levels.size(); ++l) {
    const MemoryRoof &r = m.levels[l];
    if (r.bytesPerSecond <= 0)
      continue;
    double ridge = m.ridge(l);
    double from = std::max(xmin, std::pow(10.0, ax.y0) / r.bytesPerSecond);
    os << "<line x1=\"" << num(ax.x(from)) << "\" y1=\"" << num(ax.y(r.bytesPerSecond * from))
       << "\" x2=\"" << num(ax.x(ridge)) << "\" y2=\"" << num(ax.y(peak))
       << "\" stroke=\"black\" stroke-dasharray=\"6,3\"/>\n";
    os << "<text x=\"" << num(ax.x(ridge) + 3) << "\" y=\"" << num(ax.y(peak) + 14 + 12 * l)
       << "\">" << escape(r.level) << " ridge " << sci(ridge) << " MAC/B</text>\n";
  }
  // Points, coloured by kind, with a legend.
  std::map<std::string, std::string> colour;
  for (const Point &pt : points)
    if (!colour.count(pt.kind)) {
      size_t n = colour.size();
      colour[pt.kind] = kPalette[n % (sizeof kPalette / sizeof *kPalette)];
    }
  for (const Point &pt : points)
    os << "<circle cx=\"" << num(ax.x(pt.intensity)) << "\" cy=\"" << num(ax.y(pt.rate))
       << "\" r=\"4\" fill=\"" << colour[pt.kind] << "\" fill-opacity=\"0.75\"><title>"
       << escape(pt.label) << " (" << escape(pt.kind) << "): " << sci(pt.intensity)
       << " MAC/B, " << sci(pt.rate) << " MAC/s</title></circle>\n";
  double ly = kTop + 10;
  for (const auto &[kind, c] : colour) {
    os << "<circle cx=\"" << kWidth - kRight + 20 << "\" cy=\"" << num(ly) << "\" r=\"4\" fill=\""
       << c << "\"/><text x=\"" << kWidth - kRight + 30 << "\" y=\"" << num(ly + 4) << "\">"
       << escape(kind) << "</text>\n";
    ly += 16;
  }
  if (skipped)
    os << "<text x=\"" << kWidth - kRight + 14 << "\" y=\"" << num(ly + 8) << "\">" << skipped
       << " ops without MACs not shown</text>\n";
  os << "</svg>\n";
  return os.str();
}

} // namespace tessel::analysis
