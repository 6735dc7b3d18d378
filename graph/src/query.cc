// Queries over the actor graph (rules in query.h).
//
// Every query first builds a View: the graph's evidence instances that pass
// the filter, rolled up to the requested level and merged again into ties
// keyed by (source, type, target, negated). Building it is linear in the
// evidence, so a query over a 100,000-edge graph stays well under a second,
// and it keeps the rules (what counts, what rolls up where) in one place.
// Node indices in a View follow actor id order, so "ties by index" is "ties
// by id" throughout.

#include "actorgraph/graph/query.h"
#include "actorgraph/graph/dates.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <queue>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/extract/text.h"

namespace actorgraph::graph {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr double kEpsilon = 1e-9;

bool counts_for_sign(const EvidenceRef& evidence) { return evidence.modality != "hypothetical"; }

// One evidence record as the view sees it.
struct Instance {
  const EvidenceRef* evidence = nullptr;
  const std::string* source = nullptr;  // graph actor ids, before roll-up
  const std::string* target = nullptr;
  double weight = 1;
};

bool instance_before(const Instance& a, const Instance& b) {
  return std::tie(a.evidence->date, a.evidence->doc, a.evidence->start, a.evidence->end,
                  a.evidence->trigger, *a.source, *a.target) <
         std::tie(b.evidence->date, b.evidence->doc, b.evidence->start, b.evidence->end,
                  b.evidence->trigger, *b.source, *b.target);
}

// The instance to cite: one that counts for the sign, then the most
// confident, then the most recent, then the first by (doc, start).
bool better_citation(const Instance& a, const Instance& b) {
  const bool ca = counts_for_sign(*a.evidence), cb = counts_for_sign(*b.evidence);
  if (ca != cb) return ca;
  const double fa = std::isfinite(a.evidence->confidence) ? a.evidence->confidence : 1.0;
  const double fb = std::isfinite(b.evidence->confidence) ? b.evidence->confidence : 1.0;
  if (fa != fb) return fa > fb;
  if (a.evidence->date != b.evidence->date) return a.evidence->date > b.evidence->date;
  return std::tie(a.evidence->doc, a.evidence->start, *a.source, *a.target) <
         std::tie(b.evidence->doc, b.evidence->start, *b.source, *b.target);
}

// A merged relation of the view.
struct Tie {
  std::size_t source = 0;
  std::size_t target = 0;
  std::string relation;
  bool negated = false;
  char polarity = '0';
  bool symmetric = false;
  std::vector<Instance> instances;
  // Derived once the instances are in:
  double weight = 0;          // counting instances (not negated, not hypothetical)
  std::size_t counting = 0;
  std::size_t best = 0;       // index of the instance to cite
};

// Two linked actors (undirected) and what joins them.
struct Link {
  std::size_t a = 0;  // a < b
  std::size_t b = 0;
  std::vector<std::size_t> ties;
  double positive = 0;
  double negative = 0;
  std::size_t count = 0;
  std::size_t strongest = 0;  // tie index
  double net() const { return positive - negative; }
  char sign() const {
    if (positive > negative + kEpsilon) return '+';
    if (negative > positive + kEpsilon) return '-';
    return '0';
  }
};

class View {
 public:
  /// With `focus` (graph actor ids), only instances touching the view nodes
  /// of those actors are kept: enough for the one- and two-actor queries,
  /// and it spares them merging the whole graph.
  View(const ActorGraph& graph, const QueryFilter& filter, const std::vector<std::string>& focus = {});

  std::size_t size() const { return nodes_.size(); }
  const ActorLabel& label(std::size_t node) const { return nodes_[node]; }
  const std::vector<Tie>& ties() const { return ties_; }
  const std::vector<std::size_t>& touching(std::size_t node) const { return touching_[node]; }
  /// The view node of a graph actor (undated roll-up); throws if unknown.
  std::size_t node_of(const std::string& id) const;

  Citation cite(const Tie& tie, const Instance& instance) const;
  Citation cite(const Tie& tie) const { return cite(tie, tie.instances[tie.best]); }
  RelationSummary summarize(const Tie& tie) const;

  /// Undirected links (non-negated ties), built on first use.
  const std::vector<Link>& links() const;
  /// Per node: (neighbour, link index), by neighbour.
  const std::vector<std::vector<std::pair<std::size_t, std::size_t>>>& adjacency() const;
  std::size_t link_between(std::size_t u, std::size_t v) const;

 private:
  struct LeaderSpan {
    std::string state;
    std::optional<long> first, last;
    std::size_t count = 0;
  };

  const std::string& roll_up(Vertex v, const std::string& date) const;

