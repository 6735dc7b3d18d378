// The golden test: the whole pipeline on examples/news against the reviewed
// relations in examples/expected, scored as the evaluation scores. The floor
// is what the extractor reached when the expected files were reviewed; a
// change that lowers it fails here and shows the misses.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "actorgraph/extract/document.h"
#include "actorgraph/graph/evaluation.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace actorgraph;

namespace {

// Measured when this floor was set (see README, "Scores"); raise it as the extractor improves.
constexpr double kMinPrecision = 0.85;
constexpr double kMinRecall = 0.50;

// Reads one expected file (source, relation, target, negated, modality[, doc first]).
void read_expected(const fs::path& path, const std::string& doc_id,
                   std::map<std::string, graph::GoldDocument>& gold) {
  std::ifstream in(path);
  REQUIRE(in);
  std::string line;
  std::getline(in, line);  // header
  const bool has_doc = line.rfind("doc\t", 0) == 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::string cur;
    for (char c : line) {
      if (c == '\t') f.push_back(cur), cur.clear();
      else cur += c;
    }
    f.push_back(cur);
    const std::size_t o = has_doc ? 1 : 0;
    REQUIRE(f.size() >= 4 + o);
    const std::string id = has_doc ? f[0] : doc_id;
    gold[id].id = id;
    gold[id].relations.push_back({f[o], f[o + 1], f[o + 2], f[o + 3] == "true", f.size() > 4 + o ? f[o + 4] : "asserted"});
  }
}

}  // namespace

TEST_CASE("the examples give their reviewed relations", "[golden]") {
  const fs::path examples = fs::path(ACTORGRAPH_SOURCE_DIR) / "examples";
  std::map<std::string, graph::GoldDocument> gold;
  for (const auto& entry : fs::directory_iterator(examples / "expected")) {
    const std::string name = entry.path().filename().string();
    const std::string stem = name.substr(0, name.find(".expected.tsv"));
    read_expected(entry.path(), stem, gold);
  }
  REQUIRE(gold.size() >= 10);

  auto& p = test_support::bundled_pipeline();
  extract::DocumentReader reader({(examples / "news").string()});
  extract::Document doc;
  std::map<std::string, std::vector<extract::Event>> by_doc;
  std::size_t docs = 0;
  while (reader.next(doc)) {
    ++docs;
    for (auto& e : p.extractor->extract(doc)) by_doc[e.doc].push_back(e);
  }
  CHECK(docs == gold.size());

  std::vector<graph::GoldDocument> golds;
  for (auto& [id, g] : gold) golds.push_back(g);
  const auto ev = graph::evaluate(golds, by_doc, [&](const std::string& n) -> std::optional<std::string> {
    if (auto r = p.actors.resolve(n)) return r->id;
    return std::nullopt;
  });
  std::string report;
  for (const auto& [d, s, r, t, n] : ev.missed) report += "MISS " + d + " " + s + " " + r + " " + t + (n ? " negated" : "") + "\n";
  for (const auto& [d, s, r, t, n] : ev.spurious) report += "SPURIOUS " + d + " " + s + " " + r + " " + t + (n ? " negated" : "") + "\n";
  INFO(report);
  std::cout << "examples: strict P " << ev.strict.precision() << " R " << ev.strict.recall() << " F1 "
            << ev.strict.f1() << "\n";
  CHECK(ev.unresolved.empty());
  CHECK(ev.strict.precision() >= kMinPrecision);
  CHECK(ev.strict.recall() >= kMinRecall);
}
