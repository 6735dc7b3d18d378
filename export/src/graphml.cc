// GraphML writer: boost::write_graphml over a flat copy of the graph whose
// vertex and edge bundles hold exactly the attributes written, in sorted
// order. The copy makes the output deterministic whether or not the graph
// was finalized (write_graphml walks vertices() and edges() as stored) and
// lets the derived values (modality(), the example sentence) be plain
// member property maps for dynamic_properties. (bidirectionalS: its edges()
// walks the one edge list in insertion order, and avoids a GCC
// -Wmaybe-uninitialized false positive in directedS's edge iterator.)

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <map>
#include <string>

#include "actorgraph/export/writers.h"
#include "actorgraph/extract/error.h"
#include "sorted_view.h"

namespace actorgraph::exporter {
namespace {

struct NodeRecord {
  std::string id, name, kind, country, wikidata, aliases;
};

struct EdgeRecord {
  std::string relation, polarity, first_date, last_date, modality, sentence;
  bool negated = false;
  long count = 0;
  long evidence_count = 0;
};

using FlatGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeRecord, EdgeRecord>;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += "; ";
    out += item;
  }
  return out;
}

FlatGraph flatten(const graph::ActorGraph& graph) {
  const graph::Graph& g = graph.graph();
  FlatGraph flat;
  std::map<graph::Vertex, FlatGraph::vertex_descriptor> index;
  for (graph::Vertex v : detail::sorted_actors(g)) {
    const graph::ActorNode& actor = g[v];
    std::vector<std::string> aliases = actor.aliases;
    std::sort(aliases.begin(), aliases.end());
    index[v] = boost::add_vertex(NodeRecord{actor.id, actor.name, actor.kind, actor.country,
                                            actor.wikidata, joined(aliases)},
                                 flat);
  }
  for (const graph::Edge& e : detail::sorted_relations(g)) {
    const graph::RelationEdge& edge = g[e];
    EdgeRecord record;
    record.relation = edge.relation;
    record.polarity = std::string(1, edge.polarity);
    record.negated = edge.negated;
    record.count = static_cast<long>(edge.count);
    record.evidence_count = static_cast<long>(edge.evidence.size());
    record.first_date = edge.first_date;
    record.last_date = edge.last_date;
    record.modality = edge.modality();
    if (!edge.evidence.empty()) record.sentence = detail::sorted_evidence(edge).front()->sentence;
    boost::add_edge(index.at(boost::source(e, g)), index.at(boost::target(e, g)), std::move(record),
                    flat);
  }
  return flat;
}

}  // namespace

void write_graphml(const graph::ActorGraph& graph, std::ostream& out) {
  FlatGraph flat = flatten(graph);
  boost::dynamic_properties properties;
  properties.property("id", boost::get(&NodeRecord::id, flat));
  properties.property("name", boost::get(&NodeRecord::name, flat));
  properties.property("kind", boost::get(&NodeRecord::kind, flat));
  properties.property("country", boost::get(&NodeRecord::country, flat));
  properties.property("wikidata", boost::get(&NodeRecord::wikidata, flat));
  properties.property("aliases", boost::get(&NodeRecord::aliases, flat));
  properties.property("relation", boost::get(&EdgeRecord::relation, flat));
  properties.property("polarity", boost::get(&EdgeRecord::polarity, flat));
  properties.property("negated", boost::get(&EdgeRecord::negated, flat));
  properties.property("count", boost::get(&EdgeRecord::count, flat));
  properties.property("evidence_count", boost::get(&EdgeRecord::evidence_count, flat));
  properties.property("first_date", boost::get(&EdgeRecord::first_date, flat));
  properties.property("last_date", boost::get(&EdgeRecord::last_date, flat));
  properties.property("modality", boost::get(&EdgeRecord::modality, flat));
  properties.property("sentence", boost::get(&EdgeRecord::sentence, flat));
  boost::write_graphml(out, flat, boost::get(boost::vertex_index, flat), properties, true);
  if (!out) throw ExportError("GraphML: cannot write the graph");
}

void write_graphml_file(const graph::ActorGraph& graph, const std::string& path) {
  write_atomically(path, [&](std::ostream& out) { write_graphml(graph, out); });
}

}  // namespace actorgraph::exporter
