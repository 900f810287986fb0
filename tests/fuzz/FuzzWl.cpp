// libFuzzer target: the .wl parser and checker must never crash, hang or throw.
#include "FuzzCommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  tessel::fuzz::checkOne("fuzz.wl", data, size, /*hw=*/false);
  return 0;
}
