// The ONNX import driver: names, tensor declarations, skipped and unsupported nodes, and
// the self-check of the written .wl against ONNX's shapes (see OnnxImport.h).
#include "OnnxConverter.h"

#include "tessel/dsl/Check.h"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace tessel::onnximport {

namespace {

/// Names a .wl workload cannot use for tensors: reserved words, and the boolean constants
/// that operator arguments read.
const std::set<std::string> kReserved = {"import", "accelerator", "workload", "param", "let",
                                         "tensor", "repeat",      "for",      "in",    "step",
                                         "weight", "true",        "false"};

std::string dtypeName(int elemType) {
  switch (elemType) {
  case kFloat16:
    return "fp16";
  case kBfloat16:
    return "bf16";
  case kInt8:
  case kUint8:
    return "int8";
  case kInt16:
  case kUint16:
    return "int16";
  case kInt32:
  case kUint32:
    return "int32";
  default:
    return "fp32";
  }
}

std::string dims(const std::vector<int64_t> &s) {
  std::string r;
  for (size_t i = 0; i < s.size(); ++i)
    r += (i ? ", " : "") + std::to_string(s[i]);
  return r;
}

/// Integer outputs (shape arithmetic) and constants carry no work.
bool isShapeComputation(const Node &n, const Graph &g) {
  if (n.opType == "Constant" || n.opType == "Shape")
    return true;
  bool anyOutput = false;
  for (const std::string &o : n.outputs) {
    if (o.empty())
      continue;
    const Value *v = g.value(o);
    if (!v || (v->elemType != kInt64 && v->elemType != kInt32 && v->elemType != kBool))
      return false;
    anyOutput = true;
  }
  return anyOutput;
}

} // namespace

Converter::Converter(const Graph &g, OnnxImportResult &result,
                     const OnnxImportOptions &options)
    : g(g), r(result), opts(options) {
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    for (const std::string &o : g.nodes[i].outputs)
      if (!o.empty())
        producer[o] = i;
    for (const std::string &in : g.nodes[i].inputs)
      if (!in.empty())
        consumers[in].push_back(i);
  }
  idents.insert(kReserved.begin(), kReserved.end());
}

std::string Converter::fresh(const std::string &raw) {
  std::string s;
  for (char c : raw) {
    bool ok = std::isalnum(static_cast<unsigned char>(c));
    if (ok)
      s += c;
    else if (!s.empty() && s.back() != '_')
      s += '_';
  }
  while (!s.empty() && s.back() == '_')
    s.pop_back();
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front())))
    s = "v" + s;
  std::string name = s;
  for (int k = 2; idents.count(name); ++k)
    name = s + "_" + std::to_string(k);
  idents.insert(name);
  return name;
}

void Converter::note(const Node &n, const std::string &message) {
  r.notes.push_back({n.label(), n.opType, message});
}

const std::vector<int64_t> *Converter::shape(const std::string &v) const {
  const Value *val = g.value(v);
  return val && val->shapeKnown ? &val->shape : nullptr;
}

const Node *Converter::producerOf(const std::string &value) const {
  auto it = producer.find(value);
  return it == producer.end() ? nullptr : &g.nodes[it->second];
}

std::string Converter::ref(const std::string &v, std::string &why) {
  if (auto it = names.find(v); it != names.end())
    return it->second;
  if (auto it = tentative.find(v); it != tentative.end())
    return it->second;
  const std::vector<int64_t> *s = shape(v);
  if (!s || s->empty()) {
    why = "tensor '" + v + "' has no static shape";
    return "";
  }
  const Value *val = g.value(v);
  std::string name = fresh(v);
  tentative[v] = name;
  pendingDecls += "  tensor " + name + "[" + dims(*s) + "] " + dtypeName(val->elemType) + ";";
  pendingDecls += name == v ? "\n" : "  // ONNX '" + v + "'\n";
  return name;
}

void Converter::commit() {
  names.insert(tentative.begin(), tentative.end());
  tentative.clear();
  body << pendingDecls;
  pendingDecls.clear();
}

