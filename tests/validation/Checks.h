// The groups of validation checks; each appends its checks (docs/validation.md).
#ifndef TESSEL_VALIDATION_CHECKS_H
#define TESSEL_VALIDATION_CHECKS_H

#include "Check.h"
#include "TesselRun.h"

#include <vector>

namespace tessel::validation {

/// Peak-throughput identities and ridge points of the shipped hwspecs (refdata 5.4, 5.5).
void addPeakChecks(const TesselRun &tessel, std::vector<Check> &checks);

/// TPU v1: ridge point, roofline bounds of the ISCA'17 applications, the roofline cost model
/// on a fully connected layer (refdata 4.2, 5.4).
void addTpuChecks(const TesselRun &tessel, std::vector<Check> &checks);

/// The systolic cost model against SCALE-Sim's first-order closed forms (refdata 5.2).
void addSystolicChecks(const TesselRun &tessel, std::vector<Check> &checks);

/// Eyeriss: normalised access energies of hwspecs/eyeriss.hw measured on a cost report
/// (refdata 2.1, 3.2).
void addEyerissEnergyChecks(const TesselRun &tessel, std::vector<Check> &checks);

/// Eyeriss: the same ratios from the component library's own estimates at 65 nm (they do not
/// reproduce Table IV; docs/validation.md).
void addEyerissLibraryChecks(const TesselRun &tessel, std::vector<Check> &checks);

/// Eyeriss: active PEs of the row-stationary AlexNet CONV1-5 mappings (refdata 4.1, 5.6).
void addEyerissPeChecks(const TesselRun &tessel, std::vector<Check> &checks);

/// Eyeriss: AlexNet CONV1-5 at batch 4 and VGG-16 CONV1-13 at batch 3 with row-stationary
/// mappings (no search): MACs, AlexNet's latency-weighted PE activity, and AlexNet CONV3's and
/// VGG-16 CONV1-2's DRAM words by hand (refdata 1.3, 4.1, 5.6).
void addEyerissRsChecks(const TesselRun &tessel, std::vector<Check> &checks);

/// The same mappings against the chip's measured DRAM accesses per MAC, frames/s and (AlexNet)
/// GMAC/s (refdata 4.1; outside tolerance, docs/validation.md says why).
void addEyerissRsMeasuredChecks(const TesselRun &tessel, std::vector<Check> &checks);

/// Eyeriss: DRAM accesses per MAC and throughput of AlexNet CONV1-5 at batch 4 with the
/// mapper's best mappings (refdata 4.1). Slow: it searches five layers to proven optima.
void addEyerissAlexNetChecks(const TesselRun &tessel, std::vector<Check> &checks);

/// The same for VGG-16 CONV1-13 at batch 3. Slow.
void addEyerissVggChecks(const TesselRun &tessel, std::vector<Check> &checks);

} // namespace tessel::validation

#endif // TESSEL_VALIDATION_CHECKS_H
