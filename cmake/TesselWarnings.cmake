# Warning flags and sanitizer wiring shared by every tessel target.
add_compile_options(-Wall -Wextra -Wno-unused-parameter)
option(TESSEL_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(TESSEL_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
if(TESSEL_BUILD_FUZZERS)
  # Coverage instrumentation for everything the fuzz targets link (libFuzzer needs it).
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
