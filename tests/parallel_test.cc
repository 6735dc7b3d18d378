// Parallel and scaled-out runs of the actorgraph binary give the same bytes
// as one thread: `extract --jobs N`, `build --jobs N`, four `extract`
// processes over shards merged with `merge`, and `build --update`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "support.h"

namespace fs = std::filesystem;
using test_support::read_file;
using test_support::run;

namespace {

const std::string kBin = ACTORGRAPH_BINARY;
const std::string kExamples = std::string(ACTORGRAPH_SOURCE_DIR) + "/examples/news";

/// The corpora to compare on: examples/news always, the shared corpus when
/// this checkout has ../shared (else a message says why it is left out).
std::vector<std::string> corpora() {
  std::vector<std::string> c{kExamples};
  const std::string shared = test_support::shared_dir();
  if (shared.empty()) {
    WARN("../shared/corpus not found: the shared corpus is left out, examples/news only");
  } else {
    c.push_back(shared + "/corpus/dev.jsonl");
    c.push_back(shared + "/corpus/dev.jsonl " + shared + "/corpus/reportedly.jsonl");
  }
  return c;
}

/// JSON Lines documents, for the shard tests: the shared dev set when
/// present, else examples/news converted to one document a line.
std::string jsonl_corpus(const test_support::TempDir& tmp) {
  const std::string shared = test_support::shared_dir();
  if (!shared.empty()) return shared + "/corpus/dev.jsonl";
  WARN("../shared/corpus not found: sharding examples/news only");
  const std::string out = tmp / "news.jsonl";
  std::ofstream o(out);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(kExamples)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string text = read_file(f.string()), esc;
    for (char ch : text) {
      if (ch == '"' || ch == '\\') esc += '\\', esc += ch;
      else if (ch == '\n') esc += "\\n";
      else if (ch == '\t') esc += "\\t";
      else if (ch == '\r') esc += "\\r";
      else esc += ch;
    }
    o << "{\"id\": \"" << f.stem().string() << "\", \"text\": \"" << esc << "\"}\n";
  }
  return out;
}

}  // namespace

TEST_CASE("extract prints the same events for any --jobs", "[parallel][cli]") {
  for (const auto& inputs : corpora()) {
    INFO(inputs);
    const auto one = run(kBin + " extract -q --jobs 1 " + inputs);
    REQUIRE(one.status == 0);
    REQUIRE(!one.out.empty());
    for (const char* jobs : {"2", "3"}) {
      INFO("--jobs " << jobs);
      const auto many = run(kBin + " extract -q --jobs " + jobs + " " + inputs);
      REQUIRE(many.status == 0);
      CHECK(many.out == one.out);
    }
  }
}

TEST_CASE("build writes the same JSON-LD for any --jobs", "[parallel][cli]") {
  test_support::TempDir tmp;
  for (const auto& inputs : corpora()) {
    INFO(inputs);
    REQUIRE(run(kBin + " build -q --jobs 1 " + inputs + " -o " + (tmp / "one.jsonld") + " >/dev/null").status == 0);
    REQUIRE(run(kBin + " build -q --jobs 3 " + inputs + " -o " + (tmp / "three.jsonld") + " >/dev/null").status == 0);
    const std::string one = read_file(tmp / "one.jsonld");
    REQUIRE(one.size() > 100);
    CHECK(read_file(tmp / "three.jsonld") == one);
  }
}

TEST_CASE("option --jobs rejects 0 as a usage error", "[parallel][cli]") {
  CHECK(run(kBin + " extract --jobs 0 " + kExamples + " >/dev/null 2>&1").status == 2);
}

// The "Scale out" recipe of docs/performance.md, run locally: split the JSON
// Lines into 4 shards (named .jsonl: the reader goes by the extension),
// extract each in its own process, merge the events.
TEST_CASE("four extract processes over shards, merged, equal one build", "[parallel][cli]") {
  test_support::TempDir tmp;
  const std::string corpus = jsonl_corpus(tmp);
  INFO(corpus);
  const std::string script =
      "cd " + tmp.path.string() + " && split -n l/4 -d --additional-suffix=.jsonl '" + corpus + "' shard. && " +
      "for s in shard.0*.jsonl; do '" + kBin + "' extract -q --jobs 1 \"$s\" > \"${s%.jsonl}.events\" & done; " +
      "wait && " +
      "'" + kBin + "' merge -q shard.0*.events -o merged.jsonld > /dev/null && " +
      "'" + kBin + "' build -q '" + corpus + "' -o built.jsonld > /dev/null && ls shard.0*.events | wc -l";
  const auto r = run(script);
  REQUIRE(r.status == 0);
  CHECK(r.out == "4\n");
  const std::string built = read_file(tmp / "built.jsonld");
  REQUIRE(built.size() > 100);
  CHECK(read_file(tmp / "merged.jsonld") == built);
}

TEST_CASE("build --update adds new documents once", "[parallel][cli]") {
  test_support::TempDir tmp;
  const std::string corpus = jsonl_corpus(tmp);
  INFO(corpus);
  REQUIRE(run("split -n l/2 -d --additional-suffix=.jsonl '" + corpus + "' " + (tmp / "half.")).status == 0);
  const std::string first = tmp / "half.00.jsonl", second = tmp / "half.01.jsonl";
  REQUIRE(run(kBin + " build -q '" + corpus + "' -o " + (tmp / "all.jsonld") + " >/dev/null").status == 0);
  REQUIRE(run(kBin + " build -q " + first + " -o " + (tmp / "graph.jsonld") + " >/dev/null").status == 0);
  const std::string all = read_file(tmp / "all.jsonld");
  REQUIRE(read_file(tmp / "graph.jsonld") != all);

  // The new half, written back in place: the graph of the whole corpus.
  REQUIRE(run(kBin + " build -q --update " + (tmp / "graph.jsonld") + " " + second + " >/dev/null").status == 0);
  CHECK(read_file(tmp / "graph.jsonld") == all);

  // Both halves again: every document is already merged, nothing changes.
  const auto again = run(kBin + " build --update " + (tmp / "graph.jsonld") + " " + first + " " + second +
                         " -o " + (tmp / "again.jsonld") + " 2>&1 >/dev/null");
  REQUIRE(again.status == 0);
  CHECK(again.out.find("skipped (already merged)") != std::string::npos);
  CHECK(read_file(tmp / "again.jsonld") == all);
}

TEST_CASE("build needs -o or --update", "[parallel][cli]") {
  const auto r = run(kBin + " build " + kExamples + " 2>&1");
  CHECK(r.status == 2);
  CHECK(r.out.find("--output") != std::string::npos);
}