  const ActorGraph& graph_;
  Level level_;
  std::vector<ActorLabel> nodes_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<Tie> ties_;
  std::vector<std::vector<std::size_t>> touching_;
  // Roll-up (state level only).
  std::unordered_map<std::string, std::string> state_of_country_;
  std::unordered_map<Vertex, std::vector<LeaderSpan>> leader_spans_;
  // Links, lazily.
  mutable std::vector<Link> links_;
  mutable std::vector<std::vector<std::pair<std::size_t, std::size_t>>> adjacency_;
  mutable bool linked_ = false;
};

View::View(const ActorGraph& graph, const QueryFilter& filter, const std::vector<std::string>& focus)
    : graph_(graph), level_(filter.level) {
  validate(filter);
  const Graph& g = graph.graph();

  if (level_ == Level::state) {
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
      const ActorNode& actor = g[v];
      if (actor.kind != "state" || actor.country.empty()) continue;
      auto [it, inserted] = state_of_country_.emplace(actor.country, actor.id);
      if (!inserted && actor.id < it->second) it->second = actor.id;
    }
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      const RelationEdge& edge = g[e];
      if (edge.relation != "leader_of" || !edge.plain()) continue;
      const Vertex person = boost::source(e, g);
      const ActorNode& state = g[boost::target(e, g)];
      if (g[person].kind != "person" || state.kind != "state") continue;
      leader_spans_[person].push_back(
          {state.id, day_number(edge.first_date), day_number(edge.last_date), edge.count});
    }
  }

  // Nodes: every actor that is its own roll-up, in id order.
  std::vector<const ActorNode*> actors;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    if (roll_up(v, {}) == g[v].id) actors.push_back(&g[v]);
  }
  std::sort(actors.begin(), actors.end(),
            [](const ActorNode* a, const ActorNode* b) { return a->id < b->id; });
  for (const ActorNode* actor : actors) {
    index_.emplace(actor->id, nodes_.size());
    nodes_.push_back({actor->id, actor->name, actor->kind});
  }

  std::vector<char> focused(nodes_.size(), focus.empty() ? 1 : 0);
  for (const auto& id : focus) focused[node_of(id)] = 1;

  // The latest date, for recency weights.
  std::optional<long> latest;
  if (filter.half_life_days > 0) {
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      if (auto day = day_number(g[e].last_date); day && (!latest || *day > *latest)) latest = day;
    }
  }
  const std::unordered_set<std::string> types(filter.relations.begin(), filter.relations.end());
  const bool dated_only = !filter.since.empty() || !filter.until.empty();

  std::map<std::tuple<std::size_t, std::string_view, std::size_t, bool>, std::size_t> keys;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const RelationEdge& edge = g[e];
    if (!types.empty() && !types.count(edge.relation)) continue;
    if (level_ == Level::state && edge.relation == "leader_of") continue;
    const Vertex sv = boost::source(e, g), tv = boost::target(e, g);
    const bool symmetric = extract::relation_symmetric(edge.relation);
    for (const EvidenceRef& evidence : edge.evidence) {
      if (dated_only && evidence.date.empty()) continue;
      if (!filter.since.empty() && evidence.date < filter.since) continue;
      // "2012-01-16" is within --until 2012-01-16; so is a coarser "2012-01".
      if (!filter.until.empty() && evidence.date.compare(0, filter.until.size(), filter.until) > 0) continue;
      std::size_t s = index_.at(roll_up(sv, evidence.date));
      std::size_t t = index_.at(roll_up(tv, evidence.date));
      if (s == t && level_ == Level::state) continue;
      if (!focused[s] && !focused[t]) continue;
      if (symmetric && t < s) std::swap(s, t);

      Instance instance;
      instance.evidence = &evidence;
      instance.source = &g[sv].id;
      instance.target = &g[tv].id;
      double confidence = std::isfinite(evidence.confidence) ? evidence.confidence : 1.0;
      instance.weight = std::clamp(confidence, 0.0, 1.0);
      if (latest) {
        if (auto day = day_number(evidence.date)) {
          instance.weight *= std::pow(0.5, static_cast<double>(*latest - *day) / filter.half_life_days);
        }
      }
      auto [slot, inserted] = keys.try_emplace({s, edge.relation, t, edge.negated}, ties_.size());
      if (inserted) {
        Tie tie;
        tie.source = s;
        tie.target = t;
        tie.relation = edge.relation;
        tie.negated = edge.negated;
        tie.polarity = edge.polarity;
        tie.symmetric = symmetric;
        ties_.push_back(std::move(tie));
      }
      ties_[slot->second].instances.push_back(instance);
    }
  }

  // Ties in key order (source id, type, target id, negated), min_count applied.
  std::vector<Tie> ordered;
  ordered.reserve(ties_.size());
  for (const auto& [key, i] : keys) {
    Tie& tie = ties_[i];
    if (tie.instances.size() < std::max<std::size_t>(filter.min_count, 1)) continue;
    std::sort(tie.instances.begin(), tie.instances.end(), instance_before);
    for (std::size_t k = 0; k < tie.instances.size(); ++k) {
      const Instance& instance = tie.instances[k];
      if (!tie.negated && counts_for_sign(*instance.evidence)) {
        tie.weight += instance.weight;
        ++tie.counting;
      }
      if (k > 0 && better_citation(instance, tie.instances[tie.best])) tie.best = k;
    }
    ordered.push_back(std::move(tie));
  }
  ties_ = std::move(ordered);
  touching_.assign(nodes_.size(), {});
  for (std::size_t i = 0; i < ties_.size(); ++i) {
    touching_[ties_[i].source].push_back(i);
    if (ties_[i].target != ties_[i].source) touching_[ties_[i].target].push_back(i);
  }
}

const std::string& View::roll_up(Vertex v, const std::string& date) const {
  const ActorNode& actor = graph_.graph()[v];
  if (level_ == Level::entity) return actor.id;
  if (actor.kind == "force") {
    auto it = state_of_country_.find(actor.country);
    return it == state_of_country_.end() ? actor.id : it->second;
  }
  if (actor.kind != "person") return actor.id;
  auto found = leader_spans_.find(v);
  if (found == leader_spans_.end()) return actor.id;
  const auto& spans = found->second;
  const std::optional<long> day = day_number(date);
  const LeaderSpan* best = nullptr;
  long best_distance = std::numeric_limits<long>::max();
  for (const LeaderSpan& span : spans) {
    long distance = std::numeric_limits<long>::max();
    if (day && span.first && span.last) {
      distance = *day < *span.first ? *span.first - *day : *day > *span.last ? *day - *span.last : 0;
    }
    if (!day) distance = 0;  // undated: decided by evidence count
    const bool better = !best || distance < best_distance ||
                        (distance == best_distance &&
                         (span.count > best->count || (span.count == best->count && span.state < best->state)));
    if (better) {
      best = &span;
      best_distance = distance;
    }
  }
  return best->state;
}

