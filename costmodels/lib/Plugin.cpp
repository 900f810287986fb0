// The plugin loader: dlopen, entry point and version checks, transactional registration.
#include "tessel/cost/Plugin.h"

#include <dlfcn.h>
#include <exception>
#include <set>

namespace tessel::cost {

namespace {

/// Owns a dlopen handle until release(); closes a rejected library.
class LibraryHandle {
public:
  explicit LibraryHandle(void *handle) : handle(handle) {}
  LibraryHandle(const LibraryHandle &) = delete;
  LibraryHandle &operator=(const LibraryHandle &) = delete;
  ~LibraryHandle() {
    if (handle)
      dlclose(handle);
  }
  void *get() const { return handle; }
  void release() { handle = nullptr; }

private:
  void *handle;
};

std::string quoted(const std::string &text) { return "'" + text + "'"; }

/// Runs the plugin's register function into `registrar`; turns an exception into a failure.
void runRegistration(const TesselPluginInfo &info, PluginRegistrar &registrar) {
  try {
    info.registerPlugin(registrar);
  } catch (const std::exception &e) {
    registrar.fail(std::string("exception: ") + e.what());
  } catch (...) {
    registrar.fail("unknown exception");
  }
}

/// Checks the registrar's additions against each other and against the host's objects.
void checkClashes(PluginRegistrar &registrar, const Registry &registry,
                  const ComponentLibrary &components) {
  std::vector<std::string> models = registry.costModelNames();
  std::set<std::string> taken(models.begin(), models.end());
  for (const auto &entry : registrar.costModels)
    if (!taken.insert(entry.first).second)
      registrar.fail("cost model " + quoted(entry.first) + " is already registered");
  std::vector<std::string> classes = components.classNames();
  taken = std::set<std::string>(classes.begin(), classes.end());
  for (const auto &entry : registrar.componentModels)
    if (!taken.insert(entry.cls).second)
      registrar.fail("component class " + quoted(entry.cls) + " is already registered");
}

std::string joined(const std::vector<std::string> &messages) {
  std::string text;
  for (const std::string &message : messages)
    text += (text.empty() ? "" : "; ") + message;
  return text;
}

} // namespace

std::string loadPlugin(const std::string &path, Registry &registry, ComponentLibrary &components,
                       LoadedPlugin &loaded) {
  std::string openPath = path.find('/') == std::string::npos ? "./" + path : path;
  // dlerror() is reset by a successful call; read it right after the failing one.
  dlerror();
  LibraryHandle library(dlopen(openPath.c_str(), RTLD_NOW | RTLD_LOCAL));
  if (!library.get()) {
    const char *reason = dlerror();
    return "could not load plugin " + quoted(path) + ": " + (reason ? reason : "unknown error");
  }
  using InfoFunction = const TesselPluginInfo *(*)();
  auto entry = reinterpret_cast<InfoFunction>(dlsym(library.get(), "tesselPluginInfo"));
  if (!entry)
    return "plugin " + quoted(path) +
           " does not export the entry point 'tesselPluginInfo' (define it as extern \"C\" "
           "with TESSEL_PLUGIN_EXPORT; see docs/plugins.md)";
  const TesselPluginInfo *info = entry();
  if (!info)
    return "plugin " + quoted(path) + ": tesselPluginInfo() returned null";
  std::string label = info->name && *info->name ? quoted(info->name) : quoted(path);
  if (info->apiVersion != TESSEL_PLUGIN_API_VERSION)
    return "wrong API version on plugin " + label + " (" + path + "): got version " +
           std::to_string(info->apiVersion) + ", supported version is " +
           std::to_string(TESSEL_PLUGIN_API_VERSION);
  if (info->layoutFingerprint != pluginLayoutFingerprint())
    return "plugin " + label + " (" + path +
           ") was built against tessel headers that lay out its types differently (layout "
           "fingerprint " +
           std::to_string(info->layoutFingerprint) + ", this tessel has " +
           std::to_string(pluginLayoutFingerprint()) +
           "): rebuild it against this tessel's installed package";
  if (!info->name || !*info->name)
    return "plugin " + quoted(path) + " has no name";
  if (!info->registerPlugin)
    return "plugin " + label + " (" + path + ") has no register function";

  std::string error;
  {
    // The registrar holds factories whose code lives in the library: destroy it before a
    // rejected library is closed.
    PluginRegistrar registrar;
    runRegistration(*info, registrar);
    if (registrar.errors.empty())
      checkClashes(registrar, registry, components);
    if (!registrar.errors.empty()) {
      error = "plugin " + label + " (" + path + ") failed to register: " + joined(registrar.errors);
    } else {
      loaded = LoadedPlugin{path, info->name, info->version ? info->version : "", {}, {}};
      for (auto &[name, factory] : registrar.costModels) {
        registry.addCostModel(name, std::move(factory));
        loaded.costModels.push_back(name);
      }
      for (auto &entry : registrar.componentModels) {
        components.addComponentModel(entry.cls, std::move(entry.model),
                                     std::move(entry.description));
        loaded.componentModels.push_back(entry.cls);
      }
    }
  }
  if (error.empty())
    library.release();
  return error;
}

} // namespace tessel::cost
