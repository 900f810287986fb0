// SHA-256 (FIPS 180-4) of byte strings, for naming a report's input files by
// their contents.
#ifndef TESSEL_SWEEP_SHA256_H
#define TESSEL_SWEEP_SHA256_H

#include <string>
#include <string_view>

namespace tessel::sweep {

/// The SHA-256 digest of `bytes` as 64 lowercase hexadecimal digits (as
/// `sha256sum` prints).
std::string sha256Hex(std::string_view bytes);

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_SHA256_H
