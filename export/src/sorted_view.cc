#include "sorted_view.h"

#include <algorithm>
#include <string_view>
#include <tuple>

namespace actorgraph::exporter::detail {

std::vector<graph::Vertex> sorted_actors(const graph::Graph& graph) {
  std::vector<graph::Vertex> actors;
  actors.reserve(boost::num_vertices(graph));
  for (auto [it, end] = boost::vertices(graph); it != end; ++it) actors.push_back(*it);
  std::sort(actors.begin(), actors.end(),
            [&](graph::Vertex a, graph::Vertex b) { return graph[a].id < graph[b].id; });
  return actors;
}

std::vector<graph::Edge> sorted_relations(const graph::Graph& graph) {
  std::vector<graph::Edge> relations;
  relations.reserve(boost::num_edges(graph));
  for (auto [it, end] = boost::edges(graph); it != end; ++it) relations.push_back(*it);
  auto key = [&](const graph::Edge& e) {
    return std::tie(graph[boost::source(e, graph)].id, graph[e].relation,
                    graph[boost::target(e, graph)].id, graph[e].negated);
  };
  std::sort(relations.begin(), relations.end(),
            [&](const graph::Edge& a, const graph::Edge& b) { return key(a) < key(b); });
  return relations;
}

std::vector<const graph::EvidenceRef*> sorted_evidence(const graph::RelationEdge& edge) {
  std::vector<const graph::EvidenceRef*> evidence;
  evidence.reserve(edge.evidence.size());
  for (const auto& ref : edge.evidence) evidence.push_back(&ref);
  std::sort(evidence.begin(), evidence.end(),
            [](const graph::EvidenceRef* a, const graph::EvidenceRef* b) {
              return std::tie(a->date, a->doc, a->start, a->end, a->trigger, a->sentence) <
                     std::tie(b->date, b->doc, b->start, b->end, b->trigger, b->sentence);
            });
  return evidence;
}

std::string iri_path(const std::string& id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(id.size());
  for (unsigned char c : id) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-._~/!$&'()*+,;=").find(static_cast<char>(c)) !=
                          std::string_view::npos;
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::mutex& graphviz_mutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace actorgraph::exporter::detail
