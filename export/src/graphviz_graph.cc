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

AgraphPtr build_agraph(const graph::ActorGraph& graph, Agdisc_t* disc, const Drawing& drawing) {
  std::string name = "actorgraph";
  AgraphPtr g(agopen(name.data(), Agdirected, disc));
  if (!g) throw ExportError("DOT: cannot create the graph");
  Agraph_t* root = g.get();
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
  Agsym_t* graph_label = declare(root, AGRAPH, "label", "");
  Agsym_t* graph_style = declare(root, AGRAPH, "style", "");
  Agsym_t* graph_colour = declare(root, AGRAPH, "color", "");
  Agsym_t* graph_fontsize = declare(root, AGRAPH, "fontsize", "14");
  Agsym_t* graph_labeljust = declare(root, AGRAPH, "labeljust", "c");

  Agsym_t* node_label = declare(root, AGNODE, "label", "\\N");
  Agsym_t* node_shape = declare(root, AGNODE, "shape", "plaintext");
  Agsym_t* node_style = declare(root, AGNODE, "style", "filled");
  Agsym_t* node_fill = declare(root, AGNODE, "fillcolor", "#ffffff");
  Agsym_t* node_tooltip = declare(root, AGNODE, "tooltip", "");
  Agsym_t* node_height = declare(root, AGNODE, "height", "0.5");
  Agsym_t* node_fontsize = declare(root, AGNODE, "fontsize", "12");
  declare(root, AGNODE, "fontname", "Helvetica");

  Agsym_t* edge_label = declare(root, AGEDGE, "label", "");
  Agsym_t* edge_colour = declare(root, AGEDGE, "color", "#757575");
  Agsym_t* edge_fontcolour = declare(root, AGEDGE, "fontcolor", "#757575");
  Agsym_t* edge_style = declare(root, AGEDGE, "style", "solid");
  Agsym_t* edge_penwidth = declare(root, AGEDGE, "penwidth", "1.00");
  Agsym_t* edge_dir = declare(root, AGEDGE, "dir", "forward");
  Agsym_t* edge_tooltip = declare(root, AGEDGE, "tooltip", "");
  declare(root, AGEDGE, "fontsize", "10");
  declare(root, AGEDGE, "fontname", "Helvetica");

  const graph::Graph& bg = graph.graph();
  // Nodes and edges are created in sorted order; agwrite keeps creation
  // order, so the DOT text is deterministic.
  std::vector<std::string_view> kinds_seen;
  for (graph::Vertex v : sorted_actors(bg)) {
    const graph::ActorNode& actor = bg[v];
    std::string id = actor.id;
    Agnode_t* node = agnode(root, id.data(), 1);
    if (!node) throw ExportError("DOT: cannot create the node for " + actor.id);
    set(node, node_label, label_text(actor.name.empty() ? actor.id : actor.name));
    set(node, node_tooltip,
        label_text(actor.id + (actor.country.empty() ? "" : " (" + actor.country + ")")));
    if (const KindStyle* style = kind_style(actor.kind)) {
      set(node, node_shape, std::string(style->shape));
      set(node, node_fill, std::string(style->fill));
      kinds_seen.push_back(style->kind);
    } else {
      set(node, node_style, "solid");
    }
  }

  char polarities_seen[4] = {};  // '+', '-', '0', '.' when present
  bool negated_seen = false;
  bool hypothetical_seen = false;
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
    set(line, edge_penwidth, pen_width(edge.count));
    if (!edge.evidence.empty()) {
      set(line, edge_tooltip, label_text(sorted_evidence(edge).front()->sentence));
    }
    if (edge.negated) {
      set(line, edge_style, "dashed");
      negated_seen = true;
    } else if (edge.modality() == "hypothetical") {
      set(line, edge_style, "dotted");
      hypothetical_seen = true;
    }
    if (extract::relation_symmetric(edge.relation)) set(line, edge_dir, "both");
    const std::size_t slot = std::string_view("+-0.").find(edge.polarity);
    polarities_seen[slot == std::string_view::npos ? 3 : slot] = 1;
  }

  if (!drawing.legend || boost::num_vertices(bg) == 0) return g;

  // The legend: what occurs in this drawing, no more. A cluster, so that
  // dot draws a frame around it; the force-directed engines ignore
  // clusters, so there its pieces are chained by invisible edges into one
  // component that `pack` places beside the graph.
  std::string cluster_name = "cluster_legend";
  Agraph_t* legend = agsubg(root, cluster_name.data(), 1);
  if (!legend) throw ExportError("DOT: cannot create the legend");
  set(legend, graph_label, "Legend");
  set(legend, graph_style, "rounded");
  set(legend, graph_colour, "#9e9e9e");
  set(legend, graph_fontsize, "11");
  set(legend, graph_labeljust, "l");
  // Invisible links hold the legend together: one from the kinds to the
  // line table (in dot, one rank below) and, for the force-directed engines,
  // a chain through the kinds, so that they see one component.
  int invisible = 0;
  auto link = [&](Agnode_t* from, Agnode_t* to) {
    std::string key = "legend " + std::to_string(++invisible);
    Agedge_t* line = agedge(legend, from, to, key.data(), 1);
    if (!line) throw ExportError("DOT: cannot create the legend");
    set(line, edge_style, "invis");
    set(line, edge_dir, "none");
  };
  auto legend_node = [&](const std::string& suffix) {
    std::string node_name = "legend: " + suffix;
    Agnode_t* node = agnode(legend, node_name.data(), 1);
    if (!node) throw ExportError("DOT: cannot create the legend node " + node_name);
    set(node, node_fontsize, "10");
    return node;
  };

  // In dot the unlinked kinds share the legend's first rank; dot happens to
  // place such nodes right to left in creation order, so they are created
  // backwards to read in table order.
  std::vector<const KindStyle*> legend_kinds;
  for (const KindStyle& style : kKindStyles) {
    if (std::find(kinds_seen.begin(), kinds_seen.end(), style.kind) != kinds_seen.end()) {
      legend_kinds.push_back(&style);
    }
  }
  if (ranked) std::reverse(legend_kinds.begin(), legend_kinds.end());
  std::vector<Agnode_t*> kind_nodes;
  for (const KindStyle* kind : legend_kinds) {
    const KindStyle& style = *kind;
    Agnode_t* node = legend_node(std::string(style.kind));
    set(node, node_label, std::string(style.kind));
    set(node, node_shape, std::string(style.shape));
    set(node, node_fill, std::string(style.fill));
    set(node, node_height, "0.3");
    if (!ranked && !kind_nodes.empty()) link(kind_nodes.back(), node);
    kind_nodes.push_back(node);
  }

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
      {polarities_seen[0] != 0, '+', "\u2500\u2500\u2500\u2500\u25b6",
       "+ for: ally, support, supply, agree"},
      {polarities_seen[1] != 0, '-', "\u2500\u2500\u2500\u2500\u25b6",
       "\u2212 against: oppose, reject, accuse, attack ..."},
      {polarities_seen[2] != 0, '0', "\u2500\u2500\u2500\u2500\u25b6",
       "0 contact: meet, mediate, call on"},
      {polarities_seen[3] != 0, '.', "\u2500\u2500\u2500\u2500\u25b6",
       "structural: member, leader"},
      {negated_seen, '.', "\u254c\u254c\u254c\u254c\u25b6", "negated: did not / will not"},
      {hypothetical_seen, '.', "\u2508\u2508\u2508\u2508\u25b6", "only hypothetical: may, could"},
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
  Agnode_t* lines = legend_node("lines");
  set(lines, node_shape, "plaintext");
  set(lines, node_style, "solid");
  char* html = agstrdup_html(root, table.data());
  agxset(lines, node_label, html);  // keeps the HTML mark: label=<...>
  agstrfree(root, html);
  if (!kind_nodes.empty()) {
    link(kind_nodes[kind_nodes.size() / 2], lines);
  }
  return g;
}

}  // namespace actorgraph::exporter::detail
