// The mentions stage: which tokens of a sentence name which actor.
#include <algorithm>
#include <cctype>

#include "actorgraph/extract/stages.h"

namespace actorgraph::extract {
namespace {

// One left-to-right scan of a sentence; each step tries one kind of mention
// at token i and, when it finds one, says where the scan goes on.
class MentionScanner {
 public:
  MentionScanner(const Sentence& s, Discourse& d, const Knowledge& k)
      : tk_(s.tokens), n_(tk_.size()), d_(d), k_(k), max_len_(k.actors.max_alias_tokens()) {
    // Headlines capitalise every word; there capitals say nothing about names.
    std::size_t words = 0, capitals = 0;
    for (const auto& t : tk_)
      if (t.word && t.text.size() > 3) ++words, capitals += t.capitalized ? 1 : 0;
    title_case_ = words >= 5 && capitals * 4 >= words * 3;
  }

  std::vector<Mention> scan(std::size_t from) {
    std::size_t i = from;
    while (i < n_) {
      if (!tk_[i].word) {
        ++i;
        continue;
      }
      std::size_t next = i;
      if (alias(i, next) || compound(i, next) || adjective(i, next) || unknown(i, next) || bare_agent(i, next))
        i = next;
      else
        ++i;
    }
    return std::move(out_);
  }

 private:
  // The folded text of tokens [i, j), with a space wherever the source had whitespace.
  std::string span_key(std::size_t i, std::size_t j) const {
    std::string k;
    for (std::size_t x = i; x < j; ++x) {
      if (x > i && tk_[x].begin > tk_[x - 1].end) k += ' ';
      k += tk_[x].fold;
    }
    return k;
  }
  // Longest agent noun starting at i: returns its end, or i.
  std::size_t agent_at(std::size_t i, const Agent** agent) const {
    std::size_t best = i;
    for (std::size_t j = i + 1; j <= std::min(n_, i + 3); ++j)
      if (const Agent* a = k_.actors.find_agent(span_key(i, j))) {
        *agent = a;
        best = j;
      }
    return best;
  }
  bool alias_starts_at(std::size_t i) const {
    for (std::size_t j = i + 1; j <= std::min(n_, i + max_len_); ++j)
      if (!k_.actors.find_alias(span_key(i, j)).empty()) return true;
    return false;
  }
  bool compound_suffix(const std::string& suffix) const {
    return !k_.patterns.lookup("compound", suffix).empty() || k_.lexicon.holder_suffixes.contains(suffix);
  }
  void note_agent(const Agent& agent, const Actor* st) {
    (agent.kind == "state" ? d_.organ_state : d_.agent_state) = st;
    if (agent.kind != "state") d_.agent_paragraph = d_.paragraph;
  }

  bool alias(std::size_t i, std::size_t& next);
  bool compound(std::size_t i, std::size_t& next);
  bool adjective(std::size_t i, std::size_t& next);
  bool unknown(std::size_t i, std::size_t& next);
  bool bare_agent(std::size_t i, std::size_t& next);
  const Actor* bare_agent_country(const Agent& agent, bool counted, std::size_t e) const;

