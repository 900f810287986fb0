// Problem queries, validation (including the separability restriction) and printing.
#include "tessel/cost/Problem.h"

#include "IndexSet.h"

#include <sstream>

namespace tessel::cost {

int Problem::outputTensor() const {
  for (size_t t = 0; t < tensors.size(); ++t)
    if (tensors[t].isOutput)
      return static_cast<int>(t);
  return -1;
}

int Problem::dimIndex(const std::string &dimName) const {
  for (size_t d = 0; d < dims.size(); ++d)
    if (dims[d].name == dimName)
      return static_cast<int>(d);
  return -1;
}

int64_t Problem::macs() const {
  int64_t n = 1;
  for (const Dim &d : dims)
    n *= d.bound;
  return n;
}

int64_t Problem::tensorElements(int tensor) const {
  int64_t elements = 1;
  for (const std::vector<int64_t> &coeffs : tensors[tensor].projection) {
    IndexSet set;
    for (size_t d = 0; d < coeffs.size() && d < dims.size(); ++d)
      if (coeffs[d] && dims[d].bound > 1)
        set.addProgression(coeffs[d], dims[d].bound);
    elements *= set.size();
  }
  return elements;
}

int64_t Problem::indexExtent(int tensor, int index) const {
  int64_t extent = 1;
  const std::vector<int64_t> &coeffs = tensors[tensor].projection[index];
  for (size_t d = 0; d < coeffs.size() && d < dims.size(); ++d)
    extent += coeffs[d] * (dims[d].bound - 1);
  return extent;
}

std::vector<std::string> validateProblem(const Problem &problem) {
  std::vector<std::string> errors;
  if (problem.dims.empty())
    errors.push_back("problem has no dims");
  for (const Dim &d : problem.dims)
    if (d.bound < 1)
      errors.push_back("dim '" + d.name + "' has bound " + std::to_string(d.bound) +
                       " (must be >= 1)");
  if (problem.tensors.empty() || problem.tensors.size() > 32)
    errors.push_back("problem must have 1 to 32 tensors, has " +
                     std::to_string(problem.tensors.size()));
  int outputs = 0;
  for (const Tensor &t : problem.tensors) {
    outputs += t.isOutput;
    if (t.elementBits < 1)
      errors.push_back("tensor '" + t.name + "' has element bits " +
                       std::to_string(t.elementBits));
    if (!(t.density > 0 && t.density <= 1))
      errors.push_back("tensor '" + t.name + "' has density " + std::to_string(t.density) +
                       " (must be in (0, 1])");
    std::vector<int> seenIn(problem.dims.size(), -1);
    for (size_t i = 0; i < t.projection.size(); ++i) {
      const std::vector<int64_t> &coeffs = t.projection[i];
      if (coeffs.size() != problem.dims.size()) {
        errors.push_back("tensor '" + t.name + "' index " + std::to_string(i) + " has " +
                         std::to_string(coeffs.size()) + " coefficients for " +
                         std::to_string(problem.dims.size()) + " dims");
        continue;
      }
      for (size_t d = 0; d < coeffs.size(); ++d) {
        if (coeffs[d] < 0)
          errors.push_back("tensor '" + t.name + "' index " + std::to_string(i) +
                           " has a negative coefficient for dim '" + problem.dims[d].name + "'");
        if (coeffs[d] == 0)
          continue;
        if (seenIn[d] >= 0)
          errors.push_back("tensor '" + t.name + "' is not separable: dim '" +
                           problem.dims[d].name + "' appears in indices " +
                           std::to_string(seenIn[d]) + " and " + std::to_string(i));
        else
          seenIn[d] = static_cast<int>(i);
      }
    }
  }
  if (outputs != 1)
    errors.push_back("problem must have exactly one output tensor, has " +
                     std::to_string(outputs));
  return errors;
}

Tensor makeTensor(const Problem &problem, std::string name,
                  const std::vector<std::vector<std::pair<std::string, int64_t>>> &indices,
                  bool isOutput, std::vector<std::string> &errors, int elementBits) {
  Tensor t;
  t.name = std::move(name);
  t.isOutput = isOutput;
  t.elementBits = elementBits;
  for (const auto &terms : indices) {
    std::vector<int64_t> coeffs(problem.dims.size(), 0);
    for (const auto &[dimName, coeff] : terms) {
      int d = problem.dimIndex(dimName);
      if (d < 0)
        errors.push_back("tensor '" + t.name + "' uses unknown dim '" + dimName + "'");
      else
        coeffs[d] += coeff;
    }
    t.projection.push_back(std::move(coeffs));
  }
  return t;
}

std::string tensorNames(const Problem &problem, TensorMask mask) {
  std::string out;
  for (size_t t = 0; t < problem.tensors.size() && t < 32; ++t)
    if (mask >> t & 1)
      out += (out.empty() ? "" : ",") + problem.tensors[t].name;
  return out;
}

std::string toString(const Problem &problem) {
  std::ostringstream os;
  os << "problem " << problem.name << ": dims";
  for (const Dim &d : problem.dims)
    os << ' ' << d.name << '=' << d.bound;
  os << '\n';
  for (const Tensor &t : problem.tensors) {
    os << "  " << (t.isOutput ? "out " : "in  ") << t.name << '[';
    for (size_t i = 0; i < t.projection.size(); ++i) {
      os << (i ? ", " : "");
      bool first = true;
      for (size_t d = 0; d < t.projection[i].size() && d < problem.dims.size(); ++d) {
        int64_t c = t.projection[i][d];
        if (!c)
          continue;
        os << (first ? "" : "+");
        if (c != 1)
          os << c << '*';
        os << problem.dims[d].name;
        first = false;
      }
      if (first)
        os << '0';
    }
    os << "] " << t.elementBits << 'b';
    if (t.density < 1)
      os << " density " << t.density;
    os << '\n';
  }
  return os.str();
}

} // namespace tessel::cost
