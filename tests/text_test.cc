// Tokenizer, sentence splitter, fold() and the UTF-8 helpers.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/text.h"

using actorgraph::extract::Abbreviations;
using actorgraph::extract::codepoint_offset;
using actorgraph::extract::fold;
using actorgraph::extract::repair_utf8;
using actorgraph::extract::Sentence;
using actorgraph::extract::Token;
using actorgraph::extract::Tokenizer;

namespace {

Abbreviations test_abbreviations() {
  std::istringstream in(
      "# test list\n"
      "Mr.\nJan.\nU.S.\nU.N.\nNo.\n"
      "  etc.   # lower case: any casing\n"
      "\n");
  return Abbreviations::load(in, "test-abbreviations");
}

const Tokenizer& tokenizer() {
  static const Tokenizer instance(test_abbreviations());
  return instance;
}

std::vector<std::string> token_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : tokenizer().split(text))
    for (const Token& t : s.tokens) out.push_back(t.text);
  return out;
}

std::vector<std::string> sentence_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : tokenizer().split(text))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("tokens carry byte offsets into the text", "[extract][text]") {
  const std::string text = "  “Orbán’s” men—5,000 of them…\n\tsaid (3.5%) Mr. Ä.";
  for (const Sentence& s : tokenizer().split(text)) {
    CHECK(s.begin == s.tokens.front().begin);
    CHECK(s.end == s.tokens.back().end);
    for (const Token& t : s.tokens) {
      CHECK(text.substr(t.begin, t.end - t.begin) == t.text);
      CHECK(t.fold == fold(t.text));
    }
  }
  CHECK(token_texts(text) == Strings{"“", "Orbán", "’s", "”", "men", "—", "5,000", "of", "them",
                                     "…", "said", "(", "3.5", "%", ")", "Mr.", "Ä."});
}

TEST_CASE("words keep internal hyphens and apostrophes", "[extract][text]") {
  CHECK(token_texts("Moscow-mediated talks with al-Assad and O'Brien, don't.") ==
        Strings{"Moscow-mediated", "talks", "with", "al-Assad", "and", "O'Brien", ",", "don't", "."});
  CHECK(token_texts("a -- b - c-") == Strings{"a", "--", "b", "-", "c", "-"});
}

TEST_CASE("the possessive 's is a token of its own", "[extract][text]") {
  CHECK(token_texts("Russia's offer") == Strings{"Russia", "'s", "offer"});
  const auto curly = token_texts("Russia’s offer, the U.N.'s chief");
  CHECK(curly == Strings{"Russia", "’s", "offer", ",", "the", "U.N.", "'s", "chief"});
  const Token s = tokenizer().split("Russia’s")[0].tokens[1];
  CHECK(s.fold == "'s");
  CHECK(s.word);
  // A plural possessive apostrophe and a quoted 's' are punctuation.
  CHECK(token_texts("parents' demands") == Strings{"parents", "'", "demands"});
  CHECK(token_texts("O'Sullivan") == Strings{"O'Sullivan"});
}

TEST_CASE("numbers keep their separators", "[extract][text]") {
  CHECK(token_texts("killed 5,000 people, 3.5 percent, in 2015.") ==
        Strings{"killed", "5,000", "people", ",", "3.5", "percent", ",", "in", "2015", "."});
}

TEST_CASE("punctuation marks are single tokens", "[extract][text]") {
  CHECK(token_texts("\"a\" “b” ‘c’ [d] (e) f… g...") ==
        Strings{"\"", "a", "\"", "“", "b", "”", "‘", "c", "’", "[", "d", "]", "(", "e", ")", "f",
                "…", "g", "..."});
}

TEST_CASE("token flags", "[extract][text]") {
  const auto tokens = tokenizer().split("Édouard met 5 ÜN, etc.")[0].tokens;
  REQUIRE(tokens.size() == 6);
  CHECK(tokens[0].capitalized);
  CHECK(tokens[0].word);
  CHECK(tokens[0].fold == "édouard");
  CHECK_FALSE(tokens[1].capitalized);
  CHECK_FALSE(tokens[2].capitalized);
  CHECK(tokens[2].word);
  CHECK(tokens[3].capitalized);
  CHECK_FALSE(tokens[4].word);
  CHECK(tokens[5].text == "etc.");
  CHECK(tokens[5].word);
}

TEST_CASE("abbreviations and initials keep their periods", "[extract][text]") {
  CHECK(token_texts("Mr. Putin") == Strings{"Mr.", "Putin"});
  CHECK(token_texts("Aksel V. Johannesen") == Strings{"Aksel", "V.", "Johannesen"});
  CHECK(token_texts("the F.B.I. and a.m.") == Strings{"the", "F.B.I.", "and", "a.m."});
  // Lower-case entries match any case; capitalised ones only exactly.
  CHECK(token_texts("Etc.") == Strings{"Etc."});
  CHECK(token_texts("said no.") == Strings{"said", "no", "."});
  CHECK(token_texts("reported.ly") == Strings{"reported", ".", "ly"});
}