  const std::vector<Token>& tk_;
  const std::size_t n_;
  Discourse& d_;
  const Knowledge& k_;
  const std::size_t max_len_;
  bool title_case_ = false;
  std::vector<Mention> out_;
};

// 1. Longest dictionary alias (a capitalised surface: "west of" is a direction).
bool MentionScanner::alias(std::size_t i, std::size_t& next) {
  std::size_t best = i;
  const Actor* hit = nullptr;
  bool compound = false;
  for (std::size_t j = i + 1; j <= std::min(n_, i + max_len_); ++j) {
    if (!tk_[j - 1].word && j - 1 == i) break;
    auto found = k_.actors.find_alias(span_key(i, j));
    if (!found.empty()) {
      best = j;
      hit = found.front();
      compound = false;
    }
    // "Islamic State-held": an alias whose last word carries a compound suffix.
    const auto h = tk_[j - 1].fold.rfind('-');
    if (j - 1 > i && h != std::string::npos && h > 0 && compound_suffix(tk_[j - 1].fold.substr(h + 1))) {
      std::string key = span_key(i, j - 1);
      if (tk_[j - 1].begin > tk_[j - 2].end) key += ' ';
      auto f2 = k_.actors.find_alias(key + tk_[j - 1].fold.substr(0, h));
      if (!f2.empty()) {
        best = j;
        hit = f2.front();
        compound = true;
      }
    }
  }
  bool capital = false;
  for (std::size_t x = i; x < best; ++x) capital = capital || tk_[x].capitalized;
  if (!hit || !capital) return false;
  if (compound) {
    out_.push_back(Mention{i, best, hit->ref(), true, false, false});
    next = best;
    return true;
  }
  Mention m{i, best, hit->ref(), false, false, false};
  // "Taliban forces", "ISIS militants": a group's fighters are the group;
  // "NATO troops", "UN peacekeepers": a body's are the body.
  if (hit->kind == "group" || hit->kind == "igo") {
    const Agent* agent = nullptr;
    const std::size_t e = agent_at(best, &agent);
    if (agent && e > best && agent->kind != "state") m.last = e;
  }
  // "United States military", "Russia's Foreign Ministry": a state and an agent noun.
  if (hit->kind == "state" || hit->kind == "bloc") {
    std::size_t x = best;
    if (x < n_ && (tk_[x].fold == "'s" || tk_[x].fold == "'")) ++x;
    const Agent* agent = nullptr;
    const std::size_t e = agent_at(x, &agent);
    if (agent && e > x) {
      m.last = e;
      m.actor = k_.actors.compose(*hit, *agent);
      m.composed = true;
      note_agent(*agent, hit);
    }
  }
  // "Moscow Times", "West Bank", "Washington Post": a one-word alias that
  // runs on into another capitalised word is part of a longer name we do
  // not know, unless the sentence is a headline in title case.
  if (!m.composed && m.last == i + 1 && m.last < n_ && tk_[m.last].word && tk_[m.last].capitalized && !title_case_ &&
      !k_.actors.find_adjective(tk_[m.last].fold) && !alias_starts_at(m.last)) {
    next = m.last;
    return true;
  }
  out_.push_back(m);
  next = m.last;
  return true;
}

// 2. Hyphenated compounds whose first part is an actor: "Moscow-mediated", "U.S.-backed".
bool MentionScanner::compound(std::size_t i, std::size_t& next) {
  const auto h = tk_[i].fold.rfind('-');
  if (h == std::string::npos || h == 0) return false;
  const std::string prefix = tk_[i].fold.substr(0, h);
  const std::string suffix = tk_[i].fold.substr(h + 1);
  const bool holder = k_.lexicon.holder_suffixes.contains(suffix);
  if (!compound_suffix(suffix) || !(tk_[i].capitalized || holder)) return false;
  const Actor* a = k_.actors.find_adjective(prefix);
  if (!a) {
    auto found = k_.actors.find_alias(prefix);
    if (!found.empty()) a = found.front();
  }
  if (!a) return false;
  out_.push_back(Mention{i, i + 1, a->ref(), true, false, false});
  next = i + 1;
  return true;
}

// 3. Adjective (+ agent): "Syrian opposition", "Russian Foreign Ministry", "Russian wording".
bool MentionScanner::adjective(std::size_t i, std::size_t& next) {
  if (!tk_[i].capitalized) return false;
  const Actor* st = k_.actors.find_adjective(tk_[i].fold);
  if (!st) return false;
  const Agent* agent = nullptr;
  std::size_t e = agent_at(i + 1, &agent);
  // One modifier between: "Hungarian riot police" is covered by the agent
  // list, "Syrian government forces" by this.
  if (!agent && i + 2 < n_ && !tk_[i + 1].capitalized) e = agent_at(i + 2, &agent);
  if (agent && e > i + 1) {
    out_.push_back(Mention{i, e, k_.actors.compose(*st, *agent), false, false, true});
    note_agent(*agent, st);
    next = e;
  } else {
    out_.push_back(Mention{i, i + 1, st->ref(), true, false, false});
    next = i + 1;
  }
  return true;
}

// 4. A name no dictionary knows, shaped like a person's ("Reyaad Khan"): an
//    actor of kind unknown (ONTOLOGY.md, the last resolution rule); not
//    inside a longer name ("Commission of Human Rights", "Village of All Together").
bool MentionScanner::unknown(std::size_t i, std::size_t& next) {
  const bool inside_name = i >= 2 && (tk_[i - 1].fold == "of" || tk_[i - 1].fold == "for" || tk_[i - 1].fold == "and") &&
                           tk_[i - 2].capitalized;
  if (!k_.unknown_actors || !tk_[i].capitalized || title_case_ || inside_name) return false;
  for (std::size_t len = 3; len >= 2; --len) {
    const std::size_t e = i + len;
    if (e > n_) continue;
    bool ok = true;
    for (std::size_t x = i; x < e && ok; ++x)
      ok = tk_[x].word && tk_[x].capitalized && (x == i || tk_[x].begin == tk_[x - 1].end + 1) &&
           (x == i || !alias_starts_at(x));
    if (!ok || (e < n_ && tk_[e].word && tk_[e].capitalized && tk_[e].begin == tk_[e - 1].end + 1)) continue;
    std::string name;
    for (std::size_t x = i; x < e; ++x) name += (x > i ? " " : "") + tk_[x].text;
    if (auto ref = k_.actors.unknown_actor(name)) {
      out_.push_back(Mention{i, e, *ref, false, false, false});
      next = e;
      return true;
    }
  }
  return false;
}

// The country of a bare agent: a bare "rebels" or "opposition" is the
// country last named with such a group (else the document's); a bare "the
// government" is the document's country, the one its groups and forces
// belong to. Counted people take only a country already named with such an agent.
const Actor* MentionScanner::bare_agent_country(const Agent& agent, bool counted, std::size_t e) const {
  // Within a paragraph that names one country more than any other (an item
  // of a digest, a section of a report), a bare group or force is that
  // country's, unless the paragraph itself named such an agent's country.
  // Else a country the sentence places the act in ("police clashed with
  // students in Mexico's state of Guerrero").
  if (!counted && agent.kind != "state" && !(d_.agent_state && d_.agent_paragraph == d_.paragraph)) {
    if (const Actor* p = d_.paragraph_focus()) return p;
    for (std::size_t x = e; x + 1 < n_; ++x) {
      if (tk_[x].fold != "in") continue;
      for (const Actor* a : k_.actors.find_alias(tk_[x + 1].fold))
        if (a->kind == "state") return a;
    }
  }
  const Actor* st = counted                ? d_.agent_state
                    : agent.kind != "state" ? (d_.agent_state   ? d_.agent_state
                                               : d_.organ_state ? d_.organ_state
                                               : d_.focus       ? d_.focus
                                                                : d_.last_state)
                                            : (d_.focus ? d_.focus : d_.organ_state ? d_.organ_state : d_.last_state);
  // Nothing before: the first country named later in the sentence.
  for (std::size_t x = e; x < n_ && !st; ++x)
    if (const Actor* a = k_.actors.find_adjective(tk_[x].fold)) st = a;
  return st;
}

// 5. A bare agent noun: "the government", "rebels", "government forces".
bool MentionScanner::bare_agent(std::size_t i, std::size_t& next) {
  const Agent* agent = nullptr;
  const std::size_t e = agent_at(i, &agent);
  if (!agent || e <= i) return false;
  const Lexicon& lex = k_.lexicon;
  const bool definite = i > 0 && tk_[i - 1].fold == "the";
  // Without "the", only a plural noun is an agent: "rebels", "government
  // forces"; "military intervention" is not.
  // A collective noun ("police") acts as a plural: "police fired tear gas".
  const bool plural = (tk_[e - 1].fold.size() > 3 && tk_[e - 1].fold.back() == 's') ||
                      lex.collective_nouns.contains(span_key(i, e));
  // A bare office-holder ("the envoy", "the president") is a person, not the
  // state: only institutions stand for a state without its name, and only
  // forces (not weapons) for a force.
  const bool institution = (agent->kind != "state" || lex.bare_institutions.contains(agent->noun)) &&
                           (agent->kind != "force" || lex.bare_forces.contains(agent->noun));
  // Counted people ("killing dozens of soldiers", "16 police officers") are
  // victims whose side the sentence rarely says.
  auto is_count = [&](const Token& t) {
    return lex.counts.contains(t.fold) || (!t.fold.empty() && std::isdigit(static_cast<unsigned char>(t.fold[0])));
  };
  const bool counted =
      !definite && i > 0 && (is_count(tk_[i - 1]) || (i > 1 && tk_[i - 1].fold == "of" && is_count(tk_[i - 2])));
  if (!institution || (counted && !d_.agent_state) || !(definite || (plural && agent->kind != "state"))) return false;
  const Actor* st = bare_agent_country(*agent, counted, e);
  if (!st) return false;
  out_.push_back(Mention{i, e, k_.actors.compose(*st, *agent), false, false, true});
  note_agent(*agent, st);
  next = e;
  return true;
}

}  // namespace

std::vector<Mention> find_mentions(const Sentence& s, std::size_t dateline_end, Discourse& d, const Knowledge& k) {
  return MentionScanner(s, d, k).scan(dateline_end);
}

}  // namespace actorgraph::extract
