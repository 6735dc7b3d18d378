// Graph: merging events into the actor graph, and the events JSON Lines
// record it reads (extract/event.h).

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/graph/actor_graph.h"
#include "actorgraph/graph/events_io.h"

#include "support.h"

namespace {

using namespace test_support;

using actorgraph::graph::RelationEdge;

const RelationEdge& edge_between(const ActorGraph& graph, const std::string& source,
                                 const std::string& relation, const std::string& target,
                                 bool negated = false) {
  const auto& g = graph.graph();
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    if (g[boost::source(*it, g)].id == source && g[boost::target(*it, g)].id == target &&
        g[*it].relation == relation && g[*it].negated == negated) {
      return g[*it];
    }
  }
  FAIL("no edge " << source << " " << relation << " " << target);
  throw std::logic_error("unreachable");
}

struct CollectWarnings : actorgraph::WarningSink {
  std::vector<std::pair<std::string, std::string>> seen;
  void warn(const std::string& kind, const std::string& message) override {
    seen.emplace_back(kind, message);
  }
};

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("actorgraph-graph-test-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

}  // namespace

TEST_CASE("relation types follow the ontology table", "[graph][event]") {
  using namespace actorgraph::extract;
  CHECK(relation_types().size() == 20);
  CHECK(relation_polarity("supplies") == '+');
  CHECK(relation_polarity("mediates") == '0');
  CHECK(relation_polarity("vetoes") == '-');
  CHECK(relation_polarity("leader_of") == '.');
  CHECK(relation_polarity("likes") == '?');
  CHECK(relation_symmetric("ally_of"));
  CHECK(relation_symmetric("meets"));
  CHECK(relation_symmetric("cooperates_with"));
  CHECK_FALSE(relation_symmetric("supports"));
  CHECK(is_relation_type("protests_against"));
  CHECK_FALSE(is_relation_type("Supplies"));
}

TEST_CASE("event JSON lines round-trip exactly", "[graph][event]") {
  using namespace actorgraph::extract;
  Event event = make_event(kRussia, "supplies", kAssad, "seed-1", "2012-01-16", 1234,
                           "supplied");
  event.item = "arms and ammunition";
  event.confidence = 0.7;
  event.modality = "reported";
  event.attributed_to = ActorRef{"state/USA", "United States", "state", ""};
  event.evidence.sentence = "Moscow \"supplied\" arms \u2014 the U.S. said.\n";

  const std::string line = to_json_line(event);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.rfind(R"({"doc":"seed-1","date":"2012-01-16","source":{"id":"state/RUS",)", 0) == 0);
  const Event back = event_from_json(line, "test:1");
  CHECK(to_json_line(back) == line);
  CHECK(back.item == event.item);
  CHECK(back.confidence == event.confidence);
  REQUIRE(back.attributed_to);
  CHECK(back.attributed_to->id == "state/USA");
  CHECK(back.evidence.sentence == event.evidence.sentence);
  CHECK(back.evidence.start == 1234);

  // Empty item and no attribution are written as null and read back.
  Event plain = make_event(kRussia, "ally_of", kAssad, "seed-2", "", 5, "ally");
  const std::string plain_line = to_json_line(plain);
  CHECK(plain_line.find(R"("attributed_to":null,"item":null,"confidence":1.0,)") !=
        std::string::npos);
  CHECK(to_json_line(event_from_json(plain_line, "test:2")) == plain_line);
}

TEST_CASE("bad event lines name the place and what was expected", "[graph][event]") {
  using actorgraph::InputError;
  using actorgraph::extract::event_from_json;
  REQUIRE_THROWS_AS(event_from_json("{not json", "events.jsonl:3"), InputError);
  REQUIRE_THROWS_WITH(event_from_json("{not json", "events.jsonl:3"),
                      Catch::StartsWith("events.jsonl:3: expected a JSON object, got invalid JSON"));
  REQUIRE_THROWS_WITH(event_from_json("[1, 2]", "events.jsonl:4"),
                      "events.jsonl:4: expected a JSON object, got [1,2]");
  REQUIRE_THROWS_WITH(
      event_from_json(R"({"relation": "supplies", "target": {"id": "person/x"}})", "e:5"),
      "e:5: expected \"source\" to be an object with a string \"id\"");
  REQUIRE_THROWS_WITH(
      event_from_json(R"({"source": {"id": "state/RUS"}, "target": {"id": "person/x"}})", "e:6"),
      "e:6: expected \"relation\" (a string)");
  REQUIRE_THROWS_WITH(event_from_json(R"({"source": {"id": "state/RUS"}, "relation": "likes",)"
                                      R"( "target": {"id": "person/x"}})",
                                      "e:7"),
                      "e:7: expected \"relation\" to be one of the 20 relation types, got \"likes\"");
  REQUIRE_THROWS_WITH(event_from_json(R"({"source": {"id": "state/RUS"}, "relation": "meets"})",
                                      "e:8"),
                      "e:8: expected \"target\" to be an object with a string \"id\"");
}

