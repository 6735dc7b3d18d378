// Export: JSON-LD, DOT, rendered SVG and the atomic file replacement.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <unistd.h>

#include "actorgraph/export/writers.h"
#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/graph/actor_graph.h"

#include "support.h"

namespace {

using namespace test_support;

namespace fs = std::filesystem;

// Russia ally_of Assad, Russia supplies Assad (twice), Russia did not reject
// the opposition's plan, Russia may attack the opposition.
std::vector<Event> seed_events() {
  std::vector<Event> events;
  events.push_back(make_event(kRussia, "ally_of", kAssad, "seed-1", "2012-01-16", 0, "stood by"));
  Event supplies = make_event(kRussia, "supplies", kAssad, "seed-1", "2012-01-16", 120, "supplied");
  supplies.item = "arms and ammunition";
  supplies.confidence = 0.9;
  events.push_back(supplies);
  events.push_back(make_event(kRussia, "supplies", kAssad, "seed-2", "2012-02-03", 40, "delivered"));
  Event rejects = make_event(kRussia, "rejects", kOpposition, "seed-3", "2012-02-10", 5, "reject");
  rejects.negated = true;
  rejects.attributed_to = kSyria;
  events.push_back(rejects);
  Event attacks = make_event(kRussia, "attacks", kOpposition, "seed-4", "2012-03-01", 9, "could strike");
  attacks.modality = "hypothetical";
  events.push_back(attacks);
  events.push_back(make_event(kSyria, "leader_of", kAssad, "seed-4", "2012-03-01", 90, "President"));
  return events;
}

ActorGraph seed_graph(bool reversed = false) {
  std::vector<Event> events = seed_events();
  if (reversed) std::reverse(events.begin(), events.end());
  ActorGraph graph;
  actorgraph::graph::ActorNode russia;
  russia.id = "state/RUS";
  russia.wikidata = "Q159";
  russia.aliases = {"the Kremlin", "Moscow"};
  if (!reversed) graph.add_actor(russia);
  for (const auto& event : events) graph.add(event);
  if (reversed) graph.add_actor(russia);
  graph.finalize();
  return graph;
}

std::string jsonld_of(const ActorGraph& graph) {
  std::ostringstream out;
  actorgraph::exporter::write_jsonld(graph, out);
  return out.str();
}

const rapidjson::Value* find_node(const rapidjson::Value& graph, const std::string& id) {
  for (const auto& node : graph.GetArray()) {
    if (node.HasMember("@id") && node["@id"].GetString() == id) return &node;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("JSON-LD parses and states only plain edges directly", "[export]") {
  const std::string text = jsonld_of(seed_graph());
  rapidjson::Document json;
  json.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(json.HasParseError());
  REQUIRE(json.IsObject());
  const auto& context = json["@context"];
  CHECK(std::string(context["@vocab"].GetString()) == "https://actorgraph.org/ns#");
  CHECK(std::string(context["@base"].GetString()) == "https://actorgraph.org/actor/");
  CHECK(std::string(context["ally_of"]["@type"].GetString()) == "@id");
  CHECK(std::string(context["date"]["@type"].GetString()) == "xsd:date");

  const auto& graph = json["@graph"];
  REQUIRE(graph.IsArray());
  const rapidjson::Value* russia = find_node(graph, "state/RUS");
  REQUIRE(russia);
  CHECK(std::string((*russia)["name"].GetString()) == "Russia");
  CHECK(std::string((*russia)["kind"].GetString()) == "state");
  CHECK(std::string((*russia)["@type"][1].GetString()) == "schema:Country");
  CHECK(std::string((*russia)["sameAs"].GetString()) == "http://www.wikidata.org/entity/Q159");
  CHECK((*russia)["alternateName"].Size() == 2);
  // Plain edges are properties of the source actor.
  REQUIRE(russia->HasMember("supplies"));
  CHECK(std::string((*russia)["supplies"][0]["@id"].GetString()) == "person/bashar-al-assad");
  // ally_of is symmetric: stated from both ends.
  REQUIRE(russia->HasMember("ally_of"));
  CHECK(std::string((*russia)["ally_of"][0]["@id"].GetString()) == "person/bashar-al-assad");
  const rapidjson::Value* assad = find_node(graph, "person/bashar-al-assad");
  REQUIRE(assad);
  CHECK(std::string((*assad)["ally_of"][0]["@id"].GetString()) == "state/RUS");
  // Negated and purely hypothetical edges are not.
  CHECK_FALSE(russia->HasMember("rejects"));
  CHECK_FALSE(russia->HasMember("attacks"));

  // ...but every edge is a Relation node.
  const rapidjson::Value* rejects = find_node(
      graph, "https://actorgraph.org/relation/state/RUS/rejects/group/SYR-opposition/negated");
  REQUIRE(rejects);
  CHECK(std::string((*rejects)["@type"].GetString()) == "Relation");
  CHECK((*rejects)["negated"].GetBool());
  CHECK(std::string((*rejects)["polarity"].GetString()) == "-");
  CHECK(std::string((*rejects)["evidence"][0]["attributedTo"].GetString()) == "state/SYR");
  const rapidjson::Value* supplies = find_node(
      graph, "https://actorgraph.org/relation/state/RUS/supplies/person/bashar-al-assad");
  REQUIRE(supplies);
  CHECK((*supplies)["count"].GetUint() == 2);
  CHECK(std::string((*supplies)["firstDate"].GetString()) == "2012-01-16");
  CHECK(std::string((*supplies)["lastDate"].GetString()) == "2012-02-03");
  const auto& evidence = (*supplies)["evidence"][0];
  CHECK(std::string(evidence["document"].GetString()) == "seed-1");
  CHECK(evidence["start"].GetUint() == 120);
  CHECK(std::string(evidence["date"].GetString()) == "2012-01-16");
  CHECK(std::string(evidence["item"].GetString()) == "arms and ammunition");
  const rapidjson::Value* leader = find_node(
      graph, "https://actorgraph.org/relation/state/SYR/leader_of/person/bashar-al-assad");
  REQUIRE(leader);
  CHECK(std::string((*leader)["polarity"].GetString()) == ".");
}

TEST_CASE("JSON-LD bytes do not depend on insertion order", "[export]") {
  const std::string forward = jsonld_of(seed_graph(false));
  const std::string backward = jsonld_of(seed_graph(true));
  CHECK(forward == backward);

  // Nor on finalize(): the writer sorts on its own.
  ActorGraph unfinalized;
  std::vector<Event> events = seed_events();
  std::reverse(events.begin(), events.end());
  for (const auto& event : events) unfinalized.add(event);
  ActorGraph finalized;
  for (const auto& event : seed_events()) finalized.add(event);
  finalized.finalize();
  CHECK(jsonld_of(unfinalized) == jsonld_of(finalized));
}

TEST_CASE("JSON-LD loads into rdflib and answers SPARQL", "[export][rdflib]") {
  int status = 0;
  run("/usr/bin/python3 -c 'import rdflib' 2>&1", status);
  if (status != 0) {
    WARN("skipped: /usr/bin/python3 with rdflib is not available");
    return;
  }
  TempDir dir;
  const std::string path = (dir / "graph.jsonld");
  actorgraph::exporter::write_jsonld_file(seed_graph(), path);
  const std::string script = (dir / "query.py");
  {
    std::ofstream out(script);
    out << R"(import sys
import rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format="json-ld")
print(len(g))
AG = "PREFIX ag: <https://actorgraph.org/ns#> PREFIX schema: <https://schema.org/> "
for row in g.query(AG + "SELECT ?t WHERE { <https://actorgraph.org/actor/state/RUS> ag:ally_of ?t } ORDER BY ?t"):
    print("ally_of", row.t)
for row in g.query(AG + "SELECT ?t WHERE { ?s ag:rejects ?t }"):
    print("rejects", row.t)
for row in g.query(AG + "SELECT ?n ?c WHERE { ?r a ag:Relation ; ag:relationType ag:supplies ; ag:source ?s ; ag:count ?c . ?s schema:name ?n }"):
    print("supplies", row.n, row.c)
for row in g.query(AG + "SELECT (COUNT(?r) AS ?n) WHERE { ?r a ag:Relation }"):
    print("relations", row.n)
for row in g.query(AG + "SELECT ?d WHERE { ?r ag:relationType ag:supplies ; ag:firstDate ?d }"):
    print("firstDate", row.d.datatype)
)";
  }
  const std::string output =
      run("/usr/bin/python3 '" + script + "' '" + path + "' 2>&1", status);
  INFO(output);
  REQUIRE(status == 0);
  std::istringstream lines(output);
  std::size_t triples = 0;
  lines >> triples;
  CHECK(triples > 50);
  CHECK(output.find("ally_of https://actorgraph.org/actor/person/bashar-al-assad\n") !=
        std::string::npos);
  CHECK(output.find("rejects") == std::string::npos);
  CHECK(output.find("supplies Russia 2\n") != std::string::npos);
  CHECK(output.find("relations 5\n") != std::string::npos);
  CHECK(output.find("firstDate http://www.w3.org/2001/XMLSchema#date\n") != std::string::npos);
}

TEST_CASE("DOT is built with cgraph and accepted by dot", "[export]") {
  const std::string dot = actorgraph::exporter::to_dot(seed_graph());
  CHECK(dot.find("digraph actorgraph") != std::string::npos);
  CHECK(dot.find("rankdir=TB") != std::string::npos);
  CHECK(dot.find("\"state/RUS\"") != std::string::npos);
  CHECK(dot.find("\"supplies \u00d72\"") != std::string::npos);
  CHECK(dot.find("\"not rejects \u00d71\"") != std::string::npos);
  CHECK(dot.find("dashed") != std::string::npos);
  CHECK(dot.find("dotted") != std::string::npos);
  CHECK(dot.find("#2e7d32") != std::string::npos);
  CHECK(dot.find("#c62828") != std::string::npos);
  CHECK(actorgraph::exporter::to_dot(seed_graph(true)) == dot);

  int status = 0;
  run("command -v dot >/dev/null 2>&1", status);
  if (status != 0) {
    WARN("skipped the dot run: Graphviz `dot` is not on PATH");
    return;
  }
  TempDir dir;
  const std::string path = (dir / "graph.dot");
  actorgraph::exporter::write_dot_file(seed_graph(), path);
  CHECK(read_file(path) == dot);
  const std::string svg = (dir / "graph.svg");
  const std::string output = run("dot -Tsvg '" + path + "' -o '" + svg + "' 2>&1", status);
  INFO(output);
  CHECK(status == 0);
  CHECK(read_file(svg).find("<svg") != std::string::npos);
}

TEST_CASE("render_file writes an SVG through gvc", "[export]") {
  TempDir dir;
  const std::string path = (dir / "graph.svg");
  actorgraph::exporter::render_file(seed_graph(), path);
  const std::string svg = read_file(path);
  CHECK((svg.rfind("<?xml", 0) == 0 || svg.find("<svg") != std::string::npos));
  CHECK(svg.find("Russia") != std::string::npos);
  CHECK_FALSE(fs::exists(path + ".tmp." + std::to_string(::getpid())));

  REQUIRE_THROWS_AS(actorgraph::exporter::render_file(seed_graph(), (dir / "x.svg"), "no-such-format"),
                    actorgraph::ExportError);
  REQUIRE_THROWS_WITH(
      actorgraph::exporter::render_file(seed_graph(), (dir / "x.svg"), "svg", "no-such-layout"),
      Catch::StartsWith((dir / "x.svg") + ": cannot lay out with \"no-such-layout\""));
  CHECK_FALSE(fs::exists((dir / "x.svg")));
}

TEST_CASE("write_atomically replaces the file or leaves it intact", "[export]") {
  TempDir dir;
  const std::string missing = (dir / "no-such-dir/graph.jsonld");
  REQUIRE_THROWS_AS(actorgraph::exporter::write_jsonld_file(seed_graph(), missing),
                    actorgraph::ExportError);
  REQUIRE_THROWS_WITH(actorgraph::exporter::write_jsonld_file(seed_graph(), missing),
                      missing + ": cannot write: No such file or directory");

  const std::string path = (dir / "out.txt");
  actorgraph::exporter::write_atomically(path, [](std::ostream& out) { out << "first\n"; });
  CHECK(read_file(path) == "first\n");

  auto failing = [](std::ostream& out) {
    out << "partial";
    throw std::runtime_error("disk on fire");
  };
  REQUIRE_THROWS_AS(actorgraph::exporter::write_atomically(path, failing), actorgraph::ExportError);
  REQUIRE_THROWS_WITH(actorgraph::exporter::write_atomically(path, failing),
                      path + ": cannot write: disk on fire");
  CHECK(read_file(path) == "first\n");
  // No temporary file is left behind.
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    (void)entry;
    ++files;
  }
  CHECK(files == 1);

  actorgraph::exporter::write_atomically(path, [](std::ostream& out) { out << "second\n"; });
  CHECK(read_file(path) == "second\n");
}
