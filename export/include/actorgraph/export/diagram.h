/// @file
/// What a diagram (or any export) shows: a filtered copy of the actor graph
/// and the drawing choices (layout engine, legend).
///
/// Filtering never changes the graph it is given: filter_graph() builds a new
/// ActorGraph from the evidence that passes, so counts, dates and modalities
/// of the copy are recomputed from what is kept (an edge seen 3 times, twice
/// since --since, has count 2 in the copy).
///
/// Threads: plain values and pure functions; safe to call from many threads
/// on a graph that no thread changes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::exporter {

/// Filters and drawing options. The defaults show the whole graph.
struct DiagramOptions {
  /// Focus actor: an actor id ("state/RUS"), or a name or alias matched
  /// case-insensitively ("Russia", "the Kremlin"). Empty: no focus.
  std::string actor;
  /// With `actor`: keep actors at most this many relation hops away (edges
  /// followed in either direction), and the relations among them.
  std::size_t depth = 1;
  /// Keep relations with at least this many evidence records (after `since`).
  std::size_t min_count = 1;
  /// Keep only these relation types (ONTOLOGY.md names); empty: all.
  std::vector<std::string> relations;
  /// Keep only evidence dated on or after this ISO date (YYYY-MM-DD);
  /// undated evidence is dropped when it is set. Empty: no date filter.
  std::string since;

  /// Graphviz layout engine: "dot", "neato", "sfdp" (or any gvc knows);
  /// empty chooses: dot up to kSmallGraphNodes actors, sfdp above.
  std::string layout;
  /// Draw the legend cluster (kind shapes, polarity colours, line styles).
  bool legend = true;

  /// Whether any filter (actor, min_count > 1, relations, since) is set.
  bool filters() const;
};

/// Up to this many actors the automatic layout is `dot`; above it, `sfdp`
/// with overlap removal.
constexpr std::size_t kSmallGraphNodes = 40;

/// The layout engine for `graph`: `options.layout` when set, else the
/// automatic choice above.
std::string choose_layout(const graph::ActorGraph& graph, const DiagramOptions& options);

/// The actor `query` names: an exact id first, then a case-insensitive
/// name, then a case-insensitive alias (the smallest id wins ties). Returns
/// nullopt when nothing matches.
std::optional<graph::Vertex> find_actor(const graph::ActorGraph& graph, std::string_view query);

/// A finalized copy of `graph` holding only what `options` keeps: evidence
/// dated on or after `since`; relations of the listed types with at least
/// `min_count` evidence records left; with `actor`, only actors within
/// `depth` hops of it over those relations. Actors without a kept relation
/// are left out (the focus actor always stays). Actor attributes (name,
/// kind, country, Wikidata, aliases) are copied unchanged.
/// Throws InputError "--actor \"<query>\": no such actor in the graph" and
/// InputError "--relation \"<type>\": not one of the 20 relation types".
graph::ActorGraph filter_graph(const graph::ActorGraph& graph, const DiagramOptions& options);

}  // namespace actorgraph::exporter