std::size_t View::node_of(const std::string& id) const {
  auto vertex = graph_.find(id);
  if (!vertex) throw InputError("actor \"" + id + "\": not in the graph");
  return index_.at(roll_up(*vertex, {}));
}

Citation View::cite(const Tie& tie, const Instance& instance) const {
  Citation citation;
  citation.source = *instance.source;
  citation.relation = tie.relation;
  citation.target = *instance.target;
  citation.negated = tie.negated;
  citation.polarity = tie.polarity;
  citation.modality = instance.evidence->modality;
  citation.doc = instance.evidence->doc;
  citation.date = instance.evidence->date;
  citation.sentence = instance.evidence->sentence;
  return citation;
}

RelationSummary View::summarize(const Tie& tie) const {
  RelationSummary summary;
  summary.source = nodes_[tie.source];
  summary.relation = tie.relation;
  summary.target = nodes_[tie.target];
  summary.negated = tie.negated;
  summary.polarity = tie.polarity;
  summary.count = tie.instances.size();
  summary.weight = tie.weight;
  RelationEdge modalities;
  for (const Instance& instance : tie.instances) {
    ++modalities.modalities[instance.evidence->modality];
    const std::string& date = instance.evidence->date;
    if (date.empty()) continue;
    if (summary.first_date.empty() || date < summary.first_date) summary.first_date = date;
    if (summary.last_date.empty() || date > summary.last_date) summary.last_date = date;
  }
  summary.modality = modalities.modality();
  summary.evidence = cite(tie);
  return summary;
}

const std::vector<Link>& View::links() const {
  if (linked_) return links_;
  linked_ = true;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> pairs;
  for (std::size_t i = 0; i < ties_.size(); ++i) {
    const Tie& tie = ties_[i];
    if (tie.negated || tie.source == tie.target) continue;
    const auto key = std::minmax(tie.source, tie.target);
    auto [slot, inserted] = pairs.try_emplace(key, links_.size());
    if (inserted) links_.push_back({key.first, key.second, {}, 0, 0, 0, i});
    Link& link = links_[slot->second];
    link.ties.push_back(i);
    link.count += tie.instances.size();
    if (tie.polarity == '+') link.positive += tie.weight;
    if (tie.polarity == '-') link.negative += tie.weight;
    const Tie& strongest = ties_[link.strongest];
    if (tie.instances.size() > strongest.instances.size() ||
        (tie.instances.size() == strongest.instances.size() && tie.weight > strongest.weight + kEpsilon)) {
      link.strongest = i;
    }
  }
  // Links in (a, b) order: adjacency lists come out sorted by neighbour, and
  // Boost's vecS out-edge lists built from them too.
  std::vector<Link> ordered;
  ordered.reserve(links_.size());
  for (const auto& [key, i] : pairs) ordered.push_back(std::move(links_[i]));
  links_ = std::move(ordered);
  adjacency_.assign(nodes_.size(), {});
  for (std::size_t i = 0; i < links_.size(); ++i) {
    adjacency_[links_[i].a].emplace_back(links_[i].b, i);
  }
  for (std::size_t i = 0; i < links_.size(); ++i) {
    adjacency_[links_[i].b].emplace_back(links_[i].a, i);
  }
  for (auto& list : adjacency_) std::sort(list.begin(), list.end());
  return links_;
}

const std::vector<std::vector<std::pair<std::size_t, std::size_t>>>& View::adjacency() const {
  links();
  return adjacency_;
}

std::size_t View::link_between(std::size_t u, std::size_t v) const {
  const auto& list = adjacency()[u];
  auto it = std::lower_bound(list.begin(), list.end(), std::make_pair(v, std::size_t{0}));
  return it != list.end() && it->first == v ? it->second : kNone;
}

// The tie on a link whose sign matches `sign` ('+' or '-') with the largest
// weight; the link's strongest tie if none matches.
std::size_t tie_of_sign(const View& view, const Link& link, char sign) {
  std::size_t best = kNone;
  for (std::size_t i : link.ties) {
    const Tie& tie = view.ties()[i];
    if (tie.polarity != sign || tie.counting == 0) continue;
    if (best == kNone || tie.weight > view.ties()[best].weight + kEpsilon) best = i;
  }
  return best == kNone ? link.strongest : best;
}

// --- supporters / opponents --------------------------------------------------

StanceList ranked(const ActorGraph& graph, const std::string& actor, const QueryFilter& filter,
                  char polarity) {
  const View view(graph, filter, {actor});
  const std::size_t x = view.node_of(actor);
  struct Acc {
    StanceRow row;
    std::set<std::string> documents;
    const Tie* best_tie = nullptr;
    const Instance* best = nullptr;
  };
  std::map<std::size_t, Acc> rows;
  for (std::size_t i : view.touching(x)) {
    const Tie& tie = view.ties()[i];
    if (tie.negated || tie.polarity != polarity) continue;
    std::size_t other = kNone;
    if (tie.target == x) other = tie.source;
    else if (tie.symmetric && tie.source == x) other = tie.target;
    if (other == kNone || other == x) continue;
    Acc& acc = rows[other];
    for (const Instance& instance : tie.instances) {
      if (!counts_for_sign(*instance.evidence)) continue;
      StanceRow& row = acc.row;
      row.score += instance.weight;
      ++row.count;
      ++row.relations[tie.relation];
      const std::string& date = instance.evidence->date;
      if (!date.empty() && (row.first_date.empty() || date < row.first_date)) row.first_date = date;
      if (!date.empty() && (row.last_date.empty() || date > row.last_date)) row.last_date = date;
      acc.documents.insert(instance.evidence->doc);
      if (!acc.best || better_citation(instance, *acc.best)) {
        acc.best = &instance;
        acc.best_tie = &tie;
      }
    }
  }
  StanceList list;
  list.actor = view.label(x);
  for (auto& [node, acc] : rows) {
    if (acc.row.count == 0) continue;
    acc.row.actor = view.label(node);
    acc.row.documents = acc.documents.size();
    acc.row.evidence = view.cite(*acc.best_tie, *acc.best);
    list.rows.push_back(std::move(acc.row));
  }
  // rows is keyed by node index (id order), so stable_sort keeps ties by id.
  std::stable_sort(list.rows.begin(), list.rows.end(), [](const StanceRow& a, const StanceRow& b) {
    if (std::abs(a.score - b.score) > kEpsilon) return a.score > b.score;
    return a.count > b.count;
  });
  return list;
}

