// File-level driver of the front end: loads files, follows imports, detects cycles, checks.
#include "CheckCommon.h"
#include "tessel/dsl/Parser.h"

#include <boost/variant/get.hpp>

#include <filesystem>
#include <set>

namespace tessel::dsl {

namespace {

namespace fs = std::filesystem;

template <typename File, typename Model> class Loader {
public:
  Loader(SourceManager &sm, DiagnosticEngine &diags, const ParamInputs &ov)
      : sm(sm), diags(diags), ov(ov) {}

  void load(const std::string &path, SourceRange from) {
    std::error_code ec;
    fs::path canon = fs::weakly_canonical(fs::path(path), ec);
    std::string key = ec ? path : canon.string();
    for (size_t i = 0; i < stack.size(); ++i)
      if (stack[i] == key) {
        std::string chain;
        for (size_t j = i; j < stack.size(); ++j)
          chain += fs::path(stack[j]).filename().string() + " -> ";
        chain += fs::path(key).filename().string();
        diags.error(from, "import cycle: " + chain);
        return;
      }
    if (!done.insert(key).second)
      return;
    if (fs::is_directory(path, ec)) {
      diags.error(from, "'" + path + "' is a directory, not a file");
      return;
    }
    std::string err;
    std::optional<uint32_t> id = sm.addFile(path, err);
    if (!id) {
      diags.error(from, err);
      return;
    }
    loadBuffer(*id, path, key);
  }

  /// Parses and checks buffer `id` (read from `path`), imports first.
  void loadBuffer(uint32_t id, const std::string &path, const std::string &key) {
    File file;
    if (!parse(id, file))
      return;
    stack.push_back(key);
    Scope fileScope;
    for (const auto &top : file.items) {
      if (const auto *imp = boost::get<ast::Import>(&top)) {
        fs::path target = fs::path(path).parent_path() / imp->path;
        load(target.string(), imp->loc);
      }
    }
    for (const auto &top : file.items)
      checkTop(top, path, fileScope);
    stack.pop_back();
  }

  std::vector<Model> models;

private:
  bool parse(uint32_t id, ast::HwFile &f) { return parseHw(sm, id, diags, f); }
  bool parse(uint32_t id, ast::WlFile &f) { return parseWl(sm, id, diags, f); }

  void checkTop(const ast::HwTop &top, const std::string &path, Scope &scope) {
    if (const auto *acc = boost::get<ast::Accelerator>(&top)) {
      Scope accScope(&scope);
      models.push_back(checkAccelerator(*acc, path, diags, ov, accScope));
    }
  }
  void checkTop(const ast::WlTop &top, const std::string &path, Scope &scope) {
    if (const auto *w = boost::get<ast::Workload>(&top)) {
      Scope wlScope(&scope);
      models.push_back(checkWorkload(*w, path, diags, ov, wlScope));
    }
  }

  SourceManager &sm;
  DiagnosticEngine &diags;
  ParamInputs ov;
  std::vector<std::string> stack;
  std::set<std::string> done;
};

} // namespace

std::vector<WlModel> checkWlBuffer(uint32_t file, SourceManager &sm, DiagnosticEngine &diags) {
  const std::string &name = sm.name(file);
  const ParamOverrides noOverrides;
  const ParamAssignments noAssignments;
  try {
    Loader<ast::WlFile, WlModel> l(sm, diags, {noOverrides, noAssignments});
    l.loadBuffer(file, name, name);
    return std::move(l.models);
  } catch (const std::exception &e) {
    diags.error({}, std::string("internal error while checking '") + name + "': " + e.what());
  }
  return {};
}

std::vector<HwModel> checkHwFile(const std::string &path, SourceManager &sm,
                                 DiagnosticEngine &diags, const ParamOverrides &ov,
                                 const ParamAssignments &given) {
  try {
    Loader<ast::HwFile, HwModel> l(sm, diags, {ov, given});
    l.load(path, {});
    return std::move(l.models);
  } catch (const std::exception &e) {
    diags.error({}, std::string("internal error while checking '") + path + "': " + e.what());
  }
  return {};
}

std::vector<WlModel> checkWlFile(const std::string &path, SourceManager &sm,
                                 DiagnosticEngine &diags, const ParamOverrides &ov,
                                 const ParamAssignments &given) {
  try {
    Loader<ast::WlFile, WlModel> l(sm, diags, {ov, given});
    l.load(path, {});
    return std::move(l.models);
  } catch (const std::exception &e) {
    diags.error({}, std::string("internal error while checking '") + path + "': " + e.what());
  }
  return {};
}

} // namespace tessel::dsl
