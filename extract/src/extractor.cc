// The extract stage: boilerplate rules, and the orchestration of the stages
// of stages.h over a document.
#include "actorgraph/extract/extractor.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/stages.h"

namespace actorgraph::extract {

// ---------------------------------------------------------------------------
// Boilerplate

void Boilerplate::load(std::istream& in, const std::string& name) {
  std::string line;
  std::size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#') continue;
    const auto sp = line.find(' ', b);
    const std::string verb = line.substr(b, sp == std::string::npos ? std::string::npos : sp - b);
    if ((verb != "drop" && verb != "end") || sp == std::string::npos)
      throw DictionaryError(name + ":" + std::to_string(lineno) +
                            ": expected 'drop REGEX' or 'end REGEX', got '" + line + "'");
    // std::regex accepts a quantifier on a quantifier (".*+") and then never
    // finishes matching: refuse it here rather than hang on the first line.
    // Nor does it guard the numbers it reads: a backreference or a repeat
    // count past the range of long overflows (UBSan found "\\3333...").
    const std::string source = line.substr(sp + 1);
    auto refuse = [&](const std::string& what) {
      throw DictionaryError(name + ":" + std::to_string(lineno) + ": " + what + " (not supported)");
    };
    // A backreference is a backslash run of odd length before a digit, in or
    // out of brackets (libstdc++ and this scan need not agree on where a
    // bracket expression ends).
    for (std::size_t k = 0, run = 0; k < source.size(); ++k) {
      if (source[k] == '\\') {
        ++run;
        continue;
      }
      if (run % 2 == 1 && source[k] >= '1' && source[k] <= '9')
        refuse("a backreference at '\\" + source.substr(k, 1) + "'");
      run = 0;
    }
    for (std::size_t k = 0; k < source.size(); ++k) {
      if (source[k] == '{') {
        std::size_t run = 0, longest = 0;
        for (std::size_t x = k + 1; x < source.size() && source[x] != '}'; ++x) {
          run = std::isdigit(static_cast<unsigned char>(source[x])) ? run + 1 : 0;
          longest = std::max(longest, run);
        }
        if (longest > 4) refuse("a repeat count over 9999");
      }
    }
    // Steps k over an escape or a bracket expression, whose characters are
    // literal; false when source[k] is neither. A bracket expression ends at
    // the first unescaped ']' (ECMAScript); were libstdc++ to read on, the
    // scans would only check more, never less.
    auto skip_literal = [&](std::size_t& k) {
      if (source[k] == '\\') {
        ++k;
        return true;
      }
      if (source[k] != '[') return false;
      std::size_t x = k + 1;
      while (x < source.size() && source[x] != ']') x += source[x] == '\\' ? 2 : 1;
      k = x;
      return true;
    };
    // An empty alternative in a repeated group ("(a||b){3,}") makes its
    // matching exponential (the boilerplate fuzzer found 10 s a rule), and a
    // repeated group that repeats inside or is empty ("(.()*)*") never ends.
    std::vector<bool> group_repeats;  // per open group: holds a quantifier or nothing
    std::vector<bool> group_empty;
    for (std::size_t k = 0; k < source.size(); ++k) {
      const char c = source[k];
      if (skip_literal(k)) {
        if (!group_empty.empty()) group_empty.back() = false;
        continue;
      }
      if (c == '(') {
        group_repeats.push_back(false);
        group_empty.push_back(true);
        continue;
      }
      const bool quantifier = c == '*' || c == '+' || c == '?' || c == '{';
      if (c == ')' && !group_repeats.empty()) {
        const bool repeats = group_repeats.back(), empty = group_empty.back();
        group_repeats.pop_back();
        group_empty.pop_back();
        const char next = k + 1 < source.size() ? source[k + 1] : '\0';
        if ((next == '*' || next == '+' || next == '{') && (repeats || empty))
          refuse("a repeated group that " + std::string(empty ? "is empty" : "repeats inside"));
        if (!group_repeats.empty()) {
          group_repeats.back() = group_repeats.back() || repeats || next == '*' || next == '+' || next == '{';
          group_empty.back() = group_empty.back() && empty;
        }
        continue;
      }
      if (!group_repeats.empty()) {
        if (quantifier) group_repeats.back() = true;
        else if (c != '|') group_empty.back() = false;
      }
    }
    for (std::size_t k = 0; k + 1 < source.size(); ++k) {
      if (skip_literal(k)) continue;
      const char q1 = source[k], q2 = source[k + 1];
      if ((q1 == '*' || q1 == '+' || q1 == '?' || q1 == '}') && (q2 == '*' || q2 == '+' || q2 == '{'))
        refuse("a quantifier follows a quantifier at '" + source.substr(k, 2) + "'");
      if ((q1 == '|' || q1 == '(') && q2 == '|') refuse("an empty alternative at '" + source.substr(k, 2) + "'");
      if (q1 == '|' && q2 == ')') refuse("an empty alternative at '" + source.substr(k, 2) + "'");
    }
    try {
      rules_.push_back(Rule{verb == "end", std::regex(source, std::regex::ECMAScript |
                                                                               std::regex::optimize)});
    } catch (const std::regex_error& e) {
      throw DictionaryError(name + ":" + std::to_string(lineno) + ": bad regular expression: " +
                            e.what());
    }
  }
}