StanceDirection direction(const View& view, std::size_t from, std::size_t to) {
  StanceDirection result;
  result.from = view.label(from);
  result.to = view.label(to);
  bool any_counting = false;
  for (std::size_t i : view.touching(from)) {
    const Tie& tie = view.ties()[i];
    const bool forward = tie.source == from && tie.target == to;
    const bool reverse = tie.symmetric && tie.source == to && tie.target == from;
    if (!forward && !reverse) continue;
    if (tie.polarity == '+') result.positive += tie.weight;
    if (tie.polarity == '-') result.negative += tie.weight;
    if ((tie.polarity == '+' || tie.polarity == '-') && tie.counting > 0) any_counting = true;
    result.relations.push_back(view.summarize(tie));
  }
  std::stable_sort(result.relations.begin(), result.relations.end(),
                   [](const RelationSummary& a, const RelationSummary& b) { return a.count > b.count; });
  if (result.relations.empty()) result.sign = ' ';
  else if (result.positive > result.negative + kEpsilon) result.sign = '+';
  else if (result.negative > result.positive + kEpsilon) result.sign = '-';
  else result.sign = any_counting ? '~' : '0';
  return result;
}

// --- paths -------------------------------------------------------------------

using LinkGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                        boost::property<boost::edge_index_t, std::size_t>>;

LinkGraph link_graph(const View& view) {
  LinkGraph g(view.size());
  const auto& links = view.links();
  // Added in (a, b) order so that every out-edge list is sorted by neighbour
  // and breadth-first search discovers parents in id order.
  for (std::size_t i = 0; i < links.size(); ++i) boost::add_edge(links[i].a, links[i].b, i, g);
  return g;
}

struct Removed {
  const LinkGraph* graph = nullptr;
  const std::vector<char>* links = nullptr;
  const std::vector<char>* nodes = nullptr;
  bool operator()(LinkGraph::edge_descriptor e) const {
    return !(*links)[boost::get(boost::edge_index, *graph, e)];
  }
  bool operator()(LinkGraph::vertex_descriptor v) const { return !(*nodes)[v]; }
};

