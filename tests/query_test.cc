// Queries over the graph (graph/query.h) and reading the JSON-LD graph back
// (graph/jsonld_reader.h): unit tests on hand-made events, then the same
// questions on what the extractor really produces from examples/news and the
// shared seed article, then the CLI.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "actorgraph/export/writers.h"
#include "actorgraph/extract/document.h"
#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/graph/actor_graph.h"
#include "actorgraph/graph/events_io.h"
#include "actorgraph/graph/jsonld_reader.h"
#include "actorgraph/graph/query.h"
#include "actorgraph/graph/enrich.h"
#include "support.h"

namespace {

using namespace test_support;

namespace graph = actorgraph::graph;
using actorgraph::InputError;

const ActorRef kChina{"state/CHN", "China", "state", "CHN"};
const ActorRef kPutin{"person/vladimir-putin", "Vladimir Putin", "person", "RUS"};
const ActorRef kMilitary{"force/SYR-military", "Syrian military", "force", "SYR"};
const ActorRef kArabLeague{"igo/arab-league", "Arab League", "igo", ""};
const ActorRef kUnsc{"igo/unsc", "United Nations Security Council", "igo", ""};
const ActorRef kWest{"bloc/west", "Western countries", "bloc", ""};

// One instance; each call gets its own evidence span so nothing deduplicates.
Event ev(const ActorRef& source, const std::string& relation, const ActorRef& target,
         const std::string& date = "2012-01-16", const std::string& modality = "asserted",
         bool negated = false) {
  static std::size_t offset = 0;
  Event e;
  e.doc = "doc-" + date;
  e.date = date;
  e.source = source;
  e.relation = relation;
  e.target = target;
  e.negated = negated;
  e.modality = modality;
  e.evidence.sentence = source.name + " " + relation + " " + target.name + " (" + date + ").";
  e.evidence.start = offset;
  offset += 10;
  e.evidence.end = offset - 1;
  e.evidence.trigger = relation;
  return e;
}

const graph::StanceRow* row_for(const graph::StanceList& list, const std::string& id) {
  for (const auto& row : list.rows)
    if (row.actor.id == id) return &row;
  return nullptr;
}

std::size_t camp_of(const graph::Blocs& blocs, const std::string& id) {
  for (std::size_t c = 0; c < blocs.camps.size(); ++c)
    for (const auto& m : blocs.camps[c].members)
      if (m.actor.id == id) return c;
  return std::numeric_limits<std::size_t>::max();
}

// A small civil war: Russia and Iran back Assad; the West, the US and the
// Arab League back the opposition; the two sides oppose each other.
graph::ActorGraph civil_war() {
  graph::ActorGraph g;
  for (const Event& e : {
           ev(kRussia, "supports", kAssad, "2012-01-10"),
           ev(kRussia, "supplies", kAssad, "2012-02-10"),
           ev(kRussia, "supplies", kAssad, "2012-03-10"),
           ev(kIran, "supports", kAssad, "2012-02-01"),
           ev(kAssad, "ally_of", kChina, "2012-02-02"),  // symmetric: stored from the smaller id
           ev(kUsa, "supports", kAssad, "2012-02-03", "hypothetical"),     // does not count
           ev(kUsa, "supports", kAssad, "2012-02-04", "asserted", true),   // negated: does not count
           ev(kOpposition, "opposes", kAssad, "2012-01-20"),
           ev(kOpposition, "criticizes", kAssad, "2012-04-01"),
           ev(kUsa, "sanctions", kSyria, "2012-03-01"),
           ev(kChina, "vetoes", kUnsc, "2012-02-04"),
           ev(kUsa, "supplies", kOpposition, "2012-03-05"),
           ev(kArabLeague, "supports", kOpposition, "2012-03-06"),
           ev(kWest, "supports", kOpposition, "2012-03-07"),
           ev(kWest, "criticizes", kRussia, "2012-03-08"),
           ev(kArabLeague, "calls_on", kAssad, "2012-03-09"),
           ev(kAssad, "leader_of", kSyria, "2012-01-01"),
           ev(kAssad, "leader_of", kSyria, "2012-06-01"),
           ev(kPutin, "leader_of", kRussia, "2012-05-07"),
           ev(kPutin, "supports", kAssad, "2012-05-20"),
           ev(kMilitary, "attacks", kOpposition, "2012-04-02"),
       }) {
    g.add(e);
  }
  g.finalize();
  return g;
}

}  // namespace

