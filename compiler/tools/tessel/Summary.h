// `tessel check` summaries of checked models, as text tables and as JSON.
#ifndef TESSEL_TOOLS_SUMMARY_H
#define TESSEL_TOOLS_SUMMARY_H

#include "tessel/dsl/HwModel.h"
#include "tessel/dsl/WlModel.h"

#include <nlohmann/json.hpp>

#include <iosfwd>

namespace tessel::cli {

void printSummary(std::ostream &os, const dsl::HwModel &m);
void printSummary(std::ostream &os, const dsl::WlModel &m);
nlohmann::json toJson(const dsl::HwModel &m);
nlohmann::json toJson(const dsl::WlModel &m);
/// 4089184256 -> "4,089,184,256".
std::string withCommas(int64_t v);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_SUMMARY_H
