// ActorDictionary: loading, errors, aliases, composition and resolution.
#include <catch2/catch.hpp>

#include <sstream>

#include "actorgraph/extract/actors.h"
#include "actorgraph/extract/error.h"

using actorgraph::DictionaryError;
using actorgraph::extract::ActorDictionary;

namespace {

ActorDictionary small_dictionary() {
  std::istringstream in(
      "# a comment\n"
      "state/RUS\tstate\tRussia\tcountry=RUS\twikidata=Q159\talias=Russian Federation|Moscow|the Kremlin\tadj=Russian\n"
      "state/SYR\tstate\tSyria\tcountry=SYR\talias=Damascus\tadj=Syrian\n"
      "person/bashar-al-assad\tperson\tBashar al-Assad\tcountry=SYR\talias=Assad|Bashar Assad\t"
      "role=leader_of:state/SYR:2000-07-17:2024-12-08\n"
      "bloc/west\tbloc\tWestern countries\talias=the West|Western powers\tadj=Western\n"
      "\n"
      "@agent\tgovernment|foreign ministry|regime\tstate\n"
      "@agent\tmilitary|army|troops\tforce\tmilitary\n"
      "@agent\topposition\tgroup\topposition\n");
  ActorDictionary d;
  d.load(in, "mem.tsv");
  return d;
}

}  // namespace

TEST_CASE("actors load with aliases, adjectives and roles", "[extract][actors]") {
  const auto d = small_dictionary();
  REQUIRE(d.size() == 4);
  const auto* assad = d.find_id("person/bashar-al-assad");
  REQUIRE(assad);
  CHECK(assad->name == "Bashar al-Assad");
  REQUIRE(assad->roles.size() == 1);
  CHECK(assad->roles[0].target == "state/SYR");
  CHECK(assad->roles[0].end == "2024-12-08");
  CHECK(d.find_id("state/RUS")->wikidata == "Q159");
  CHECK(d.find_adjective("syrian")->id == "state/SYR");
}

TEST_CASE("aliases match folded and without a leading article", "[extract][actors]") {
  const auto d = small_dictionary();
  CHECK(d.resolve("Kremlin")->id == "state/RUS");
  CHECK(d.resolve("the Kremlin")->id == "state/RUS");
  CHECK(d.resolve("RUSSIAN FEDERATION")->id == "state/RUS");
  CHECK(d.resolve("Assad")->id == "person/bashar-al-assad");
  CHECK(d.resolve("The West")->id == "bloc/west");
  CHECK_FALSE(d.resolve("Atlantis").has_value());
  CHECK_FALSE(d.resolve("   ").has_value());
}

TEST_CASE("adjective or state name plus an agent noun composes", "[extract][actors]") {
  const auto d = small_dictionary();
  const auto opp = d.resolve("Syrian opposition");
  REQUIRE(opp);
  CHECK(opp->id == "group/SYR-opposition");
  CHECK(opp->name == "Syrian opposition");
  CHECK(opp->kind == "group");
  const auto mil = d.resolve("Syrian army");
  REQUIRE(mil);
  CHECK(mil->id == "force/SYR-military");
  CHECK(mil->name == "Syrian military");
  CHECK(d.resolve("Russian Foreign Ministry")->id == "state/RUS");
  CHECK(d.resolve("Syria military")->id == "force/SYR-military");
}

TEST_CASE("malformed dictionary lines name file, line and what was expected", "[extract][actors]") {
  ActorDictionary d;
  SECTION("too few fields") {
    std::istringstream in("# header\nstate/XXX\tstate\n");
    REQUIRE_THROWS_WITH(d.load(in, "bad.tsv"),
                        "bad.tsv:2: expected at least 3 tab-separated fields (id, kind, name), got 2");
  }
  SECTION("unknown kind") {
    std::istringstream in("state/XXX\tempire\tX\n");
    REQUIRE_THROWS_WITH(d.load(in, "bad.tsv"), "bad.tsv:1: unknown kind 'empire'");
  }
  SECTION("bad key") {
    std::istringstream in("state/XXX\tstate\tX\tcolour=red\n");
    REQUIRE_THROWS_WITH(d.load(in, "bad.tsv"),
                        "bad.tsv:1: unknown key 'colour' (expected country, wikidata, alias, adj or role)");
  }
  SECTION("bad role date") {
    std::istringstream in("person/x\tperson\tX\trole=leader_of:state/XXX:2001-13:\n");
    REQUIRE_THROWS_WITH(d.load(in, "bad.tsv"),
                        "bad.tsv:1: expected dates YYYY[-MM[-DD]] in 'leader_of:state/XXX:2001-13:'");
  }
  SECTION("agent without suffix") {
    std::istringstream in("@agent\tarmy\tforce\n");
    REQUIRE_THROWS_WITH(d.load(in, "bad.tsv"), "bad.tsv:1: a force agent needs a name suffix");
  }
  SECTION("missing file") {
    REQUIRE_THROWS_AS(d.load_file("/nonexistent/actors.tsv"), DictionaryError);
    REQUIRE_THROWS_WITH(d.load_file("/nonexistent/actors.tsv"), "/nonexistent/actors.tsv: cannot open");
  }
}

TEST_CASE("the bundled dictionary resolves the evaluation's canonical names", "[extract][actors][data]") {
  ActorDictionary d;
  for (const char* f : {"states.tsv", "igos.tsv", "groups.tsv", "people.tsv", "agents.tsv"})
    d.load_file(std::string(ACTORGRAPH_SOURCE_DIR) + "/data/" + f);
  CHECK(d.size() > 400);
  CHECK(d.resolve("Russia")->id == "state/RUS");
  CHECK(d.resolve("Moscow")->id == "state/RUS");
  CHECK(d.resolve("United States")->id == "state/USA");
  CHECK(d.resolve("United Nations Security Council")->id == "igo/unsc");
  CHECK(d.resolve("Arab League")->kind == "igo");
  CHECK(d.resolve("Syrian National Council")->kind == "group");
  CHECK(d.resolve("Syrian opposition")->id == "group/SYR-opposition");
  CHECK(d.resolve("Hungarian police")->id == "force/HUN-police");
  CHECK(d.resolve("Turkish military")->id == "force/TUR-military");
  CHECK(d.resolve("Western countries")->kind == "bloc");
}