TEST_CASE("abbreviations do not end sentences", "[extract][text]") {
  CHECK(sentence_texts("Mr. Putin met U.S. envoys on Jan. 16 in Moscow. No. 5 was there.") ==
        Strings{"Mr. Putin met U.S. envoys on Jan. 16 in Moscow.", "No. 5 was there."});
  CHECK(sentence_texts("Aksel V. Johannesen spoke.") == Strings{"Aksel V. Johannesen spoke."});
  // ... unless a typical sentence starter follows.
  CHECK(sentence_texts("They met in the U.S. The next day they left.") ==
        Strings{"They met in the U.S.", "The next day they left."});
  CHECK(sentence_texts("They met the U.S. Secretary of State.") ==
        Strings{"They met the U.S. Secretary of State."});
}

TEST_CASE("sentence ends at terminal punctuation before a capital", "[extract][text]") {
  CHECK(sentence_texts("Syria agreed. Russia said so! Why? 10 died. \"We hope.\" (Photo.) Next.") ==
        Strings{"Syria agreed.", "Russia said so!", "Why?", "10 died.", "\"We hope.\"", "(Photo.)",
                "Next."});
  CHECK(sentence_texts("\"Why?\" he asked. It was 3.5 m. or so.") ==
        Strings{"\"Why?\" he asked.", "It was 3.5 m. or so."});
  CHECK(sentence_texts("a line\nbreak. A new one") == Strings{"a line\nbreak.", "A new one"});
}

TEST_CASE("quotes close the sentence they end", "[extract][text]") {
  CHECK(sentence_texts("He said: “It is over.” Russia disagreed.") ==
        Strings{"He said: “It is over.”", "Russia disagreed."});
  CHECK(sentence_texts("\"It is over,\" he said. \"We hope … that they agree.\" Then silence.") ==
        Strings{"\"It is over,\" he said.", "\"We hope … that they agree.\"", "Then silence."});
  CHECK(sentence_texts("He paused… Then he left.") == Strings{"He paused…", "Then he left."});
}

TEST_CASE("blank lines end sentences and start paragraphs", "[extract][text]") {
  const std::string text = "Support The Times!\n\nRead more\n\nRussia said X.";
  const auto sentences = tokenizer().split(text);
  REQUIRE(sentences.size() == 3);
  CHECK(sentence_texts(text) == Strings{"Support The Times!", "Read more", "Russia said X."});
  for (const Sentence& s : sentences) CHECK(s.paragraph_start);

  const auto two = tokenizer().split("Contribute Today\n \r\n\tSyria agreed. It said so.\nThen more");
  REQUIRE(two.size() == 4);
  CHECK(two[0].paragraph_start);
  CHECK(two[1].paragraph_start);
  CHECK_FALSE(two[2].paragraph_start);
  CHECK_FALSE(two[3].paragraph_start);
  CHECK(sentence_texts("Headline without stop\nbody text continues") ==
        Strings{"Headline without stop\nbody text continues"});
}

TEST_CASE("datelines stay in the first sentence", "[extract][text]") {
  CHECK(sentence_texts("MOSCOW, Jan. 16 (Reuters) - Syria agreed to talks. Russia said so.") ==
        Strings{"MOSCOW, Jan. 16 (Reuters) - Syria agreed to talks.", "Russia said so."});
  CHECK(sentence_texts("BEIRUT (AP) — Syria agreed.") == Strings{"BEIRUT (AP) — Syria agreed."});
}

TEST_CASE("empty and blank text have no sentences", "[extract][text]") {
  CHECK(tokenizer().split("").empty());
  CHECK(tokenizer().split(" \n\n\t ").empty());
  // Without a list only dotted acronyms and initials keep their periods.
  CHECK(Tokenizer().split("The U.S. envoy V. Smith met Mr. Jones.").size() == 2);
}

TEST_CASE("invalid UTF-8 never throws and stays inside words", "[extract][text]") {
  const std::string bad = "Ab\xff" "cd \xe2\x82 x \xc0\xaf. \xed\xa0\x80 Z\xf4\x90\x80\x80.";
  std::vector<Sentence> sentences;
  REQUIRE_NOTHROW(sentences = tokenizer().split(bad));
  REQUIRE(!sentences.empty());
  CHECK(sentences[0].tokens[0].text == "Ab\xff" "cd");
  CHECK(sentences[0].tokens[0].word);

  // Random bytes, biased towards UTF-8 lead and continuation bytes.
  std::mt19937 rng(12345);
  const std::string alphabet = "aZ .,'-\n\"\xe2\x80\x99\x9d\xc3\xa1\xff\xf0\x9f\xed";
  for (int round = 0; round < 2000; ++round) {
    std::string s(static_cast<std::size_t>(rng() % 40), ' ');
    for (char& c : s)
      c = rng() % 3 == 0 ? static_cast<char>(rng() & 0xFF) : alphabet[rng() % alphabet.size()];
    std::vector<Sentence> out;
    REQUIRE_NOTHROW(out = tokenizer().split(s));
    std::size_t last = 0;
    for (const Sentence& sentence : out) {
      for (const Token& t : sentence.tokens) {
        REQUIRE(t.begin >= last);
        REQUIRE(t.end > t.begin);
        REQUIRE(t.end <= s.size());
        REQUIRE(s.substr(t.begin, t.end - t.begin) == t.text);
        last = t.end;
      }
    }
  }
}

