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

namespace {

using actorgraph::extract::NameMatch;

ActorDictionary dictionary_of(const std::string& text) {
  std::istringstream in(text);
  ActorDictionary d;
  d.load(in, "mem.tsv");
  return d;
}

// Names written with and without diacritics, transliterated and with the
// Arabic article.
ActorDictionary names_dictionary() {
  return dictionary_of(
      "state/HRV\tstate\tCroatia\tcountry=HRV\tadj=Croatian\n"
      "state/LBY\tstate\tLibya\tcountry=LBY\tadj=Libyan\n"
      "state/IRQ\tstate\tIraq\tcountry=IRQ\tadj=Iraqi\n"
      "state/BFA\tstate\tBurkina Faso\tcountry=BFA\tadj=Burkinabé\n"
      "person/kolinda-grabar-kitarovic\tperson\tKolinda Grabar-Kitarović\tcountry=HRV\talias=Grabar-Kitarović\n"
      "person/viktor-orban\tperson\tViktor Orbán\tcountry=HUN\talias=Orbán\n"
      "person/recep-tayyip-erdogan\tperson\tRecep Tayyip Erdoğan\tcountry=TUR\talias=Erdoğan\n"
      "person/muammar-gaddafi\tperson\tMuammar Gaddafi\tcountry=LBY\talias=Gaddafi\n"
      "person/bashar-al-assad\tperson\tBashar al-Assad\tcountry=SYR\talias=Assad\n"
      "group/al-nusra-front\tgroup\tAl-Nusra Front\tcountry=SYR\n"
      "group/hdp\tgroup\tPeoples' Democratic Party\tcountry=TUR\talias=HDP\n"
      "@agent\tsupporters\tgroup\tsupporters\n"
      "@agent\tprotesters\tgroup\tprotesters\n"
      "@agent\tmilitary|forces\tforce\tmilitary\n");
}

}  // namespace

TEST_CASE("names match with or without diacritics", "[extract][actors]") {
  const auto d = names_dictionary();
  for (const char* q : {"Grabar-Kitarović", "Grabar-Kitarovic", "GRABAR-KITAROVIC", "Kolinda Grabar-Kitarovic"})
    CHECK(d.resolve(q)->id == "person/kolinda-grabar-kitarovic");
  for (const char* q : {"Orbán", "Orban", "Viktor Orban"}) CHECK(d.resolve(q)->id == "person/viktor-orban");
  for (const char* q : {"Erdoğan", "Erdogan", "Recep Tayyip Erdogan"})
    CHECK(d.resolve(q)->id == "person/recep-tayyip-erdogan");
  // The extractor's keys: token folds joined by spaces.
  CHECK(d.find_alias("orban").size() == 1);
  CHECK(d.find_alias_best("orbán").match == NameMatch::exact);
  CHECK(d.find_alias_best("orban").match == NameMatch::loose);
  CHECK(d.find_adjective("burkinabe")->id == "state/BFA");
  CHECK(d.find_adjective("burkinabé")->id == "state/BFA");
  CHECK_FALSE(d.find_alias_best("orbanx"));
}

TEST_CASE("common transliterations and the Arabic article match", "[extract][actors]") {
  const auto d = names_dictionary();
  for (const char* q : {"Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi", "Muammar Qaddafi", "Muammar al-Gaddafi"})
    CHECK(d.resolve(q)->id == "person/muammar-gaddafi");
  CHECK(d.find_alias_best("qaddafi").match == NameMatch::transliteration);
  for (const char* q : {"al-Assad", "Assad", "Bashar Assad", "Bashar el-Assad", "Bashar al-Assad"})
    CHECK(d.resolve(q)->id == "person/bashar-al-assad");
  CHECK(d.resolve("Nusra Front")->id == "group/al-nusra-front");
  CHECK(d.resolve("Irak")->id == "state/IRQ");
  CHECK(d.resolve("Peoples Democratic Party")->id == "group/hdp");
  // The article is dropped only before a word: "al" alone and "all-" stay.
  CHECK_FALSE(d.resolve("al").has_value());
  CHECK_FALSE(d.resolve("all-Assad").has_value());
}