// A shortest chain from s to t avoiding removed links and nodes; empty if none.
std::vector<std::size_t> shortest(const LinkGraph& g, std::size_t s, std::size_t t,
                                  const std::vector<char>& removed_links,
                                  const std::vector<char>& removed_nodes) {
  Removed keep{&g, &removed_links, &removed_nodes};
  boost::filtered_graph<LinkGraph, Removed, Removed> view(g, keep, keep);
  std::vector<std::size_t> parent(boost::num_vertices(g), kNone);
  std::vector<boost::default_color_type> colour(boost::num_vertices(g), boost::white_color);
  auto parents = boost::make_iterator_property_map(parent.begin(), boost::get(boost::vertex_index, g));
  boost::breadth_first_search(
      view, s,
      boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(parents, boost::on_tree_edge())))
          .color_map(boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, g))));
  if (s != t && parent[t] == kNone) return {};
  std::vector<std::size_t> chain{t};
  while (chain.back() != s) chain.push_back(parent[chain.back()]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// Yen's k shortest loop-free paths, each spur found by breadth-first search.
std::vector<std::vector<std::size_t>> k_shortest(const View& view, std::size_t s, std::size_t t,
                                                 std::size_t k) {
  const LinkGraph g = link_graph(view);
  std::vector<char> removed_links(view.links().size(), 0);
  std::vector<char> removed_nodes(view.size(), 0);
  std::vector<std::vector<std::size_t>> found;
  if (k == 0) return found;
  auto first = shortest(g, s, t, removed_links, removed_nodes);
  if (first.empty()) return found;
  found.push_back(std::move(first));
  // Candidates ordered by (length, actor id sequence): indices follow ids.
  auto shorter = [](const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  };
  std::set<std::vector<std::size_t>, decltype(shorter)> candidates(shorter);
  while (found.size() < k) {
    const std::vector<std::size_t> previous = found.back();
    for (std::size_t i = 0; i + 1 < previous.size(); ++i) {
      const std::size_t spur = previous[i];
      std::fill(removed_links.begin(), removed_links.end(), 0);
      std::fill(removed_nodes.begin(), removed_nodes.end(), 0);
      for (const auto& chain : found) {
        if (chain.size() > i + 1 && std::equal(previous.begin(), previous.begin() + i + 1, chain.begin())) {
          removed_links[view.link_between(chain[i], chain[i + 1])] = 1;
        }
      }
      for (std::size_t j = 0; j < i; ++j) removed_nodes[previous[j]] = 1;
      auto rest = shortest(g, spur, t, removed_links, removed_nodes);
      if (rest.empty()) continue;
      std::vector<std::size_t> chain(previous.begin(), previous.begin() + i);
      chain.insert(chain.end(), rest.begin(), rest.end());
      if (std::find(found.begin(), found.end(), chain) == found.end()) candidates.insert(std::move(chain));
    }
    if (candidates.empty()) break;
    found.push_back(*candidates.begin());
    candidates.erase(candidates.begin());
  }
  return found;
}

// --- betweenness ---------------------------------------------------------------

// Approximate betweenness (Brandes & Pich 2007): Brandes' dependency
// accumulation (as boost::brandes_betweenness_centrality does it on an
// unweighted graph) from `pivots` source actors only, scaled by m / k. The
// links are the ones link_graph() gives Boost, so with every linked actor a
// pivot the scores are the exact ones; like Boost on an undirected graph,
// the sums are halved (each pair is reached from both of its ends).
// Returns the scores and the number of pivots used.
std::pair<std::vector<double>, std::size_t> sampled_betweenness(const View& view, std::size_t pivots) {
  const auto& adjacency = view.adjacency();
  const std::size_t n = view.size();
  // Compact adjacency (CSR, 32-bit node numbers) for the repeated
  // breadth-first searches: it keeps a 100,000-link graph in cache.
  using Node = std::uint32_t;
  constexpr Node kUnreached = std::numeric_limits<Node>::max();
  if (n >= kUnreached) throw std::length_error("betweenness: too many actors");
  std::vector<std::size_t> offset(n + 1, 0);
  std::vector<Node> neighbour;
  neighbour.reserve(2 * view.links().size());
  std::vector<std::size_t> linked;
  for (std::size_t v = 0; v < n; ++v) {
    for (const auto& [u, link] : adjacency[v]) neighbour.push_back(static_cast<Node>(u));
    offset[v + 1] = neighbour.size();
    if (!adjacency[v].empty()) linked.push_back(v);
  }
  const std::size_t m = linked.size();
  const std::size_t k = std::min(pivots, m);
  std::vector<double> score(n, 0);
  if (k == 0) return {score, 0};
  if (k < m) {
    // Partial Fisher-Yates with a fixed-seed splitmix64: deterministic on
    // every platform (no std:: distributions), then sources in id order.
    std::uint64_t state = 0x9e3779b97f4a7c15ULL;
    auto next = [&state] {
      std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      return z ^ (z >> 31);
    };
    for (std::size_t i = 0; i < k; ++i) {
      const std::size_t j = i + static_cast<std::size_t>(next() % (m - i));
      std::swap(linked[i], linked[j]);
    }
    linked.resize(k);
    std::sort(linked.begin(), linked.end());
  }

  std::vector<Node> distance(n, kUnreached), order;
  order.reserve(n);
  // sigma: shortest paths from the source; coefficient: (1 + delta) / sigma,
  // so that delta(v) = sigma(v) * (sum of the coefficients of v's successors).
  std::vector<double> sigma(n, 0), coefficient(n, 0);
  for (const std::size_t s : linked) {
    order.clear();
    distance[s] = 0;
    sigma[s] = 1;
    order.push_back(static_cast<Node>(s));
    for (std::size_t head = 0; head < order.size(); ++head) {
      const Node u = order[head];
      const Node next_level = distance[u] + 1;
      for (std::size_t i = offset[u]; i < offset[u + 1]; ++i) {
        const Node v = neighbour[i];
        if (distance[v] == kUnreached) {
          distance[v] = next_level;
          order.push_back(v);
        }
        if (distance[v] == next_level) sigma[v] += sigma[u];
      }
    }
    // Dependencies, farthest first: each actor pulls from its successors.
    for (std::size_t j = order.size(); j-- > 0;) {
      const Node w = order[j];
      const Node next_level = distance[w] + 1;
      double sum = 0;
      for (std::size_t i = offset[w]; i < offset[w + 1]; ++i) {
        const Node v = neighbour[i];
        if (distance[v] == next_level) sum += coefficient[v];
      }
      const double delta = sigma[w] * sum;
      coefficient[w] = (1 + delta) / sigma[w];
      if (w != s) score[w] += delta;
    }
    for (const Node w : order) {
      distance[w] = kUnreached;
      sigma[w] = 0;
    }
  }
  const double scale = static_cast<double>(m) / static_cast<double>(k) / 2;
  for (double& x : score) x *= scale;
  return {score, k};
}

}  // namespace

// --- public ------------------------------------------------------------------

void validate(const QueryFilter& filter) {
  for (const auto* date : {&filter.since, &filter.until}) {
    if (date->empty()) continue;
    require_date(*date);
  }
  if (!filter.since.empty() && !filter.until.empty() && filter.since > filter.until) {
    throw InputError("dates: expected since (" + filter.since + ") not after until (" + filter.until + ")");
  }
  for (const auto& relation : filter.relations) {
    if (!extract::is_relation_type(relation)) {
      throw InputError("relation \"" + relation + "\": expected one of the 20 relation types");
    }
  }
  if (!(filter.half_life_days >= 0)) throw InputError("half-life: expected a number of days >= 0");
}

StanceList supporters(const ActorGraph& graph, const std::string& actor, const QueryFilter& filter) {
  return ranked(graph, actor, filter, '+');
}

StanceList opponents(const ActorGraph& graph, const std::string& actor, const QueryFilter& filter) {
  return ranked(graph, actor, filter, '-');
}

Stance stance(const ActorGraph& graph, const std::string& a, const std::string& b, const QueryFilter& filter) {
  const View view(graph, filter, {a, b});
  const std::size_t x = view.node_of(a), y = view.node_of(b);
  return {direction(view, x, y), direction(view, y, x)};
}

