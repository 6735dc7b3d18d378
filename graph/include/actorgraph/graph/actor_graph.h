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
/// Merge rules, in detail:
/// - Symmetric relations (ally_of, meets, cooperates_with; see
///   extract::relation_symmetric) are stored once, directed from the actor
///   with the smaller id (byte-wise string order) to the larger: "Russia
///   ally_of Assad" and "Assad ally_of Russia" both merge into the edge
///   person/bashar-al-assad -> state/RUS. Writers may state the reverse
///   direction too.
/// - Evidence is deduplicated on (doc, start, end, trigger): an instance seen
///   twice (the same file read twice, two patterns firing on one span) is
///   counted once. Of two duplicates the one with the higher confidence is
///   kept (ties: the smaller by date, sentence, modality, attributed_to,
///   item), so the result does not depend on insertion order.
/// - `count` is the number of distinct evidence records; `modalities` counts
///   them by modality; `first_date`/`last_date` are the smallest and largest
///   non-empty evidence dates (ISO dates compare as strings).
/// - `polarity` comes from extract::relation_polarity.
/// - Actor attributes: fields given through add_actor() win (the last
///   add_actor() call for a field wins) and aliases accumulate as a sorted
///   set. Fields learnt only from events fill the gaps deterministically: a
///   kind other than "unknown" beats "unknown", otherwise the smallest
///   non-empty value wins.
///
/// Ownership: the graph owns its vertices and edges by value; descriptors
/// (Vertex, Edge) stay valid until the next add(), add_actor() or finalize().
///
/// Threads: not synchronised; build it on one thread, then read it from many.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
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
  /// Adds one relation instance, creating vertices as needed (see the merge
  /// rules above). Throws actorgraph::InputError when the source or target id
  /// is empty or the relation is not one of the ontology's 20 types; the
  /// graph is unchanged then.
  void add(const extract::Event& event);
  /// Adds or enriches an actor (aliases, wikidata) without an edge.
  /// Throws actorgraph::InputError when the id is empty.
  Vertex add_actor(const ActorNode& actor);
  /// Sorts vertices by id and edges by (source, relation, target, negated),
  /// and each edge's evidence, so that output is deterministic.
  /// Rebuilds the adjacency_list: vertex and edge descriptors taken before
  /// are invalid afterwards. Idempotent; more events may be added after it
  /// (call it again before reading).
  void finalize();

  const Graph& graph() const { return graph_; }
  std::optional<Vertex> find(const std::string& id) const;
  std::size_t num_actors() const;
  std::size_t num_relations() const;

 private:
  /// (source id, relation, target id, negated)
  using EdgeKey = std::tuple<std::string, std::string, std::string, bool>;
  /// (doc, start, end, trigger)
  using EvidenceKey = std::tuple<std::string, std::size_t, std::size_t, std::string>;

  Vertex vertex_for(const std::string& id);
  void learn(const extract::ActorRef& actor);
  void refresh(const std::string& id);

  Graph graph_;
  std::unordered_map<std::string, Vertex> by_id_;
  std::map<std::tuple<std::string, std::string, std::string, bool>, Edge> edges_;
  /// Per edge: evidence key -> index into RelationEdge::evidence.
  std::map<EdgeKey, std::map<EvidenceKey, std::size_t>> evidence_index_;
  /// Actor attributes given through add_actor(), by id.
  std::unordered_map<std::string, ActorNode> curated_;
  /// Actor attributes learnt from events (the deterministic best), by id.
  std::unordered_map<std::string, ActorNode> learnt_;
};

}  // namespace actorgraph::graph
