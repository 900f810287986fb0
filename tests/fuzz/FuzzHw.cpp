// libFuzzer target: the .hw parser and checker must never crash, hang or throw.
#include "FuzzCommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  tessel::fuzz::checkOne("fuzz.hw", data, size, /*hw=*/true);
  return 0;
}