// --- unit tests on hand-made events -------------------------------------------

TEST_CASE("supporters and opponents count non-negated, non-hypothetical evidence", "[query]") {
  const auto g = civil_war();
  const auto s = graph::supporters(g, kAssad.id);
  REQUIRE(s.actor.id == kAssad.id);
  REQUIRE(s.rows.size() == 4);  // Russia (3), then Putin, China (ally_of counts both ways), Iran by id
  CHECK(s.rows[0].actor.id == kRussia.id);
  CHECK(s.rows[0].count == 3);
  CHECK(s.rows[0].documents == 3);
  CHECK(s.rows[0].relations.at("supplies") == 2);
  CHECK(s.rows[0].first_date == "2012-01-10");
  CHECK(s.rows[0].last_date == "2012-03-10");
  CHECK_FALSE(s.rows[0].evidence.sentence.empty());
  CHECK(s.rows[1].actor.id == kPutin.id);
  CHECK(row_for(s, kChina.id));            // ally_of stored Assad -> China counts for Assad too
  CHECK(row_for(s, kIran.id));
  CHECK_FALSE(row_for(s, kUsa.id));  // only hypothetical or negated support

  // Equal scores are ordered by id.
  std::vector<std::string> rest;
  for (std::size_t i = 1; i < s.rows.size(); ++i) rest.push_back(s.rows[i].actor.id);
  CHECK(std::is_sorted(rest.begin(), rest.end()));

  const auto china = graph::supporters(g, kChina.id);
  REQUIRE(china.rows.size() == 1);
  CHECK(china.rows[0].actor.id == kAssad.id);

  const auto o = graph::opponents(g, kAssad.id);
  REQUIRE(o.rows.size() == 1);
  CHECK(o.rows[0].actor.id == kOpposition.id);
  CHECK(o.rows[0].count == 2);
  CHECK(o.rows[0].evidence.relation == "criticizes");  // equal confidence: the most recent

  // A veto counts against its target.
  const auto unsc = graph::opponents(g, kUnsc.id);
  REQUIRE(unsc.rows.size() == 1);
  CHECK(unsc.rows[0].actor.id == kChina.id);
  CHECK(unsc.rows[0].relations.count("vetoes") == 1);

  CHECK_THROWS_WITH(graph::supporters(g, "state/XXX"), "actor \"state/XXX\": not in the graph");
}

TEST_CASE("filters: dates, relation types, min count", "[query]") {
  const auto g = civil_war();
  graph::QueryFilter f;
  f.since = "2012-02-01";
  f.until = "2012-02-28";
  auto s = graph::supporters(g, kAssad.id, f);
  REQUIRE(row_for(s, kRussia.id));
  CHECK(row_for(s, kRussia.id)->count == 1);
  CHECK_FALSE(row_for(s, kPutin.id));

  f = {};
  f.relations = {"supplies"};
  s = graph::supporters(g, kAssad.id, f);
  REQUIRE(s.rows.size() == 1);
  CHECK(s.rows[0].count == 2);

  f = {};
  f.min_count = 2;
  s = graph::supporters(g, kAssad.id, f);
  REQUIRE(s.rows.size() == 1);  // only Russia's two supplies survive
  CHECK(s.rows[0].relations.size() == 1);

  f = {};
  f.since = "2012-13-01";
  CHECK_THROWS_WITH(graph::supporters(g, kAssad.id, f), "date \"2012-13-01\": expected YYYY-MM-DD");
  f = {};
  f.relations = {"likes"};
  CHECK_THROWS_AS(graph::supporters(g, kAssad.id, f), InputError);

  // Recency: with a short half-life, later support weighs more.
  f = {};
  f.half_life_days = 10;
  s = graph::supporters(g, kAssad.id, f);
  REQUIRE_FALSE(s.rows.empty());
  CHECK(s.rows[0].actor.id == kPutin.id);
}

