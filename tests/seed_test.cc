// The founding article (../shared/corpus/seed.jsonl), boilerplate included:
// the relations issue 2 requires, by the ids `resolve` gives, and nothing
// from the site's appeals.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>

#include "actorgraph/extract/document.h"
#include "support.h"

using namespace actorgraph::extract;

TEST_CASE("the seed article gives the founding relations and no boilerplate", "[golden][seed]") {
  const std::string shared = test_support::shared_dir_or_skip("seed test");
  if (shared.empty()) return;
  auto& p = test_support::bundled_pipeline();
  DocumentReader reader({shared + "/corpus/seed.jsonl"});
  Document doc;
  REQUIRE(reader.next(doc));
  const auto events = p.extractor->extract(doc);
  std::string listing;
  for (const auto& e : events)
    listing += e.source.id + " " + (e.negated ? "not " : "") + e.relation + " " + e.target.id + "\n";
  INFO(listing);

  auto id = [&](const char* name) {
    auto r = p.actors.resolve(name);
    REQUIRE(r.has_value());
    return r->id;
  };
  auto has = [&](const std::string& s, const std::string& rel, const std::string& t) {
    for (const auto& e : events)
      if (e.source.id == s && e.relation == rel && e.target.id == t && !e.negated) return true;
    return false;
  };
  CHECK(has(id("Russia"), "ally_of", id("Bashar al-Assad")));
  CHECK(has(id("Russia"), "supplies", id("Bashar al-Assad")));
  CHECK(has(id("Russia"), "mediates", id("Syria")));
  CHECK(has(id("Russia"), "calls_on", id("Syrian opposition")));

  // Nothing from the appeals before the headline or after "Read more".
  const auto body_begin = doc.text.find("Russia Says Syria Ready");
  const auto body_end = doc.text.find("Read more");
  REQUIRE(body_begin != std::string::npos);
  REQUIRE(body_end != std::string::npos);
  const auto cp_begin = codepoint_offset(doc.text, body_begin);
  const auto cp_end = codepoint_offset(doc.text, body_end);
  for (const auto& e : events) {
    CHECK(e.evidence.start >= cp_begin);
    CHECK(e.evidence.end <= cp_end);
    CHECK(e.source.name.find("Times") == std::string::npos);
    CHECK(e.target.name.find("Times") == std::string::npos);
  }
}
