/// @file
/// Questions over a built actor graph ("who supports whom", ONTOLOGY.md
/// "Support and opposition"): supporters, opponents, the stance between two
/// actors, an actor's relations, neighbourhoods, shortest chains, camps
/// (structural balance), centrality and timelines. Each function takes a
/// const ActorGraph and a QueryFilter and returns a result struct by value;
/// none prints. Every row carries at least one cited evidence sentence.
///
/// The signed reading (the rules every query shares):
/// - An *instance* is one evidence record of an edge. Instances pass the
///   filter when their relation type is in `relations` (empty: all) and
///   their date is within [since, until] (ISO dates, inclusive; when either
///   bound is set, undated instances are left out). A merged relation (same
///   source, type, target, negation after roll-up) with fewer than
///   `min_count` passing instances is left out entirely.
/// - Instances of '+' types are for, of '-' types against the target
///   (a veto counts against its target: the sponsor, else the body), '0'
///   and '.' types are context. Negated instances and hypothetical ones never
///   count for or against; they are still listed where a query lists
///   relations (relations, stance, timeline). Symmetric '+' types
///   (ally_of, cooperates_with) count in both directions.
/// - The *weight* of an instance is its confidence (1 when missing or not
///   finite, clamped to [0, 1]) times, with `half_life_days` > 0, the recency
///   factor 0.5^(age / half_life_days), where the age in days is measured
///   from the latest evidence date in the graph (undated instances: factor 1).
/// - Links for neighbours, path, blocs and central join two actors that
///   have at least one passing, non-negated instance in either direction.
///
/// Level (QueryFilter::level). With Level::state each instance's source and
/// target are first rolled up (the rule; roles from the dictionary are not
/// in the graph, so only the graph's own edges and fields are used):
/// - a `force` rolls up to the `state` actor of the graph with the same
///   country code (ONTOLOGY.md: forces carry their state's code);
/// - a `person` rolls up to a state it has a non-negated `leader_of` edge to:
///   the one whose leader_of evidence dates span the instance's date, else
///   the one whose span is nearest to it (in days); an undated instance (or
///   a person asked about by name) takes the leader_of edge with the most
///   evidence; ties by state id. A person with no leader_of edge to a state
///   (ministers, envoys, UN officials whose `country` is only a nationality)
///   stays itself;
/// - `group`s keep their identity even when they carry a country (rolling the
///   "Syrian opposition" into Syria would make Syria its own opponent), and
///   so do `igo`, `bloc`, `state` and `unknown` actors;
/// - a force whose country has no state actor in the graph stays itself;
/// - instances that roll up to a self-relation (Assad leader_of Syria,
///   Syria attacks Syrian military) and all `leader_of` instances are left
///   out at state level.
///
/// Ordering is deterministic everywhere: by score descending, then by actor
/// id (byte-wise), unless a function says otherwise.
///
/// Errors: functions taking an actor id throw InputError
/// "actor \"<id>\": not in the graph" when the graph has no such actor.
///
/// Thread safety: the functions only read the graph; they may run
/// concurrently on one graph as long as nobody changes it.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::graph {

enum class Level { entity, state };

/// Filters every query accepts (see the file comment for their meaning).
struct QueryFilter {
  std::string since;                    ///< ISO date, inclusive; empty: open
  std::string until;                    ///< ISO date, inclusive; empty: open
  std::size_t min_count = 1;            ///< per merged relation, after the filter
  std::vector<std::string> relations;   ///< relation types; empty: all 20
  Level level = Level::entity;
  double half_life_days = 0;            ///< > 0: weight evidence by recency
};

/// Throws InputError naming the offending value when a date is not
/// YYYY-MM-DD, a relation type is not one of the 20, or since > until.
void validate(const QueryFilter& filter);

/// An actor as results show it.
struct ActorLabel {
  std::string id;
  std::string name;
  std::string kind;
};

/// One relation instance cited as evidence, with the actors of the graph
/// (before any roll-up).
struct Citation {
  std::string source;  ///< actor id
  std::string relation;
  std::string target;  ///< actor id
  bool negated = false;
  char polarity = '0';
  std::string modality;
  std::string doc;
  std::string date;
  std::string sentence;
};

