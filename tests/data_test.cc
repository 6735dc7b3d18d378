// The bundled knowledge base against outside references: the states against
// the installed ISO 3166-1 table and the UN membership, the evaluation's gold
// names against the resolver, and the internal references of the actor files.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>
#include <rapidjson/istreamwrapper.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "actorgraph/extract/actors.h"
#include "actorgraph/extract/text.h"
#include "actorgraph/graph/evaluation.h"
#include "support.h"

namespace fs = std::filesystem;
using actorgraph::extract::ActorDictionary;

namespace {

const std::string kData = std::string(ACTORGRAPH_SOURCE_DIR) + "/data/";
const char* const kIsoCodes = "/usr/share/iso-codes/json/iso_3166-1.json";

// The 193 member states of the United Nations (un.org/en/about-us/member-states),
// by ISO 3166-1 alpha-3 code. Written out here, independently of
// data/state-names.tsv, so that a wrong status= there is caught.
const std::set<std::string> kUnMembers = {
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB",
    "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "CPV", "KHM",
    "CMR", "CAN", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "CRI", "CIV", "HRV", "CUB", "CYP", "CZE",
    "PRK", "COD", "DNK", "DJI", "DMA", "DOM", "ECU", "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI",
    "FIN", "FRA", "GAB", "GMB", "GEO", "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND",
    "HUN", "ISL", "IND", "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR",
    "KWT", "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS", "MDV",
    "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MCO", "MNG", "MNE", "MAR", "MOZ", "MMR", "NAM", "NRU",
    "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "MKD", "NOR", "OMN", "PAK", "PLW", "PAN", "PNG", "PRY", "PER",
    "PHL", "POL", "PRT", "QAT", "KOR", "MDA", "ROU", "RUS", "RWA", "KNA", "LCA", "VCT", "WSM", "SMR", "STP",
    "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK", "SVN", "SLB", "SOM", "ZAF", "SSD", "ESP", "LKA", "SDN",
    "SUR", "SWE", "CHE", "SYR", "TJK", "THA", "TLS", "TGO", "TON", "TTO", "TUN", "TUR", "TKM", "TUV", "UGA",
    "UKR", "ARE", "GBR", "TZA", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB", "ZWE"};
// The two non-member observer states: the Holy See and the State of Palestine.
const std::set<std::string> kUnObservers = {"VAT", "PSE"};

// Gold names that are known not to be in the knowledge base, with why.
const std::set<std::string> kUnresolvableGold = {
    // Unknown people (the British ISIL members killed by a drone strike in
    // Syria, 2015): the extractor makes them `unknown` actors.
    "Reyaad Khan",
    "Ruhul Amin",
};

std::string join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
  return out;
}

ActorDictionary bundled_actors() {
  ActorDictionary d;
  for (const char* f : {"states.tsv", "igos.tsv", "groups.tsv", "people.tsv", "agents.tsv"}) d.load_file(kData + f);
  return d;
}

// Alpha-3 codes of the ids "state/XXX" defined in states.tsv.
std::set<std::string> state_codes() {
  std::set<std::string> out;
  std::ifstream in(kData + "states.tsv");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("state/", 0) == 0) out.insert(line.substr(6, line.find('\t') - 6));
  return out;
}

// Codes of state-names.tsv with the given status= (the generator's marker).
std::set<std::string> codes_with_status(const std::string& status) {
  std::set<std::string> out;
  std::ifstream in(kData + "state-names.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.find("\tstatus=" + status + "\t") != std::string::npos ||
        line.size() >= status.size() + 8 && line.compare(line.size() - status.size() - 8, std::string::npos,
                                                         "\tstatus=" + status) == 0)
      out.insert(line.substr(0, line.find('\t')));
  }
  return out;
}

}  // namespace

TEST_CASE("the states agree with ISO 3166-1 and the UN membership", "[data]") {
  REQUIRE(kUnMembers.size() == 193);
  std::ifstream in(kIsoCodes);
  if (!in) {
    WARN("skipped: " << kIsoCodes << " is absent (package iso-codes)");
    std::cout << "ISO 3166-1 test skipped: " << kIsoCodes << " is absent\n";
    return;
  }
  rapidjson::IStreamWrapper wrapped(in);
  rapidjson::Document iso;
  iso.ParseStream(wrapped);
  REQUIRE_FALSE(iso.HasParseError());
  REQUIRE(iso.HasMember("3166-1"));
  std::set<std::string> iso_codes;
  for (const auto& e : iso["3166-1"].GetArray())
    if (e.HasMember("alpha_3")) iso_codes.insert(e["alpha_3"].GetString());
  REQUIRE(iso_codes.size() > 240);

  const auto states = state_codes();
  std::set<std::string> not_iso, members_missing, observers_missing;
  for (const auto& c : states)
    if (!iso_codes.count(c) && c != "XKX") not_iso.insert(c);  // Kosovo: user-assigned, in no ISO table
  for (const auto& c : kUnMembers)
    if (!states.count(c)) members_missing.insert(c);
  for (const auto& c : kUnObservers)
    if (!states.count(c)) observers_missing.insert(c);
  INFO("states.tsv codes not in iso-codes: " << join(not_iso));
  CHECK(not_iso.empty());
  INFO("UN members missing from states.tsv: " << join(members_missing));
  CHECK(members_missing.empty());
  INFO("UN observers missing from states.tsv: " << join(observers_missing));
  CHECK(observers_missing.empty());
  for (const auto& c : kUnMembers) CHECK(iso_codes.count(c) == 1);

  // The generator's marker agrees with the membership list.
  CHECK(codes_with_status("un-member") == kUnMembers);
  CHECK(codes_with_status("un-observer") == kUnObservers);
  // Everything else in states.tsv is a territory.
  std::set<std::string> rest;
  for (const auto& c : states)
    if (!kUnMembers.count(c) && !kUnObservers.count(c)) rest.insert(c);
  CHECK(codes_with_status("territory") == rest);
}