TEST_CASE("an exact spelling is preferred over a stripped or transliterated one", "[extract][actors]") {
  const auto d = dictionary_of(
      "person/a-orban\tperson\tAnna Orban\talias=Orban\n"
      "person/viktor-orban\tperson\tViktor Orbán\talias=Orbán\n"
      "person/x-qadafi\tperson\tX Qadafi\talias=Qadafi\n"
      "person/y-gadafi\tperson\tY Gadafi\talias=Gadafi\n");
  CHECK(d.resolve("Orbán")->id == "person/viktor-orban");
  CHECK(d.resolve("Orban")->id == "person/a-orban");
  CHECK(d.find_alias("orban").size() == 1);
  CHECK(d.resolve("Qadafi")->id == "person/x-qadafi");
  CHECK(d.resolve("Gadafi")->id == "person/y-gadafi");
  // Only a transliteration reaches both: equal candidates, best by id.
  const auto hit = d.find_alias_best("kadhafi");
  CHECK(hit.match == NameMatch::transliteration);
  CHECK(hit.candidates == 2);
  CHECK(hit.actor->id == "person/x-qadafi");
}

TEST_CASE("an ambiguous name lists its candidates", "[extract][actors]") {
  const auto d = dictionary_of(
      "person/sadiq-khan\tperson\tSadiq Khan\talias=Khan\n"
      "person/imran-khan\tperson\tImran Khan\talias=Khan\n"
      "group/khan-party\tgroup\tKhan Party\talias=Khan\n"
      "person/x-y\tperson\tX Y\n");
  const auto c = d.candidates("Khan");
  REQUIRE(c.size() == 2);  // the group ranks below the people
  CHECK(c[0].id == "person/imran-khan");
  CHECK(c[1].id == "person/sadiq-khan");
  CHECK(d.resolve("Khan")->id == c[0].id);
  CHECK(d.find_alias("khan").size() == 3);
  const auto hit = d.find_alias_best("khan");
  CHECK(hit.candidates == 2);
  CHECK(hit.total == 3);
  // A preferred name beats an alias: not ambiguous.
  const auto one = d.candidates("Khan Party");
  REQUIRE(one.size() == 1);
  CHECK(d.candidates("X Y").size() == 1);
  CHECK(d.candidates("nobody").empty());
}

TEST_CASE("a named group plus a group agent composes", "[extract][actors]") {
  const auto d = names_dictionary();
  const auto r = d.resolve("Peoples' Democratic Party supporters");
  REQUIRE(r);
  CHECK(r->id == "group/hdp-supporters");
  CHECK(r->name == "Peoples' Democratic Party supporters");
  CHECK(r->kind == "group");
  CHECK(r->country == "TUR");
  CHECK(d.resolve("HDP supporters")->id == "group/hdp-supporters");
  CHECK(d.resolve("Erdogan supporters")->id == "group/recep-tayyip-erdogan-supporters");
  // A force or state agent is the group itself.
  const auto* hdp = d.find_id("group/hdp");
  REQUIRE(hdp);
  CHECK(d.compose_group(*hdp, *d.find_agent("military")).id == "group/hdp");
  CHECK(d.compose_group(*hdp, *d.find_agent("protesters")).id == "group/hdp-protesters");
  // describe() knows the composed ids.
  const auto back = d.describe("group/hdp-supporters");
  REQUIRE(back);
  CHECK(back->name == "Peoples' Democratic Party supporters");
  CHECK(d.describe("group/recep-tayyip-erdogan-supporters")->kind == "group");
  CHECK_FALSE(d.describe("group/nobody-supporters").has_value());
  CHECK(d.describe("force/LBY-military")->name == "Libyan military");
}

TEST_CASE("an extension must keep the kind", "[extract][actors]") {
  auto d = names_dictionary();
  std::istringstream more("person/viktor-orban\tperson\tx\talias=Orbán Viktor\n"
                          "group/hdp\tperson\tx\n");
  REQUIRE_THROWS_WITH(d.load(more, "mine.tsv"),
                      "mine.tsv:2: 'group/hdp' is already defined at mem.tsv:11 with kind 'group', not 'person'");
  CHECK(d.resolve("Orban Viktor")->id == "person/viktor-orban");
}

