// Filtering by rebuilding: the kept evidence is replayed as events into a
// fresh ActorGraph, so the copy's counts, dates and modalities follow the
// same merge rules as the original and the original is never touched.

#include "actorgraph/export/diagram.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <set>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"
#include "sorted_view.h"

namespace actorgraph::exporter {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

extract::ActorRef actor_ref(const graph::ActorNode& actor) {
  return {actor.id, actor.name, actor.kind, actor.country};
}

bool evidence_kept(const graph::EvidenceRef& evidence, const DiagramOptions& options) {
  return options.since.empty() || (!evidence.date.empty() && evidence.date >= options.since);
}

}  // namespace

bool DiagramOptions::filters() const {
  return !actor.empty() || min_count > 1 || !relations.empty() || !since.empty();
}

std::string choose_layout(const graph::ActorGraph& graph, const DiagramOptions& options) {
  if (!options.layout.empty()) return options.layout;
  return boost::num_vertices(graph.graph()) <= kSmallGraphNodes ? "dot" : "sfdp";
}

std::optional<graph::Vertex> find_actor(const graph::ActorGraph& graph, std::string_view query) {
  if (auto exact = graph.find(std::string(query))) return exact;
  const graph::Graph& g = graph.graph();
  const std::string wanted = lower(query);
  const std::vector<graph::Vertex> actors = detail::sorted_actors(g);
  for (graph::Vertex v : actors) {
    if (lower(g[v].name) == wanted) return v;
  }
  for (graph::Vertex v : actors) {
    for (const auto& alias : g[v].aliases) {
      if (lower(alias) == wanted) return v;
    }
  }
  return std::nullopt;
}

graph::ActorGraph filter_graph(const graph::ActorGraph& graph, const DiagramOptions& options) {
  for (const auto& relation : options.relations) {
    if (!extract::is_relation_type(relation)) {
      throw InputError("--relation \"" + relation + "\": not one of the 20 relation types");
    }
  }
  const std::set<std::string> relations(options.relations.begin(), options.relations.end());
  const graph::Graph& g = graph.graph();

  // Edges that pass the relation, date and count filters, with the count
  // they keep.
  std::vector<graph::Edge> kept;
  for (const graph::Edge& e : detail::sorted_relations(g)) {
    const graph::RelationEdge& edge = g[e];
    if (!relations.empty() && !relations.count(edge.relation)) continue;
    const auto count = static_cast<std::size_t>(
        std::count_if(edge.evidence.begin(), edge.evidence.end(),
                      [&](const graph::EvidenceRef& ev) { return evidence_kept(ev, options); }));
    if (count == 0 || count < options.min_count) continue;
    kept.push_back(e);
  }

  // With a focus actor: breadth-first over the kept edges, both directions.
  std::optional<graph::Vertex> focus;
  std::map<graph::Vertex, std::size_t> distance;
  if (!options.actor.empty()) {
    focus = find_actor(graph, options.actor);
    if (!focus) throw InputError("--actor \"" + options.actor + "\": no such actor in the graph");
    std::map<graph::Vertex, std::vector<graph::Vertex>> neighbours;
    for (const graph::Edge& e : kept) {
      neighbours[boost::source(e, g)].push_back(boost::target(e, g));
      neighbours[boost::target(e, g)].push_back(boost::source(e, g));
    }
    distance[*focus] = 0;
    std::deque<graph::Vertex> queue{*focus};
    while (!queue.empty()) {
      const graph::Vertex v = queue.front();
      queue.pop_front();
      if (distance[v] >= options.depth) continue;
      for (graph::Vertex w : neighbours[v]) {
        if (distance.emplace(w, distance[v] + 1).second) queue.push_back(w);
      }
    }
    std::erase_if(kept, [&](const graph::Edge& e) {
      return !distance.count(boost::source(e, g)) || !distance.count(boost::target(e, g));
    });
  }

  std::set<graph::Vertex> actors;
  if (focus) actors.insert(*focus);
  for (const graph::Edge& e : kept) {
    actors.insert(boost::source(e, g));
    actors.insert(boost::target(e, g));
  }

  graph::ActorGraph copy;
  for (graph::Vertex v : actors) copy.add_actor(g[v]);
  for (const graph::Edge& e : kept) {
    const graph::RelationEdge& edge = g[e];
    extract::Event event;
    event.source = actor_ref(g[boost::source(e, g)]);
    event.target = actor_ref(g[boost::target(e, g)]);
    event.relation = edge.relation;
    event.negated = edge.negated;
    for (const graph::EvidenceRef& evidence : edge.evidence) {
      if (!evidence_kept(evidence, options)) continue;
      event.doc = evidence.doc;
      event.date = evidence.date;
      event.modality = evidence.modality;
      event.attributed_to.reset();
      if (!evidence.attributed_to.empty()) {
        extract::ActorRef by{evidence.attributed_to, "", "", ""};
        if (auto v = graph.find(evidence.attributed_to)) by = actor_ref(g[*v]);
        event.attributed_to = by;
      }
      event.item = evidence.item;
      event.confidence = evidence.confidence;
      event.evidence.sentence = evidence.sentence;
      event.evidence.start = evidence.start;
      event.evidence.end = evidence.end;
      event.evidence.trigger = evidence.trigger;
      copy.add(event);
    }
  }
  copy.finalize();
  return copy;
}

}  // namespace actorgraph::exporter