TEST_CASE("level state rolls leaders (by date) and forces up to their state", "[query]") {
  auto g = civil_war();
  // Assad also "led" Iran in 2015 (hand-made, to test the date rule).
  g.add(ev(kAssad, "leader_of", kIran, "2015-01-01"));
  g.add(ev(kAssad, "supports", kUsa, "2015-01-02"));
  g.add(ev(kAssad, "supports", kUsa, "2012-02-02"));
  g.finalize();
  graph::QueryFilter f;
  f.level = graph::Level::state;

  // Asking about Assad means Syria (his leader_of with the most evidence).
  const auto s = graph::supporters(g, kAssad.id, f);
  CHECK(s.actor.id == kSyria.id);
  REQUIRE(row_for(s, kRussia.id));
  CHECK(row_for(s, kRussia.id)->count == 4);  // Putin's support became Russia's
  CHECK_FALSE(row_for(s, kPutin.id));

  const auto usa = graph::supporters(g, kUsa.id, f);
  REQUIRE(row_for(usa, kIran.id));   // 2015: Assad led "Iran"
  REQUIRE(row_for(usa, kSyria.id));  // 2012: Assad led Syria
  CHECK(row_for(usa, kIran.id)->count == 1);

  // The military is Syria; the opposition stays itself.
  const auto o = graph::opponents(g, kOpposition.id, f);
  REQUIRE(o.rows.size() == 1);
  CHECK(o.rows[0].actor.id == kSyria.id);
  CHECK(o.rows[0].evidence.source == kMilitary.id);  // cited as in the graph
  const auto so = graph::opponents(g, kSyria.id, f);
  CHECK(row_for(so, kOpposition.id));
  CHECK(row_for(so, kUsa.id));
}

TEST_CASE("stance, relations, neighbours and timeline", "[query]") {
  const auto g = civil_war();
  const auto st = graph::stance(g, kRussia.id, kAssad.id);
  CHECK(st.forward.sign == '+');
  CHECK(st.forward.relations.size() == 2);
  CHECK(st.forward.relations[0].relation == "supplies");
  CHECK(st.backward.sign == ' ');
  const auto usa = graph::stance(g, kUsa.id, kAssad.id);
  CHECK(usa.forward.sign == '0');  // hypothetical and negated only
  CHECK(usa.forward.relations.size() == 2);

  const auto rel = graph::relations(g, kOpposition.id);
  CHECK(rel.relations.size() == 6);
  for (const auto& r : rel.relations) CHECK_FALSE(r.evidence.sentence.empty());

  const auto n1 = graph::neighbours(g, kChina.id, 1);
  REQUIRE(n1.neighbours.size() == 2);
  CHECK(n1.neighbours[0].actor.id == kUnsc.id);
  CHECK(n1.neighbours[1].actor.id == kAssad.id);  // by distance, then id
  const auto n2 = graph::neighbours(g, kChina.id, 2);
  CHECK(n2.neighbours.size() > n1.neighbours.size());
  for (const auto& n : n2.neighbours) CHECK(n.distance <= 2);

  const auto tl = graph::timeline(g, kUsa.id, kAssad.id);
  REQUIRE(tl.entries.size() == 2);
  CHECK(tl.entries[0].date == "2012-02-03");
  CHECK(tl.entries[1].negated);
}

TEST_CASE("path lists up to three shortest chains with their signs", "[query]") {
  const auto g = civil_war();
  const auto p = graph::path(g, kArabLeague.id, kRussia.id);
  REQUIRE(p.chains.size() == 3);
  const auto& best = p.chains[0];
  REQUIRE(best.steps.size() == 2);  // Arab League - Assad - Russia, or via the opposition and the West
  for (std::size_t i = 1; i < p.chains.size(); ++i) CHECK(p.chains[i].steps.size() >= best.steps.size());
  for (const auto& chain : p.chains) {
    CHECK(chain.steps.front().from.id == kArabLeague.id);
    CHECK(chain.steps.back().to.id == kRussia.id);
    int sign = 0;
    for (const auto& step : chain.steps) {
      CHECK_FALSE(step.relation.evidence.sentence.empty());
      if (step.sign != '0') sign = (sign ? sign : 1) * (step.sign == '+' ? 1 : -1);
    }
    CHECK(chain.sign == (sign > 0 ? '+' : sign < 0 ? '-' : '0'));
  }
  // Arab League + opposition, West + opposition, West - Russia: the chain via the West is negative.
  bool via_west = false;
  for (const auto& chain : p.chains) {
    if (chain.steps.size() == 3 && chain.steps[1].to.id == kWest.id) {
      via_west = true;
      CHECK(chain.steps[0].sign == '+');
      CHECK(chain.steps[1].sign == '+');
      CHECK(chain.steps[2].sign == '-');
      CHECK(chain.sign == '-');
    }
  }
  CHECK(via_west);
  CHECK(graph::path(g, kRussia.id, kRussia.id).chains.size() == 1);
}

