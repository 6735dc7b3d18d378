// What the parser is shown: words_worth_parsing leaves out the pieces of a
// sentence without actors or triggers, parse_pieces cuts a long one into
// clauses, and parse(words, pieces) reports the links of the pieces in the
// indices of the whole sentence.
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

// anchors[i]: words[i] is one of `anchor_words`.
std::vector<bool> anchors_of(const std::vector<std::string>& words, const std::vector<std::string>& anchor_words) {
  std::vector<bool> anchors(words.size(), false);
  for (std::size_t i = 0; i < words.size(); ++i)
    for (const auto& a : anchor_words) anchors[i] = anchors[i] || words[i] == a;
  return anchors;
}

// The words kept, joined by spaces; anchors are the words given.
std::string kept(const std::string& sentence, const std::vector<std::string>& anchor_words) {
  const auto words = split(sentence);
  const auto keep = words_worth_parsing(words, anchors_of(words, anchor_words));
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

namespace {

// The pieces as text, one string per piece.
std::vector<std::string> pieces(const std::string& sentence, const std::vector<std::string>& anchor_words) {
  const auto words = split(sentence);
  std::vector<std::string> out;
  for (const auto& piece : parse_pieces(words, anchors_of(words, anchor_words))) {
    std::string text;
    for (std::size_t i : piece) text += (text.empty() ? "" : " ") + words.at(i);
    out.push_back(text);
  }
  return out;
}

}  // namespace

TEST_CASE("a long sentence is parsed clause by clause, a short one whole", "[extract][parser]") {
  const std::vector<std::string> a = {"Russia", "vetoed", "China", "Syria", "backed", "abstained", "Assad"};
  using V = std::vector<std::string>;
  CHECK(pieces("On Monday , Russia vetoed the draft .", a) == V{"Russia vetoed the draft ."});
  // Over kClauseWords words: cut before ", while" and at ";".
  CHECK(pieces("Russia vetoed the draft on the situation in the country , while China abstained in the vote "
               "that followed a long debate .",
               a) == V{"Russia vetoed the draft on the situation in the country",
                       "while China abstained in the vote that followed a long debate ."});
  CHECK(pieces("Russia vetoed the draft resolution on Syria yesterday ; China abstained from the vote on it after "
               "talks .",
               a) == V{"Russia vetoed the draft resolution on Syria yesterday",
                       "China abstained from the vote on it after talks ."});
  // Before a participle, and at a colon.
  CHECK(pieces("Russia vetoed the draft resolution on Syria in New_York , saying that China backed Assad in the "
               "war .",
               a) == V{"Russia vetoed the draft resolution on Syria in New_York",
                       "saying that China backed Assad in the war ."});
  CHECK(pieces("Russia vetoed the draft resolution on Syria in New_York : China backed Assad in the long war .", a) ==
        V{"Russia vetoed the draft resolution on Syria in New_York", "China backed Assad in the long war ."});
  // A clause without an actor or trigger is not parsed at all.
  CHECK(pieces("Russia vetoed the draft on Syria , and the diplomats went home early ; China abstained in the "
               "vote .",
               a) == V{"Russia vetoed the draft on Syria", "China abstained in the vote ."});
  // No cut that would leave a clause under four words.
  CHECK(pieces("Russia , and China , backed Assad in the long war that has killed many people across the "
               "whole country .",
               a).size() == 1);
}

TEST_CASE("a parse of the pieces is reported in the indices of all words", "[extract][parser]") {
  static const LinkParser parser;
  const auto words = split("On Wednesday , Russia vetoed the draft . China abstained in the vote");
  // Two pieces: "Russia vetoed the draft ." and "China abstained in the vote" (a "." is added).
  const std::vector<std::vector<std::size_t>> parts = {{3, 4, 5, 6, 7}, {8, 9, 10, 11, 12}};
  const SyntaxParse p = parser.parse(words, parts);
  REQUIRE(p.ok);
  REQUIRE(p.links_of.size() == words.size());
  REQUIRE(p.tags.size() == words.size());
  for (int w : {0, 1, 2}) {
    CHECK(p.links_of[w].empty());
    CHECK(p.tags[w].empty());
  }
  bool russia = false, china = false;
  for (const auto& l : p.links) {
    CHECK(l.left >= 3);
    CHECK(l.right >= 3);
    CHECK(static_cast<std::size_t>(l.right) < words.size());
    // No link crosses from one piece to the other.
    CHECK((l.left <= 7) == (l.right <= 7));
    russia = russia || (l.label[0] == 'S' && l.left == 3 && l.right == 4);
    china = china || (l.label[0] == 'S' && l.left == 8 && l.right == 9);
  }
  CHECK(russia);
  CHECK(china);
  CHECK(p.tags[4].rfind("v", 0) == 0);
  CHECK(p.tags[9].rfind("v", 0) == 0);
}