RelationList relations(const ActorGraph& graph, const std::string& actor, const QueryFilter& filter) {
  const View view(graph, filter, {actor});
  const std::size_t x = view.node_of(actor);
  RelationList list;
  list.actor = view.label(x);
  for (std::size_t i : view.touching(x)) list.relations.push_back(view.summarize(view.ties()[i]));
  // touching() is in tie (key) order; keep it among equal counts.
  std::stable_sort(list.relations.begin(), list.relations.end(),
                   [](const RelationSummary& a, const RelationSummary& b) { return a.count > b.count; });
  return list;
}

NeighbourList neighbours(const ActorGraph& graph, const std::string& actor, std::size_t depth,
                         const QueryFilter& filter) {
  const View view(graph, filter);
  const std::size_t x = view.node_of(actor);
  const auto& adjacency = view.adjacency();
  std::vector<std::size_t> distance(view.size(), kNone), parent(view.size(), kNone), via(view.size(), kNone);
  std::queue<std::size_t> queue;
  distance[x] = 0;
  queue.push(x);
  while (!queue.empty()) {
    const std::size_t u = queue.front();
    queue.pop();
    if (distance[u] >= depth) continue;
    for (const auto& [v, link] : adjacency[u]) {
      if (distance[v] != kNone) continue;
      distance[v] = distance[u] + 1;
      parent[v] = u;
      via[v] = link;
      queue.push(v);
    }
  }
  NeighbourList list;
  list.actor = view.label(x);
  list.depth = depth;
  for (std::size_t v = 0; v < view.size(); ++v) {
    if (v == x || distance[v] == kNone) continue;
    list.neighbours.push_back({view.label(v), distance[v], view.label(parent[v]),
                               view.summarize(view.ties()[view.links()[via[v]].strongest])});
  }
  std::stable_sort(list.neighbours.begin(), list.neighbours.end(),
                   [](const Neighbour& a, const Neighbour& b) { return a.distance < b.distance; });
  return list;
}

PathResult path(const ActorGraph& graph, const std::string& a, const std::string& b, const QueryFilter& filter,
                std::size_t limit) {
  const View view(graph, filter);
  const std::size_t s = view.node_of(a), t = view.node_of(b);
  PathResult result;
  result.from = view.label(s);
  result.to = view.label(t);
  for (const auto& nodes : k_shortest(view, s, t, limit)) {
    Chain chain;
    int sign = 0;
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
      const Link& link = view.links()[view.link_between(nodes[i], nodes[i + 1])];
      PathStep step;
      step.from = view.label(nodes[i]);
      step.to = view.label(nodes[i + 1]);
      step.sign = link.sign();
      std::set<std::string> types;
      for (std::size_t tie : link.ties) types.insert(view.ties()[tie].relation);
      step.relation_types.assign(types.begin(), types.end());
      const std::size_t shown = step.sign == '0' ? link.strongest : tie_of_sign(view, link, step.sign);
      step.relation = view.summarize(view.ties()[shown]);
      if (step.sign != '0') sign = (sign == 0 ? 1 : sign) * (step.sign == '+' ? 1 : -1);
      chain.steps.push_back(std::move(step));
    }
    chain.sign = sign > 0 ? '+' : sign < 0 ? '-' : '0';
    result.chains.push_back(std::move(chain));
  }
  return result;
}

namespace {

/// The signed ties of a view: links with a non-zero net weight.
struct SignedTies {
  std::vector<std::size_t> links;  ///< indices into View::links()
  std::vector<std::vector<std::pair<std::size_t, double>>> of;  ///< per actor: (other, net weight)
  std::vector<double> degree;  ///< per actor: sum of |weight|
};

SignedTies signed_ties(const View& view) {
  const auto& links = view.links();
  SignedTies t;
  t.of.resize(view.size());
  t.degree.assign(view.size(), 0);
  for (std::size_t i = 0; i < links.size(); ++i) {
    const double w = links[i].net();
    if (std::abs(w) <= kEpsilon) continue;
    t.links.push_back(i);
    t.of[links[i].a].emplace_back(links[i].b, w);
    t.of[links[i].b].emplace_back(links[i].a, w);
    t.degree[links[i].a] += std::abs(w);
    t.degree[links[i].b] += std::abs(w);
  }
  return t;
}

/// Actors in camps: camp[v] (kNone for actors without a signed tie) of `count`.
struct Camps {
  std::vector<std::size_t> camp;
  std::size_t count = 0;
};

Camps place_greedily(const SignedTies& t) {
  const auto& ties = t.of;
  const auto& degree = t.degree;
  const std::size_t n = ties.size();
  // Greedy placement: most attached to the placed actors first (then by
  // signed degree, then id); the first pick is the most connected actor.
  Camps placed;
  std::vector<std::size_t>& camp = placed.camp;
  camp.assign(n, kNone);
  std::vector<double> attachment(n, 0);
  std::size_t& camps = placed.count;
  using Entry = std::tuple<double, double, std::size_t>;  // attachment, degree, -id (as n - id)
  std::priority_queue<Entry> heap;
  for (std::size_t v = 0; v < n; ++v)
    if (!ties[v].empty()) heap.emplace(0.0, degree[v], n - v);
  while (!heap.empty()) {
    const auto [attached, deg, inverse] = heap.top();
    heap.pop();
    const std::size_t v = n - inverse;
    if (camp[v] != kNone || attached != attachment[v]) continue;
    std::vector<double> score(camps, 0);
    std::vector<char> touched(camps, 0);
    for (const auto& [u, w] : ties[v]) {
      if (camp[u] == kNone) continue;
      score[camp[u]] += w;
      touched[camp[u]] = 1;
    }
    std::size_t best = kNone;
    for (std::size_t c = 0; c < camps; ++c)
      if (best == kNone || score[c] > score[best] + kEpsilon) best = c;
    if (best != kNone && score[best] > kEpsilon) {
      camp[v] = best;
    } else if (attached > 0) {
      // Only enemies (or nothing) among the placed: join a camp it has no
      // tie to if there is one, so that enemies of one camp form the other.
      std::size_t free = kNone;
      for (std::size_t c = 0; c < camps && free == kNone; ++c)
        if (!touched[c]) free = c;
      camp[v] = free != kNone ? free : camps++;
    } else {
      camp[v] = camps++;  // a new component
    }
    for (const auto& [u, w] : ties[v]) {
      if (camp[u] != kNone) continue;
      attachment[u] += std::abs(w);
      heap.emplace(attachment[u], degree[u], n - u);
    }
  }

  return placed;
}

/// Local search: moves one actor at a time to the camp (or a new one) where
/// its frustration is smallest, while that strictly lowers the total.
void improve_locally(const SignedTies& t, Camps& placed) {
  const auto& ties = t.of;
  const std::size_t n = ties.size();
  std::vector<std::size_t>& camp = placed.camp;
  std::size_t& camps = placed.count;
  for (int pass = 0; pass < 100; ++pass) {
    bool moved = false;
    for (std::size_t v = 0; v < n; ++v) {
      if (ties[v].empty()) continue;
      std::vector<double> inside_positive(camps + 1, 0), inside_negative(camps + 1, 0);
      double positive = 0;
      for (const auto& [u, w] : ties[v]) {
        if (w > 0) {
          positive += w;
          inside_positive[camp[u]] += w;
        } else {
          inside_negative[camp[u]] -= w;
        }
      }
      auto cost = [&](std::size_t c) { return inside_negative[c] + positive - inside_positive[c]; };
      std::size_t best = camp[v];
      for (std::size_t c = 0; c <= camps; ++c)
        if (cost(c) < cost(best) - kEpsilon) best = c;
      if (best != camp[v]) {
        if (best == camps) ++camps;
        camp[v] = best;
        moved = true;
      }
    }
    if (!moved) break;
  }
}

}  // namespace

