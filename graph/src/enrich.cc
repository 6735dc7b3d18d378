#include "actorgraph/graph/enrich.h"

#include <boost/range/iterator_range.hpp>

#include <vector>

namespace actorgraph::graph {

void enrich_from_dictionary(ActorGraph& g, const extract::ActorDictionary& dict) {
  std::vector<ActorNode> known;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    ActorNode n = g.graph()[v];
    if (const auto* a = dict.find_id(n.id)) {
      n.wikidata = a->wikidata;
      n.aliases = a->aliases;
      n.country = a->country;
    } else if (const auto r = dict.describe(n.id)) {
      n.country = r->country;
    } else {
      continue;
    }
    known.push_back(std::move(n));
  }
  // Collected first: add_actor may not be called while iterating the vertices.
  for (const auto& n : known) g.add_actor(n);
}

}  // namespace actorgraph::graph