TEST_CASE("blocs split the signed graph into balanced camps", "[query]") {
  const auto g = civil_war();
  const auto b = graph::blocs(g);
  REQUIRE(b.camps.size() == 2);
  CHECK(camp_of(b, kRussia.id) == camp_of(b, kAssad.id));
  CHECK(camp_of(b, kIran.id) == camp_of(b, kAssad.id));
  CHECK(camp_of(b, kOpposition.id) == camp_of(b, kWest.id));
  CHECK(camp_of(b, kOpposition.id) == camp_of(b, kArabLeague.id));
  CHECK(camp_of(b, kOpposition.id) != camp_of(b, kAssad.id));
  CHECK(b.frustrated_ties == 0);
  CHECK(b.frustrated_share == 0);
  for (const auto& camp : b.camps)
    for (const auto& m : camp.members) CHECK_FALSE(m.anchor.evidence.sentence.empty());

  // A friend of both sides leaves one tie frustrated.
  auto g2 = civil_war();
  g2.add(ev(kIran, "supports", kOpposition, "2012-05-01"));
  g2.finalize();
  const auto b2 = graph::blocs(g2);
  CHECK(b2.frustrated_ties == 1);
  CHECK(b2.frustrated_share == Approx(1.0 / b2.signed_ties));
  // Deterministic: the same answer twice.
  const auto again = graph::blocs(g2);
  REQUIRE(again.camps.size() == b2.camps.size());
  for (std::size_t c = 0; c < again.camps.size(); ++c)
    CHECK(again.camps[c].members.size() == b2.camps[c].members.size());
}

TEST_CASE("centrality by degree, pagerank and betweenness", "[query]") {
  const auto g = civil_war();
  const auto d = graph::central(g, graph::CentralityMeasure::degree);
  REQUIRE_FALSE(d.rows.empty());
  CHECK(d.rows[0].actor.id == kAssad.id);
  for (const auto& r : d.rows) CHECK_FALSE(r.evidence.sentence.empty());

  const auto pr = graph::central(g, graph::CentralityMeasure::pagerank);
  const double total = std::accumulate(pr.rows.begin(), pr.rows.end(), 0.0,
                                       [](double s, const graph::CentralityRow& r) { return s + r.score; });
  CHECK(total == Approx(1.0));
  CHECK(pr.rows[0].actor.id == kAssad.id);

  // A star: the centre lies on every one of the 3 pairs of leaves.
  graph::ActorGraph star;
  star.add(ev(kRussia, "supports", kSyria));
  star.add(ev(kRussia, "supports", kIran));
  star.add(ev(kChina, "supports", kRussia));
  star.finalize();
  const auto bc = graph::central(star, graph::CentralityMeasure::betweenness);
  REQUIRE(bc.rows.size() == 4);
  CHECK(bc.rows[0].actor.id == kRussia.id);
  CHECK(bc.rows[0].score == Approx(3.0));
  CHECK(bc.rows[1].score == Approx(0.0));
  CHECK(graph::central(g, graph::CentralityMeasure::degree, {}, 3).rows.size() == 3);
  CHECK(graph::parse_centrality("pagerank") == graph::CentralityMeasure::pagerank);
  CHECK_THROWS_AS(graph::parse_centrality("closeness"), InputError);
}

// A mid-size deterministic graph for the betweenness tests: `n` groups,
// `edges` supports/opposes/cooperates_with events whose endpoints are skewed
// toward the first actors (u^2, as in bench/query_bench.cc), plus a ring so
// that everything is linked.
graph::ActorGraph synthetic(std::size_t n, std::size_t edges) {
  std::uint64_t state = 42;
  auto next = [&state] {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  auto pick = [&] {
    const double u = static_cast<double>(next() >> 11) / 9007199254740992.0;
    return std::min(n - 1, static_cast<std::size_t>(u * u * static_cast<double>(n)));
  };
  std::vector<ActorRef> actors;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string id = std::to_string(1000 + i);
    actors.push_back({"group/g" + id, "Group " + id, "group", ""});
  }
  const char* types[] = {"supports", "opposes", "cooperates_with"};
  graph::ActorGraph g;
  for (std::size_t i = 0; i < n; ++i) g.add(ev(actors[i], "supports", actors[(i + 1) % n]));
  for (std::size_t e = 0; e < edges; ++e) {
    const std::size_t a = pick(), b = static_cast<std::size_t>(next() % n);
    if (a == b) continue;
    g.add(ev(actors[a], types[next() % 3], actors[b]));
  }
  g.finalize();
  return g;
}

