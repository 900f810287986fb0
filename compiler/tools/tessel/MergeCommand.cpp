// `tessel merge a.jsonl b.jsonl -o all.jsonl`: join sweep result files (e.g. shards).
#include "Commands.h"

#include "tessel/Sweep/ResultsFile.h"

#include <iostream>

namespace tessel::cli {

const CommandSpec kMergeSpec = {
    "merge",
    "tessel merge [options] RESULTS.jsonl... [-o OUT.jsonl]",
    "Join sweep result files (e.g. the shards of a sweep) into one, in point order.",
    "Records are matched by point key. A point recorded identically in several files is\n"
    "kept once; different records for the same point are an error naming the point and\n"
    "both places. The output is in canonical order (point index, then key), so merging\n"
    "the shards of a sweep gives the file the unsharded sweep writes. A corrupt line is\n"
    "an error (file:line:col); an incomplete last line is skipped with a warning.\n"
    "Exit status: 0 on success, 1 on bad input. See docs/scale-out.md.",
    {{"o", "FILE", "Write the merged results here, atomically (default: standard output)"}},
};

int runMerge(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args = parseArgs(kMergeSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  if (args->positional.empty()) {
    std::cerr << "tessel merge: error: no input files\n"
                 "hint: tessel merge shard-*.jsonl -o all.jsonl\n";
    return 1;
  }
  auto merged = sweep::mergeResultFiles(args->positional, std::cerr);
  if (!merged) {
    std::cerr << merged.error() << "\n";
    return 1;
  }
  std::vector<std::string> lines;
  for (const sweep::SourcedRecord &s : *merged)
    lines.push_back(sweep::recordToJsonLine(s.record));
  if (std::optional<std::string> out = args->get("o")) {
    if (auto w = sweep::writeLinesAtomically(*out, lines); !w) {
      std::cerr << "tessel merge: error: " << w.error() << "\n";
      return 1;
    }
    return 0;
  }
  for (const std::string &l : lines)
    std::cout << l << '\n';
  return std::cout.flush() ? 0 : 1;
}

} // namespace tessel::cli
