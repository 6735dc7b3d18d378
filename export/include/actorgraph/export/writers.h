/// @file
/// Read-only writers of the actor graph: JSON-LD (RapidJSON), DOT (cgraph)
/// and SVG (gvc), and the atomic file replacement they all use.
///
/// None of them changes the graph. Each writer to a path writes a temporary
/// file beside it and renames it into place, so a failed or interrupted run
/// leaves any previous file intact. They throw ExportError naming the path.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::exporter {

/// Writes through `fill` into `path` atomically (temporary file + rename).
/// Throws ExportError naming the path if it cannot be written.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill);

/// JSON-LD 1.1 with an inline @context (ONTOLOGY.md shape).
void write_jsonld(const graph::ActorGraph& graph, std::ostream& out);
void write_jsonld_file(const graph::ActorGraph& graph, const std::string& path);

/// Graphviz DOT built with cgraph: node shape by kind, edge colour by polarity,
/// label "relation ×count"; negated edges dashed, hypothetical dotted.
std::string to_dot(const graph::ActorGraph& graph);
void write_dot_file(const graph::ActorGraph& graph, const std::string& path);

/// Renders the graph through gvc (layout `dot` by default) to `format`
/// ("svg", "png", "pdf") at `path`.
void render_file(const graph::ActorGraph& graph, const std::string& path,
                 const std::string& format = "svg", const std::string& layout = "dot");

}  // namespace actorgraph::exporter