TEST_CASE("fold normalises for comparison", "[extract][text]") {
  CHECK(fold("Orbán") == "orbán");
  CHECK(fold("Russia’s") == "russia's");
  CHECK(fold("ＵＮ") == "un");
  CHECK(fold("“Free Syrian Army”") == "\"free syrian army\"");
  CHECK(fold("Grabar–Kitarović — Croatia") == "grabar-kitarović - croatia");
  CHECK(fold("  Bashar \n\t al-Assad  ") == "bashar al-assad");
  CHECK(fold("STRASSE Straße") == "strasse strasse");
  CHECK(fold("Mos\u00ADcow\u00A0Times") == "moscow times");
  CHECK(fold("") == "");
  CHECK(fold("U.S.") == "u.s.");
}

TEST_CASE("repair_utf8 replaces maximal invalid subparts", "[extract][text]") {
  std::string valid = "Orbán “ok” \xf0\x9f\x98\x80";
  const std::string copy = valid;
  CHECK(repair_utf8(valid) == 0);
  CHECK(valid == copy);

  std::string stray = "a\xff" "b\x80";
  CHECK(repair_utf8(stray) == 2);
  CHECK(stray == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");

  std::string truncated = "x\xe2\x82y\xf0\x9f\x98";
  CHECK(repair_utf8(truncated) == 2);
  CHECK(truncated == "x\xEF\xBF\xBDy\xEF\xBF\xBD");

  std::string overlong = "\xc0\xaf";  // two stray bytes
  CHECK(repair_utf8(overlong) == 2);
  std::string surrogate = "\xed\xa0\x80";  // ED cannot start a surrogate
  CHECK(repair_utf8(surrogate) == 3);
  std::string too_big = "\xf4\x90\x80\x80";
  CHECK(repair_utf8(too_big) == 4);
}

TEST_CASE("codepoint_offset counts code points", "[extract][text]") {
  const std::string text = "Orbán’s x";
  CHECK(codepoint_offset(text, 0) == 0);
  CHECK(codepoint_offset(text, 3) == 3);
  CHECK(codepoint_offset(text, 6) == 5);          // after "Orbán"
  CHECK(codepoint_offset(text, text.size()) == 9);
  CHECK(codepoint_offset(text, 1000) == 9);
}

TEST_CASE("abbreviation lists are read from data", "[extract][text]") {
  const Abbreviations a = test_abbreviations();
  CHECK(a.size() == 6);
  CHECK(a.contains("Mr."));
  CHECK_FALSE(a.contains("MR."));
  CHECK_FALSE(a.contains("no."));
  CHECK(a.contains("etc."));
  CHECK(a.contains("ETC."));
  CHECK_FALSE(a.contains("Mr"));

  std::istringstream spaced("Mr.\ne. g.\n");
  CHECK_THROWS_WITH(Abbreviations::load(spaced, "mine.txt"),
                    "mine.txt:2: expected one abbreviation without spaces, got 'e. g.'");
  std::istringstream no_period("# comment\nUS\n");
  CHECK_THROWS_WITH(Abbreviations::load(no_period, "mine.txt"),
                    "mine.txt:2: expected an abbreviation ending in '.', got 'US'");
  std::istringstream no_period_again("US\n");
  CHECK_THROWS_AS(Abbreviations::load(no_period_again, "x"), actorgraph::DictionaryError);

  CHECK_THROWS_WITH(Abbreviations::load_file("/nonexistent/abbreviations.txt"),
                    "/nonexistent/abbreviations.txt: cannot open: No such file or directory");
  CHECK_THROWS_AS(Abbreviations::load_file("/nonexistent/abbreviations.txt"), actorgraph::InputError);

  Abbreviations merged = a;
  std::istringstream more("Calif.\n");
  merged.merge(Abbreviations::load(more, "more"));
  CHECK(merged.contains("Calif."));
  CHECK(merged.contains("Mr."));
}

TEST_CASE("the bundled abbreviation list loads", "[extract][text]") {
  const Abbreviations a = Abbreviations::load_file(ACTORGRAPH_SOURCE_DIR "/data/abbreviations.txt");
  CHECK(a.size() >= 140);
  for (const char* s : {"Mr.", "Mrs.", "Dr.", "Gen.", "Jan.", "Sept.", "U.S.", "U.K.", "U.N.",
                        "Calif.", "Inc.", "e.g.", "a.m.", "vs.", "No."})
    CHECK(a.contains(s));
  CHECK(a.contains("E.g."));
  CHECK_FALSE(a.contains("no."));
}
