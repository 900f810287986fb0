// SVG charts of the HTML report: axes with nice or logarithmic ticks, scatter
// plots of the objectives, stacked horizontal bars and sparklines. Output is
// plain text, deterministic.
#include "ReportHtml.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tessel::sweep::report {

namespace {

double niceStep(double raw) {
  double e = std::floor(std::log10(raw));
  double f = raw / std::pow(10, e);
  double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nice * std::pow(10, e);
}

std::string truncated(const std::string &s, size_t n) {
  if (s.size() <= n)
    return s;
  size_t cut = n - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
    --cut; // do not split a UTF-8 sequence
  return s.substr(0, cut) + "\u2026";
}

} // namespace

double Axis::fraction(double si) const {
  double v = si / scale;
  if (log)
    return (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
  return (v - lo) / (hi - lo);
}

Axis makeAxis(const std::string &name, const std::string &unit, double scale,
              const std::vector<double> &values) {
  Axis a;
  a.scale = scale;
  a.label = unit.empty() ? name : name + " [" + unit + "]";
  if (values.empty())
    return a;
  double mn = values.front() / scale, mx = mn;
  for (double v : values) {
    mn = std::min(mn, v / scale);
    mx = std::max(mx, v / scale);
  }
  if (mn > 0 && mx > 100 * mn) {
    a.log = true;
    a.label += ", log scale";
    double l0 = std::log10(mn), l1 = std::log10(mx), pad = 0.04 * (l1 - l0);
    // Within double's normal range, so that the ends and ticks stay finite and non-zero.
    a.lo = std::pow(10, std::max(l0 - pad, -307.0));
    a.hi = std::min(std::pow(10, l1 + pad), std::numeric_limits<double>::max());
    bool labelMiddles = l1 - l0 <= 3;
    for (int k = static_cast<int>(std::floor(l0 - pad)); k <= static_cast<int>(std::ceil(l1)); ++k)
      for (int m = 1; m <= 9; ++m) {
        double t = m * std::pow(10, k);
        if (t < a.lo || t > a.hi || !std::isfinite(t))
          continue;
        (m == 1 || (labelMiddles && (m == 2 || m == 5)) ? a.ticks : a.minor).push_back(t);
      }
    return a;
  }
  // A range within rounding of one value (points differing in the last bits) is drawn as that
  // value: steps of a few ulps would give ticks that double arithmetic cannot count.
  // Subnormal values count as 0 (their steps would underflow).
  double magnitude = std::max(std::fabs(mn), std::fabs(mx));
  if (magnitude < 1e-290)
    magnitude = 0;
  bool constant = magnitude == 0 || mx - mn <= 1e-9 * magnitude;
  double pad = !constant ? 0.05 * (mx - mn) : (magnitude == 0 ? 1 : 0.1 * magnitude);
  double lo = mn - pad, hi = mx + pad;
  if (mn >= 0 && lo < 0)
    lo = 0;
  double step = niceStep((hi - lo) / 5);
  double k0 = std::floor(lo / step), k1 = std::ceil(hi / step);
  a.lo = k0 * step;
  a.hi = k1 * step;
  for (int k = 0; k <= static_cast<int>(k1 - k0) && k <= 20; ++k)
    a.ticks.push_back((k0 + k) * step);
  return a;
}

Axis metricAxis(Metric m, const std::vector<double> &values) {
  auto [unit, scale] = displayUnit(m, values);
  return makeAxis(metricName(m), unit == metricName(m) ? "" : unit, scale, values);
}

const char *seriesColor(size_t i) {
  static const char *kPalette[] = {"#4263eb", "#12b886", "#f59f00", "#e64980", "#7048e8",
                                   "#1098ad", "#74b816", "#f76707", "#868e96", "#ae3ec9"};
  return kPalette[i % 10];
}

std::string scatterSvg(const Axis &x, const Axis &y, const std::vector<PlotPoint> &points,
                       bool staircase) {
  const double W = 480, H = 340, L = 74, R = 22, T = 18, B = 52;
  const double pw = W - L - R, ph = H - T - B;
  auto X = [&](double si) { return L + x.fraction(si) * pw; };
  auto Y = [&](double si) { return T + (1 - y.fraction(si)) * ph; };
  auto Xd = [&](double v) { return X(v * x.scale); };
  auto Yd = [&](double v) { return Y(v * y.scale); };
  std::string s = "<svg class=\"plot\" viewBox=\"0 0 " + px(W) + " " + px(H) +
                  "\" role=\"img\" aria-label=\"" + esc(y.label + " against " + x.label) + "\">\n";
  s += "<rect class=\"area\" x=\"" + px(L) + "\" y=\"" + px(T) + "\" width=\"" + px(pw) +
       "\" height=\"" + px(ph) + "\"/>\n";
  for (double t : x.ticks) {
    std::string cx = px(Xd(t));
    s += "<line class=\"grid\" x1=\"" + cx + "\" x2=\"" + cx + "\" y1=\"" + px(T) + "\" y2=\"" +
         px(T + ph) + "\"/><text class=\"tick\" x=\"" + cx + "\" y=\"" + px(T + ph + 16) +
         "\" text-anchor=\"middle\">" + esc(num(t)) + "</text>\n";
  }
  for (double t : x.minor) {
    std::string cx = px(Xd(t));
    s += "<line class=\"minor\" x1=\"" + cx + "\" x2=\"" + cx + "\" y1=\"" + px(T + ph) +
         "\" y2=\"" + px(T + ph - 4) + "\"/>\n";
  }
  for (double t : y.ticks) {
    std::string cy = px(Yd(t));
    s += "<line class=\"grid\" x1=\"" + px(L) + "\" x2=\"" + px(L + pw) + "\" y1=\"" + cy +
         "\" y2=\"" + cy + "\"/><text class=\"tick\" x=\"" + px(L - 7) + "\" y=\"" + px(Yd(t) + 4) +
         "\" text-anchor=\"end\">" + esc(num(t)) + "</text>\n";
  }
  for (double t : y.minor) {
    std::string cy = px(Yd(t));
    s += "<line class=\"minor\" x1=\"" + px(L) + "\" x2=\"" + px(L + 4) + "\" y1=\"" + cy +
         "\" y2=\"" + cy + "\"/>\n";
  }
  s += "<rect class=\"frame\" x=\"" + px(L) + "\" y=\"" + px(T) + "\" width=\"" + px(pw) +
       "\" height=\"" + px(ph) + "\"/>\n";
  s += "<text class=\"axis\" x=\"" + px(L + pw / 2) + "\" y=\"" + px(H - 12) +
       "\" text-anchor=\"middle\">" + esc(x.label) + "</text>\n";
  s += "<text class=\"axis\" transform=\"translate(18 " + px(T + ph / 2) +
       ") rotate(-90)\" text-anchor=\"middle\">" + esc(y.label) + "</text>\n";
  if (staircase) {
    std::vector<const PlotPoint *> front;
    for (const PlotPoint &p : points)
      if (p.front)
        front.push_back(&p);
    std::stable_sort(front.begin(), front.end(), [](const PlotPoint *a, const PlotPoint *b) {
      return a->x < b->x || (a->x == b->x && a->y < b->y);
    });
    if (front.size() > 1) {
      std::string d = "M" + px(X(front[0]->x)) + " " + px(Y(front[0]->y));
      for (size_t i = 1; i < front.size(); ++i)
        d += "H" + px(X(front[i]->x)) + "V" + px(Y(front[i]->y));
      s += "<path class=\"stair\" d=\"" + d + "\"/>\n";
    }
  }
  for (bool onFront : {false, true}) {
    s += onFront ? "<g class=\"front\">\n" : "<g class=\"dominated\">\n";
    for (const PlotPoint &p : points)
      if (p.front == onFront)
        s += "<circle class=\"pt" + std::string(onFront ? " fr" : "") + "\" cx=\"" + px(X(p.x)) +
             "\" cy=\"" + px(Y(p.y)) + "\" r=\"" + (onFront ? "5" : "3.5") + "\" data-i=\"" +
             std::to_string(p.index) + "\"><title>" + esc(p.tooltip) + "</title></circle>\n";
    s += "</g>\n";
  }
  return s + "</svg>\n";
}

std::string barChartSvg(const std::vector<BarColumn> &columns) {
  const double labelW = 190, colW = 300, valueW = 130, header = 26, rowH = 20, barH = 13;
  size_t rows = 0;
  for (const BarColumn &c : columns)
    rows = std::max(rows, c.bars.size());
  double W = labelW + columns.size() * (colW + valueW), H = header + rows * rowH + 6;
  std::string s = "<svg class=\"bars\" viewBox=\"0 0 " + px(W) + " " + px(H) + "\" width=\"" +
                  px(W) + "\" role=\"img\">\n";
  for (size_t r = 0; r < rows; ++r)
    if (r % 2 == 0)
      s += "<rect class=\"zebra\" x=\"0\" y=\"" + px(header + r * rowH) + "\" width=\"" + px(W) +
           "\" height=\"" + px(rowH) + "\"/>\n";
  for (size_t c = 0; c < columns.size(); ++c) {
    const BarColumn &col = columns[c];
    double x0 = labelW + c * (colW + valueW), longest = 0;
    for (const Bar &b : col.bars) {
      double sum = 0;
      for (double v : b.segments)
        sum += std::max(0.0, v);
      longest = std::max(longest, sum);
    }
    s += "<text class=\"coltitle\" x=\"" + px(x0) + "\" y=\"" + px(header - 9) + "\">" +
         esc(col.title) + "</text>\n";
    for (size_t r = 0; r < col.bars.size(); ++r) {
      const Bar &b = col.bars[r];
      double y = header + r * rowH;
      s += "<g class=\"bar\"><title>" + esc(b.tooltip) + "</title>";
      if (c == 0)
        s += "<text class=\"rowlabel\" x=\"" + px(labelW - 10) + "\" y=\"" + px(y + 14) +
             "\" text-anchor=\"end\">" + esc(truncated(b.label, 26)) + "</text>";
      double x = x0;
      for (size_t i = 0; i < b.segments.size(); ++i) {
        double w = longest > 0 ? std::max(0.0, b.segments[i]) / longest * colW : 0;
        if (w <= 0)
          continue;
        s += "<rect x=\"" + px(x) + "\" y=\"" + px(y + (rowH - barH) / 2) + "\" width=\"" + px(w) +
             "\" height=\"" + px(barH) + "\" fill=\"" + col.colors[i % col.colors.size()] + "\"/>";
        x += w;
      }
      s += "<text class=\"value\" x=\"" + px(x + 6) + "\" y=\"" + px(y + 14) + "\">" +
           esc(b.valueText) + "</text></g>\n";
    }
  }
  return s + "</svg>\n";
}

std::string legendHtml(const std::vector<std::pair<std::string, std::string>> &keys) {
  std::string s = "<div class=\"legend\">";
  for (const auto &[name, color] : keys)
    s += "<span class=\"key\"><i style=\"background:" + color + "\"></i>" + esc(name) + "</span>";
  return s + "</div>\n";
}

std::string sparklineSvg(const std::vector<double> &values, const std::string &tooltip) {
  const double W = 96, H = 26, pad = 4;
  double mn = *std::min_element(values.begin(), values.end());
  double mx = *std::max_element(values.begin(), values.end());
  std::string s = "<svg class=\"spark\" viewBox=\"0 0 96 26\" width=\"96\" "
                  "height=\"26\"><title>" +
                  esc(tooltip) + "</title>";
  std::string pts, dots;
  for (size_t i = 0; i < values.size(); ++i) {
    double x = values.size() > 1 ? pad + i * (W - 2 * pad) / (values.size() - 1) : W / 2;
    double y = mx > mn ? H - pad - (values[i] - mn) / (mx - mn) * (H - 2 * pad) : H / 2;
    pts += (i ? " " : "") + px(x) + "," + px(y);
    dots += "<circle cx=\"" + px(x) + "\" cy=\"" + px(y) + "\" r=\"2\"/>";
  }
  return s + "<polyline points=\"" + pts + "\"/>" + dots + "</svg>";
}

} // namespace tessel::sweep::report