std::map<std::string, double> scores_by_id(const graph::Centrality& c) {
  std::map<std::string, double> scores;
  for (const auto& r : c.rows) scores[r.actor.id] = r.score;
  return scores;
}

TEST_CASE("sampled betweenness with every actor a pivot equals the exact one", "[query]") {
  const auto by = graph::CentralityMeasure::betweenness;
  for (int which = 0; which < 2; ++which) {
    const auto g = which == 0 ? civil_war() : synthetic(120, 400);
    const auto exact = graph::central(g, by, {}, 0, 0);
    CHECK(exact.pivots == 0);
    // Small graphs default to the exact algorithm.
    const auto automatic = graph::central(g, by);
    CHECK(automatic.pivots == 0);
    REQUIRE(automatic.rows.size() == exact.rows.size());
    const auto all = graph::central(g, by, {}, 0, 100000);  // clamped to the linked actors
    CHECK(all.pivots == exact.rows.size());
    const auto e = scores_by_id(exact), a = scores_by_id(all);
    REQUIRE(e.size() == a.size());
    double total = 0;
    for (const auto& [id, score] : e) {
      INFO(id);
      REQUIRE(a.count(id) == 1);
      CHECK(a.at(id) == Approx(score).margin(1e-9));
      CHECK(scores_by_id(automatic).at(id) == score);
      total += score;
    }
    CHECK(total > 0);
  }
  // State level too (the roll-up changes the links, both versions share them).
  graph::QueryFilter state;
  state.level = graph::Level::state;
  const auto e = scores_by_id(graph::central(civil_war(), by, state, 0, 0));
  const auto a = scores_by_id(graph::central(civil_war(), by, state, 0, 1000));
  REQUIRE(e.size() == a.size());
  for (const auto& [id, score] : e) CHECK(a.at(id) == Approx(score).margin(1e-9));
}

TEST_CASE("sampled betweenness finds the exact top actors, deterministically", "[query]") {
  const auto by = graph::CentralityMeasure::betweenness;
  const auto g = synthetic(600, 3000);
  const auto exact = graph::central(g, by, {}, 5, 0);
  const auto sampled = graph::central(g, by, {}, 5, 64);
  REQUIRE(exact.rows.size() == 5);
  REQUIRE(sampled.rows.size() == 5);
  CHECK(sampled.pivots == 64);
  std::size_t overlap = 0;
  for (const auto& s : sampled.rows)
    for (const auto& x : exact.rows) overlap += s.actor.id == x.actor.id;
  CHECK(overlap >= 3);
  // The estimate is of the same size as the exact score.
  CHECK(sampled.rows[0].score == Approx(exact.rows[0].score).epsilon(0.5));
  // Same pivots, same result.
  const auto again = graph::central(g, by, {}, 5, 64);
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(again.rows[i].actor.id == sampled.rows[i].actor.id);
    CHECK(again.rows[i].score == sampled.rows[i].score);
  }
}

TEST_CASE("find_actors_by_name matches names and aliases after folding", "[query]") {
  graph::ActorGraph g;
  g.add(ev(kRussia, "supports", kSyria));
  g.add_actor({kRussia.id, "Russia", "state", "RUS", "Q159", {"Moscow", "the Kremlin"}});
  g.add_actor({"person/x", "X", "person", "", "", {"Moscow"}});
  g.finalize();
  CHECK(graph::find_actors_by_name(g, "the KREMLIN").size() == 1);
  const auto both = graph::find_actors_by_name(g, "moscow");
  REQUIRE(both.size() == 2);
  CHECK(both[0].id == "person/x");
  CHECK(graph::find_actors_by_name(g, "Atlantis").empty());
}

// --- JSON-LD read back -------------------------------------------------------

