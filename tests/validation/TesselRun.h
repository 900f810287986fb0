// Runs the tessel command line (the real tool) and reads its JSON output for the validation
// checks; helpers to pick figures out of `check --json`, `eval --json` and `map --json`.
#ifndef TESSEL_VALIDATION_TESSELRUN_H
#define TESSEL_VALIDATION_TESSELRUN_H

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tessel::validation {

using nlohmann::json;

class TesselRun {
public:
  /// `binary`: the tessel executable; `root`: the source tree holding hwspecs/ and examples/.
  TesselRun(std::string binary, std::string root, int threads)
      : binary(std::move(binary)), root(std::move(root)), threads(threads) {}

  /// `root/relative`.
  std::string path(const std::string &relative) const { return root + "/" + relative; }
  /// Threads for `tessel map` (the result does not depend on them).
  int mapThreads() const { return threads; }

  /// Runs `tessel args...`, parses its standard output as JSON into `out` and returns "", or
  /// returns an error (exit status, the first lines of standard error, or a JSON error).
  std::string json(const std::vector<std::string> &args, nlohmann::json &out) const;

  /// Like json(), but the JSON is read from the file `--json FILE` writes: `args` get
  /// `--json <temporary file>` appended (for `tessel map`, whose standard output is a table).
  std::string jsonFile(std::vector<std::string> args, nlohmann::json &out) const;

private:
  /// Runs `tessel args...`; returns "" and standard output, or an error.
  std::string run(const std::vector<std::string> &args, std::string &output) const;

  std::string binary, root;
  int threads;
};

/// Writes `doc` to a fresh temporary file and returns its path ("" on failure).
std::string writeTempJson(const json &doc);

/// The element of `array` whose "name" is `name`, or nullptr.
const json *named(const json &array, const std::string &name);

/// `tessel check --json` output: the accelerator called `name`, or nullptr.
const json *accelerator(const json &checkOutput, const std::string &name);

/// An energy part (memory, compute or network) of a checked accelerator, or nullptr.
const json *energyPart(const json &accel, const std::string &name);

/// The resolved value of a figure of an energy part ("read_energy_pj", ...); NaN when missing.
double figure(const json &part, const char *key);

/// Sum over the tensors of a cost-report level of fills + reads + updates + read-backs (totals
/// over active instances): every element that crosses the level's port.
double levelAccesses(const json &level);

/// Sum over the tensors of a cost-report level of their `words` (the words crossing the
/// level's port; run-length coded tensors at their coded size, docs/model.md section 13).
double levelWords(const json &level);

/// Reads the file at `path` into `text`; returns "" or an error.
std::string readTextFile(const std::string &path, std::string &text);

/// Writes `text` to `path`; returns "" or an error.
std::string writeTextFile(const std::string &path, const std::string &text);

/// One count ("fills", "reads", "updates", "read_backs") of one tensor at a cost-report level
/// (0 when the tensor has no access there).
double tensorCount(const json &level, const std::string &tensor, const char *count);

} // namespace tessel::validation

#endif // TESSEL_VALIDATION_TESSELRUN_H
