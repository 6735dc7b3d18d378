// Internal to the export library: a sorted, read-only view of the graph that
// every writer walks, so output is deterministic even when the graph was not
// finalized, and the lock that serialises Graphviz (which keeps global state).
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::exporter::detail {

/// Vertices ordered by actor id.
std::vector<graph::Vertex> sorted_actors(const graph::Graph& graph);

/// Edges ordered by (source id, relation, target id, negated).
std::vector<graph::Edge> sorted_relations(const graph::Graph& graph);

/// An edge's evidence ordered by (date, doc, start, end, trigger).
std::vector<const graph::EvidenceRef*> sorted_evidence(const graph::RelationEdge& edge);

/// Percent-encodes the bytes of an actor id that may not appear in an IRI
/// path (keeps letters, digits, "-._~/!$&'()*+,;=" ; ':' and '@' are encoded
/// so that a relative id never reads as a scheme, a compact IRI or a keyword).
std::string iri_path(const std::string& id);

/// Held around every use of cgraph/gvc: Graphviz is not reentrant.
std::mutex& graphviz_mutex();

}  // namespace actorgraph::exporter::detail
