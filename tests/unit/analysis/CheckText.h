// Test helper: check .wl / .hw text held in memory and return the models.
#ifndef TESSEL_TESTS_ANALYSIS_CHECKTEXT_H
#define TESSEL_TESTS_ANALYSIS_CHECKTEXT_H

#include "tessel/dsl/Check.h"

#include <catch2/catch.hpp>

#include <string>

namespace tessel::testing {

/// The one workload of `text` (fails the test on diagnostics errors).
inline dsl::WlModel checkWl(const std::string &text) {
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  std::vector<dsl::WlModel> wl = dsl::checkWlBuffer(sm.addBuffer("test.wl", text), sm, diags);
  std::string messages;
  for (const dsl::Diagnostic &d : diags.all())
    messages += d.message + "\n";
  INFO(messages);
  REQUIRE_FALSE(diags.hasErrors());
  REQUIRE(wl.size() == 1);
  return wl[0];
}

/// The workloads (or accelerators) of a shipped file, by path from the source tree.
inline std::vector<dsl::WlModel> checkWlPath(const std::string &rel) {
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  std::vector<dsl::WlModel> wl =
      dsl::checkWlFile(std::string(TESSEL_SOURCE_DIR) + "/" + rel, sm, diags);
  REQUIRE_FALSE(diags.hasErrors());
  return wl;
}

inline dsl::HwModel checkHwPath(const std::string &rel, const std::string &name) {
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  std::vector<dsl::HwModel> hw =
      dsl::checkHwFile(std::string(TESSEL_SOURCE_DIR) + "/" + rel, sm, diags);
  REQUIRE_FALSE(diags.hasErrors());
  for (const dsl::HwModel &m : hw)
    if (m.name == name)
      return m;
  FAIL("no accelerator " << name << " in " << rel);
  return hw.front();
}

} // namespace tessel::testing

#endif // TESSEL_TESTS_ANALYSIS_CHECKTEXT_H
