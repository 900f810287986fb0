// Writing and reading mappings as JSON, by name (docs/mapping-format.md).
#include "tessel/cost/MappingJson.h"

#include "JsonPositions.h"
#include "tessel/cost/Components.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace tessel::cost {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

std::string lower(std::string s) {
  for (char &c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// "#<n>": the placeholder name of an index with no name (avoids GCC 12's -Wrestrict false
/// positive on "literal" + std::string temporaries).
std::string numbered(int64_t n) {
  std::string out(1, '#');
  out += std::to_string(n);
  return out;
}

std::string joinNames(const std::vector<std::string> &names) {
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// Reads one document, collecting errors located through `positions`.
class MappingReader {
public:
  MappingReader(const Problem &problem, const Arch &arch, const JsonPositions &positions,
                std::vector<JsonError> &errors)
      : problem(problem), arch(arch), positions(positions), errors(errors) {}

  std::optional<Mapping> readDocument(const json &root);

private:
  void error(const std::string &pointer, std::string message) {
    auto [line, column] = positions.locate(pointer);
    errors.push_back({line, column, pointer, std::move(message)});
  }

  /// Reports `name` as unknown among `known` (a `what` such as "dim"), with a suggestion.
  void unknownName(const std::string &pointer, const std::string &what, const std::string &name,
                   const std::vector<std::string> &known, const std::string &where) {
    // A name differing only in case is the likeliest intent. Single letters (dims) are all one
    // edit apart, so for them only that counts.
    std::string hint;
    for (const std::string &k : known)
      if (hint.empty() && lower(k) == lower(name))
        hint = "did you mean '" + k + "'?";
    if (hint.empty() && name.size() > 1)
      hint = didYouMean(name, known);
    error(pointer, "unknown " + what + " '" + name + "'" + where +
                       (hint.empty() ? " (" + what + "s are: " + joinNames(known) + ")"
                                     : "; " + hint));
  }

  /// Reports keys of `object` outside `allowed`.
  void checkKeys(const json &object, const std::string &pointer,
                 const std::vector<std::string> &allowed, const std::string &what) {
    for (const auto &item : object.items())
      if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end())
        unknownName(pointer + "/" + JsonPositions::escape(item.key()) + "#key", "key",
                    item.key(), allowed, " in " + what);
  }

  int lookup(const std::string &pointer, const json &value, const std::string &what,
             const std::vector<std::string> &known, const std::string &where);
  std::optional<Mapping> readMapping(const json &object, const std::string &pointer);
  void readLevel(const json &object, const std::string &pointer, Mapping &mapping,
                 std::map<int, std::string> &seen);
  void readLoops(const json &loops, const std::string &pointer, bool spatial,
                 LevelMapping &level, const std::string &levelName);
  bool readVersion(const json &object, const std::string &pointer, bool required);

  const Problem &problem;
  const Arch &arch;
  const JsonPositions &positions;
  std::vector<JsonError> &errors;
};

int MappingReader::lookup(const std::string &pointer, const json &value, const std::string &what,
                          const std::vector<std::string> &known, const std::string &where) {
  if (!value.is_string()) {
    error(pointer, what + " must be a name (a string)");
    return -1;
  }
  const std::string &name = value.get_ref<const std::string &>();
  auto it = std::find(known.begin(), known.end(), name);
  if (it != known.end())
    return static_cast<int>(it - known.begin());
  unknownName(pointer, what, name, known, where);
  return -1;
}

bool MappingReader::readVersion(const json &object, const std::string &pointer, bool required) {
  auto it = object.find("version");
  if (it == object.end()) {
    if (required)
      error(pointer, "missing \"version\" (this tessel reads version " +
                         std::to_string(kMappingFormatVersion) + ")");
    return !required;
  }
  if (!it->is_number_integer() || it->get<int64_t>() != kMappingFormatVersion) {
    error(pointer + "/version", "unsupported mapping format version " + it->dump() +
                                    " (this tessel reads version " +
                                    std::to_string(kMappingFormatVersion) + ")");
    return false;
  }
  return true;
}

std::optional<Mapping> MappingReader::readDocument(const json &root) {
  if (!root.is_object()) {
    error("", "a mapping document must be a JSON object");
    return std::nullopt;
  }
  if (!root.contains("mappings"))
    return readMapping(root, "");
  checkKeys(root, "", {"version", "mappings", "comment", "search"}, "a mapping list");
  if (!readVersion(root, "", true))
    return std::nullopt;
  const json &list = root["mappings"];
  if (!list.is_array()) {
    error("/mappings", "\"mappings\" must be an array of mappings");
    return std::nullopt;
  }
  std::vector<std::string> layers;
  int found = -1;
  for (size_t i = 0; i < list.size(); ++i) {
    const json &entry = list[i];
    std::string pointer = "/mappings/" + std::to_string(i);
    if (!entry.is_object() || !entry.contains("layer") || !entry["layer"].is_string()) {
      error(pointer, "every entry of \"mappings\" must be an object with a \"layer\" name");
      continue;
    }
    std::string layer = entry["layer"].get<std::string>();
    layers.push_back(layer);
    if (layer != problem.name)
      continue;
    if (found >= 0) {
      error(pointer + "/layer", "layer '" + layer + "' has a second mapping (the first is " +
                                    "entry " + std::to_string(found) + ")");
      continue;
    }
    found = static_cast<int>(i);
  }
  if (found < 0) {
    if (errors.empty())
      unknownName("/mappings", "layer", problem.name, layers, " in \"mappings\"");
    return std::nullopt;
  }
  if (!errors.empty())
    return std::nullopt;
  return readMapping(list[found], "/mappings/" + std::to_string(found));
}

std::optional<Mapping> MappingReader::readMapping(const json &object,
                                                  const std::string &pointer) {
  if (!object.is_object()) {
    error(pointer, "a mapping must be a JSON object");
    return std::nullopt;
  }
  size_t before = errors.size();
  checkKeys(object, pointer, {"version", "layer", "arch", "levels", "cost", "search", "comment"},
            "a mapping");
  readVersion(object, pointer, pointer.empty());
  for (const char *key : {"layer", "arch"})
    if (object.contains(key) && !object[key].is_string())
      error(pointer + "/" + key, std::string("\"") + key + "\" must be a string");
  Mapping mapping;
  mapping.levels.resize(arch.levels.size());
  auto levels = object.find("levels");
  if (levels == object.end()) {
    error(pointer, "missing \"levels\" (an array with one entry per storage level)");
  } else if (!levels->is_array()) {
    error(pointer + "/levels", "\"levels\" must be an array");
  } else {
    std::map<int, std::string> seen;
    for (size_t i = 0; i < levels->size(); ++i)
      readLevel((*levels)[i], pointer + "/levels/" + std::to_string(i), mapping, seen);
  }
  if (errors.size() != before)
    return std::nullopt;
  return mapping;
}

void MappingReader::readLevel(const json &object, const std::string &pointer, Mapping &mapping,
                              std::map<int, std::string> &seen) {
  if (!object.is_object()) {
    error(pointer, "a level must be an object with a \"name\"");
    return;
  }
  checkKeys(object, pointer, {"name", "temporal", "spatial", "bypass"}, "a level");
  auto name = object.find("name");
  if (name == object.end()) {
    error(pointer, "missing \"name\" of the storage level");
    return;
  }
  std::vector<std::string> levelNames;
  for (const StorageLevel &l : arch.levels)
    levelNames.push_back(l.name);
  int l = lookup(pointer + "/name", *name, "level", levelNames, " in arch '" + arch.name + "'");
  if (l < 0)
    return;
  if (auto [it, inserted] = seen.emplace(l, pointer); !inserted) {
    auto [line, column] = positions.locate(it->second);
    error(pointer + "/name", "level '" + levelNames[l] + "' appears twice (first at " +
                                 std::to_string(line) + ":" + std::to_string(column) + ")");
    return;
  }
  LevelMapping &level = mapping.levels[l];
  if (auto loops = object.find("temporal"); loops != object.end())
    readLoops(*loops, pointer + "/temporal", false, level, levelNames[l]);
  if (auto loops = object.find("spatial"); loops != object.end())
    readLoops(*loops, pointer + "/spatial", true, level, levelNames[l]);
  auto bypass = object.find("bypass");
  if (bypass == object.end())
    return;
  if (!bypass->is_array()) {
    error(pointer + "/bypass", "\"bypass\" must be an array of tensor names");
    return;
  }
  std::vector<std::string> tensorNames;
  for (const Tensor &t : problem.tensors)
    tensorNames.push_back(t.name);
  for (size_t i = 0; i < bypass->size(); ++i) {
    int t = lookup(pointer + "/bypass/" + std::to_string(i), (*bypass)[i], "tensor", tensorNames,
                   " in layer '" + problem.name + "'");
    if (t >= 0 && t < 32)
      level.bypass |= TensorMask(1) << t;
  }
}

void MappingReader::readLoops(const json &loops, const std::string &pointer, bool spatial,
                              LevelMapping &level, const std::string &levelName) {
  const char *kind = spatial ? "spatial" : "temporal";
  if (!loops.is_array()) {
    error(pointer, std::string("\"") + kind + "\" must be an array of loops");
    return;
  }
  std::vector<std::string> dimNames;
  for (const Dim &d : problem.dims)
    dimNames.push_back(d.name);
  for (size_t i = 0; i < loops.size(); ++i) {
    std::string at = pointer + "/" + std::to_string(i);
    const json &loop = loops[i];
    if (!loop.is_object()) {
      error(at, std::string("a ") + kind + " loop must be an object {\"dim\", \"factor\"" +
                    (spatial ? ", \"axis\"}" : "}"));
      continue;
    }
    checkKeys(loop, at,
              spatial ? std::vector<std::string>{"dim", "factor", "axis"}
                      : std::vector<std::string>{"dim", "factor"},
              std::string("a ") + kind + " loop");
    int dim = -1;
    int64_t factor = 0;
    Axis axis = Axis::X;
    bool ok = true;
    if (!loop.contains("dim")) {
      error(at, "missing \"dim\" of the loop");
      ok = false;
    } else {
      dim = lookup(at + "/dim", loop["dim"], "dim", dimNames, " in layer '" + problem.name + "'");
      ok &= dim >= 0;
    }
    if (!loop.contains("factor")) {
      error(at, "missing \"factor\" of the loop");
      ok = false;
    } else if (!loop["factor"].is_number_integer() || loop["factor"].get<int64_t>() < 1) {
      error(at + "/factor", "factor must be a positive integer, got " + loop["factor"].dump());
      ok = false;
    } else {
      factor = loop["factor"].get<int64_t>();
    }
    if (spatial) {
      const json *a = loop.contains("axis") ? &loop["axis"] : nullptr;
      if (!a) {
        error(at, "missing \"axis\" (\"x\" or \"y\") of the spatial loop at level '" +
                      levelName + "'");
        ok = false;
      } else if (!a->is_string() || (*a != "x" && *a != "y")) {
        error(at + "/axis", "axis must be \"x\" or \"y\", got " + a->dump());
        ok = false;
      } else {
        axis = *a == "x" ? Axis::X : Axis::Y;
      }
    }
    if (!ok)
      continue;
    if (spatial)
      level.spatial.push_back({dim, factor, axis});
    else
      level.temporal.push_back({dim, factor});
  }
}

} // namespace

std::string formatJsonError(const JsonError &error, const std::string &file) {
  std::string out = file;
  if (error.line > 0) {
    out += ':';
    out += std::to_string(error.line);
    out += ':';
    out += std::to_string(error.column);
  }
  out += ": error: ";
  out += error.message;
  return out;
}

ordered_json mappingToJsonValue(const Mapping &mapping, const Problem &problem,
                                const Arch &arch) {
  auto dimName = [&](int d) {
    return d >= 0 && static_cast<size_t>(d) < problem.dims.size() ? problem.dims[d].name
                                                                   : numbered(d);
  };
  ordered_json doc;
  doc["version"] = kMappingFormatVersion;
  doc["layer"] = problem.name;
  doc["arch"] = arch.name;
  ordered_json levels = ordered_json::array();
  for (size_t l = 0; l < mapping.levels.size(); ++l) {
    const LevelMapping &lm = mapping.levels[l];
    ordered_json level;
    level["name"] = l < arch.levels.size() ? arch.levels[l].name : numbered(static_cast<int64_t>(l));
    level["temporal"] = ordered_json::array();
    for (const TemporalLoop &t : lm.temporal)
      level["temporal"].push_back({{"dim", dimName(t.dim)}, {"factor", t.factor}});
    level["spatial"] = ordered_json::array();
    for (const SpatialLoop &s : lm.spatial)
      level["spatial"].push_back({{"dim", dimName(s.dim)},
                                  {"factor", s.factor},
                                  {"axis", s.axis == Axis::X ? "x" : "y"}});
    level["bypass"] = ordered_json::array();
    for (size_t t = 0; t < problem.tensors.size() && t < 32; ++t)
      if (lm.bypass >> t & 1)
        level["bypass"].push_back(problem.tensors[t].name);
    levels.push_back(std::move(level));
  }
  doc["levels"] = std::move(levels);
  return doc;
}

std::string mappingToJson(const Mapping &mapping, const Problem &problem, const Arch &arch,
                          int indent) {
  return mappingToJsonValue(mapping, problem, arch)
      .dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

MappingParseResult parseMappingJson(const std::string &text, const Problem &problem,
                                    const Arch &arch) {
  MappingParseResult result;
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error &e) {
    std::string message = e.what();
    // Drop the library's "[json.exception.parse_error.101] parse error at line L, column C: ".
    if (size_t colon = message.find(": "); colon != std::string::npos &&
                                           message.find("column") < colon)
      message = message.substr(colon + 2);
    auto [line, column] =
        JsonPositions::lineColumn(text, JsonPositions::tokenStart(text, e.byte));
    result.errors.push_back({line, column,
                             "", "invalid JSON: " + message});
    return result;
  } catch (const std::exception &e) {
    result.errors.push_back({0, 0, "", std::string("invalid JSON: ") + e.what()});
    return result;
  }
  try {
    JsonPositions positions(text);
    MappingReader reader(problem, arch, positions, result.errors);
    result.mapping = reader.readDocument(root);
    if (!result.errors.empty())
      result.mapping.reset();
  } catch (const std::exception &e) {
    result.errors.push_back({0, 0, "", std::string("cannot read the mapping: ") + e.what()});
    result.mapping.reset();
  }
  return result;
}

} // namespace tessel::cost