TEST_CASE("merging counts instances, dates and deduplicates evidence", "[graph]") {
  ActorGraph graph;
  graph.add(make_event(kRussia, "supplies", kAssad, "doc-b", "2012-03-01", 100, "arms"));
  graph.add(make_event(kRussia, "supplies", kAssad, "doc-a", "2012-01-16", 10, "supplied"));
  graph.add(make_event(kRussia, "supplies", kAssad, "doc-c", "", 7, "delivered"));
  // The same instance again (same doc, span and trigger): counted once.
  graph.add(make_event(kRussia, "supplies", kAssad, "doc-a", "2012-01-16", 10, "supplied"));
  Event negated = make_event(kRussia, "supplies", kAssad, "doc-d", "2012-05-05", 3, "supply");
  negated.negated = true;
  graph.add(negated);
  graph.finalize();

  CHECK(graph.num_actors() == 2);
  CHECK(graph.num_relations() == 2);
  const RelationEdge& edge = edge_between(graph, "state/RUS", "supplies", "person/bashar-al-assad");
  CHECK(edge.count == 3);
  CHECK(edge.evidence.size() == 3);
  CHECK(edge.polarity == '+');
  CHECK(edge.first_date == "2012-01-16");
  CHECK(edge.last_date == "2012-03-01");
  CHECK(edge.modalities.at("asserted") == 3);
  CHECK(edge.plain());
  // Evidence sorted by (date, doc, start): the undated one first.
  CHECK(edge.evidence[0].doc == "doc-c");
  CHECK(edge.evidence[1].doc == "doc-a");
  CHECK(edge.evidence[2].doc == "doc-b");

  const RelationEdge& not_supplied =
      edge_between(graph, "state/RUS", "supplies", "person/bashar-al-assad", true);
  CHECK(not_supplied.count == 1);
  CHECK_FALSE(not_supplied.plain());
}

TEST_CASE("edge modality and plainness", "[graph]") {
  ActorGraph graph;
  Event maybe = make_event(kRussia, "attacks", kOpposition, "d1", "2012-01-01", 1, "may strike");
  maybe.modality = "hypothetical";
  graph.add(maybe);
  graph.finalize();
  const RelationEdge& edge = edge_between(graph, "state/RUS", "attacks", "group/SYR-opposition");
  CHECK(edge.modality() == "hypothetical");
  CHECK_FALSE(edge.plain());

  Event reported = maybe;
  reported.doc = "d2";
  reported.modality = "reported";
  graph.add(reported);
  graph.finalize();
  const RelationEdge& merged = edge_between(graph, "state/RUS", "attacks", "group/SYR-opposition");
  CHECK(merged.count == 2);
  CHECK(merged.modality() == "reported");
  CHECK(merged.plain());
}

TEST_CASE("symmetric relations are stored from the smaller id", "[graph]") {
  ActorGraph graph;
  graph.add(make_event(kRussia, "ally_of", kAssad, "d1", "2012-01-01", 1, "ally"));
  graph.add(make_event(kAssad, "ally_of", kRussia, "d2", "2012-02-01", 1, "ally"));
  graph.add(make_event(kRussia, "supports", kAssad, "d3", "2012-02-01", 1, "backs"));
  graph.finalize();
  CHECK(graph.num_relations() == 2);
  // "person/..." < "state/...": the ally_of edge points from Assad to Russia.
  const RelationEdge& ally = edge_between(graph, "person/bashar-al-assad", "ally_of", "state/RUS");
  CHECK(ally.count == 2);
  // Asymmetric relations keep their direction.
  CHECK(edge_between(graph, "state/RUS", "supports", "person/bashar-al-assad").count == 1);
}

TEST_CASE("finalize orders vertices and edges whatever the insertion order", "[graph]") {
  std::vector<Event> events{
      make_event(kRussia, "supplies", kAssad, "d1", "2012-01-01", 1, "arms"),
      make_event(kOpposition, "opposes", kAssad, "d2", "2012-01-02", 2, "against"),
      make_event(kRussia, "ally_of", kAssad, "d3", "2012-01-03", 3, "ally"),
      make_event(kRussia, "supplies", kAssad, "d4", "2012-01-04", 4, "arms"),
  };
  auto describe = [](ActorGraph& graph) {
    graph.finalize();
    const auto& g = graph.graph();
    std::string text;
    for (auto [it, end] = boost::vertices(g); it != end; ++it) text += g[*it].id + ";";
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
      text += g[boost::source(*it, g)].id + " " + g[*it].relation + " " +
              g[boost::target(*it, g)].id + " " + std::to_string(g[*it].count) + ";";
      for (const auto& evidence : g[*it].evidence) text += evidence.doc + ",";
    }
    return text;
  };
  ActorGraph forward;
  for (const auto& event : events) forward.add(event);
  ActorGraph backward;
  for (auto it = events.rbegin(); it != events.rend(); ++it) backward.add(*it);
  const std::string expected = describe(forward);
  CHECK(describe(backward) == expected);
  CHECK(expected.rfind("group/SYR-opposition;person/bashar-al-assad;state/RUS;", 0) == 0);
  // Vertex descriptors follow the sorted order after finalize().
  REQUIRE(forward.find("state/RUS"));
  CHECK(*forward.find("state/RUS") == 2);
  CHECK_FALSE(forward.find("state/USA"));
}