namespace {

ActorDictionary leaders_dictionary() {
  return dictionary_of(
      "state/RUS\tstate\tRussia\n"
      "state/USA\tstate\tUnited States\n"
      "state/SYR\tstate\tSyria\n"
      "person/hafez-al-assad\tperson\tHafez al-Assad\trole=leader_of:state/SYR:1971-03-14:2000-06-10\n"
      "person/bashar-al-assad\tperson\tBashar al-Assad\trole=leader_of:state/SYR:2000-07-17:2024-12-08\n"
      "person/ahmed-al-sharaa\tperson\tAhmed al-Sharaa\trole=leader_of:state/SYR:2025-01-29:\n"
      // Two terms, and a month-only start.
      "person/vladimir-putin\tperson\tVladimir Putin\trole=leader_of:state/RUS:1999-08:2008-05-07\t"
      "role=leader_of:state/RUS:2012-05-07:\n"
      "person/dmitry-medvedev\tperson\tDmitry Medvedev\trole=leader_of:state/RUS:2008-05-07:2012-05-07\n"
      "person/barack-obama\tperson\tBarack Obama\trole=leader_of:state/USA:2009-01-20:2017-01-20\n"
      "person/donald-trump\tperson\tDonald Trump\trole=leader_of:state/USA:2017-01-20:2021-01-20\t"
      "role=leader_of:state/USA:2025-01-20:\n"
      // A year-only term and an open start.
      "person/x\tperson\tX\trole=leader_of:state/XXX:2001:2003\n"
      "person/y\tperson\tY\trole=leader_of:state/XXX::1990-05\n");
}

std::string leader(const ActorDictionary& d, const char* state, const char* date) {
  const auto* a = d.leader_of(state, date);
  return a ? a->id : "-";
}

}  // namespace

TEST_CASE("the leader of a state at a date", "[extract][actors]") {
  const auto d = leaders_dictionary();
  CHECK(leader(d, "state/SYR", "2012-01-16") == "person/bashar-al-assad");
  CHECK(leader(d, "state/SYR", "2012") == "person/bashar-al-assad");
  CHECK(leader(d, "state/SYR", "1990-02") == "person/hafez-al-assad");
  // Boundaries are inclusive; the gap between terms has nobody.
  CHECK(leader(d, "state/SYR", "2000-06-10") == "person/hafez-al-assad");
  CHECK(leader(d, "state/SYR", "2000-06-11") == "-");
  CHECK(leader(d, "state/SYR", "2000-07-16") == "-");
  CHECK(leader(d, "state/SYR", "2000-07-17") == "person/bashar-al-assad");
  CHECK(leader(d, "state/SYR", "2024-12-08") == "person/bashar-al-assad");
  CHECK(leader(d, "state/SYR", "2024-12-09") == "-");
  CHECK(leader(d, "state/SYR", "1971-03-13") == "-");
  // An open end: still in office.
  CHECK(leader(d, "state/SYR", "2026-03-01") == "person/ahmed-al-sharaa");
  CHECK(leader(d, "state/SYR", "2099") == "person/ahmed-al-sharaa");
  // Two terms of one person, and a month-only start covering its month.
  CHECK(leader(d, "state/RUS", "1999-08-01") == "person/vladimir-putin");
  CHECK(leader(d, "state/RUS", "1999-07-31") == "-");
  CHECK(leader(d, "state/RUS", "2010-06-01") == "person/dmitry-medvedev");
  CHECK(leader(d, "state/RUS", "2015-09-14") == "person/vladimir-putin");
  // A partial date with a change of office: who held it longest in it,
  // both are listed.
  CHECK(leader(d, "state/USA", "2017") == "person/donald-trump");
  CHECK(leader(d, "state/USA", "2009") == "person/barack-obama");
  CHECK(leader(d, "state/USA", "2017-01") == "person/barack-obama");  // 20 days against 12
  const auto both = d.leaders_of("state/USA", "2017-01");
  REQUIRE(both.size() == 2);
  CHECK(both[1]->id == "person/donald-trump");
  // Inclusive on a shared day: both held it; the later start first.
  CHECK(leader(d, "state/USA", "2017-01-20") == "person/donald-trump");
  CHECK(d.leaders_of("state/USA", "2017-01-20").size() == 2);
  CHECK(leader(d, "state/USA", "2022-06-01") == "-");
  CHECK(leader(d, "state/USA", "2025-02-01") == "person/donald-trump");
  // Year-only role dates cover the whole year; an empty start is open.
  CHECK(leader(d, "state/XXX", "2001-01-01") == "person/x");
  CHECK(leader(d, "state/XXX", "2003-12-31") == "person/x");
  CHECK(leader(d, "state/XXX", "2004-01-01") == "-");
  CHECK(leader(d, "state/XXX", "1850") == "person/y");
  CHECK(leader(d, "state/XXX", "1990-05-31") == "person/y");
  CHECK(leader(d, "state/XXX", "1990-06-01") == "-");
  // Malformed or empty dates and unknown targets give nobody.
  CHECK(leader(d, "state/SYR", "") == "-");
  CHECK(leader(d, "state/SYR", "2012-13-01") == "-");
  CHECK(leader(d, "state/SYR", "12 January 2012") == "-");
  CHECK(leader(d, "state/ZZZ", "2012") == "-");
}

