/// @file
/// The actor graph: a Boost adjacency_list whose vertices are actors and
/// whose edges are merged relations with their evidence.
///
/// Merging aggregates the instances of one (source, relation, target,
/// negated) into one edge with its count, first and last date, modality
/// counts and every evidence reference. Vertex and edge order, and so every
/// writer's output, depends only on the set of events added, not on their
/// order (call `finalize()` before reading).
///
/// Threads: not synchronised; build it on one thread, then read it from many.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "actorgraph/extract/event.h"

namespace actorgraph::graph {

/// One actor vertex.
struct ActorNode {
  std::string id;
  std::string name;
  std::string kind;
  std::string country;
  std::string wikidata;
  std::vector<std::string> aliases;
};

/// One piece of evidence behind an edge.
struct EvidenceRef {
  std::string doc;
  std::string date;
  std::string sentence;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string trigger;
  std::string modality;
  std::string attributed_to;  ///< actor id or empty
  std::string item;
  double confidence = 1.0;
};

/// One merged relation edge.
struct RelationEdge {
  std::string relation;
  bool negated = false;
  char polarity = '0';  ///< '+', '-', '0', '.'
  std::size_t count = 0;
  std::string first_date;  ///< earliest non-empty evidence date
  std::string last_date;
  std::map<std::string, std::size_t> modalities;  ///< modality -> count
  std::vector<EvidenceRef> evidence;              ///< sorted by (date, doc, start)

  /// The modality of the edge as a whole: asserted if any instance is
  /// asserted, else reported, else intended, else hypothetical.
  std::string modality() const;
  /// Whether the edge may be stated as a plain direct edge: not negated and
  /// not purely hypothetical.
  bool plain() const;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                    ActorNode, RelationEdge>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

class ActorGraph {
 public:
  /// Adds one relation instance, creating vertices as needed.
  void add(const extract::Event& event);
  /// Adds or enriches an actor (aliases, wikidata) without an edge.
  Vertex add_actor(const ActorNode& actor);
  /// Sorts vertices by id and edges by (source, relation, target, negated),
  /// and each edge's evidence, so that output is deterministic.
  void finalize();

  const Graph& graph() const { return graph_; }
  std::optional<Vertex> find(const std::string& id) const;
  std::size_t num_actors() const;
  std::size_t num_relations() const;

 private:
  Graph graph_;
  std::unordered_map<std::string, Vertex> by_id_;
  std::map<std::tuple<std::string, std::string, std::string, bool>, Edge> edges_;
};

}  // namespace actorgraph::graph