namespace {

std::string jsonld(const graph::ActorGraph& g) {
  std::ostringstream out;
  actorgraph::exporter::write_jsonld(g, out);
  return out.str();
}

std::string round_trip(const std::string& text, actorgraph::WarningSink* warnings = nullptr) {
  std::istringstream in(text);
  graph::ActorGraph back;
  graph::read_jsonld(in, "graph.jsonld", back, warnings);
  return jsonld(back);
}

struct CountingSink : actorgraph::WarningSink {
  std::vector<std::string> messages;
  void warn(const std::string&, const std::string& message) override { messages.push_back(message); }
};

// The dictionary's knowledge on the graph's actors, as the CLI does.
void enrich(graph::ActorGraph& g) {
  graph::enrich_from_dictionary(g, test_support::bundled_pipeline().actors);
  g.finalize();
}

graph::ActorGraph extracted(const std::vector<std::string>& inputs) {
  auto& pipeline = test_support::bundled_pipeline();
  actorgraph::extract::DocumentReader reader(inputs);
  actorgraph::extract::Document doc;
  graph::ActorGraph g;
  while (reader.next(doc))
    for (const auto& e : pipeline.extractor->extract(doc)) g.add(e);
  enrich(g);
  return g;
}

const std::string kExamples = std::string(ACTORGRAPH_SOURCE_DIR) + "/examples/news";

}  // namespace

TEST_CASE("JSON-LD written, read and written again gives identical bytes", "[query][jsonld]") {
  auto g = civil_war();
  Event odd = ev({"unknown/Al Qa'ida: 100%", "Al Qa'ida", "unknown", ""}, "threatens", kUsa, "");
  odd.attributed_to = kRussia;
  odd.item = "weapons";
  odd.confidence = 0.7000000000000001;
  g.add(odd);
  Event nan = ev(kIran, "meets", kChina, "2012-07-07", "intended");
  nan.confidence = std::numeric_limits<double>::quiet_NaN();
  g.add(nan);
  g.add_actor({kRussia.id, "", "", "", "Q159", {"Moscow", "Kremlin"}});
  g.add_actor({kUsa.id, "", "", "", "http://www.wikidata.org/entity/Q30", {}});
  g.finalize();
  const std::string first = jsonld(g);
  CountingSink sink;
  CHECK(round_trip(first, &sink) == first);
  CHECK(sink.messages.empty());

  // And on a graph the extractor built from examples/news.
  const std::string real = jsonld(extracted({kExamples}));
  CHECK(round_trip(real) == real);
}

TEST_CASE("JSON-LD read errors name the file, the place and what was expected", "[query][jsonld]") {
  graph::ActorGraph g;
  g.add(ev(kRussia, "supports", kSyria));
  g.finalize();
  auto fails = [&](const std::string& text) {
    std::istringstream in(text);
    try {
      graph::read_jsonld(in, "g.jsonld", g);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(fails("{\n  \"@graph\": [,]\n}") ==
        "g.jsonld: line 2, column 14: expected a JSON-LD document: Invalid value.");
  CHECK(fails("[]") == "g.jsonld: document: expected a JSON object, got an array");
  CHECK(fails("{\"@context\": {}}") == "g.jsonld: document: expected an \"@graph\" array of actor and relation nodes");
  CHECK(fails(R"({"@graph": [{"@type": "Relation", "source": "state/RUS", "target": "state/SYR",
      "relationType": "likes", "evidence": []}]})") ==
        "g.jsonld: @graph[0].relationType: expected one of the 20 relation types, got \"likes\"");
  CHECK(fails(R"({"@graph": [{"@type": ["Actor"], "@id": "state/RUS"},
      {"@type": "Relation", "source": "state/RUS", "target": "state/SYR", "relationType": "supports",
       "evidence": [{"document": "d", "start": -1, "end": 3}]}]})") ==
        "g.jsonld: @graph[1].evidence[0]: expected a non-negative integer member \"start\", got a number");
  // Nothing was added by the failed reads.
  CHECK(g.num_actors() == 2);
  CHECK(g.num_relations() == 1);

  CountingSink sink;
  std::istringstream odd(R"({"@graph": [{"@type": "Thing"},
      {"@type": "Relation", "source": "state/RUS", "target": "state/SYR", "relationType": "supports",
       "polarity": "-", "count": 5, "evidence": [{"document": "d", "start": 0, "end": 3}]}]})");
  graph::read_jsonld(odd, "g.jsonld", g, &sink);
  CHECK(sink.messages.size() == 3);
  CHECK_THROWS_WITH(graph::read_jsonld_file("/nonexistent/g.jsonld", g),
                    Catch::StartsWith("/nonexistent/g.jsonld: cannot open: "));
}