TEST_CASE("every actor name of the dev gold resolves", "[data]") {
  const std::string shared = test_support::shared_dir_or_skip("gold names test");
  if (shared.empty()) return;
  const auto gold = actorgraph::graph::read_gold_file(shared + "/eval/gold-dev.jsonl");
  std::set<std::string> names;
  for (const auto& g : gold)
    for (const auto& r : g.relations) names.insert(r.source), names.insert(r.target);
  REQUIRE(names.size() > 50);
  const auto d = bundled_actors();
  std::set<std::string> unresolved, renamed, allowed_but_resolved;
  for (const auto& n : names) {
    const auto r = d.resolve(n);
    if (kUnresolvableGold.count(n)) {
      if (r) allowed_but_resolved.insert(n);
      continue;
    }
    if (!r) unresolved.insert(n);
    // A gold name is a canonical name: it resolves to the actor that bears it.
    else if (r->name != n) renamed.insert(n + " -> " + r->name);
  }
  INFO("unresolvable gold names: " << join(unresolved));
  CHECK(unresolved.empty());
  INFO("gold names resolving to an actor of another name: " << join(renamed));
  CHECK(renamed.empty());
  INFO("allow-listed names that now resolve (drop them from kUnresolvableGold): " << join(allowed_but_resolved));
  CHECK(allowed_but_resolved.empty());
}

TEST_CASE("role targets and countries of the bundled actors exist", "[data]") {
  const auto d = bundled_actors();
  std::set<std::string> bad;
  for (const auto& a : d.actors()) {
    if (!a.country.empty() && !d.find_id("state/" + a.country)) bad.insert(a.origin + ": country=" + a.country);
    for (const auto& r : a.roles)
      if (!d.find_id(r.target)) bad.insert(a.origin + ": role target " + r.target);
  }
  INFO(join(bad));
  CHECK(bad.empty());
}

TEST_CASE("the knowledge base loads fast", "[data][.bench]") {
  // Hidden (run with "[.bench]"): prints the figures of docs/knowledge-base.md.
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  const auto d = bundled_actors();
  const auto t1 = Clock::now();
  // Every span the extractor's alias scan asks about: from each word, up to
  // max_alias_tokens() tokens, keys joined as the extractor joins them.
  std::string text;
  const std::string shared = test_support::shared_dir();
  const fs::path source = shared.empty() ? fs::path(ACTORGRAPH_SOURCE_DIR) / "examples/news"
                                         : fs::path(shared) / "corpus/reportedly.jsonl";
  for (const auto& f : fs::is_directory(source) ? std::vector<fs::path>(fs::directory_iterator(source), {})
                                                : std::vector<fs::path>{source}) {
    std::ifstream in(f);
    text.append(std::istreambuf_iterator<char>(in), {});
  }
  std::vector<std::string> keys;
  for (const auto& sentence : actorgraph::extract::Tokenizer().split(text)) {
    const auto& tk = sentence.tokens;
    for (std::size_t i = 0; i < tk.size(); ++i) {
      if (!tk[i].word) continue;
      std::string k;
      for (std::size_t j = i + 1; j <= std::min(tk.size(), i + d.max_alias_tokens()); ++j) {
        if (j - 1 > i && tk[j - 1].begin > tk[j - 2].end) k += ' ';
        k += tk[j - 1].fold;
        keys.push_back(k);
      }
    }
  }
  std::size_t hits = 0;
  const int kRounds = 5;
  const auto t2 = Clock::now();
  for (int round = 0; round < kRounds; ++round)
    for (const auto& k : keys) hits += d.find_alias(k).empty() ? 0 : 1;
  const auto t3 = Clock::now();
  const double load_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  const double ns = std::chrono::duration<double, std::nano>(t3 - t2).count() / (kRounds * keys.size());
  std::cout << "knowledge base: " << d.size() << " actors loaded in " << load_ms << " ms; find_alias " << ns
            << " ns per span key (" << keys.size() << " keys of " << source.filename().string() << ", "
            << hits / kRounds << " hits)\n";
  CHECK(load_ms < 300);
}