Blocs blocs(const ActorGraph& graph, const QueryFilter& filter) {
  const View view(graph, filter);
  const auto& links = view.links();
  const std::size_t n = view.size();
  const SignedTies t = signed_ties(view);
  const std::vector<std::size_t>& signed_links = t.links;
  const std::vector<double>& degree = t.degree;
  Camps placed = place_greedily(t);
  improve_locally(t, placed);
  const std::vector<std::size_t>& camp = placed.camp;
  const std::size_t camps = placed.count;

  // Tie to cite for a pair.
  auto signed_tie = [&](std::size_t link_index) {
    const Link& link = links[link_index];
    SignedTie tie;
    tie.a = view.label(link.a);
    tie.b = view.label(link.b);
    tie.weight = link.net();
    tie.evidence = view.cite(view.ties()[tie_of_sign(view, link, link.net() > 0 ? '+' : '-')]);
    return tie;
  };

  Blocs result;
  std::vector<std::vector<std::size_t>> members(camps);
  for (std::size_t v = 0; v < n; ++v)
    if (camp[v] != kNone) members[camp[v]].push_back(v);
  for (auto& list : members) {
    if (list.empty()) continue;
    std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) { return degree[a] > degree[b] + kEpsilon; });
    Camp out;
    for (std::size_t v : list) {
      // Anchor: strongest '+' tie inside, else strongest '-' tie across, else strongest.
      std::size_t anchor = kNone;
      int rank = -1;
      double strength = 0;
      for (const auto& [u, link] : view.adjacency()[v]) {
        const double w = links[link].net();
        if (std::abs(w) <= kEpsilon) continue;
        const int r = (w > 0 && camp[u] == camp[v]) ? 2 : (w < 0 && camp[u] != camp[v]) ? 1 : 0;
        if (r > rank || (r == rank && std::abs(w) > strength + kEpsilon)) {
          anchor = link;
          rank = r;
          strength = std::abs(w);
        }
      }
      out.members.push_back({view.label(v), degree[v], signed_tie(anchor)});
    }
    result.camps.push_back(std::move(out));
  }
  std::stable_sort(result.camps.begin(), result.camps.end(), [](const Camp& a, const Camp& b) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    auto smallest = [](const Camp& c) {
      std::string id = c.members.front().actor.id;
      for (const auto& m : c.members) id = std::min(id, m.actor.id);
      return id;
    };
    return smallest(a) < smallest(b);
  });

  result.signed_ties = signed_links.size();
  for (std::size_t i : signed_links) {
    const Link& link = links[i];
    const bool same = camp[link.a] == camp[link.b];
    if ((same && link.net() < 0) || (!same && link.net() > 0)) result.frustrated.push_back(signed_tie(i));
  }
  result.frustrated_ties = result.frustrated.size();
  result.frustrated_share =
      result.signed_ties ? static_cast<double>(result.frustrated_ties) / static_cast<double>(result.signed_ties) : 0;
  std::stable_sort(result.frustrated.begin(), result.frustrated.end(), [](const SignedTie& a, const SignedTie& b) {
    return std::abs(a.weight) > std::abs(b.weight) + kEpsilon;
  });
  return result;
}

