// The arguments stage: which actors fill a trigger's source and target roles,
// from the linkage where there is one and from the word order otherwise.
#include <algorithm>

#include "actorgraph/extract/stages.h"

namespace actorgraph::extract {
namespace {

using Kind = ArgumentRole::Kind;

bool clause_break(const Token& t) {
  return t.text == ";" || t.text == ":" || t.text == "." || t.text == "!" || t.text == "?";
}

// Shallow helpers over the words, shared by the parsed and the shallow rules.
class Words {
 public:
  Words(const SentenceAnalysis& a, const Knowledge& k) : a_(a), tk_(a.tokens()), k_(k) {}

  // Nearest nominal mention left of token t within its clause.
  int nearest_left(std::size_t t) const {
    for (std::size_t x = t; x-- > 0;) {
      if (clause_break(tk_[x])) break;
      if (a_.nominal_at(x) >= 0) return a_.nominal_at(x);
    }
    return -1;
  }
  // Nearest nominal mention right of token t, within `window` tokens and before a comma.
  int nearest_right(std::size_t t, std::size_t window) const {
    for (std::size_t x = t + 1; x < tk_.size() && x <= t + window; ++x) {
      if (clause_break(tk_[x]) || tk_[x].text == ",") break;
      if (a_.nominal_at(x) >= 0) return a_.nominal_at(x);
    }
    return -1;
  }
  // Actors in the noun phrase that ends at token t: possessors and modifiers.
  std::vector<int> np_modifiers(std::size_t t) const;

 protected:
  const SentenceAnalysis& a_;
  const std::vector<Token>& tk_;
  const Knowledge& k_;
};

std::vector<int> Words::np_modifiers(std::size_t t) const {
  std::vector<int> out;
  const auto& ms = a_.mentions;
  const SyntaxView& view = a_.syntax;
  for (std::size_t x = t; x-- > 0 && t - x <= 5;) {
    if (a_.mention_at[x] >= 0) {
      // Only the nearest actor modifies this noun, except that the holder of
      // a place ("the Islamic State-held central Syrian city") stands for it.
      int pick = a_.mention_at[x];
      for (std::size_t y = ms[pick].first; y-- > 0 && t - y <= 6;) {
        if (a_.mention_at[y] < 0) continue;
        if (k_.lexicon.place_holders.suffix_of(tk_[ms[a_.mention_at[y]].last - 1].fold)) pick = a_.mention_at[y];
        y = ms[a_.mention_at[y]].first;
      }
      out.push_back(pick);
      break;
    }
    if (!tk_[x].word && tk_[x].fold != "'s" && tk_[x].fold != "'") break;
    if (k_.lexicon.prepositions.contains(tk_[x].fold)) break;  // "offer to host talks": another phrase
    // The noun phrase starts at its article or at a conjunction.
    const std::string& f = tk_[x].fold;
    if (f == "a" || f == "an" || f == "the" || f == "and" || f == "or" || f == "," || f == "this" || f == "that") break;
    if (view.unit_of[x] < 0) break;
    const std::string& tag = view.tag_of(x);
    if (view.parse.ok && !tag.empty() && tag[0] == 'v') break;
  }
  return out;
}

// One role of one trigger.
class RoleResolver : public Words {
 public:
  RoleResolver(const SentenceAnalysis& a, const Trigger& tr, const Knowledge& k, Arguments& flags)
      : Words(a, k), view_(a.syntax), t_(tr.token), p_(*tr.pattern), u_(view_.unit_of[tr.token]), flags_(flags) {}

  std::vector<int> resolve(const ArgumentRole& role) {
    if (p_.pos == "compound") return compound(role);
    if (view_.parse.ok) {
      parsed(role);
      return std::move(out_);
    }
    flags_.shallow = true;
    shallow(role);
    return std::move(out_);
  }

 private:
  const std::string& last_fold(int w) const { return tk_[view_.units[w].last - 1].fold; }
  bool is_title(const std::string& f) const {
    return !k_.patterns.lookup("title", f).empty() || !k_.patterns.lookup("title-of", f).empty();
  }
  std::vector<int> compound(const ArgumentRole& role) const;
  void add_word(int w);
  void measure_author(int w, std::vector<int>& ids) const;
  void parsed(const ArgumentRole& role);
  void parsed_subject();
  void possessor();
  void light_verb_subject();
  void shallow(const ArgumentRole& role);