TEST_CASE("whether a person held a role at a date", "[extract][actors]") {
  const auto d = leaders_dictionary();
  const auto& putin = *d.find_id("person/vladimir-putin");
  CHECK(d.held_role(putin, "leader_of", "state/RUS", "2001-05-05"));
  CHECK_FALSE(d.held_role(putin, "leader_of", "state/RUS", "2010-01-01"));
  CHECK(d.held_role(putin, "leader_of", "state/RUS", "2012-05-07"));
  CHECK_FALSE(d.held_role(putin, "leader_of", "state/RUS", "2010"));  // between his terms
  CHECK(d.held_role(putin, "leader_of", "state/RUS", "2026"));
  CHECK(d.held_role(putin, "leader_of", "state/RUS", ""));  // at any time
  CHECK_FALSE(d.held_role(putin, "leader_of", "state/SYR", ""));
  CHECK_FALSE(d.held_role(putin, "member_of", "state/RUS", "2001"));
  CHECK_FALSE(d.held_role(putin, "leader_of", "state/RUS", "2001-02-30x"));
  const auto& obama = *d.find_id("person/barack-obama");
  CHECK(d.held_role(obama, "leader_of", "state/USA", "2017-01-20"));
  CHECK_FALSE(d.held_role(obama, "leader_of", "state/USA", "2017-01-21"));
  CHECK_FALSE(d.held_role(obama, "leader_of", "state/USA", "2008"));
}

TEST_CASE("describe knows every composed id", "[extract][actors]") {
  const auto d = small_dictionary();
  const auto western = d.resolve("Western troops");
  REQUIRE(western);
  CHECK(western->id == "force/west-military");
  CHECK(d.describe("force/west-military")->name == "Western military");
  CHECK(d.describe("force/SYR-military")->name == "Syrian military");
  CHECK(d.describe("group/SYR-opposition")->kind == "group");
  CHECK_FALSE(d.describe("force/SYR-opposition").has_value());
  CHECK_FALSE(d.describe("force/XXX-military").has_value());
  CHECK_FALSE(d.describe("nonsense").has_value());
}

TEST_CASE("person-like names no dictionary knows are unknown actors", "[extract][actors]") {
  ActorDictionary d;
  std::istringstream in("state/GBR\tstate\tUnited Kingdom\tcountry=GBR\talias=UK\tadj=British\n");
  d.load(in, "mem.tsv");
  const auto u = d.unknown_actor("Reyaad Khan");
  REQUIRE(u);
  CHECK(u->id == "unknown/reyaad-khan");
  CHECK(u->kind == "unknown");
  CHECK(u->name == "Reyaad Khan");
  CHECK_FALSE(d.unknown_actor("United Kingdom"));        // known
  CHECK_FALSE(d.unknown_actor("Khan"));                  // one word
  CHECK_FALSE(d.unknown_actor("Prime Minister Khan"));   // a title
  CHECK_FALSE(d.unknown_actor("Syrian National Front"));  // an institution
  CHECK_FALSE(d.unknown_actor("NEW YORK"));              // capitals only: a dateline
  CHECK_FALSE(d.unknown_actor("reyaad khan"));           // not capitalised
}
