// The drawing: node shape and fill by actor kind, edge colour by polarity,
// "relation ×count" labels, pen width growing with log(count), negated edges
// dashed, purely hypothetical ones dotted, symmetric ones with two heads,
// and a legend cluster showing only the kinds and line styles that occur.
// Graph attributes depend on the layout engine: dot ranks top to bottom;
// neato and sfdp get overlap removal and component packing.

#include "graphviz_graph.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

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
    {"state", "box", "#bbdefb"},   {"person", "ellipse", "#ffe0b2"},
    {"igo", "hexagon", "#d1c4e9"}, {"group", "octagon", "#c8e6c9"},
    {"force", "box3d", "#cfd8dc"}, {"bloc", "tripleoctagon", "#f8bbd0"},
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
void set(void* object, Agsym_t* symbol, std::string value) { agxset(object, symbol, value.data()); }

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

// Line width grows with the evidence count, slowly, and stops at 6 so that a
// much-reported relation does not hide its neighbours.
std::string pen_width(std::size_t count) {
  const double n = static_cast<double>(count > 0 ? count : 1);
  return fixed2(std::min(1.0 + std::log(n), 6.0));
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

namespace {

/// The attributes build_agraph sets on graphs, nodes and edges, declared once
/// on the root graph with their defaults.
struct Symbols {
  Agsym_t* graph_label = nullptr;
  Agsym_t* graph_style = nullptr;
  Agsym_t* graph_colour = nullptr;
  Agsym_t* graph_fontsize = nullptr;
  Agsym_t* graph_labeljust = nullptr;
  Agsym_t* node_label = nullptr;
  Agsym_t* node_shape = nullptr;
  Agsym_t* node_style = nullptr;
  Agsym_t* node_fill = nullptr;
  Agsym_t* node_tooltip = nullptr;
  Agsym_t* node_height = nullptr;
  Agsym_t* node_fontsize = nullptr;
  Agsym_t* edge_label = nullptr;
  Agsym_t* edge_colour = nullptr;
  Agsym_t* edge_fontcolour = nullptr;
  Agsym_t* edge_style = nullptr;
  Agsym_t* edge_penwidth = nullptr;
  Agsym_t* edge_dir = nullptr;
  Agsym_t* edge_tooltip = nullptr;
};

Symbols declare_attributes(Agraph_t* root, const Drawing& drawing) {
  const bool ranked = drawing.layout == "dot";
  declare(root, AGRAPH, "layout", drawing.layout);
  if (ranked) {
    // Top to bottom: with labels running across, a ranked news graph comes
    // out roughly as wide as high, where left to right made it a long strip.
    declare(root, AGRAPH, "rankdir", "TB");
    declare(root, AGRAPH, "nodesep", "0.4");
    declare(root, AGRAPH, "ranksep", "0.7");
  }
  declare(root, AGRAPH, "fontname", "Helvetica");
  if (ranked) {
    declare(root, AGRAPH, "overlap", "false");
  } else {
    // Force-directed engines: remove node overlaps (prism keeps the
    // layout's shape, unlike scale), leave a margin around each node for
    // the edge labels, and lay out components (the legend) apart.
    declare(root, AGRAPH, "overlap", "prism");
    declare(root, AGRAPH, "sep", "+14");
    declare(root, AGRAPH, "esep", "+6");
    declare(root, AGRAPH, "pack", "true");
  }
  declare(root, AGRAPH, "splines", "true");
  Symbols s;
  s.graph_label = declare(root, AGRAPH, "label", "");
  s.graph_style = declare(root, AGRAPH, "style", "");
  s.graph_colour = declare(root, AGRAPH, "color", "");
  s.graph_fontsize = declare(root, AGRAPH, "fontsize", "14");
  s.graph_labeljust = declare(root, AGRAPH, "labeljust", "c");
  s.node_label = declare(root, AGNODE, "label", "\\N");
  s.node_shape = declare(root, AGNODE, "shape", "plaintext");
  s.node_style = declare(root, AGNODE, "style", "filled");
  s.node_fill = declare(root, AGNODE, "fillcolor", "#ffffff");
  s.node_tooltip = declare(root, AGNODE, "tooltip", "");
  s.node_height = declare(root, AGNODE, "height", "0.5");
  s.node_fontsize = declare(root, AGNODE, "fontsize", "12");
  declare(root, AGNODE, "fontname", "Helvetica");
  s.edge_label = declare(root, AGEDGE, "label", "");
  s.edge_colour = declare(root, AGEDGE, "color", "#757575");
  s.edge_fontcolour = declare(root, AGEDGE, "fontcolor", "#757575");
  s.edge_style = declare(root, AGEDGE, "style", "solid");
  s.edge_penwidth = declare(root, AGEDGE, "penwidth", "1.00");
  s.edge_dir = declare(root, AGEDGE, "dir", "forward");
  s.edge_tooltip = declare(root, AGEDGE, "tooltip", "");
  declare(root, AGEDGE, "fontsize", "10");
  declare(root, AGEDGE, "fontname", "Helvetica");
  return s;
}

/// What the drawing holds, so that the legend shows that and no more.
struct Seen {
  std::vector<std::string_view> kinds;
  char polarities[4] = {};  // '+', '-', '0', '.' when present
  bool negated = false;
  bool hypothetical = false;
};

void add_actors(Agraph_t* root, const Symbols& s, const graph::Graph& bg, Seen& seen) {
  // Nodes and edges are created in sorted order; agwrite keeps creation
  // order, so the DOT text is deterministic.
  for (graph::Vertex v : sorted_actors(bg)) {
    const graph::ActorNode& actor = bg[v];
    std::string id = actor.id;
    Agnode_t* node = agnode(root, id.data(), 1);
    if (!node) throw ExportError("DOT: cannot create the node for " + actor.id);
    set(node, s.node_label, label_text(actor.name.empty() ? actor.id : actor.name));
    set(node, s.node_tooltip,
        label_text(actor.id + (actor.country.empty() ? "" : " (" + actor.country + ")")));
    if (const KindStyle* style = kind_style(actor.kind)) {
      set(node, s.node_shape, std::string(style->shape));
      set(node, s.node_fill, std::string(style->fill));
      seen.kinds.push_back(style->kind);
    } else {
      set(node, s.node_style, "solid");
    }
  }
}


void add_relations(Agraph_t* root, const Symbols& s, const graph::Graph& bg, Seen& seen) {
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
    set(line, s.edge_label, label_text(key) + " \u00d7" + std::to_string(edge.count));
    const std::string colour(polarity_colour(edge.polarity));
    set(line, s.edge_colour, colour);
    set(line, s.edge_fontcolour, colour);
    set(line, s.edge_penwidth, pen_width(edge.count));
    if (!edge.evidence.empty()) {
      set(line, s.edge_tooltip, label_text(sorted_evidence(edge).front()->sentence));
    }
    if (edge.negated) {
      set(line, s.edge_style, "dashed");
      seen.negated = true;
    } else if (edge.modality() == "hypothetical") {
      set(line, s.edge_style, "dotted");
      seen.hypothetical = true;
    }
    if (extract::relation_symmetric(edge.relation)) set(line, s.edge_dir, "both");
    const std::size_t slot = std::string_view("+-0.").find(edge.polarity);
    seen.polarities[slot == std::string_view::npos ? 3 : slot] = 1;
  }
}


/// The legend's cluster, its nodes and the invisible links that hold it
/// together: one from the kinds to the line table (in dot, one rank below)
/// and, for the force-directed engines, a chain through the kinds, so that
/// they see one component.
class Legend {
 public:
  Legend(Agraph_t* root, const Symbols& s) : s_(s) {
    std::string cluster_name = "cluster_legend";
    graph_ = agsubg(root, cluster_name.data(), 1);
    if (!graph_) throw ExportError("DOT: cannot create the legend");
    set(graph_, s.graph_label, "Legend");
    set(graph_, s.graph_style, "rounded");
    set(graph_, s.graph_colour, "#9e9e9e");
    set(graph_, s.graph_fontsize, "11");
    set(graph_, s.graph_labeljust, "l");
  }
  void link(Agnode_t* from, Agnode_t* to) {
    std::string key = "legend " + std::to_string(++invisible_);
    Agedge_t* line = agedge(graph_, from, to, key.data(), 1);
    if (!line) throw ExportError("DOT: cannot create the legend");
    set(line, s_.edge_style, "invis");
    set(line, s_.edge_dir, "none");
  }
  Agnode_t* node(const std::string& suffix) {
    std::string node_name = "legend: " + suffix;
    Agnode_t* n = agnode(graph_, node_name.data(), 1);
    if (!n) throw ExportError("DOT: cannot create the legend node " + node_name);
    set(n, s_.node_fontsize, "10");
    return n;
  }

 private:
  const Symbols& s_;
  Agraph_t* graph_ = nullptr;
  int invisible_ = 0;
};

/// The legend's node kinds in use, in table order.
std::vector<Agnode_t*> add_legend_kinds(Legend& legend, const Symbols& s, const Seen& seen, bool ranked) {
  // In dot the unlinked kinds share the legend's first rank; dot happens to
  // place such nodes right to left in creation order, so they are created
  // backwards to read in table order.
  std::vector<const KindStyle*> legend_kinds;
  for (const KindStyle& style : kKindStyles) {
    if (std::find(seen.kinds.begin(), seen.kinds.end(), style.kind) != seen.kinds.end()) {
      legend_kinds.push_back(&style);
    }
  }
  if (ranked) std::reverse(legend_kinds.begin(), legend_kinds.end());
  std::vector<Agnode_t*> kind_nodes;
  for (const KindStyle* kind : legend_kinds) {
    const KindStyle& style = *kind;
    Agnode_t* node = legend.node(std::string(style.kind));
    set(node, s.node_label, std::string(style.kind));
    set(node, s.node_shape, std::string(style.shape));
    set(node, s.node_fill, std::string(style.fill));
    set(node, s.node_height, "0.3");
    if (!ranked && !kind_nodes.empty()) legend.link(kind_nodes.back(), node);
    kind_nodes.push_back(node);
  }
  return kind_nodes;
}

/// The line styles in use, as one HTML-like table node of the legend.
Agnode_t* add_legend_lines(Agraph_t* root, Legend& legend, const Symbols& s, const Seen& seen) {
  // The line styles as one HTML-like table: sample strokes drawn with
  // box-drawing characters in the polarity colours. (Real sample edges
  // would need two extra nodes each and dot bends them to fit its ranks.)
  struct Sample {
    bool shown;
    char polarity;
    std::string_view stroke;
    std::string_view text;
  };
  const Sample samples[] = {
      {seen.polarities[0] != 0, '+', "\u2500\u2500\u2500\u2500\u25b6",
       "+ for: ally, support, supply, agree"},
      {seen.polarities[1] != 0, '-', "\u2500\u2500\u2500\u2500\u25b6",
       "\u2212 against: oppose, reject, accuse, attack ..."},
      {seen.polarities[2] != 0, '0', "\u2500\u2500\u2500\u2500\u25b6",
       "0 contact: meet, mediate, call on"},
      {seen.polarities[3] != 0, '.', "\u2500\u2500\u2500\u2500\u25b6",
       "structural: member, leader"},
      {seen.negated, '.', "\u254c\u254c\u254c\u254c\u25b6", "negated: did not / will not"},
      {seen.hypothetical, '.', "\u2508\u2508\u2508\u2508\u25b6", "only hypothetical: may, could"},
      {true, '.', "\u2501\u2501\u2501\u2501\u25b6", "\u00d7N evidence records; wider with N"},
  };
  std::string table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">";
  for (const Sample& sample : samples) {
    if (!sample.shown) continue;
    const std::string colour(polarity_colour(sample.polarity));
    table += "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" + colour + "\">" + std::string(sample.stroke) +
             "</FONT></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"" + colour + "\">" +
             std::string(sample.text) + "</FONT></TD></TR>";
  }
  table += "</TABLE>";
  Agnode_t* lines = legend.node("lines");
  set(lines, s.node_shape, "plaintext");
  set(lines, s.node_style, "solid");
  char* html = agstrdup_html(root, table.data());
  agxset(lines, s.node_label, html);  // keeps the HTML mark: label=<...>
  agstrfree(root, html);
  return lines;
}

}  // namespace

