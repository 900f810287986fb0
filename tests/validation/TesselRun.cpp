// Runs the tessel executable through the shell and parses what it prints.
#include "TesselRun.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace tessel::validation {

namespace {

/// Single-quoted for the POSIX shell.
std::string quote(const std::string &s) {
  std::string q = "'";
  for (char c : s)
    q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string firstLines(const std::string &text, int lines) {
  std::string out;
  std::istringstream in(text);
  for (std::string line; lines-- > 0 && std::getline(in, line);)
    out += (out.empty() ? "" : " | ") + line;
  return out;
}

} // namespace

std::string TesselRun::run(const std::vector<std::string> &args, std::string &output) const {
  char errPath[] = "/tmp/tessel-validate-XXXXXX";
  int fd = mkstemp(errPath);
  if (fd < 0)
    return "cannot create a temporary file for standard error";
  close(fd);
  std::string command = quote(binary);
  for (const std::string &a : args)
    command += " " + quote(a);
  command += " 2>" + quote(errPath);
  int status = -1;
  if (FILE *pipe = popen(command.c_str(), "r")) {
    char buf[65536];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;)
      output.append(buf, n);
    status = pclose(pipe);
  }
  std::ifstream errFile(errPath);
  std::string errText((std::istreambuf_iterator<char>(errFile)), {});
  std::remove(errPath);
  if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
    return {};
  std::string shown = "tessel";
  for (const std::string &a : args)
    shown += " " + a;
  return "`" + shown + "` failed (status " + std::to_string(status) +
         "): " + firstLines(errText, 3);
}

std::string TesselRun::json(const std::vector<std::string> &args, nlohmann::json &out) const {
  std::string output;
  if (std::string err = run(args, output); !err.empty())
    return err;
  out = nlohmann::json::parse(output, nullptr, /*allow_exceptions=*/false);
  return out.is_discarded() ? "tessel " + args.front() + " printed no valid JSON" : "";
}

std::string TesselRun::jsonFile(std::vector<std::string> args, nlohmann::json &out) const {
  char path[] = "/tmp/tessel-validate-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0)
    return "cannot create a temporary file for the JSON output";
  close(fd);
  args.insert(args.end(), {"--json", path});
  std::string output;
  std::string err = run(args, output);
  if (err.empty()) {
    std::ifstream in(path);
    out = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (out.is_discarded())
      err = "tessel " + args.front() + " wrote no valid JSON";
  }
  std::remove(path);
  return err;
}

std::string writeTempJson(const json &doc) {
  char path[] = "/tmp/tessel-validate-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0)
    return {};
  std::string text = doc.dump();
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  if (!ok)
    std::remove(path);
  return ok ? path : "";
}

const json *named(const json &array, const std::string &name) {
  if (!array.is_array())
    return nullptr;
  for (const json &e : array)
    if (e.is_object() && e.value("name", "") == name)
      return &e;
  return nullptr;
}

const json *accelerator(const json &checkOutput, const std::string &name) {
  const json *a = named(checkOutput, name);
  return a && a->value("kind", "") == "accelerator" ? a : nullptr;
}

const json *energyPart(const json &accel, const std::string &name) {
  if (!accel.contains("energy") || !accel["energy"].contains("parts"))
    return nullptr;
  return named(accel["energy"]["parts"], name);
}

double figure(const json &part, const char *key) {
  if (!part.contains(key) || !part[key].is_object() || !part[key].contains("value"))
    return std::nan("");
  return part[key]["value"].get<double>();
}

double levelAccesses(const json &level) {
  double sum = 0;
  if (!level.contains("tensors"))
    return sum;
  for (const json &t : level["tensors"])
    for (const char *k : {"fills", "reads", "updates", "read_backs"})
      sum += t["total"].value(k, 0.0);
  return sum;
}

double levelWords(const json &level) {
  double sum = 0;
  if (level.contains("tensors"))
    for (const json &t : level["tensors"])
      sum += t.value("words", 0.0);
  return sum;
}

std::string readTextFile(const std::string &path, std::string &text) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in)
    return "cannot read " + path;
  text = ss.str();
  return "";
}

std::string writeTextFile(const std::string &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  return out ? "" : "cannot write " + path;
}

double tensorCount(const json &level, const std::string &tensor, const char *count) {
  if (!level.contains("tensors") || !level["tensors"].contains(tensor))
    return 0;
  return level["tensors"][tensor]["total"].value(count, 0.0);
}

} // namespace tessel::validation
