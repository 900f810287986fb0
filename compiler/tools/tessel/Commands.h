// The tessel subcommands; each returns the process exit code (0 ok, 1 user error).
#ifndef TESSEL_TOOLS_COMMANDS_H
#define TESSEL_TOOLS_COMMANDS_H

#include "Cli.h"

namespace tessel::cli {

int runAnalyze(int argc, char **argv);
int runCheck(int argc, char **argv);
int runCompile(int argc, char **argv);
int runEval(int argc, char **argv);
int runImport(int argc, char **argv);
int runMap(int argc, char **argv);
int runSweep(int argc, char **argv);
int runPlugins(int argc, char **argv);
int runMerge(int argc, char **argv);
int runPareto(int argc, char **argv);

extern const CommandSpec kAnalyzeSpec;
extern const CommandSpec kCheckSpec;
extern const CommandSpec kCompileSpec;
extern const CommandSpec kEvalSpec;
extern const CommandSpec kImportSpec;
extern const CommandSpec kMapSpec;
extern const CommandSpec kSweepSpec;
extern const CommandSpec kPluginsSpec;
extern const CommandSpec kMergeSpec;
extern const CommandSpec kParetoSpec;

} // namespace tessel::cli

#endif // TESSEL_TOOLS_COMMANDS_H