AgraphPtr build_agraph(const graph::ActorGraph& graph, Agdisc_t* disc, const Drawing& drawing) {
  std::string name = "actorgraph";
  AgraphPtr g(agopen(name.data(), Agdirected, disc));
  if (!g) throw ExportError("DOT: cannot create the graph");
  Agraph_t* root = g.get();
  const Symbols s = declare_attributes(root, drawing);
  const graph::Graph& bg = graph.graph();
  Seen seen;
  add_actors(root, s, bg, seen);
  add_relations(root, s, bg, seen);
  if (!drawing.legend || boost::num_vertices(bg) == 0) return g;

  // The legend: what occurs in this drawing, no more. A cluster, so that
  // dot draws a frame around it; the force-directed engines ignore
  // clusters, so there its pieces are chained by invisible edges into one
  // component that `pack` places beside the graph.
  const bool ranked = drawing.layout == "dot";
  Legend legend(root, s);
  const std::vector<Agnode_t*> kind_nodes = add_legend_kinds(legend, s, seen, ranked);
  Agnode_t* lines = add_legend_lines(root, legend, s, seen);
  if (!kind_nodes.empty()) legend.link(kind_nodes[kind_nodes.size() / 2], lines);
  return g;
}

}  // namespace actorgraph::exporter::detail