TEST_CASE("load_graph_file reads JSON-LD or events JSON Lines", "[query][jsonld]") {
  test_support::TempDir dir;
  const auto g = civil_war();
  actorgraph::exporter::write_jsonld_file(g, dir / "g.json");
  {
    std::ofstream events(dir / "events.txt");
    events << actorgraph::extract::to_json_line(ev(kRussia, "supports", kSyria)) << "\n";
    std::ofstream one_line(dir / "one.data");
    one_line << "{\"@context\": {}, \"@graph\": []}\n";
    std::ofstream bad(dir / "bad.jsonl");
    bad << "supporters,of\n";
  }
  CHECK(graph::detect_graph_file(dir / "g.json") == graph::GraphFileFormat::jsonld);
  CHECK(graph::detect_graph_file(dir / "events.txt") == graph::GraphFileFormat::events);
  CHECK(graph::detect_graph_file(dir / "one.data") == graph::GraphFileFormat::jsonld);
  CHECK_THROWS_WITH(graph::detect_graph_file(dir / "bad.jsonl"),
                    Catch::Contains("expected a JSON-LD graph or events JSON Lines"));
  graph::ActorGraph from_jsonld, from_events;
  graph::load_graph_file(dir / "g.json", from_jsonld);
  graph::load_graph_file(dir / "events.txt", from_events);
  CHECK(jsonld(from_jsonld) == jsonld(g));
  CHECK(from_events.num_relations() == 1);
}

// --- the same questions on real extracted output ------------------------------

TEST_CASE("examples/news and seed: Russia supports Assad; blocs; path Arab League - Russia",
          "[query][examples]") {
  std::vector<std::string> inputs{kExamples};
  if (test_support::shared_dir().empty()) {
    WARN("../shared/corpus is absent: examples/news only");
  } else {
    inputs.push_back(test_support::shared_dir() + "/corpus/seed.jsonl");
  }
  const auto g = extracted(inputs);

  const auto s = graph::supporters(g, kAssad.id);
  REQUIRE(row_for(s, kRussia.id));
  CHECK_FALSE(row_for(s, kRussia.id)->evidence.sentence.empty());

  const auto b = graph::blocs(g);
  CHECK(camp_of(b, kRussia.id) == camp_of(b, kSyria.id));
  CHECK(camp_of(b, kRussia.id) == camp_of(b, kAssad.id));
  CHECK(camp_of(b, kWest.id) != camp_of(b, kRussia.id));
  // The West backs the Arab League (seed) and the Arab League backs the
  // opposition (examples/news/11): one camp against Russia and Assad.
  if (!test_support::shared_dir().empty()) CHECK(camp_of(b, kArabLeague.id) == camp_of(b, kWest.id));
  CHECK(camp_of(b, kOpposition.id) == camp_of(b, kArabLeague.id));
  CHECK(camp_of(b, kArabLeague.id) != camp_of(b, kRussia.id));
  CHECK(camp_of(b, "group/syrian-national-council") == camp_of(b, kWest.id));
  CHECK(b.frustrated_share < 0.2);

  const auto p = graph::path(g, kArabLeague.id, kRussia.id);
  REQUIRE_FALSE(p.chains.empty());
  const auto& chain = p.chains.front();
  REQUIRE(chain.steps.size() >= 2);
  for (std::size_t i = 0; i + 1 < chain.steps.size(); ++i) CHECK_FALSE(chain.steps[i].to.name.empty());
  // Every chain's sign is the product of its signed steps, and each step's
  // sign agrees with the relation it shows.
  for (const auto& c : p.chains) {
    int sign = 0;
    for (const auto& step : c.steps) {
      if (step.sign != '0') {
        CHECK(step.relation.polarity == step.sign);
        sign = (sign ? sign : 1) * (step.sign == '+' ? 1 : -1);
      }
    }
    CHECK(c.sign == (sign > 0 ? '+' : sign < 0 ? '-' : '0'));
  }
}