TEST_CASE("actor attributes: curated fields win, event fields settle deterministically",
          "[graph]") {
  ActorGraph graph;
  ActorRef unknown{"state/RUS", "Russian Federation", "unknown", ""};
  graph.add(make_event(unknown, "supports", kAssad, "d1", "", 1, "backs"));
  graph.add(make_event(kRussia, "supports", kAssad, "d2", "", 1, "backs"));
  graph.finalize();
  const auto& g = graph.graph();
  const auto& russia = g[*graph.find("state/RUS")];
  CHECK(russia.kind == "state");
  CHECK(russia.name == "Russia");  // the smaller of the two names
  CHECK(russia.country == "RUS");

  actorgraph::graph::ActorNode curated;
  curated.id = "state/RUS";
  curated.name = "Russia (curated)";
  curated.wikidata = "Q159";
  curated.aliases = {"Moscow", "the Kremlin", "Moscow"};
  graph.add_actor(curated);
  graph.add(make_event(ActorRef{"state/RUS", "A Russia", "state", ""}, "meets", kAssad, "d3", "",
                       1, "met"));
  graph.finalize();
  const auto& enriched = graph.graph()[*graph.find("state/RUS")];
  CHECK(enriched.name == "Russia (curated)");
  CHECK(enriched.wikidata == "Q159");
  CHECK(enriched.aliases == std::vector<std::string>{"Moscow", "the Kremlin"});
}

TEST_CASE("add rejects events the graph cannot hold", "[graph]") {
  ActorGraph graph;
  Event event = make_event(kRussia, "befriends", kAssad, "d1", "", 1, "x");
  REQUIRE_THROWS_WITH(graph.add(event),
                      "d1: expected one of the 20 relation types, got \"befriends\"");
  event.relation = "meets";
  event.target.id.clear();
  REQUIRE_THROWS_AS(graph.add(event), actorgraph::InputError);
  CHECK(graph.num_actors() == 0);
  CHECK(graph.num_relations() == 0);
}

TEST_CASE("events files: bad lines are warnings, missing files errors", "[graph]") {
  const std::string path = temp_path("events.jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    out << actorgraph::extract::to_json_line(
               make_event(kRussia, "supplies", kAssad, "d1", "2012-01-16", 1, "supplied"))
        << "\n\n"
        << "{\"source\": {\"id\": \"state/RUS\"}, \"relation\": \"likes\", \"target\": {\"id\": "
           "\"person/x\"}}\n"
        << "not json at all\r\n"
        << actorgraph::extract::to_json_line(
               make_event(kAssad, "ally_of", kRussia, "d2", "2012-01-17", 1, "ally"))
        << "\n";
  }
  ActorGraph graph;
  CollectWarnings warnings;
  actorgraph::graph::add_events_file(graph, path, &warnings);
  graph.finalize();
  std::remove(path.c_str());

  CHECK(graph.num_relations() == 2);
  REQUIRE(warnings.seen.size() == 2);
  CHECK(warnings.seen[0].first == "json");
  CHECK(warnings.seen[0].second ==
        path + ":3: expected \"relation\" to be one of the 20 relation types, got \"likes\"");
  CHECK(warnings.seen[1].first == "json");
  CHECK_THAT(warnings.seen[1].second,
             Catch::StartsWith(path + ":4: expected a JSON object, got invalid JSON"));

  // Without a sink bad lines are skipped silently.
  ActorGraph quiet;
  std::istringstream in("{]\n");
  CHECK(actorgraph::graph::add_events(quiet, in, "stdin", nullptr) == 0);

  const std::string missing = temp_path("no-such-events.jsonl");
  REQUIRE_THROWS_AS(actorgraph::graph::add_events_file(graph, missing, nullptr),
                    actorgraph::InputError);
  REQUIRE_THROWS_WITH(actorgraph::graph::add_events_file(graph, missing, nullptr),
                      missing + ": cannot open: No such file or directory");
}
