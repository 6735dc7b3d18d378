/// @file
/// What the actor dictionary knows about the actors of a graph: country,
/// aliases and Wikidata id, added to the vertices that events only name.
///
/// `build` applies it after extraction and `merge`, `query` and `export` after
/// reading events, so that every path to a graph gives the same actors.
/// Threads: changes the graph; not synchronised.
#pragma once

#include "actorgraph/extract/actors.h"
#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::graph {

/// Sets country, aliases and Wikidata of every actor the dictionary defines,
/// and the country of composed actors ("force/SYR-military"). Others are
/// left as they are. Call finalize() afterwards as usual.
void enrich_from_dictionary(ActorGraph& graph, const extract::ActorDictionary& dictionary);

}  // namespace actorgraph::graph
