// One actor-name resolver for the CLI (app/graph_input.cc): query and
// export --actor find the same actor for the same words, whatever the case
// and the diacritics, on events JSON Lines and on JSON-LD alike.

#include <catch2/catch.hpp>

#include <string>

#include "actorgraph/extract/event.h"
#include "support.h"

namespace {

using namespace test_support;

const std::string kBin = ACTORGRAPH_BINARY;
const ActorRef kOrban{"person/viktor-orban", "Viktor Orbán", "person", "HUN"};

// Orbán criticizes Russia; Russia supports Syria.
std::string events_file(const TempDir& dir) {
  return write_file(dir / "events.jsonl",
                    actorgraph::extract::to_json_line(make_event(kOrban, "criticizes", kRussia, "d1", "2015-03-01", 0,
                                                                 "criticized")) +
                        "\n" +
                        actorgraph::extract::to_json_line(make_event(kRussia, "supports", kSyria, "d2", "2015-03-02",
                                                                     0, "backed")) +
                        "\n");
}

}  // namespace

TEST_CASE("export --actor resolves names as query does", "[cli][resolve]") {
  TempDir dir;
  const std::string events = events_file(dir);
  for (const std::string name : {"VIKTOR ORBÁN", "viktor orban", "Orbán", "person/viktor-orban"}) {
    INFO(name);
    const auto q = run(kBin + " query " + events + " relations '" + name + "' --json 2>&1");
    REQUIRE(q.status == 0);
    CHECK(q.out.find("\"id\": \"person/viktor-orban\"") != std::string::npos);
    const auto x = run(kBin + " export " + events + " -o - --format tsv --actor '" + name + "' 2>&1");
    INFO(x.out);
    REQUIRE(x.status == 0);
    CHECK(x.out.find("Viktor Orbán") != std::string::npos);
  }
}

TEST_CASE("query and export read a graph file by its content, not its name", "[cli][resolve]") {
  TempDir dir;
  const std::string events = events_file(dir);
  const std::string renamed = write_file(dir / "events.txt", read_file(events));
  const auto x = run(kBin + " export " + renamed + " -o - --format tsv --actor 'VIKTOR ORBÁN' 2>&1");
  INFO(x.out);
  CHECK(x.status == 0);
  const auto q = run(kBin + " query " + renamed + " relations 'VIKTOR ORBÁN' 2>&1");
  CHECK(q.status == 0);
}

TEST_CASE("an unknown --actor is named in the error", "[cli][resolve]") {
  TempDir dir;
  const auto x = run(kBin + " export " + events_file(dir) + " -o - --format tsv --actor Atlantis 2>&1");
  CHECK(x.status != 0);
  CHECK(x.out.find("\"Atlantis\": no such actor in the graph or the dictionary") != std::string::npos);
}
