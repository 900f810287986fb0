// The component library object, its error messages, and the resolution of explicit values.
#include "ComponentFit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tessel::cost {

namespace detail {

double fitLogLog(const Anchor *anchors, size_t n, double x, bool &extrapolated) {
  extrapolated = x < anchors[0].x || x > anchors[n - 1].x;
  if (n == 1)
    return anchors[0].y * x / anchors[0].x;
  size_t i = 0;
  while (i + 2 < n && x > anchors[i + 1].x)
    ++i;
  const Anchor &a = anchors[i], &b = anchors[i + 1];
  if (x == a.x)
    return a.y;
  if (x == b.x)
    return b.y;
  double slope = std::log(b.y / a.y) / std::log(b.x / a.x);
  return a.y * std::pow(x / a.x, slope);
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string scaleNote(double fromNm, double toNm, double factor, const char *what) {
  if (fromNm == toNm)
    return {};
  return " x" + num(factor) + " (" + num(fromNm) + "->" + num(toNm) +
         " nm, Stillmaker & Baas 2017 " + what + ")";
}

} // namespace detail

std::string didYouMean(const std::string &name, const std::vector<std::string> &known) {
  auto distance = [](const std::string &a, const std::string &b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
      row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t diag = row[0];
      row[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
        diag = up;
      }
    }
    return row[b.size()];
  };
  std::string best;
  size_t bestDistance = std::max<size_t>(2, name.size() / 3) + 1;
  for (const std::string &k : known) {
    size_t d = distance(name, k);
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best.empty() ? "" : "did you mean '" + best + "'?";
}

std::string ComponentLibrary::addComponentModel(const std::string &cls, ComponentModelFn model,
                                                std::string description) {
  if (cls.empty())
    return "component class name is empty";
  if (!model)
    return "component class '" + cls + "' has no model";
  if (!models.emplace(cls, Entry{std::move(model), std::move(description)}).second)
    return "component class '" + cls + "' is already registered";
  return {};
}

std::vector<std::string> ComponentLibrary::classNames() const {
  std::vector<std::string> names;
  for (const auto &entry : models)
    names.push_back(entry.first);
  return names;
}

std::string ComponentLibrary::description(const std::string &cls) const {
  auto it = models.find(cls);
  return it == models.end() ? "" : it->second.description;
}

std::string ComponentLibrary::estimate(const ComponentSpec &spec, ComponentCosts &out) const {
  auto it = models.find(spec.cls);
  if (it == models.end()) {
    std::vector<std::string> names = classNames();
    std::string error = "unknown component class '" + spec.cls + "'";
    if (std::string hint = didYouMean(spec.cls, names); !hint.empty())
      error += "; " + hint;
    error += " (known:";
    for (const std::string &n : names)
      error += " " + n;
    return error + ")";
  }
  ComponentSpec s = spec;
  bool defaulted = s.technologyNm == 0;
  // Unit conversion leaves e.g. 45e-9 m as 44.999999999 nm: round to a millionth of a nm.
  s.technologyNm = defaulted ? kDefaultTechnologyNm : std::round(s.technologyNm * 1e6) / 1e6;
  if (std::string error = checkTechnology(s.technologyNm); !error.empty())
    return error;
  out = ComponentCosts();
  if (std::string error = it->second.model(s, out); !error.empty())
    return spec.cls + ": " + error;
  if (defaulted)
    for (Figure *f : {&out.readEnergy, &out.writeEnergy, &out.area, &out.leakage})
      f->source += " [technology unset: " + detail::num(kDefaultTechnologyNm) + " nm assumed]";
  return {};
}

void registerBuiltinComponents(ComponentLibrary &library) {
  detail::registerMemoryComponents(library);
  detail::registerLogicComponents(library);
}

std::string resolveComponent(const ComponentLibrary &library, const ComponentSpec &spec,
                             const ComponentOverrides &given, ResolvedComponent &out) {
  std::pair<ResolvedFigure *, const std::optional<double> *> slots[] = {
      {&out.readEnergy, &given.readEnergy},
      {&out.writeEnergy, &given.writeEnergy},
      {&out.area, &given.area},
      {&out.leakage, &given.leakage}};
  bool needModel = false;
  for (auto &[slot, value] : slots) {
    if (*value) {
      *slot = ResolvedFigure{**value, Origin::Given, "given"};
    } else {
      needModel = true;
    }
  }
  if (!needModel)
    return {};
  ComponentCosts costs;
  if (std::string error = library.estimate(spec, costs); !error.empty())
    return error;
  const Figure *model[] = {&costs.readEnergy, &costs.writeEnergy, &costs.area, &costs.leakage};
  for (size_t i = 0; i < 4; ++i)
    if (!*slots[i].second)
      *slots[i].first = ResolvedFigure{model[i]->value, Origin::Model, model[i]->source};
  return {};
}

} // namespace tessel::cost