void Converter::rollback() {
  for (auto &[v, name] : tentative)
    idents.erase(name);
  tentative.clear();
  pendingDecls.clear();
}

bool Converter::fusedTranspose(const std::string &value) const {
  const Node *t = producerOf(value);
  if (!t || t->opType != "Transpose" || t->inputs.empty())
    return false;
  const std::vector<int64_t> *in = shape(t->inputs[0]);
  if (!in || in->size() < 2)
    return false;
  std::vector<int64_t> swap(in->size());
  for (size_t i = 0; i < swap.size(); ++i)
    swap[i] = static_cast<int64_t>(i);
  std::swap(swap[swap.size() - 1], swap[swap.size() - 2]);
  if (t->intsAttr("perm", {}) != swap)
    return false;
  auto it = consumers.find(value);
  if (it == consumers.end() ||
      std::find(g.outputs.begin(), g.outputs.end(), value) != g.outputs.end())
    return false;
  for (size_t c : it->second) {
    const Node &m = g.nodes[c];
    if (m.opType != "MatMul" || m.inputs.size() != 2 || m.inputs[1] != value ||
        m.inputs[0] == value)
      return false;
  }
  return true;
}

std::optional<std::array<int64_t, 2>>
Converter::symmetricPads(const Node &n, const std::vector<int64_t> &in,
                         const std::array<int64_t, 2> &window,
                         const std::array<int64_t, 2> &stride, bool ceilMode, std::string &why) {
  std::vector<int64_t> pads = n.intsAttr("pads", {0, 0, 0, 0});
  const Attribute *autoPad = n.attr("auto_pad");
  std::string mode = autoPad ? autoPad->s : "NOTSET";
  if (pads.size() != 4) {
    why = "pads must have 4 values";
    return std::nullopt;
  }
  const std::vector<int64_t> *out = n.outputs.empty() ? nullptr : shape(n.outputs[0]);
  std::array<int64_t, 2> result{};
  bool asymmetric = false;
  for (int d = 0; d < 2; ++d) {
    int64_t extent = in[2 + d], begin = pads[d], end = pads[2 + d];
    if (mode == "VALID") {
      begin = end = 0;
    } else if (mode == "SAME_UPPER" || mode == "SAME_LOWER") {
      int64_t total =
          std::max<int64_t>(((extent + stride[d] - 1) / stride[d] - 1) * stride[d] + window[d] -
                                extent,
                            0);
      begin = mode == "SAME_UPPER" ? total / 2 : total - total / 2;
      end = total - begin;
    }
    int64_t span = extent + begin + end - window[d];
    int64_t target = out && out->size() == 4
                         ? (*out)[2 + d]
                         : (ceilMode ? (span + stride[d] - 1) / stride[d] : span / stride[d]) + 1;
    auto size = [&](int64_t p) {
      int64_t s = extent + 2 * p - window[d];
      return s < 0 ? -1 : s / stride[d] + 1;
    };
    std::optional<int64_t> best;
    for (int64_t p = 0; p <= std::max(begin, end) + stride[d]; ++p)
      if (size(p) == target &&
          (!best || std::abs(2 * p - begin - end) < std::abs(2 * *best - begin - end)))
        best = p;
    if (!best) {
      why = "no symmetric padding gives the output size " + std::to_string(target);
      return std::nullopt;
    }
    result[d] = *best;
    asymmetric |= begin != *best || end != *best;
  }
  if (asymmetric)
    note(n, "pads [" + dims(pads) + "]" + (mode == "NOTSET" ? "" : " (auto_pad " + mode + ")") +
                " written as pad=[" + std::to_string(result[0]) + ", " +
                std::to_string(result[1]) + "], which gives the same output size and MACs");
  return result;
}