Centrality central(const ActorGraph& graph, CentralityMeasure by, const QueryFilter& filter, std::size_t limit,
                   std::size_t pivots) {
  const View view(graph, filter);
  const auto& links = view.links();
  const auto& adjacency = view.adjacency();
  const std::size_t n = view.size();
  std::vector<double> score(n, 0);
  std::size_t used_pivots = 0;

  if (by == CentralityMeasure::degree) {
    for (std::size_t v = 0; v < n; ++v) score[v] = static_cast<double>(adjacency[v].size());
  } else if (by == CentralityMeasure::pagerank) {
    constexpr double kDamping = 0.85;
    // Directed weighted out-links, merged per (source, target).
    std::vector<std::map<std::size_t, double>> out(n);
    for (const Tie& tie : view.ties()) {
      if (tie.negated || tie.source == tie.target) continue;
      const double w = static_cast<double>(tie.instances.size());
      out[tie.source][tie.target] += w;
      if (tie.symmetric) out[tie.target][tie.source] += w;
    }
    std::vector<double> total(n, 0);
    for (std::size_t v = 0; v < n; ++v)
      for (const auto& [u, w] : out[v]) total[v] += w;
    std::vector<std::size_t> linked;
    for (std::size_t v = 0; v < n; ++v)
      if (!adjacency[v].empty()) linked.push_back(v);
    const double m = static_cast<double>(linked.size());
    std::vector<double> rank(n, 0), next(n, 0);
    for (std::size_t v : linked) rank[v] = 1.0 / m;
    for (int round = 0; round < 200 && m > 0; ++round) {
      double dangling = 0;
      for (std::size_t v : linked)
        if (total[v] == 0) dangling += rank[v];
      const double base = (1 - kDamping) / m + kDamping * dangling / m;
      for (std::size_t v : linked) next[v] = base;
      for (std::size_t v : linked) {
        if (total[v] == 0) continue;
        for (const auto& [u, w] : out[v]) next[u] += kDamping * rank[v] * w / total[v];
      }
      double change = 0;
      for (std::size_t v : linked) change += std::abs(next[v] - rank[v]);
      rank.swap(next);
      if (change < 1e-10) break;
    }
    score = rank;
  } else {
    std::size_t linked = 0;
    for (std::size_t v = 0; v < n; ++v)
      if (!adjacency[v].empty()) ++linked;
    std::size_t k = pivots;
    if (k == kAutoPivots) k = linked <= kExactBetweennessActors ? 0 : kDefaultPivots;
    if (k == 0) {
      const LinkGraph g = link_graph(view);
      boost::brandes_betweenness_centrality(
          g, boost::centrality_map(boost::make_iterator_property_map(score.begin(), boost::get(boost::vertex_index, g))));
    } else {
      std::tie(score, used_pivots) = sampled_betweenness(view, k);
    }
  }

  Centrality result;
  result.by = by;
  result.pivots = used_pivots;
  for (std::size_t v = 0; v < n; ++v) {
    if (adjacency[v].empty()) continue;
    CentralityRow row;
    row.actor = view.label(v);
    row.score = score[v];
    row.degree = adjacency[v].size();
    std::size_t strongest = kNone;
    for (const auto& [u, link] : adjacency[v]) {
      row.count += links[link].count;
      const std::size_t tie = links[link].strongest;
      if (strongest == kNone || view.ties()[tie].instances.size() > view.ties()[strongest].instances.size()) {
        strongest = tie;
      }
    }
    row.evidence = view.cite(view.ties()[strongest]);
    result.rows.push_back(std::move(row));
  }
  std::stable_sort(result.rows.begin(), result.rows.end(), [](const CentralityRow& a, const CentralityRow& b) {
    return a.score > b.score + kEpsilon * std::max(1.0, std::abs(b.score));
  });
  if (limit && result.rows.size() > limit) result.rows.resize(limit);
  return result;
}

Timeline timeline(const ActorGraph& graph, const std::string& a, const std::string& b, const QueryFilter& filter) {
  const View view(graph, filter, {a, b});
  const std::size_t x = view.node_of(a), y = view.node_of(b);
  Timeline result;
  result.a = view.label(x);
  result.b = view.label(y);
  std::vector<std::pair<const Tie*, const Instance*>> entries;
  for (std::size_t i : view.touching(x)) {
    const Tie& tie = view.ties()[i];
    if (!((tie.source == x && tie.target == y) || (tie.source == y && tie.target == x))) continue;
    for (const Instance& instance : tie.instances) entries.emplace_back(&tie, &instance);
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& l, const auto& r) {
    const EvidenceRef& p = *l.second->evidence;
    const EvidenceRef& q = *r.second->evidence;
    if (p.date.empty() != q.date.empty()) return q.date.empty();
    return std::tie(p.date, p.doc, p.start, l.first->relation) < std::tie(q.date, q.doc, q.start, r.first->relation);
  });
  for (const auto& [tie, instance] : entries) result.entries.push_back(view.cite(*tie, *instance));
  return result;
}

std::vector<ActorLabel> find_actors_by_name(const ActorGraph& graph, std::string_view name) {
  const std::string folded = extract::fold(name);
  std::vector<ActorLabel> found;
  if (folded.empty()) return found;
  const Graph& g = graph.graph();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const ActorNode& actor = g[v];
    bool match = actor.id == name || extract::fold(actor.name) == folded;
    for (std::size_t i = 0; !match && i < actor.aliases.size(); ++i) match = extract::fold(actor.aliases[i]) == folded;
    if (match) found.push_back({actor.id, actor.name, actor.kind});
  }
  std::sort(found.begin(), found.end(), [](const ActorLabel& a, const ActorLabel& b) { return a.id < b.id; });
  return found;
}

std::string_view to_string(CentralityMeasure measure) {
  switch (measure) {
    case CentralityMeasure::degree: return "degree";
    case CentralityMeasure::pagerank: return "pagerank";
    case CentralityMeasure::betweenness: return "betweenness";
  }
  return "degree";
}

CentralityMeasure parse_centrality(std::string_view name) {
  if (name == "degree") return CentralityMeasure::degree;
  if (name == "pagerank") return CentralityMeasure::pagerank;
  if (name == "betweenness") return CentralityMeasure::betweenness;
  throw InputError("centrality \"" + std::string(name) + "\": expected degree, pagerank or betweenness");
}

}  // namespace actorgraph::graph
