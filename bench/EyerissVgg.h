// Benchmark fixture: VGG-16 conv5 on a hand-built Eyeriss-like Arch with a fixed valid mapping.
#ifndef TESSEL_BENCH_EYERISSVGG_H
#define TESSEL_BENCH_EYERISSVGG_H

#include "tessel/cost/Mapping.h"

namespace tessel::bench {

/// VGG-16 conv layer 5: N1 C128 K256 P56 Q56 R3 S3, stride 1; tensors I[n,c,p+r,q+s],
/// W[k,c,r,s], O[n,k,p,q] (16-bit).
cost::Problem vggConv5();

/// DRAM; 108 KiB global buffer keeping inputs and outputs; 12x14 PE array with multicast and
/// reduction; per PE filter spad (224 words), psum spad (24), ifmap spad (12); 16-bit words;
/// energies of refdata section 3.3(a) (Timeloop eyeriss_like ERT, 65 nm).
cost::Arch eyerissLike();

/// A row-stationary-like mapping of vggConv5() on eyerissLike(): R3 x C4 on the 12 rows, P14 on
/// the 14 columns; each PE keeps 16 filters x 4 channels of a filter row while q slides.
cost::Mapping rowStationary(const cost::Problem &problem);

} // namespace tessel::bench

#endif // TESSEL_BENCH_EYERISSVGG_H
