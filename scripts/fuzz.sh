#!/bin/sh
# Builds the libFuzzer targets with clang-19 (fuzz preset) and fuzzes each for
# SECONDS (default 600), starting from tests/fuzz/corpus. Crashes land in build/fuzz/.
set -eu
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-600}
if ! command -v clang++-19 >/dev/null 2>&1 || ! dpkg-query -W libclang-rt-19-dev >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq clang-19 libclang-rt-19-dev >/dev/null
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz-hw fuzz-wl
for t in hw wl; do
  work=build/fuzz/corpus-$t
  mkdir -p "$work"
  cp -n tests/fuzz/corpus/$t/* "$work"/ 2>/dev/null || true
  (cd build/fuzz && ./bin/fuzz-$t -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
      -rss_limit_mb=2048 -max_len=4096 "corpus-$t" ../../tests/fuzz/corpus/$t) 2>&1 |
    tee "build/fuzz/fuzz-$t.log" | tail -5
done
