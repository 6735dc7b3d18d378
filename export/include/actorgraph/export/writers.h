/// @file
/// Read-only writers of the actor graph: JSON-LD (RapidJSON), DOT (cgraph)
/// and SVG (gvc), and the atomic file replacement they all use.
///
/// None of them changes the graph. Each writer to a path writes a temporary
/// file beside it and renames it into place, so a failed or interrupted run
/// leaves any previous file intact. They throw ExportError naming the path.
///
/// Output is deterministic: every writer walks actors sorted by id and
/// relations sorted by (source, relation, target, negated), whether or not
/// the graph was finalized, so the same set of events gives the same bytes.
///
/// Threads: the writers only read the graph. The Graphviz-based ones
/// (to_dot, write_dot_file, render_file) serialise on one internal lock,
/// since Graphviz keeps global state; its messages are captured into the
/// ExportError rather than printed.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::exporter {

/// Writes through `fill` into `path` atomically (temporary file + rename).
/// Throws ExportError naming the path if it cannot be written.
///
/// The temporary file is `path + ".tmp.<pid>"` in the same directory; it is
/// flushed, checked, fsync'ed and renamed over `path`. On any failure it is
/// removed and `path` keeps its previous content. Errors: ExportError
/// "<path>: cannot write: <reason>" (reason from errno, or the what() of a
/// std::exception thrown by `fill`); an ExportError thrown by `fill` is
/// passed on unchanged.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill);

/// JSON-LD 1.1 with an inline @context (ONTOLOGY.md shape).
///
/// {"@context": {...}, "@graph": [actors..., relations...]}, pretty-printed
/// with a final newline. Vocabulary: @vocab https://actorgraph.org/ns#;
/// actor ids are relative to "@base" https://actorgraph.org/actor/
/// ("state/RUS"); relation nodes are
/// https://actorgraph.org/relation/<source>/<type>/<target>[/negated].
/// Actors: "@type" ["Actor", schema class by kind], kind, name
/// (schema:name), alternateName (schema:alternateName), country, sameAs
/// (Wikidata entity IRI) and, for each plain edge (RelationEdge::plain()),
/// the direct statement `"<type>": [{"@id": "<target>"}]` (symmetric types
/// on both actors). Relations: "@type" "Relation", source, target,
/// relationType (the property IRI), polarity, negated, modality, count,
/// firstDate, lastDate (xsd:date) and evidence (prov:wasDerivedFrom) nodes
/// with document, sentence, start, end, date, trigger, modality, confidence,
/// attributedTo, item. Empty values are left out.
void write_jsonld(const graph::ActorGraph& graph, std::ostream& out);
void write_jsonld_file(const graph::ActorGraph& graph, const std::string& path);

/// Graphviz DOT built with cgraph: node shape by kind, edge colour by polarity,
/// label "relation ×count"; negated edges dashed, hypothetical dotted.
///
/// Nodes are named by actor id and labelled with the name; edges carry the
/// key "<relation>" or "not <relation>". Graph: rankdir=LR, overlap=false,
/// splines=true. Shapes: state box, person ellipse, igo hexagon, group
/// octagon, force box3d, bloc tripleoctagon, anything else plaintext. Edge
/// colours: + #2e7d32, - #c62828, 0 #1565c0, . #757575; penwidth
/// 1 + ln(count); symmetric relations have arrowheads at both ends.
/// Throws ExportError "DOT: ..." if cgraph fails.
std::string to_dot(const graph::ActorGraph& graph);
void write_dot_file(const graph::ActorGraph& graph, const std::string& path);

/// Renders the graph through gvc (layout `dot` by default) to `format`
/// ("svg", "png", "pdf") at `path`: lays out, renders to memory, then writes
/// atomically. Throws ExportError "<path>: cannot lay out with \"<layout>\": ..."
/// or "<path>: cannot render as \"<format>\": ..." with Graphviz's own
/// message. Keeps one Graphviz context (plugins loaded once) for the life of
/// the process.
void render_file(const graph::ActorGraph& graph, const std::string& path,
                 const std::string& format = "svg", const std::string& layout = "dot");

}  // namespace actorgraph::exporter
