// The discourse stage: the document's focus country, datelines, and the
// window of recent actors that pronouns and bare agents refer back to.
#include <map>

#include "actorgraph/extract/stages.h"

namespace actorgraph::extract {

std::size_t dateline_end(const Sentence& s) {
  // "DAMASCUS, Jan. 16 (Wire) -": the upper-case words that open a paragraph
  // before a comma or a parenthesis.
  if (!s.paragraph_start) return 0;
  std::size_t x = 0;
  while (x < s.tokens.size() && s.tokens[x].word) {
    const std::string& w = s.tokens[x].text;
    bool upper = w.size() > 1;
    for (unsigned char c : w) upper = upper && !(c >= 'a' && c <= 'z');
    if (!upper) return 0;
    ++x;
  }
  if (x == 0 || x >= s.tokens.size() || (s.tokens[x].text != "," && s.tokens[x].text != "(")) return 0;
  // Through the date and the agency to the dash: "MOSCOW, Jan. 16 (Wire) -".
  for (std::size_t y = x; y < s.tokens.size() && y < x + 10; ++y) {
    const std::string& t = s.tokens[y].text;
    if (t == "-" || t == "--" || t == "\xe2\x80\x94" || t == "\xe2\x80\x93") return y + 1;
  }
  return x;
}

const Actor* document_focus(const std::vector<Sentence>& sentences, const ActorDictionary& actors) {
  std::map<const Actor*, std::pair<int, std::size_t>> counts;  // state -> (count, first seen)
  const Actor* dateline_state = nullptr;
  std::size_t order = 0;
  for (const auto& s : sentences) {
    const auto& tk = s.tokens;
    if (const std::size_t d = dateline_end(s); d > 0 && !dateline_state) {
      std::string k;
      for (std::size_t x = 0; x < d; ++x) k += (x ? " " : "") + tk[x].fold;
      for (const Actor* a : actors.find_alias(k))
        if (a->kind == "state") {
          dateline_state = a;
          break;
        }
    }
    for (std::size_t x = 0; x + 1 < tk.size(); ++x) {
      if (!tk[x].capitalized) continue;
      const Actor* st = actors.find_adjective(tk[x].fold);
      if (!st || st->kind != "state") continue;
      const Agent* ag = actors.find_agent(tk[x + 1].fold);
      if (!ag || ag->kind == "state") continue;
      auto& c = counts[st];
      if (c.first == 0) c.second = order++;
      ++c.first;
    }
  }
  const Actor* focus = nullptr;
  int best = 0;
  std::size_t best_order = 0;
  for (const auto& [st, c] : counts)
    if (c.first > best || (c.first == best && c.second < best_order)) {
      focus = st;
      best = c.first;
      best_order = c.second;
    }
  return focus ? focus : dateline_state;
}

const Actor* Discourse::paragraph_focus() const {
  const Actor* best = nullptr;
  int most = 0;
  bool tied = false;
  for (const auto& [st, n] : paragraph_states) {
    if (n > most) best = st, most = n, tied = false;
    else if (n == most) tied = true;
  }
  return tied ? nullptr : best;
}

void enter_sentence(Discourse& d, const Sentence& s, std::size_t index) {
  if (s.paragraph_start && index > 0) {
    ++d.paragraph;
    d.paragraph_states.clear();
  }
  d.sentence = index;
}

void remember(Discourse& d, const Mention& m, const ActorDictionary& actors) {
  if (!m.pronoun && !m.actor.country.empty())
    if (const Actor* st = actors.find_id("state/" + m.actor.country)) ++d.paragraph_states[st];
  if (m.adjectival) return;
  d.recent.push_back({m.actor, d.sentence});
  if (d.recent.size() > Discourse::kRecent) d.recent.pop_front();
  if (m.actor.kind == "state")
    if (const Actor* a = actors.find_id(m.actor.id)) d.last_state = a;
}

void index_mentions(SentenceAnalysis& a) {
  a.mention_at.assign(a.tokens().size(), -1);
  for (std::size_t k = 0; k < a.mentions.size(); ++k)
    for (std::size_t x = a.mentions[k].first; x < a.mentions[k].last; ++x) a.mention_at[x] = static_cast<int>(k);
}

}  // namespace actorgraph::extract
