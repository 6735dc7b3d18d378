// PatternSet: inflection, loading, lookup and error messages.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/patterns.h"

using actorgraph::extract::inflect;
using actorgraph::extract::PatternSet;

TEST_CASE("regular inflections are generated", "[extract][patterns]") {
  using V = std::vector<std::string>;
  CHECK(inflect("supply", "verb") == V{"supply", "supplies", "supplied", "supplying"});
  CHECK(inflect("veto", "verb") == V{"veto", "vetoes", "vetoed", "vetoing"});
  CHECK(inflect("accuse", "verb") == V{"accuse", "accuses", "accused", "accusing"});
  CHECK(inflect("ally", "noun") == V{"ally", "allies"});
  CHECK(inflect("attack", "noun") == V{"attack", "attacks"});
}

TEST_CASE("patterns load and are found by surface form", "[extract][patterns]") {
  std::istringstream in(
      "# comment\n"
      "supplies\tverb\tsupply\tS\tO\n"
      "meets\tverb\tmeet|met\tS\tP:with\n"
      "agrees\tverb\taccept\tS\tO\tneg_as=rejects\tconf=0.8\n");
  PatternSet ps;
  ps.load(in, "mem.tsv");
  REQUIRE(ps.size() == 3);
  REQUIRE(ps.lookup("verb", "supplied").size() == 1);
  CHECK(ps.lookup("verb", "supplied")[0]->relation == "supplies");
  CHECK(ps.lookup("verb", "met").size() == 1);
  CHECK(ps.lookup("noun", "supplied").empty());
  const auto* acc = ps.lookup("verb", "accepts").at(0);
  CHECK(acc->negated_as == "rejects");
  CHECK(acc->confidence == Approx(0.8));
  const auto* meet = ps.lookup("verb", "meets").at(0);
  CHECK(meet->target.preps == std::vector<std::string>{"with"});
}

TEST_CASE("bad pattern lines name file and line", "[extract][patterns]") {
  PatternSet ps;
  SECTION("unknown relation") {
    std::istringstream in("befriends\tverb\tlike\tS\tO\n");
    REQUIRE_THROWS_WITH(ps.load(in, "p.tsv"), "p.tsv:1: unknown relation type 'befriends'");
  }
  SECTION("too few fields") {
    std::istringstream in("\n# x\nsupplies\tverb\tsupply\tS\n");
    REQUIRE_THROWS_WITH(ps.load(in, "p.tsv"),
                        "p.tsv:3: expected 5 tab-separated fields (relation, pos, trigger, source "
                        "role, target role), got 4");
  }
  SECTION("bad role") {
    std::istringstream in("supplies\tverb\tsupply\tS\tX\n");
    REQUIRE_THROWS_WITH(ps.load(in, "p.tsv"),
                        "p.tsv:1: expected a role S, O, P:<prep>, POSS, HOST or CTX, got 'X'");
  }
  SECTION("bad option") {
    std::istringstream in("supplies\tverb\tsupply\tS\tO\tcolour=red\n");
    REQUIRE_THROWS_WITH(ps.load(in, "p.tsv"),
                        "p.tsv:1: unknown option 'colour' (expected mod, neg_as, obj, conf, default_source, orphan, persons_only_in or leads)");
  }
}

TEST_CASE("the bundled pattern file covers all 20 relation types", "[extract][patterns][data]") {
  PatternSet ps;
  ps.load_file(std::string(ACTORGRAPH_SOURCE_DIR) + "/data/patterns.tsv");
  std::set<std::string> types;
  for (const auto& p : ps.patterns()) types.insert(p.relation);
  CHECK(types.size() == 20);
}