TEST_CASE("examples/news: the Syrian opposition opposes Assad", "[query][examples]") {
  // examples/news/11-opposition-demands.txt: the opposition rules out a role
  // for Assad and accuses him.
  const auto g = extracted({kExamples});
  graph::QueryFilter state;
  state.level = graph::Level::state;
  const bool entity = row_for(graph::opponents(g, kAssad.id), kOpposition.id) != nullptr;
  const bool rolled = row_for(graph::opponents(g, kAssad.id, state), kOpposition.id) != nullptr;
  CHECK((entity || rolled));
}

TEST_CASE("seed article: Russia supports Assad", "[query][seed]") {
  if (test_support::shared_dir().empty()) {
    WARN("skipped: ../shared/corpus is absent");
    return;
  }
  const auto g = extracted({test_support::shared_dir() + "/corpus/seed.jsonl"});
  const auto s = graph::supporters(g, kAssad.id);
  REQUIRE(row_for(s, kRussia.id));
  CHECK(row_for(s, kRussia.id)->count >= 2);  // "one of Assad's few allies and has supplied him with arms"
  graph::QueryFilter state;
  state.level = graph::Level::state;
  CHECK(row_for(graph::supporters(g, kSyria.id, state), kRussia.id));
  const std::string text = jsonld(g);
  CHECK(round_trip(text) == text);
}

// --- the CLI -----------------------------------------------------------------

TEST_CASE("actorgraph query supporters --json, ambiguity and errors", "[query][cli]") {
  const std::string bin = ACTORGRAPH_BINARY;
  test_support::TempDir dir;
  actorgraph::exporter::write_jsonld_file(extracted({kExamples}), dir / "g.jsonld");

  const auto r = test_support::run(bin + " query " + dir / "g.jsonld" + " supporters \"Bashar al-Assad\" --json");
  REQUIRE(r.status == 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(std::string(d["query"].GetString()) == "supporters");
  CHECK(std::string(d["actor"]["id"].GetString()) == kAssad.id);
  bool russia = false;
  for (const auto& row : d["rows"].GetArray()) {
    CHECK(row["evidence"]["sentence"].GetStringLength() > 0);
    russia = russia || std::string(row["actor"]["id"].GetString()) == kRussia.id;
  }
  CHECK(russia);

  // Names resolve through the dictionary ("Moscow" is Russia), the table cites evidence.
  const auto table = test_support::run(bin + " query " + dir / "g.jsonld" + " opponents Moscow --level state");
  CHECK(table.status == 0);
  CHECK(table.out.find("Opponents of state/RUS (Russia)") != std::string::npos);
  CHECK(table.out.find("EVIDENCE") != std::string::npos);

  for (const char* sub : {"supporters", "opponents", "stance", "relations", "neighbours", "path", "blocs",
                          "central", "timeline"}) {
    INFO(sub);
    CHECK(test_support::run(bin + " query g " + sub + " --help").status == 0);
  }
  CHECK(test_support::run(bin + " query " + dir / "g.jsonld" + " central --by pagerank --json").status == 0);
  for (const char* pivots : {"0", "3", "1000"}) {
    INFO(pivots);
    const auto bc = test_support::run(bin + " query " + dir / "g.jsonld" + " central --by betweenness --pivots " +
                                      pivots + " --json");
    CHECK(bc.status == 0);
    CHECK(bc.out.find("\"betweenness\"") != std::string::npos);
  }

  // Ambiguous within the graph: two actors answer to "Twin".
  graph::ActorGraph twins;
  twins.add(ev({"person/a", "A", "person", ""}, "supports", {"person/b", "B", "person", ""}));
  twins.add_actor({"person/a", "", "", "", "", {"Twin"}});
  twins.add_actor({"person/b", "", "", "", "", {"Twin"}});
  actorgraph::exporter::write_jsonld_file(twins, dir / "twins.jsonld");
  const auto amb = test_support::run(bin + " query " + dir / "twins.jsonld" + " supporters Twin 2>&1");
  CHECK(amb.status == 1);
  CHECK(amb.out.find("ambiguous") != std::string::npos);
  CHECK(amb.out.find("person/a (A)") != std::string::npos);
  CHECK(amb.out.find("person/b (B)") != std::string::npos);

  const auto missing = test_support::run(bin + " query " + dir / "g.jsonld" + " supporters Atlantis 2>&1");
  CHECK(missing.status == 1);
  CHECK(missing.out.find("Atlantis") != std::string::npos);
  CHECK(test_support::run(bin + " query " + dir / "g.jsonld" + " supporters Russia --since 2012 2>/dev/null").status == 1);
}
