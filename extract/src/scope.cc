// The scope stage: negation, modality and attribution from the words around
// a trigger.
#include "actorgraph/extract/stages.h"

namespace actorgraph::extract {
namespace {

bool clause_break(const Token& t) {
  return t.text == ";" || t.text == ":" || t.text == "." || t.text == "!" || t.text == "?";
}

// The nearest nominal mention in tokens [from, to), scanning leftwards, or -1.
int last_nominal(const SentenceAnalysis& a, std::size_t from, std::size_t to) {
  for (std::size_t y = to; y-- > from;)
    if (a.nominal_at(y) >= 0) return a.mention_at[y];
  return -1;
}

// Reported speech: whether the trigger at t is inside what someone said, and who.
bool reported(const SentenceAnalysis& a, std::size_t t, const Lexicon& lex, int& who) {
  const auto& tk = a.tokens();
  for (std::size_t x = 0; x < tk.size(); ++x) {
    if (!lex.speech.contains(tk[x].fold) || x == t) continue;
    if (tk[x].fold == "according" && x + 2 < tk.size() && tk[x + 1].fold == "to") {
      who = a.mention_at[x + 2];
      return true;
    }
    if (lex.hearsay.contains(tk[x].fold)) return true;
    if (x > t) {
      // "..., the Foreign Ministry said" or "..., said Abdel Baset Seda".
      bool comma = false;
      for (std::size_t y = t + 1; y < x; ++y)
        comma = comma || tk[y].text == "," || tk[y].text == "\"" || tk[y].fold == "\xe2\x80\x9d";
      if (!comma) continue;
      who = last_nominal(a, t + 1, x);
      if (who < 0 && x + 1 < tk.size()) who = a.mention_at[x + 1];
      return true;
    }
    // "X said (that) ... trigger", unless the trigger is X's own participle: "said, calling on".
    const bool participle = tk[t].fold.ends_with("ing") && t > 0 && tk[t - 1].text == ",";
    if (participle) continue;
    who = last_nominal(a, 0, x);
    return true;
  }
  return false;
}

}  // namespace

Scope find_scope(const SentenceAnalysis& a, const Trigger& tr, const Lexicon& lex) {
  const auto& tk = a.tokens();
  const std::size_t t = tr.token;
  const RelationPattern& p = *tr.pattern;
  Scope s;
  s.modality = p.modality.empty() ? "asserted" : p.modality;
  // Back over the verb group ("has not", "refused to", "could not", "will no longer").
  for (std::size_t x = t, steps = 0; x-- > 0 && steps < 7; ++steps) {
    const std::string& f = tk[x].fold;
    if (a.mention_at[x] >= 0 || clause_break(tk[x]) || f == ",") break;
    const bool negator = lex.negators.contains(f) || lex.negating_verbs.contains(f);
    if (negator) s.negated = true;
    if (lex.hypothetical.contains(f)) s.modality = "hypothetical";
    else if (lex.intended.contains(f) && s.modality == "asserted") s.modality = "intended";
    if (p.pos == "verb" && !lex.verb_group.contains(f) && !negator && !lex.hypothetical.contains(f) &&
        !lex.intended.contains(f) && f.size() > 2 && !f.ends_with("ly"))
      break;
  }
  for (std::size_t x = 0; x < t; ++x)
    if (lex.conditionals.contains(tk[x].fold)) s.modality = "hypothetical";
  int who = -1;
  if (reported(a, t, lex, who)) {
    if (s.modality == "asserted") s.modality = "reported";
    if (who >= 0 && !a.mentions[who].adjectival) s.speaker = who;
  }
  return s;
}

}  // namespace actorgraph::extract
