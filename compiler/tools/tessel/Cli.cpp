// Option parsing for tessel subcommands.
#include "Cli.h"

#include "tessel/dsl/Diagnostics.h"

#include <ostream>

namespace tessel::cli {

std::optional<std::string> ParsedArgs::get(const std::string &o) const {
  auto it = values.find(o);
  if (it == values.end() || it->second.empty())
    return std::nullopt;
  return it->second.back();
}

void printHelp(const CommandSpec &spec, std::ostream &out) {
  out << "USAGE: " << spec.usage << "\n\n" << spec.summary << "\n\nOPTIONS:\n";
  std::vector<OptionSpec> all = spec.options;
  all.push_back({"help", "", "Print this help and exit"});
  for (const OptionSpec &o : all) {
    std::string left = "  --" + o.name + (o.valueName.empty() ? "" : "=" + o.valueName);
    out << left;
    if (left.size() < 28)
      out << std::string(28 - left.size(), ' ');
    else
      out << "\n" << std::string(28, ' ');
    out << o.help << '\n';
  }
  if (!spec.details.empty())
    out << '\n' << spec.details << '\n';
}

std::optional<ParsedArgs> parseArgs(const CommandSpec &spec, int argc, char **argv,
                                    std::ostream &out, std::ostream &err, bool &helpShown) {
  ParsedArgs r;
  helpShown = false;
  bool onlyPositional = false;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (onlyPositional || a.size() < 2 || a[0] != '-') {
      r.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      onlyPositional = true;
      continue;
    }
    std::string body = a.substr(a[1] == '-' ? 2 : 1);
    std::string name = body, value;
    bool hasValue = false;
    if (size_t eq = body.find('='); eq != std::string::npos) {
      name = body.substr(0, eq);
      value = body.substr(eq + 1);
      hasValue = true;
    }
    if (name == "help" || name == "h") {
      printHelp(spec, out);
      helpShown = true;
      return r;
    }
    const OptionSpec *opt = nullptr;
    for (const OptionSpec &o : spec.options)
      if (o.name == name)
        opt = &o;
    if (!opt) {
      std::vector<std::string> names;
      for (const OptionSpec &o : spec.options)
        names.push_back(o.name);
      names.push_back("help");
      std::string best = dsl::closestMatch(name, names);
      err << "tessel " << spec.name << ": error: unknown option '" << a << "'\n";
      if (!best.empty())
        err << "hint: did you mean '--" << best << "'?\n";
      else
        err << "hint: see 'tessel " << spec.name << " --help'\n";
      return std::nullopt;
    }
    if (opt->valueName.empty()) {
      if (hasValue) {
        err << "tessel " << spec.name << ": error: option '--" << name
            << "' does not take a value\n";
        return std::nullopt;
      }
      r.values[name].push_back("");
      continue;
    }
    if (!hasValue) {
      if (i + 1 >= argc) {
        err << "tessel " << spec.name << ": error: option '--" << name << "' needs a value ("
            << opt->valueName << ")\n";
        return std::nullopt;
      }
      value = argv[++i];
    }
    r.values[name].push_back(value);
  }
  return r;
}

} // namespace tessel::cli
