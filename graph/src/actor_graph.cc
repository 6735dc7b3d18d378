// Merging relation instances into the Boost graph (rules in actor_graph.h).

#include "actorgraph/graph/actor_graph.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "actorgraph/extract/error.h"

namespace actorgraph::graph {
namespace {

// Which of two records with the same (doc, start, end, trigger) to keep: the
// more confident, then a fixed order on the rest, never the first seen, so
// that the merged graph does not depend on insertion order.
bool keep_over(const EvidenceRef& a, const EvidenceRef& b) {
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return std::tie(a.date, a.sentence, a.modality, a.attributed_to, a.item) <
         std::tie(b.date, b.sentence, b.modality, b.attributed_to, b.item);
}

// Total once deduplicated: (doc, start, end, trigger) is unique per edge.
bool evidence_before(const EvidenceRef& a, const EvidenceRef& b) {
  return std::tie(a.date, a.doc, a.start, a.end, a.trigger) <
         std::tie(b.date, b.doc, b.start, b.end, b.trigger);
}

// An attribute learnt from events: the smallest non-empty value, so that
// differing spellings across documents settle the same way whatever the order.
void learn_value(std::string& best, const std::string& value) {
  if (!value.empty() && (best.empty() || value < best)) best = value;
}

// As learn_value, but any real kind beats "unknown" (an actor first seen as
// an unknown capitalised name and later resolved).
void learn_kind(std::string& best, const std::string& value) {
  if (value.empty()) return;
  const bool value_unknown = value == "unknown";
  const bool best_unknown = best == "unknown";
  if (best.empty() || (best_unknown && !value_unknown) ||
      (best_unknown == value_unknown && value < best)) {
    best = value;
  }
}

const std::string& pick(const ActorNode* curated, const ActorNode* learnt,
                        std::string ActorNode::*field) {
  static const std::string kEmpty;
  if (curated && !(curated->*field).empty()) return curated->*field;
  if (learnt) return learnt->*field;
  return kEmpty;
}

void recompute_aggregates(RelationEdge& edge) {
  edge.count = edge.evidence.size();
  edge.modalities.clear();
  edge.first_date.clear();
  edge.last_date.clear();
  for (const auto& evidence : edge.evidence) {
    ++edge.modalities[evidence.modality];
    if (evidence.date.empty()) continue;
    if (edge.first_date.empty() || evidence.date < edge.first_date) edge.first_date = evidence.date;
    if (edge.last_date.empty() || evidence.date > edge.last_date) edge.last_date = evidence.date;
  }
}

std::string event_origin(const extract::Event& event) {
  return event.doc.empty() ? std::string("event") : event.doc;
}

}  // namespace

std::string RelationEdge::modality() const {
  static constexpr std::array<std::string_view, 4> kPrecedence{"asserted", "reported", "intended",
                                                               "hypothetical"};
  for (auto modality : kPrecedence) {
    auto it = modalities.find(std::string(modality));
    if (it != modalities.end() && it->second > 0) return std::string(modality);
  }
  return "asserted";
}

bool RelationEdge::plain() const { return !negated && modality() != "hypothetical"; }

Vertex ActorGraph::vertex_for(const std::string& id) {
  auto it = by_id_.find(id);
  if (it != by_id_.end()) return it->second;
  ActorNode node;
  node.id = id;
  const Vertex vertex = boost::add_vertex(node, graph_);
  by_id_.emplace(id, vertex);
  return vertex;
}

void ActorGraph::refresh(const std::string& id) {
  auto curated_it = curated_.find(id);
  auto learnt_it = learnt_.find(id);
  const ActorNode* curated = curated_it == curated_.end() ? nullptr : &curated_it->second;
  const ActorNode* learnt = learnt_it == learnt_.end() ? nullptr : &learnt_it->second;
  ActorNode& node = graph_[vertex_for(id)];
  node.id = id;
  node.name = pick(curated, learnt, &ActorNode::name);
  node.kind = pick(curated, learnt, &ActorNode::kind);
  node.country = pick(curated, learnt, &ActorNode::country);
  node.wikidata = pick(curated, learnt, &ActorNode::wikidata);
  node.aliases = curated ? curated->aliases : std::vector<std::string>{};
}

void ActorGraph::learn(const extract::ActorRef& actor) {
  ActorNode& learnt = learnt_[actor.id];
  learnt.id = actor.id;
  learn_value(learnt.name, actor.name);
  learn_kind(learnt.kind, actor.kind);
  learn_value(learnt.country, actor.country);
  refresh(actor.id);
}

Vertex ActorGraph::add_actor(const ActorNode& actor) {
  if (actor.id.empty()) {
    throw InputError("actor \"" + actor.name + "\": expected a non-empty id");
  }
  ActorNode& curated = curated_[actor.id];
  curated.id = actor.id;
  for (auto field : {&ActorNode::name, &ActorNode::kind, &ActorNode::country,
                     &ActorNode::wikidata}) {
    if (!(actor.*field).empty()) curated.*field = actor.*field;
  }
  for (const auto& alias : actor.aliases) {
    if (!alias.empty()) curated.aliases.push_back(alias);
  }
  std::sort(curated.aliases.begin(), curated.aliases.end());
  curated.aliases.erase(std::unique(curated.aliases.begin(), curated.aliases.end()),
                        curated.aliases.end());
  refresh(actor.id);
  return by_id_.at(actor.id);
}

void ActorGraph::add(const extract::Event& event) {
  if (event.source.id.empty() || event.target.id.empty()) {
    throw InputError(event_origin(event) + ": expected a non-empty source and target id in a \"" +
                     event.relation + "\" event");
  }
  const char polarity = extract::relation_polarity(event.relation);
  if (polarity == '?') {
    throw InputError(event_origin(event) + ": expected one of the 20 relation types, got \"" +
                     event.relation + "\"");
  }

  const extract::ActorRef* source = &event.source;
  const extract::ActorRef* target = &event.target;
  if (extract::relation_symmetric(event.relation) && target->id < source->id) {
    std::swap(source, target);
  }
  learn(*source);
  learn(*target);

  EvidenceRef evidence;
  evidence.doc = event.doc;
  evidence.date = event.date;
  evidence.sentence = event.evidence.sentence;
  evidence.start = event.evidence.start;
  evidence.end = event.evidence.end;
  evidence.trigger = event.evidence.trigger;
  evidence.modality = event.modality.empty() ? std::string("asserted") : event.modality;
  evidence.attributed_to = event.attributed_to ? event.attributed_to->id : std::string();
  evidence.item = event.item;
  evidence.confidence = event.confidence;

  EdgeKey key{source->id, event.relation, target->id, event.negated};
  auto [slot, inserted] = edges_.try_emplace(key);
  if (inserted) {
    RelationEdge fresh;
    fresh.relation = event.relation;
    fresh.negated = event.negated;
    fresh.polarity = polarity;
    slot->second =
        boost::add_edge(by_id_.at(source->id), by_id_.at(target->id), std::move(fresh), graph_)
            .first;
  }
  RelationEdge& edge = graph_[slot->second];
  auto& index = evidence_index_[key];
  EvidenceKey evidence_key{evidence.doc, evidence.start, evidence.end, evidence.trigger};
  auto found = index.find(evidence_key);
  if (found == index.end()) {
    index.emplace(std::move(evidence_key), edge.evidence.size());
    ++edge.count;
    ++edge.modalities[evidence.modality];
    if (!evidence.date.empty()) {
      if (edge.first_date.empty() || evidence.date < edge.first_date) edge.first_date = evidence.date;
      if (edge.last_date.empty() || evidence.date > edge.last_date) edge.last_date = evidence.date;
    }
    edge.evidence.push_back(std::move(evidence));
  } else if (keep_over(evidence, edge.evidence[found->second])) {
    edge.evidence[found->second] = std::move(evidence);
    recompute_aggregates(edge);  // rare: a duplicate with a different modality or date
  }
}

void ActorGraph::finalize() {
  // Move everything out, then rebuild graph_ in place. (adjacency_list has no
  // move assignment, and its swap() copies, which would both cost a copy of
  // all evidence and leave the stored edge descriptors pointing at the copy.)
  std::vector<ActorNode> nodes;
  nodes.reserve(boost::num_vertices(graph_));
  for (auto [it, end] = boost::vertices(graph_); it != end; ++it) {
    nodes.push_back(std::move(graph_[*it]));
  }
  std::sort(nodes.begin(), nodes.end(),
            [](const ActorNode& a, const ActorNode& b) { return a.id < b.id; });
  std::vector<RelationEdge> edges;
  edges.reserve(edges_.size());
  for (auto& entry : edges_) edges.push_back(std::move(graph_[entry.second]));

  graph_.clear();
  by_id_.clear();
  for (auto& node : nodes) {
    std::string id = node.id;
    by_id_.emplace(std::move(id), boost::add_vertex(std::move(node), graph_));
  }

  // edges_ is a std::map, so this inserts in (source, relation, target,
  // negated) order and out_edges()/in_edges() come out sorted.
  auto moved = edges.begin();
  for (auto& [key, descriptor] : edges_) {
    RelationEdge edge = std::move(*moved++);
    std::sort(edge.evidence.begin(), edge.evidence.end(), evidence_before);
    auto& index = evidence_index_[key];
    index.clear();
    for (std::size_t i = 0; i < edge.evidence.size(); ++i) {
      const auto& evidence = edge.evidence[i];
      index.emplace(EvidenceKey{evidence.doc, evidence.start, evidence.end, evidence.trigger}, i);
    }
    recompute_aggregates(edge);
    descriptor = boost::add_edge(by_id_.at(std::get<0>(key)), by_id_.at(std::get<2>(key)),
                                 std::move(edge), graph_)
                     .first;
  }
}

std::optional<Vertex> ActorGraph::find(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::size_t ActorGraph::num_actors() const { return boost::num_vertices(graph_); }

std::size_t ActorGraph::num_relations() const { return boost::num_edges(graph_); }

}  // namespace actorgraph::graph