/// A merged relation between two (possibly rolled-up) actors, restricted to
/// the instances that pass the filter.
struct RelationSummary {
  ActorLabel source;
  std::string relation;
  ActorLabel target;
  bool negated = false;
  char polarity = '0';
  std::string modality;  ///< as RelationEdge::modality() over the passing instances
  std::size_t count = 0;
  double weight = 0;     ///< summed weight of the counting instances (0 if none count)
  std::string first_date;
  std::string last_date;
  Citation evidence;     ///< the most confident, then most recent, instance
};

/// One supporter or opponent of an actor.
struct StanceRow {
  ActorLabel actor;
  double score = 0;        ///< summed instance weight
  std::size_t count = 0;   ///< counting instances
  std::map<std::string, std::size_t> relations;  ///< relation type -> instances
  std::string first_date;
  std::string last_date;
  std::size_t documents = 0;  ///< distinct documents
  Citation evidence;
};

struct StanceList {
  ActorLabel actor;  ///< the actor asked about (rolled up at state level)
  std::vector<StanceRow> rows;
};

/// Actors with counting '+' instances toward `actor` (and symmetric '+'
/// instances either way), ranked by score, then count, then id.
StanceList supporters(const ActorGraph& graph, const std::string& actor, const QueryFilter& filter = {});
/// As supporters, with '-' instances toward `actor`.
StanceList opponents(const ActorGraph& graph, const std::string& actor, const QueryFilter& filter = {});

/// One direction of a stance: what `from` does toward `to`.
struct StanceDirection {
  ActorLabel from;
  ActorLabel to;
  double positive = 0;  ///< summed weight of counting '+' instances
  double negative = 0;  ///< of counting '-' instances
  /// '+' (positive > negative), '-' (negative > positive), '~' (equal and
  /// non-zero), '0' (only context, negated or hypothetical relations), ' '
  /// (no relation at all).
  char sign = ' ';
  std::vector<RelationSummary> relations;  ///< by count desc, then type
};

struct Stance {
  StanceDirection forward;   ///< a toward b
  StanceDirection backward;  ///< b toward a
};

Stance stance(const ActorGraph& graph, const std::string& a, const std::string& b,
              const QueryFilter& filter = {});

struct RelationList {
  ActorLabel actor;
  std::vector<RelationSummary> relations;  ///< by count desc, then (source, type, target, negated)
};

/// Every relation with `actor` as source or target (symmetric ones appear once).
RelationList relations(const ActorGraph& graph, const std::string& actor, const QueryFilter& filter = {});

struct Neighbour {
  ActorLabel actor;
  std::size_t distance = 0;
  ActorLabel via;            ///< the previous actor on a shortest chain
  RelationSummary link;      ///< the strongest relation between `via` and `actor`
};

struct NeighbourList {
  ActorLabel actor;
  std::size_t depth = 1;              ///< the depth asked for
  std::vector<Neighbour> neighbours;  ///< by distance, then id
};

/// Actors within `depth` links of `actor` (breadth-first, undirected).
NeighbourList neighbours(const ActorGraph& graph, const std::string& actor, std::size_t depth = 1,
                         const QueryFilter& filter = {});

struct PathStep {
  ActorLabel from;
  ActorLabel to;
  /// Net sign of the link: '+' or '-' when the counting instances between
  /// the two (either direction) lean that way, '0' otherwise (context,
  /// structural, balanced or only negated/hypothetical).
  char sign = '0';
  std::vector<std::string> relation_types;  ///< every type on the link, sorted
  RelationSummary relation;                 ///< the strongest relation on the link
};

struct Chain {
  std::vector<PathStep> steps;
  char sign = '0';  ///< product of the '+'/'-' step signs; '0' when every step is neutral
};

struct PathResult {
  ActorLabel from;
  ActorLabel to;
  std::vector<Chain> chains;  ///< shortest first; ties by the sequence of actor ids
};

/// Up to `limit` shortest loop-free chains from `a` to `b` over the
/// undirected links (Yen's algorithm over Boost breadth_first_search): the
/// shortest ones first, then longer ones if fewer than `limit` exist.
/// Empty when b is unreachable; a == b gives one chain with no steps.
PathResult path(const ActorGraph& graph, const std::string& a, const std::string& b,
                const QueryFilter& filter = {}, std::size_t limit = 3);

/// Two actors with a net signed tie: the summed weight of counting '+'
/// instances minus '-' instances between them, both directions.
struct SignedTie {
  ActorLabel a;  ///< smaller id
  ActorLabel b;
  double weight = 0;
  Citation evidence;
};

