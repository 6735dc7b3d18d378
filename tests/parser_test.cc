// What the parser is shown: words_worth_parsing leaves out the pieces of a
// sentence without actors or triggers, and parse(words, keep) reports the
// links of the shorter sentence in the indices of the whole one.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "actorgraph/extract/parser.h"

using namespace actorgraph::extract;

namespace {

std::vector<std::string> split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The words kept, joined by spaces; anchors are the words given.
std::string kept(const std::string& sentence, const std::vector<std::string>& anchor_words) {
  const auto words = split(sentence);
  std::vector<bool> anchors(words.size(), false);
  for (std::size_t i = 0; i < words.size(); ++i)
    for (const auto& a : anchor_words) anchors[i] = anchors[i] || words[i] == a;
  const auto keep = words_worth_parsing(words, anchors);
  REQUIRE(keep.size() == words.size());
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (keep[i]) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

}  // namespace

TEST_CASE("asides without actors or triggers are not parsed", "[extract][parser]") {
  const std::vector<std::string> a = {"Russia", "vetoed", "Assad", "backed", "draft"};
  // Leading and trailing pieces.
  CHECK(kept("On Wednesday , Russia vetoed the draft .", a) == "Russia vetoed the draft .");
  CHECK(kept("Russia vetoed the draft , saying it was unbalanced .", a) == "Russia vetoed the draft .");
  CHECK(kept("Meanwhile , in New_York , Russia vetoed the draft .", a) == "Russia vetoed the draft .");
  // Brackets and dashes.
  CHECK(kept("Russia ( 15 : 20 UTC ) vetoed the draft .", a) == "Russia vetoed the draft .");
  CHECK(kept("Russia -- as expected -- vetoed the draft .", a) == "Russia vetoed the draft .");
  // An inner relative clause or apposition goes with both its commas.
  CHECK(kept("Russia , which has a naval base there , vetoed the draft .", a) == "Russia vetoed the draft .");
  CHECK(kept("Russia , a permanent member , vetoed the draft .", a) == "Russia vetoed the draft .");
  // A clause after a semicolon.
  CHECK(kept("Russia vetoed the draft ; the vote was close , observers said .", a) == "Russia vetoed the draft .");
}

TEST_CASE("pieces with an anchor, a quotation mark or no clear role stay", "[extract][parser]") {
  const std::vector<std::string> a = {"Russia", "vetoed", "Assad", "backed", "draft"};
  CHECK(kept("Russia , which has long backed Assad , vetoed the draft .", a) ==
        "Russia , which has long backed Assad , vetoed the draft .");
  CHECK(kept("\" We are ready , \" Russia vetoed the draft .", a) == "\" We are ready , \" Russia vetoed the draft .");
  // An inner piece that does not open an aside may be part of a list.
  CHECK(kept("Russia vetoed the draft , big , bold and late .", a) == "Russia vetoed the draft .");
  CHECK(kept("Russia , big , strong and old , vetoed the draft .", a) ==
        "Russia , big , strong and old , vetoed the draft .");
  // Nothing to leave out.
  CHECK(kept("Russia vetoed the draft .", a) == "Russia vetoed the draft .");
  CHECK(kept("", a).empty());
}

TEST_CASE("a parse of the kept words is reported in the indices of all words", "[extract][parser]") {
  static const LinkParser parser;
  const auto words = split("On Wednesday , Russia vetoed the draft .");
  std::vector<bool> keep(words.size(), true);
  keep[0] = keep[1] = keep[2] = false;
  const SyntaxParse p = parser.parse(words, keep);
  REQUIRE(p.ok);
  REQUIRE(p.links_of.size() == words.size());
  REQUIRE(p.tags.size() == words.size());
  for (int w : {0, 1, 2}) {
    CHECK(p.links_of[w].empty());
    CHECK(p.tags[w].empty());
  }
  bool subject = false;  // Russia (3) is the subject of vetoed (4)
  for (const auto& l : p.links) {
    CHECK(l.left >= 3);
    CHECK(l.right >= 3);
    subject = subject || (l.label[0] == 'S' && l.left == 3 && l.right == 4);
  }
  CHECK(subject);
  CHECK(p.tags[4].rfind("v", 0) == 0);
}
