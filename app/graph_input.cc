// The graph and the actor names as every subcommand reads them (cli.h):
// one loader for query and export, one resolver, one dictionary per run.
#include <optional>

#include "actorgraph/graph/enrich.h"
#include "actorgraph/graph/jsonld_reader.h"
#include "actorgraph/graph/query.h"
#include "cli.h"

namespace actorgraph::cli {

const extract::ActorDictionary& dictionary(Common& c) {
  if (!c.lookup) c.lookup = std::make_shared<extract::Pipeline>(c.data, false);
  return c.lookup->actors;
}

graph::ActorGraph load_graph(const std::string& path, Common& c) {
  graph::ActorGraph g;
  graph::load_graph_file(path, g, &c.warnings);
  if (graph::detect_graph_file(path) == graph::GraphFileFormat::events) {
    graph::enrich_from_dictionary(g, dictionary(c));
    g.finalize();
  }
  return g;
}

std::string resolve_actor(const graph::ActorGraph& g, const std::string& name, Common& c) {
  if (g.find(name)) return name;
  const std::optional<extract::ActorRef> known = dictionary(c).resolve(name);
  if (known && g.find(known->id)) return known->id;
  const auto found = graph::find_actors_by_name(g, name);
  if (found.size() == 1) return found.front().id;
  if (found.size() > 1) {
    std::string message = "\"" + name + "\" is ambiguous in the graph; candidates:";
    for (const auto& a : found) message += "\n  " + a.id + " (" + a.name + ")";
    throw InputError(message);
  }
  if (known) throw InputError("\"" + name + "\" is " + known->id + " (" + known->name + "), which is not in the graph");
  throw InputError("\"" + name + "\": no such actor in the graph or the dictionary");
}

}  // namespace actorgraph::cli