struct CampMember {
  ActorLabel actor;
  double signed_degree = 0;  ///< summed |weight| of its signed ties
  /// Why it is here: its strongest '+' tie inside the camp, else its
  /// strongest '-' tie to another camp.
  SignedTie anchor;
};

struct Camp {
  std::vector<CampMember> members;  ///< by signed degree desc, then id
};

struct Blocs {
  std::vector<Camp> camps;  ///< by size desc, then the smallest member id
  std::size_t signed_ties = 0;
  std::size_t frustrated_ties = 0;  ///< '+' across camps or '-' within one
  double frustrated_share = 0;      ///< frustrated_ties / signed_ties (0 when none)
  std::vector<SignedTie> frustrated;  ///< by |weight| desc, then ids
};

/// Partitions the actors with signed ties into camps (structural balance):
/// a greedy assignment seeded from the actor with the largest signed degree
/// (each next actor, most connected to those placed first, joins the camp it
/// has the largest positive net tie to, else opens a new camp), then local
/// search moving single actors while the weighted frustration falls.
/// Deterministic; actors without signed ties are not placed.
Blocs blocs(const ActorGraph& graph, const QueryFilter& filter = {});

enum class CentralityMeasure { degree, pagerank, betweenness };

struct CentralityRow {
  ActorLabel actor;
  double score = 0;
  std::size_t degree = 0;  ///< distinct linked actors
  std::size_t count = 0;   ///< passing instances on its links
  Citation evidence;       ///< from its relation with the most instances
};

struct Centrality {
  CentralityMeasure by = CentralityMeasure::degree;
  /// betweenness only: the pivot sources it was estimated from; 0 when exact.
  std::size_t pivots = 0;
  std::vector<CentralityRow> rows;  ///< by score desc, then id
};

/// `pivots` for central(): exact betweenness up to kExactBetweennessActors
/// linked actors, else sampled from kDefaultPivots pivots.
inline constexpr std::size_t kAutoPivots = static_cast<std::size_t>(-1);
inline constexpr std::size_t kExactBetweennessActors = 2000;
inline constexpr std::size_t kDefaultPivots = 256;

/// degree: distinct linked actors. pagerank: power iteration (damping 0.85,
/// until the L1 change is below 1e-10 or 200 rounds) on the directed links
/// weighted by instance count (symmetric types both ways; dangling actors
/// spread evenly). betweenness: on the undirected links, unweighted (pairs
/// counted once), either exact (boost::brandes_betweenness_centrality,
/// O(V·E)) or approximate (Brandes & Pich 2007): Brandes' single-source
/// dependency accumulation from k pivot sources only, scaled by m/k, where m
/// is the number of linked actors. The pivots are k distinct linked actors
/// drawn by a partial Fisher-Yates shuffle with a fixed-seed splitmix64, so
/// the result is deterministic; with k >= m every linked actor is a pivot
/// and the scores equal the exact ones (up to rounding). `pivots`:
/// 0 exact; N sampled from min(N, m) pivots; kAutoPivots (the default) exact
/// when m <= kExactBetweennessActors, else sampled from kDefaultPivots.
/// Isolated actors (no link passes the filter) are left out. `limit` 0
/// keeps all rows.
Centrality central(const ActorGraph& graph, CentralityMeasure by, const QueryFilter& filter = {},
                   std::size_t limit = 0, std::size_t pivots = kAutoPivots);

struct Timeline {
  ActorLabel a;
  ActorLabel b;
  /// Every passing instance between a and b (either direction), by date
  /// (undated last), then document, then relation type.
  std::vector<Citation> entries;
};

Timeline timeline(const ActorGraph& graph, const std::string& a, const std::string& b,
                  const QueryFilter& filter = {});

/// Graph actors whose name, id or alias equals `name` after extract::fold
/// (case folding and normalisation), sorted by id. Used to resolve a name
/// that the dictionary does not know.
std::vector<ActorLabel> find_actors_by_name(const ActorGraph& graph, std::string_view name);

/// "degree", "pagerank", "betweenness"; and back. parse throws InputError
/// for another name.
std::string_view to_string(CentralityMeasure measure);
CentralityMeasure parse_centrality(std::string_view name);

}  // namespace actorgraph::graph
