// Internal to the export library: the actor graph as a cgraph graph with the
// drawing attributes (shapes, colours, labels), shared by the DOT writer and
// the renderer, and a scope that serialises Graphviz and captures its error
// messages instead of letting it print them.
#pragma once

#include <cgraph.h>

#include <memory>
#include <mutex>
#include <string>

#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::exporter::detail {

struct AgraphClose {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using AgraphPtr = std::unique_ptr<Agraph_t, AgraphClose>;

/// Holds the Graphviz lock and routes agerr() messages into a buffer for the
/// lifetime of the scope. Only one may exist at a time (it holds the lock).
class GraphvizScope {
 public:
  GraphvizScope();
  ~GraphvizScope();
  GraphvizScope(const GraphvizScope&) = delete;
  GraphvizScope& operator=(const GraphvizScope&) = delete;

  /// What Graphviz reported since the scope began, on one line, or
  /// `fallback` when it said nothing.
  std::string errors(const std::string& fallback) const;

 private:
  std::lock_guard<std::mutex> lock_;
  agusererrf previous_;
};

/// How to draw: the layout engine the attributes are tuned for (stored as
/// the graph's `layout` attribute too, so `dot -Tsvg file.dot` lays the
/// file out with it) and whether to add the legend.
struct Drawing {
  std::string layout = "dot";
  bool legend = true;
};

/// Builds the drawing graph. `disc` may be null (cgraph's default
/// discipline). Requires a live GraphvizScope. Throws ExportError.
AgraphPtr build_agraph(const graph::ActorGraph& graph, Agdisc_t* disc, const Drawing& drawing);

}  // namespace actorgraph::exporter::detail
