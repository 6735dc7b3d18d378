// The JSON form of query results (graph/query_json.h) on a two-edge graph:
// the exact text for a list of relations and a timeline, and the shape of
// every other result.

#include <catch2/catch.hpp>

#include <string>

#include <rapidjson/document.h>

#include "actorgraph/graph/actor_graph.h"
#include "actorgraph/graph/query.h"
#include "actorgraph/graph/query_json.h"
#include "support.h"

namespace {

namespace graph = actorgraph::graph;
using test_support::kAssad;
using test_support::kOpposition;
using test_support::kRussia;
using test_support::make_event;

graph::ActorGraph two_edges() {
  graph::ActorGraph g;
  g.add(make_event(kRussia, "supports", kAssad, "d1", "2012-01-10", 0, "backs"));
  g.add(make_event(kOpposition, "opposes", kAssad, "d2", "", 0, "opposes"));
  g.finalize();
  return g;
}

rapidjson::Document parsed(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

}  // namespace

TEST_CASE("relations as JSON: the envelope, actor labels, summaries and citations", "[query][json]") {
  const auto g = two_edges();
  graph::QueryFilter f;
  f.since = "2012-01-01";
  f.relations = {"supports"};
  const std::string json = graph::to_json(f, graph::relations(g, kRussia.id, f));
  CHECK(json == R"({
  "query": "relations",
  "filter": {
    "since": "2012-01-01",
    "until": null,
    "min_count": 1,
    "relations": [
      "supports"
    ],
    "level": "entity",
    "half_life_days": 0.0
  },
  "actor": {
    "id": "state/RUS",
    "name": "Russia",
    "kind": "state"
  },
  "relations": [
    {
      "source": {
        "id": "state/RUS",
        "name": "Russia",
        "kind": "state"
      },
      "relation": "supports",
      "target": {
        "id": "person/bashar-al-assad",
        "name": "Bashar al-Assad",
        "kind": "person"
      },
      "negated": false,
      "polarity": "+",
      "modality": "asserted",
      "count": 1,
      "weight": 1.0,
      "first_date": "2012-01-10",
      "last_date": "2012-01-10",
      "evidence": {
        "source": "state/RUS",
        "relation": "supports",
        "target": "person/bashar-al-assad",
        "negated": false,
        "polarity": "+",
        "modality": "asserted",
        "doc": "d1",
        "date": "2012-01-10",
        "sentence": "Russia backs Bashar al-Assad."
      }
    }
  ]
})");
}

TEST_CASE("a timeline as JSON lists date and document first; undated is null", "[query][json]") {
  const auto g = two_edges();
  const auto d = parsed(graph::to_json({}, graph::timeline(g, kOpposition.id, kAssad.id)));
  CHECK(std::string(d["query"].GetString()) == "timeline");
  REQUIRE(d["entries"].Size() == 1);
  const auto& e = d["entries"][0];
  CHECK(e["date"].IsNull());
  CHECK(std::string(e.MemberBegin()->name.GetString()) == "date");
  CHECK(std::string(e["doc"].GetString()) == "d2");
  CHECK(std::string(e["polarity"].GetString()) == "-");
}

TEST_CASE("every query result has its JSON form", "[query][json]") {
  const auto g = two_edges();
  const graph::QueryFilter f;
  auto supporters = parsed(graph::to_json("supporters", f, graph::supporters(g, kAssad.id)));
  CHECK(std::string(supporters["query"].GetString()) == "supporters");
  REQUIRE(supporters["rows"].Size() == 1);
  CHECK(supporters["rows"][0]["relations"]["supports"].GetUint64() == 1);

  auto stance = parsed(graph::to_json(f, graph::stance(g, kRussia.id, kAssad.id)));
  CHECK(std::string(stance["forward"]["sign"].GetString()) == "+");
  CHECK(std::string(stance["backward"]["sign"].GetString()) == "none");

  auto neighbours = parsed(graph::to_json(f, graph::neighbours(g, kAssad.id, 2)));
  CHECK(neighbours["depth"].GetUint64() == 2);
  CHECK(neighbours["neighbours"].Size() == 2);

  auto path = parsed(graph::to_json(f, graph::path(g, kRussia.id, kOpposition.id)));
  REQUIRE(path["chains"].Size() == 1);
  CHECK(path["chains"][0]["length"].GetUint64() == 2);
  CHECK(std::string(path["chains"][0]["sign"].GetString()) == "-");

  auto blocs = parsed(graph::to_json(f, graph::blocs(g)));
  CHECK(blocs["camps"].Size() == 2);
  CHECK(blocs["signed_ties"].GetUint64() == 2);

  auto central = parsed(graph::to_json(f, graph::central(g, graph::CentralityMeasure::degree)));
  CHECK(std::string(central["by"].GetString()) == "degree");
  CHECK(central["rows"].Size() == 3);
}
