// Test helper: import an ONNX model and check the .wl it writes with the front end.
#ifndef TESSEL_TESTS_ONNX_IMPORTEDMODEL_H
#define TESSEL_TESTS_ONNX_IMPORTEDMODEL_H

#include "tessel/Onnx/OnnxImport.h"
#include "tessel/dsl/Check.h"

#include <catch2/catch.hpp>

namespace tessel::testing {

struct Imported {
  onnximport::OnnxImportResult result;
  dsl::WlModel model;

  const dsl::OpInfo *op(const std::string &name) const {
    for (const dsl::OpInfo &o : model.ops)
      if (o.name == name)
        return &o;
    return nullptr;
  }
  bool unsupported(const std::string &node, const std::string &opType) const {
    for (const onnximport::NodeIssue &u : result.unsupported)
      if (u.node == node && u.opType == opType)
        return true;
    return false;
  }
};

/// Checks the imported text (which must import without errors) and returns its model.
inline Imported checkImported(onnximport::OnnxImportResult r) {
  Imported i;
  i.result = std::move(r);
  std::string errors;
  for (const std::string &e : i.result.errors)
    errors += e + "\n";
  INFO(errors);
  REQUIRE(i.result.errors.empty());
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  std::vector<dsl::WlModel> wl =
      dsl::checkWlBuffer(sm.addBuffer("imported.wl", i.result.wl), sm, diags);
  INFO(i.result.wl);
  REQUIRE_FALSE(diags.hasErrors());
  REQUIRE(wl.size() == 1);
  i.model = wl[0];
  return i;
}

} // namespace tessel::testing

#endif // TESSEL_TESTS_ONNX_IMPORTEDMODEL_H