void Converter::convert(const Node &n) {
  if (isShapeComputation(n, g)) {
    ++r.skippedNodes;
    return;
  }
  if (n.opType == "Transpose" && !n.outputs.empty() && fusedTranspose(n.outputs[0])) {
    note(n, "fused into its MatMul consumers as transpose_b=true");
    return;
  }
  std::string why;
  std::string name = fresh(n.label());
  std::optional<Statement> s =
      n.outputs.empty() || n.outputs[0].empty() ? std::nullopt : convertOp(n, name, why);
  if (!s) {
    idents.erase(name);
    rollback();
    if (why.empty())
      why = "no .wl equivalent";
    r.unsupported.push_back({n.label(), n.opType, why});
    body << "  // unsupported: ONNX node '" << n.label() << "' (" << n.opType << "): " << why
         << "; its outputs are inputs here\n";
    return;
  }
  commit();
  ++convertedOps[n.opType];
  body << "  // ONNX node '" << n.label() << "' (" << n.opType << ")\n";
  std::string out = name;
  if (!s->einsumText.empty()) {
    out = s->einsumOut;
    body << "  " << name << ": " << s->einsumText << "\n";
  } else {
    body << "  " << name << " = " << s->call << ";\n";
  }
  names[n.outputs[0]] = out;
  if (const std::vector<int64_t> *sh = shape(n.outputs[0]))
    expectedShapes.emplace_back(out, *sh);
}

void Converter::run() {
  for (const Node &n : g.nodes)
    convert(n);
  std::ostringstream head;
  head << "// Imported by `tessel import` from an ONNX model";
  if (!g.producer.empty())
    head << " (producer " << g.producer << ", opset " << g.opset << ")";
  head << ".\n// Converted nodes:";
  for (auto &[op, n] : convertedOps)
    head << " " << op << " " << n;
  head << "; unsupported: " << r.unsupported.size() << "; constant/shape nodes skipped: "
       << r.skippedNodes << ".\n// Each statement follows a comment naming its ONNX node.\n";
  head << "workload " << opts.name << " {\n" << body.str() << "}\n";
  r.wl = head.str();
}

/// Checks the written .wl with the front end and compares every converted node's output
/// shape with ONNX's; a difference is an importer bug, reported as an error.
static void selfCheck(OnnxImportResult &r, const Converter &c, const std::string &displayName) {
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  uint32_t id = sm.addBuffer(displayName + ".wl", r.wl);
  std::vector<dsl::WlModel> models = dsl::checkWlBuffer(id, sm, diags);
  for (const dsl::Diagnostic &d : diags.all())
    if (d.severity == dsl::Severity::Error) {
      dsl::LineCol lc = sm.lineCol(d.range.file, d.range.begin);
      r.errors.push_back("internal error: the imported workload does not check (line " +
                         std::to_string(lc.line) + ": " + d.message + ")");
      return;
    }
  if (models.size() != 1)
    return;
  for (const auto &[tensor, expected] : c.expectedShapes) {
    const dsl::TensorInfo *t = models[0].tensor(tensor);
    if (t && t->shape != expected)
      r.errors.push_back("internal error: '" + tensor + "' has shape [" + dims(t->shape) +
                         "] in the .wl but [" + dims(expected) + "] in the ONNX graph");
  }
}

OnnxImportResult importOnnxBytes(const std::string &bytes, const std::string &displayName,
                                 const OnnxImportOptions &options) {
  OnnxImportResult r;
  Graph g;
  std::string error;
  if (!readGraph(bytes, g, error)) {
    r.errors.push_back(displayName + ": " + error);
    return r;
  }
  Converter c(g, r, options);
  c.run();
  selfCheck(r, c, displayName);
  if (!r.errors.empty())
    r.wl.clear();
  return r;
}

OnnxImportResult importOnnxFile(const std::string &path, const OnnxImportOptions &options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    OnnxImportResult r;
    r.errors.push_back("cannot read '" + path + "'");
    return r;
  }
  std::ostringstream os;
  os << in.rdbuf();
  return importOnnxBytes(os.str(), path, options);
}

} // namespace tessel::onnximport
