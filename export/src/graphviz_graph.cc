// The drawing: node shape and fill by actor kind, edge colour by polarity,
// "relation ×count" labels, pen width growing with log(count), negated edges
// dashed, purely hypothetical ones dotted, symmetric ones with two heads.

#include "graphviz_graph.h"

#include <charconv>
#include <cmath>
#include <string_view>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"
#include "sorted_view.h"

namespace actorgraph::exporter::detail {
namespace {

// agerr() output while a GraphvizScope is alive; guarded by graphviz_mutex().
std::string& captured() {
  static std::string text;
  return text;
}

int capture(char* message) {
  captured() += message;
  return 0;
}

struct KindStyle {
  std::string_view kind;
  std::string_view shape;
  std::string_view fill;
};

constexpr KindStyle kKindStyles[] = {
    {"state", "box", "#bbdefb"},      {"person", "ellipse", "#ffe0b2"},
    {"igo", "hexagon", "#d1c4e9"},    {"group", "octagon", "#c8e6c9"},
    {"force", "box3d", "#cfd8dc"},    {"bloc", "tripleoctagon", "#f8bbd0"},
};

const KindStyle* kind_style(std::string_view kind) {
  for (const auto& style : kKindStyles) {
    if (style.kind == kind) return &style;
  }
  return nullptr;  // unknown: plaintext
}

std::string_view polarity_colour(char polarity) {
  switch (polarity) {
    case '+':
      return "#2e7d32";
    case '-':
      return "#c62828";
    case '0':
      return "#1565c0";
    default:
      return "#757575";
  }
}

// cgraph takes char* but copies the strings (agstrdup); this keeps the
// const-correctness of the callers without casting string literals.
void set(void* object, Agsym_t* symbol, std::string value) {
  agxset(object, symbol, value.data());
}

Agsym_t* declare(Agraph_t* g, int kind, std::string name, std::string value) {
  Agsym_t* symbol = agattr(g, kind, name.data(), value.data());
  if (!symbol) throw ExportError("DOT: cannot declare attribute " + name);
  return symbol;
}

// DOT interprets backslash escapes (\n, \N, \l ...) in labels; names are text.
std::string label_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Locale-independent, so the same graph gives the same bytes everywhere.
std::string fixed2(double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  return std::string(buffer, result.ptr);
}

}  // namespace

GraphvizScope::GraphvizScope() : lock_(graphviz_mutex()), previous_(agseterrf(capture)) {
  captured().clear();
}

GraphvizScope::~GraphvizScope() {
  agseterrf(previous_);
  captured().clear();
}

std::string GraphvizScope::errors(const std::string& fallback) const {
  std::string text;
  bool space = false;
  for (char c : captured()) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !text.empty();
      continue;
    }
    if (space) text += ' ';
    space = false;
    text += c;
  }
  // agerr() prefixes its own "Error: " or "Warning: " when a handler is set.
  for (std::string_view prefix : {"Error: ", "Warning: "}) {
    if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
  }
  return text.empty() ? fallback : text;
}

AgraphPtr build_agraph(const graph::ActorGraph& graph, Agdisc_t* disc) {
  std::string name = "actorgraph";
  AgraphPtr g(agopen(name.data(), Agdirected, disc));
  if (!g) throw ExportError("DOT: cannot create the graph");
  Agraph_t* root = g.get();

  declare(root, AGRAPH, "rankdir", "LR");
  declare(root, AGRAPH, "fontname", "Helvetica");
  declare(root, AGRAPH, "overlap", "false");
  declare(root, AGRAPH, "splines", "true");

  Agsym_t* node_label = declare(root, AGNODE, "label", "\\N");
  Agsym_t* node_shape = declare(root, AGNODE, "shape", "plaintext");
  Agsym_t* node_style = declare(root, AGNODE, "style", "filled");
  Agsym_t* node_fill = declare(root, AGNODE, "fillcolor", "#ffffff");
  declare(root, AGNODE, "fontname", "Helvetica");

  Agsym_t* edge_label = declare(root, AGEDGE, "label", "");
  Agsym_t* edge_colour = declare(root, AGEDGE, "color", "#757575");
  Agsym_t* edge_fontcolour = declare(root, AGEDGE, "fontcolor", "#757575");
  Agsym_t* edge_style = declare(root, AGEDGE, "style", "solid");
  Agsym_t* edge_penwidth = declare(root, AGEDGE, "penwidth", "1.00");
  Agsym_t* edge_dir = declare(root, AGEDGE, "dir", "forward");
  declare(root, AGEDGE, "fontname", "Helvetica");

  const graph::Graph& bg = graph.graph();
  // Nodes and edges are created in sorted order; agwrite keeps creation
  // order, so the DOT text is deterministic.
  for (graph::Vertex v : sorted_actors(bg)) {
    const graph::ActorNode& actor = bg[v];
    std::string id = actor.id;
    Agnode_t* node = agnode(root, id.data(), 1);
    if (!node) throw ExportError("DOT: cannot create the node for " + actor.id);
    set(node, node_label, label_text(actor.name.empty() ? actor.id : actor.name));
    if (const KindStyle* style = kind_style(actor.kind)) {
      set(node, node_shape, std::string(style->shape));
      set(node, node_fill, std::string(style->fill));
    } else {
      set(node, node_style, "solid");
    }
  }

  for (const graph::Edge& e : sorted_relations(bg)) {
    const graph::RelationEdge& edge = bg[e];
    std::string tail_id = bg[boost::source(e, bg)].id;
    std::string head_id = bg[boost::target(e, bg)].id;
    Agnode_t* tail = agnode(root, tail_id.data(), 0);
    Agnode_t* head = agnode(root, head_id.data(), 0);
    // The edge's key tells apart several relations between the same pair.
    std::string key = (edge.negated ? "not " : "") + edge.relation;
    Agedge_t* line = tail && head ? agedge(root, tail, head, key.data(), 1) : nullptr;
    if (!line) {
      throw ExportError("DOT: cannot create the edge " + tail_id + " " + key + " " + head_id);
    }
    set(line, edge_label, label_text(key) + " \u00d7" + std::to_string(edge.count));
    const std::string colour(polarity_colour(edge.polarity));
    set(line, edge_colour, colour);
    set(line, edge_fontcolour, colour);
    const double count = static_cast<double>(edge.count > 0 ? edge.count : 1);
    set(line, edge_penwidth, fixed2(1.0 + std::log(count)));
    if (edge.negated) {
      set(line, edge_style, "dashed");
    } else if (edge.modality() == "hypothetical") {
      set(line, edge_style, "dotted");
    }
    if (extract::relation_symmetric(edge.relation)) set(line, edge_dir, "both");
  }
  return g;
}

}  // namespace actorgraph::exporter::detail