void Boilerplate::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DictionaryError(path + ": cannot open");
  load(in, path);
}

std::vector<std::pair<std::size_t, std::size_t>> Boilerplate::furniture(std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (rules_.empty()) return out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    // Long lines are paragraphs of news, never furniture: skip the regexes.
    if (!line.empty() && line.size() < 200) {
      const std::string folded = fold(line);
      for (const auto& rule : rules_) {
        if (!std::regex_match(folded, rule.pattern)) continue;
        if (rule.ends_body) {
          out.emplace_back(pos, text.size());
          return out;
        }
        out.emplace_back(pos, nl);
        break;
      }
    }
    pos = nl + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// The extractor: the stages of stages.h, sentence by sentence.

Extractor::Extractor(const ActorDictionary& actors, const PatternSet& patterns, const Lexicon& lexicon,
                     const Tokenizer& tokenizer, const Boilerplate& boilerplate, const LinkParser* parser)
    : actors_(actors), patterns_(patterns), lexicon_(lexicon), tokenizer_(tokenizer), boilerplate_(boilerplate),
      parser_(parser) {}

std::vector<Mention> Extractor::mentions(const Sentence& sentence) const {
  Discourse d;
  return find_mentions(sentence, 0, d, {actors_, patterns_, lexicon_, unknown_actors_});
}

void Extractor::analyse(const Document& doc, const std::function<void(SentenceAnalysis&)>& rest) const {
  const Knowledge k{actors_, patterns_, lexicon_, unknown_actors_};
  const auto furniture = boilerplate_.furniture(doc.text);
  auto is_furniture = [&](const Sentence& s) {
    return std::any_of(furniture.begin(), furniture.end(),
                       [&](const auto& f) { return s.begin < f.second && s.end > f.first; });
  };
  const auto sentences = tokenizer_.split(doc.text);
  Discourse discourse;
  discourse.focus = document_focus(sentences, actors_);
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    ++stats_.sentences;
    enter_sentence(discourse, sentences[si], si);
    if (sentences[si].tokens.empty() || is_furniture(sentences[si])) continue;
    SentenceAnalysis a;
    a.doc = &doc;
    a.sentence = &sentences[si];
    a.index = si;
    a.dateline_end = dateline_end(sentences[si]);
    a.mentions = find_mentions(sentences[si], a.dateline_end, discourse, k);
    a.mentions = resolve_references(a, discourse, k);
    for (const auto& m : a.mentions) remember(discourse, m, actors_);
    index_mentions(a);
    read_titles(a, k);
    rest(a);
  }
}

std::vector<Event> Extractor::extract(const Document& doc) const {
  const Knowledge k{actors_, patterns_, lexicon_, unknown_actors_};
  std::vector<Event> events;
  analyse(doc, [&](SentenceAnalysis& a) {
    a.triggers = find_triggers(a, k);
    if (worth_parsing(a)) {
      ++stats_.candidate_sentences;
      build_syntax(a, parser_);
      if (trace_) trace_(trace_line(a));
      ++(a.syntax.parse.ok ? stats_.parsed : stats_.fallback);
      relate(a, k);
    }
    keep_best(a.found, events);
  });
  stats_.events += events.size();
  return events;
}

std::vector<ActorCount> Extractor::actors_in(const Document& doc) const {
  std::map<std::string, ActorCount> by_id;
  analyse(doc, [&](SentenceAnalysis& a) {
    for (const Mention& m : a.mentions) {
      if (m.actor.id.empty()) continue;
      ActorCount& c = by_id[m.actor.id];
      c.actor = m.actor;
      ++c.count;
    }
  });
  std::vector<ActorCount> out;
  for (auto& [id, c] : by_id) out.push_back(std::move(c));
  std::stable_sort(out.begin(), out.end(), [](const ActorCount& x, const ActorCount& y) { return x.count > y.count; });
  return out;
}

}  // namespace actorgraph::extract
