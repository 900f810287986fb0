// Entry point of the `tessel` command-line tool: dispatches to subcommands.
#include <cstdio>
#include <cstring>

int main(int argc, char **argv) {
  if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
    std::puts("tessel 0.1.0");
    return 0;
  }
  std::puts("usage: tessel <command> [options]");
  return 0;
}
