// The snapshot test: the events `extract` gives on examples/news and on every
// corpus of ../shared/corpus, compared byte for byte with the reference files
// in tests/snapshots/ (golden files, as MITIE's tests keep them). A change
// that is meant to change the output regenerates them with
// scripts/update-snapshots, which also counts the events that came and went,
// and commits them with the change.
//
// The shared corpora are not ours to copy: their references keep every field
// of every event except the evidence sentence, which is replaced by its
// FNV-1a digest ("fnv1a64:..."), so a changed sentence still shows.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "actorgraph/extract/document.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace actorgraph;

namespace {

std::string fnv1a64(const std::string& s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string("fnv1a64:") + buf;
}

// The events of every document of `input`, one JSON line each, in document order.
std::string events_of(const std::string& input, bool digest_sentences) {
  auto& p = test_support::bundled_pipeline();
  extract::DocumentReader reader({input});
  extract::Document doc;
  std::string out;
  while (reader.next(doc))
    for (auto e : p.extractor->extract(doc)) {
      if (digest_sentences) e.evidence.sentence = fnv1a64(e.evidence.sentence);
      out += extract::to_json_line(e) + "\n";
    }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Compares with the reference, or rewrites it under ACTORGRAPH_UPDATE_SNAPSHOTS=1.
void check_snapshot(const std::string& name, const std::string& actual) {
  const fs::path ref = fs::path(ACTORGRAPH_SOURCE_DIR) / "tests" / "snapshots" / (name + ".events.jsonl");
  if (const char* u = std::getenv("ACTORGRAPH_UPDATE_SNAPSHOTS"); u && std::string(u) == "1") {
    std::ofstream(ref, std::ios::binary) << actual;
    WARN("rewrote " << ref.string());
    return;
  }
  std::ifstream in(ref, std::ios::binary);
  INFO("reference " << ref.string() << " (scripts/update-snapshots writes it)");
  REQUIRE(in);
  std::stringstream expected;
  expected << in.rdbuf();
  if (expected.str() == actual) {
    SUCCEED(name << ": " << lines_of(actual).size() << " events as in the reference");
    return;
  }
  // Name what came and went, so that the failure says what changed.
  const auto want = lines_of(expected.str()), got = lines_of(actual);
  std::multiset<std::string> w(want.begin(), want.end()), g(got.begin(), got.end());
  std::string report;
  std::size_t gone = 0, came = 0;
  for (const auto& l : want)
    if (auto it = g.find(l); it != g.end()) g.erase(it);
    else if (++gone <= 10) report += "- " + l + "\n";
  for (const auto& l : got)
    if (auto it = w.find(l); it != w.end()) w.erase(it);
    else if (++came <= 10) report += "+ " + l + "\n";
  INFO(name << ": " << gone << " events gone, " << came << " came (first ten of each):\n" << report);
  CHECK(expected.str() == actual);
}

}  // namespace

TEST_CASE("extract gives the reference events on the examples", "[snapshot]") {
  check_snapshot("examples", events_of((fs::path(ACTORGRAPH_SOURCE_DIR) / "examples" / "news").string(), false));
}

TEST_CASE("extract gives the reference events on the shared corpora", "[snapshot]") {
  const std::string shared = test_support::shared_dir();
  if (shared.empty()) {
    std::cout << "skipped: no ../shared/corpus beside the repository\n";
    return;
  }
  for (const char* corpus : {"seed", "dev", "reportedly"}) {
    const fs::path path = fs::path(shared) / "corpus" / (std::string(corpus) + ".jsonl");
    if (!fs::exists(path)) {
      std::cout << "skipped: " << path.string() << " is absent\n";
      continue;
    }
    check_snapshot(corpus, events_of(path.string(), true));
  }
}