  const SyntaxView& view_;
  const std::size_t t_;
  const RelationPattern& p_;
  const int u_;
  Arguments& flags_;
  std::vector<int> out_;
};

std::vector<int> RoleResolver::compound(const ArgumentRole& role) const {
  std::vector<int> out;
  if (role.kind == Kind::Possessor) {
    out.push_back(a_.mention_at[t_]);
  } else if (role.kind == Kind::Host) {
    const int r = nearest_right(t_, 2);
    if (r >= 0) out.push_back(r);
  } else if (role.kind == Kind::Context) {
    for (std::size_t k = 0; k < a_.mentions.size(); ++k)
      if (!a_.mentions[k].adjectival && static_cast<int>(k) != a_.mention_at[t_]) out.push_back(static_cast<int>(k));
  }
  return out;
}

// A measure stands for its author: "a resolution drafted by Western powers",
// else the actor modifying it: "vetoed a Western resolution".
void RoleResolver::measure_author(int w, std::vector<int>& ids) const {
  view_.each_link(w, [&](const std::string& lab, int part, bool left) {
    if (left && SyntaxView::starts(lab, "Mv")) view_.mentions_of(a_, view_.passive_agent(a_, part), ids);
    return !ids.empty();
  });
  // The parse may hang "drafted by X" elsewhere: look right of the noun too.
  for (std::size_t x = view_.units[w].last; ids.empty() && x + 2 < tk_.size() && x < view_.units[w].last + 6; ++x) {
    if (clause_break(tk_[x])) break;
    if (k_.lexicon.author_participles.contains(tk_[x].fold) && tk_[x + 1].fold == "by" && a_.nominal_at(x + 2) >= 0)
      coordinated(a_, a_.mention_at[x + 2], ids);
  }
  if (ids.empty())
    for (int mm : np_modifiers(view_.units[w].first)) ids.push_back(mm);
}

// The actors word w stands for, added to the role.
void RoleResolver::add_word(int w) {
  std::vector<int> ids;
  view_.mentions_of(a_, w, ids);
  if (ids.empty() && w >= 0 && static_cast<std::size_t>(w) + 1 < view_.units.size() &&
      view_.units[w + 1].mention >= 0 && a_.mentions[view_.units[w + 1].mention].actor.kind == "person" &&
      is_title(last_fold(w)))
    ids.push_back(view_.units[w + 1].mention);  // "strip President Otto Pérez": the titled person
  if (ids.empty() && w >= 0 && p_.pos != "compound" && k_.lexicon.non_actor_heads.contains(last_fold(w))) {
    // A place stands for whoever the text says holds it ("rebel-held town"), no one else.
    for (int mm : np_modifiers(view_.units[w].first))
      if (k_.lexicon.place_holders.suffix_of(tk_[a_.mentions[mm].last - 1].fold)) ids.push_back(mm);
  } else if (ids.empty() && w >= 0 && p_.pos != "compound" && last_fold(w) != "and" && last_fold(w) != "or") {
    // (A conjunction's conjuncts were tried above; the actor before "and"
    // modifies nothing: "a trip to Cuba and will visit".)
    measure_author(w, ids);
  }
  out_.insert(out_.end(), ids.begin(), ids.end());
}

void RoleResolver::parsed_subject() {
  const bool pass = view_.passive(u_);
  const int w = pass ? view_.passive_agent(a_, u_) : view_.subject(a_, u_);
  add_word(w);
  if (w >= 0 || pass || p_.pos != "verb" || !tk_[t_].fold.ends_with("ing") || t_ == 0) return;
  // A participle clause with no subject of its own ("..., the ministry said,
  // calling on X") acts for the nearest subject before it.
  for (std::size_t x = t_; x-- > 0 && out_.empty();) {
    if (clause_break(tk_[x])) break;
    if (a_.nominal_at(x) < 0) continue;
    bool is_subject = false;
    view_.each_link(view_.unit_of[x], [&](const std::string& lab, int, bool left) {
      is_subject = left && lab[0] == 'S' && !SyntaxView::starts(lab, "SJ");
      return is_subject;
    });
    if (is_subject) out_.push_back(a_.mention_at[x]);
  }
}

// "France carried out air-strikes against ISIL", "begin talks with Russia":
// a noun that is the object of a support verb is that verb's subject's act.
void RoleResolver::light_verb_subject() {
  view_.each_link(u_, [&](const std::string& lab, int v, bool left) {
    if (!left && lab[0] == 'O' && k_.lexicon.light_verbs.contains(tk_[view_.units[v].first].fold)) {
      add_word(view_.subject(a_, v));
      if (out_.empty()) {
        // The parse lost the verb's subject: the nearest actor before it.
        const int m = nearest_left(view_.units[v].first);
        if (m >= 0) coordinated(a_, m, out_);
      }
    }
    return !out_.empty();
  });
  // The parse may not link the light verb at all ("agrees to begin military
  // to military talks with Russia"): read it off the words.
  for (std::size_t x = t_; out_.empty() && x-- > 0 && t_ - x <= 5;) {
    if (clause_break(tk_[x]) || tk_[x].text == "," || a_.mention_at[x] >= 0) break;
    if (!k_.lexicon.light_verbs.contains(tk_[x].fold)) continue;
    const int m = nearest_left(x);
    if (m >= 0) coordinated(a_, m, out_);
  }
}

void RoleResolver::possessor() {
  out_ = np_modifiers(t_);
  if (out_.empty() && p_.pos == "noun" && t_ >= 2) {
    // "The Syrian government calls off airstrikes": the subject's own act, cancelled.
    std::size_t v = t_ - 1;
    if (v > 0 && (tk_[v].fold == "the" || tk_[v].fold == "its" || tk_[v].fold == "planned")) --v;
    const Lexicon& lex = k_.lexicon;
    if (tk_[v].fold == "off" && v > 0 && lex.cancel_verbs.contains(tk_[v - 1].fold)) {
      add_word(view_.subject(a_, view_.unit_of[v - 1]));
      flags_.cancelled = !out_.empty();
    } else if (lex.cancel_verbs.contains(tk_[v].fold) && tk_[v].fold.find("call") == std::string::npos) {
      add_word(view_.subject(a_, view_.unit_of[v]));
      flags_.cancelled = !out_.empty();
    }
  }
  if (out_.empty() && p_.pos == "noun") light_verb_subject();
}

void RoleResolver::parsed(const ArgumentRole& role) {
  const bool pass = view_.passive(u_);
  switch (role.kind) {
    case Kind::Subject:
      parsed_subject();
      break;
    case Kind::Object:
      add_word(pass ? view_.subject(a_, u_) : view_.object(u_));
      break;
    case Kind::Prep:
      for (int w : view_.prep_objects(a_, u_, role.preps)) add_word(w);
      if (view_.has_particle(a_, u_, role.preps)) add_word(view_.object(u_));
      break;
    case Kind::Possessor:
      possessor();
      break;
    case Kind::Host:
      add_word(view_.host(a_, u_));
      break;
    case Kind::Context:
      for (std::size_t k = 0; k < a_.mentions.size(); ++k)
        if (!a_.mentions[k].adjectival) out_.push_back(static_cast<int>(k));
      break;
  }
}

void RoleResolver::shallow(const ArgumentRole& role) {
  switch (role.kind) {
    case Kind::Subject:
    case Kind::Host: {
      const int m = nearest_left(t_);
      if (m >= 0) coordinated(a_, m, out_);
      break;
    }
    case Kind::Object: {
      const int m = nearest_right(t_, 6);
      if (m >= 0) coordinated(a_, m, out_);
      break;
    }
    case Kind::Prep:
      for (std::size_t x = t_ + 1; x < tk_.size() && x <= t_ + 8; ++x) {
        if (clause_break(tk_[x])) break;
        if (std::find(role.preps.begin(), role.preps.end(), tk_[x].fold) == role.preps.end()) continue;
        const int m = nearest_right(x, 4);
        if (m >= 0) coordinated(a_, m, out_);
        break;
      }
      break;
    case Kind::Possessor:
      out_ = np_modifiers(t_);
      break;
    case Kind::Context:
      for (std::size_t k = 0; k < a_.mentions.size(); ++k)
        if (!a_.mentions[k].adjectival) out_.push_back(static_cast<int>(k));
      break;
  }
}

// The headline reading's target: an actor right after the verb (Object) or
// after its preposition (Prep); adjectives do not count ("shelled Armenian
// villages" attacks no state).
std::vector<int> headline_target(const SentenceAnalysis& a, std::size_t t, const RelationPattern& p,
                                 const Lexicon& lex) {
  const auto& tk = a.tokens();
  std::vector<int> tgt;
  if (p.target.kind == Kind::Object) {
    for (std::size_t y = t + 1; y < tk.size() && y <= t + 3; ++y) {
      if (clause_break(tk[y]) || tk[y].text == "," || lex.prepositions.contains(tk[y].fold)) break;
      if (a.mention_at[y] >= 0) {
        if (!a.mentions[a.mention_at[y]].adjectival) tgt.push_back(a.mention_at[y]);
        break;
      }
    }
  } else if (p.target.kind == Kind::Prep) {
    for (std::size_t y = t + 1; y < tk.size() && y <= t + 4 && tgt.empty(); ++y) {
      if (clause_break(tk[y]) || tk[y].text == ",") break;
      if (std::find(p.target.preps.begin(), p.target.preps.end(), tk[y].fold) == p.target.preps.end()) continue;
      for (std::size_t z = y + 1; z < tk.size() && z <= y + 3; ++z)
        if (a.mention_at[z] >= 0) {
          if (!a.mentions[a.mention_at[z]].adjectival) tgt.push_back(a.mention_at[z]);
          break;
        }
    }
  }
  return tgt;
}

// "Hungary responded angrily ... and accused Croatia": the second verb of a
// coordination shares the subject that opens the sentence.
Arguments conjoined_verb_reading(const SentenceAnalysis& a, std::size_t t) {
  const auto& tk = a.tokens();
  std::size_t first = a.dateline_end;
  if (first < tk.size() && tk[first].fold == "the") ++first;
  Arguments out;
  if (first < tk.size() && a.nominal_at(first) >= 0 && !a.mentions[a.mention_at[first]].pronoun &&
      t + 1 < tk.size() && a.nominal_at(t + 1) >= 0 && a.mention_at[t + 1] != a.mention_at[first]) {
    out.sources = {a.mention_at[first]};
    out.targets = {a.mention_at[t + 1]};
  }
  return out;
}

}  // namespace

void coordinated(const SentenceAnalysis& a, int m, std::vector<int>& out) {
  const auto& tk = a.tokens();
  const auto& ms = a.mentions;
  out.push_back(m);
  for (int dir : {-1, 1}) {
    int cur = m;
    for (;;) {
      const long edge = dir < 0 ? static_cast<long>(ms[cur].first) - 1 : static_cast<long>(ms[cur].last);
      if (edge < 0 || edge >= static_cast<long>(tk.size())) break;
      const std::string& c = tk[edge].fold;
      if (c != "and" && c != ",") break;
      const long nb = edge + dir;
      if (nb < 0 || nb >= static_cast<long>(tk.size()) || a.nominal_at(nb) < 0) break;
      cur = a.mention_at[nb];
      out.push_back(cur);
    }
  }
}

std::vector<int> resolve_role(const SentenceAnalysis& a, const ArgumentRole& role, const Trigger& tr,
                              const Knowledge& k, Arguments& flags) {
  return RoleResolver(a, tr, k, flags).resolve(role);
}

Arguments headline_reading(const SentenceAnalysis& a, const Trigger& tr, const Knowledge& k) {
  const auto& tk = a.tokens();
  const RelationPattern& p = *tr.pattern;
  const std::size_t t = tr.token;
  Arguments out;
  out.shallow = true;
  if (p.source.kind != Kind::Subject || t == 0) return out;
  std::size_t x = t;
  while (x > 0 && a.mention_at[x - 1] < 0 && tk[x - 1].fold.ends_with("ly")) --x;
  if (x > 0 && tk[x - 1].fold == "and" && p.target.kind == Kind::Object) {
    Arguments c = conjoined_verb_reading(a, t);
    c.shallow = true;
    return c;
  }
  if (x == 0 || a.mention_at[x - 1] < 0) return out;
  const Mention& subj = a.mentions[a.mention_at[x - 1]];
  if (subj.adjectival || subj.pronoun) return out;
  if (subj.first > 0) {
    const std::string& before = tk[subj.first - 1].fold;
    // "a deadly PKK attack", "64 PKK targets": a noun compound, not a clause.
    if (before == "a" || before == "an" || before == "'s" || before == "deadly" ||
        (!before.empty() && before[0] >= '0' && before[0] <= '9'))
      return out;
  }
  if (p.target.kind == Kind::Object && t + 1 < tk.size() && tk[t + 1].fold == "by") {
    // "Houthi militants backed by allied Yemeni troops": passive.
    for (std::size_t y = t + 2; y < tk.size() && y <= t + 4; ++y) {
      if (clause_break(tk[y]) || tk[y].text == "," || k.lexicon.prepositions.contains(tk[y].fold)) break;
      if (a.nominal_at(y) >= 0) {
        coordinated(a, a.mention_at[y], out.sources);
        out.targets = {a.mention_at[x - 1]};
        return out;
      }
    }
    return out;
  }
  out.targets = headline_target(a, t, p, k.lexicon);
  if (!out.targets.empty()) coordinated(a, a.mention_at[x - 1], out.sources);
  return out;
}

}  // namespace actorgraph::extract
