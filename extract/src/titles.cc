// The titles stage: leader titles around a person's name as leader_of
// events, and "a member of his party" as member_of.
#include <algorithm>

#include "actorgraph/extract/stages.h"

namespace actorgraph::extract {
namespace {

class TitleReader {
 public:
  TitleReader(SentenceAnalysis& a, const Knowledge& k) : a_(a), tk_(a.tokens()), ms_(a.mentions), k_(k) {}

  void run() {
    a_.titled.assign(ms_.size(), -1);
    for (const Mention& m : ms_) {
      if (m.actor.kind != "person" || m.pronoun) continue;
      before_name(m);
      of_before_name(m);
      after_name(m);
      state_of_leader(m);
    }
    party_members();
  }

 private:
  std::string words(std::size_t b, std::size_t e) const {
    std::string t;
    for (std::size_t x = b; x < e; ++x) t += (x > b ? " " : "") + tk_[x].fold;
    return t;
  }
  // The title kind of tokens [b, e): "title" (names the person's own state
  // unless another is given), "title-of" (needs its organisation), or "".
  std::string title_at(std::size_t b, std::size_t e) const {
    if (b >= e || e > tk_.size()) return "";
    const std::string t = words(b, e);
    if (!k_.patterns.lookup("title", t).empty()) return "title";
    if (!k_.patterns.lookup("title-of", t).empty()) return "title-of";
    return "";
  }
  // Whether the title at [b, e) can lead an organisation of `kind` named
  // before it (its patterns' leads= option; states always).
  bool leads(std::size_t b, std::size_t e, const std::string& kind) const {
    if (kind == "state") return true;
    for (const RelationPattern* p : k_.patterns.lookup("title", words(b, e)))
      if (std::find(p->leads.begin(), p->leads.end(), kind) != p->leads.end()) return true;
    return false;
  }
  const Mention* mention_at_token(std::size_t t) const {
    return t < a_.mention_at.size() && a_.mention_at[t] >= 0 ? &ms_[a_.mention_at[t]] : nullptr;
  }
  const Mention* mention_ending(std::size_t e) const {
    for (const Mention& o : ms_)
      if (!o.pronoun && (o.last == e || (o.last + 1 == e && tk_[o.last].fold == "'s"))) return &o;
    return nullptr;
  }
  void before_name(const Mention& m);
  void of_before_name(const Mention& m);
  void after_name(const Mention& m);
  void leader(const Mention& person, const Mention* org, const std::string& kind, std::size_t tb, std::size_t te);
  void state_of_leader(const Mention& m);
  void party_members();

  SentenceAnalysis& a_;
  const std::vector<Token>& tk_;
  const std::vector<Mention>& ms_;
  const Knowledge& k_;
};

void TitleReader::leader(const Mention& person, const Mention* org, const std::string& kind, std::size_t tb,
                         std::size_t te) {
  // "Commission President Juncker", "Vice President Biden": a capitalised word
  // we do not know before the title makes it someone else's office.
  if (!org && tb > 0 && tk_[tb - 1].word && tk_[tb - 1].capitalized && tb - 1 > a_.dateline_end &&
      !mention_at_token(tb - 1))
    return;
  ActorRef target;
  if (org) target = org->actor;
  else if (kind == "title" && !person.actor.country.empty())
    if (const Actor* st = k_.actors.find_id("state/" + person.actor.country)) target = st->ref();
  if (target.id.empty() || target.id == person.actor.id || target.kind == "person") return;
  // A role the dictionary dates holds only on those dates: "President X" in
  // a report from after his term is a former president.
  const std::string& date = a_.doc->date;
  if (!date.empty() && target.kind == "state")
    if (const Actor* pa = k_.actors.find_id(person.actor.id)) {
      const bool dated = std::any_of(pa->roles.begin(), pa->roles.end(),
                                     [](const Role& r) { return r.relation == "leader_of"; });
      if (dated && !k_.actors.held_role(*pa, "leader_of", target.id, date)) return;
    }
  if (kind == "title" && org && !leads(tb, te, org->actor.kind)) return;
  a_.found.push_back(make_event(a_, person.actor, "leader_of", target, tb, te, {&person, org}, 0.8));
}

// Before the name: "President Bashar Assad", "U.K. Prime Minister David
// Cameron", "Croatian prime minister Zoran Milanović", "opposition leader X",
// and in apposition, "their Prime Minister, Viktor Orban".
void TitleReader::before_name(const Mention& m) {
  const std::size_t end = m.first > 1 && tk_[m.first - 1].fold == "," ? m.first - 1 : m.first;
  for (std::size_t len = 1; len <= 3 && len <= end; ++len) {
    const std::size_t tb = end - len;
    const std::string kind = title_at(tb, end);
    if (kind.empty()) continue;
    const Mention* org = mention_ending(tb);
    for (const Mention& o : ms_)  // a composed mention that contains the title
      if (o.composed && o.last == end && o.first < tb) org = &o;
    if (org && !org->pronoun) a_.titled[org - ms_.data()] = static_cast<int>(&m - ms_.data());
    leader(m, org, kind, tb, end);
    break;
  }
}

// "the President of Venezuela Nicolás Maduro", "the leader of FARC Timoleón Jiménez".
void TitleReader::of_before_name(const Mention& m) {
  const Mention* org = mention_ending(m.first);
  if (!org || org->first < 2 || tk_[org->first - 1].fold != "of") return;
  for (std::size_t len = 1; len <= 2 && len + 1 <= org->first; ++len) {
    const std::size_t tb = org->first - 1 - len;
    if (!title_at(tb, org->first - 1).empty()) {
      leader(m, org, "title-of", tb, org->first - 1);
      return;
    }
  }
}

// After the name: "Zoran Milanović, the Prime Minister, says", "Malcolm
// Turnbull is sworn in as the Prime Minister of Australia".
void TitleReader::after_name(const Mention& m) {
  std::size_t x = m.last;
  bool linked = false;
  while (x < tk_.size() && x < m.last + 6) {
    const std::string& f = tk_[x].fold;
    if (f == "," || f == "as" || k_.lexicon.title_copulas.contains(f)) linked = true;
    else if (!k_.lexicon.title_links.contains(f)) break;
    ++x;
  }
  if (!linked) return;
  for (std::size_t len = 3; len >= 1; --len) {
    std::string kind = title_at(x, x + len);
    const Mention* org = nullptr;
    if (kind.empty()) {
      // "Zoran Milanović, Croatia's prime minister" / "the Croatian prime minister"
      const Mention* c = x < tk_.size() ? mention_at_token(x) : nullptr;
      if (c && c->composed && !title_at(c->last - len, c->last).empty() && c->last - len > c->first) {
        kind = title_at(c->last - len, c->last);
        org = c;
        x = c->last - len;
      }
    }
    if (kind.empty()) continue;
    const std::size_t te = x + len;
    if (!org && te + 1 < tk_.size() && tk_[te].fold == "of")
      for (const Mention& o : ms_)
        if (o.first == te + 1 || (o.first == te + 2 && tk_[te + 1].fold == "the")) org = &o;
    leader(m, org, kind, x, te);
    return;
  }
}

// Without a title, a state and its leader side by side: "Venezuela's Nicolas
// Maduro", "the Maduro government" (the state, as ONTOLOGY.md reads it).
// Only a role the dictionary dates on the document's date counts: "Russia's
// Lavrov" is no leader.
void TitleReader::state_of_leader(const Mention& m) {
  const std::string& date = a_.doc->date;
  const Actor* person = k_.actors.find_id(m.actor.id);
  if (date.empty() || !person || m.actor.country.empty()) return;
  const Actor* state = k_.actors.find_id("state/" + m.actor.country);
  if (!state || !k_.actors.held_role(*person, "leader_of", state->id, date)) return;
  const Mention* poss = mention_ending(m.first);
  const bool possessed = poss && poss->actor.id == state->id && poss->last < tk_.size() &&
                         m.first > 0 && tk_[m.first - 1].fold == "'s";
  const bool definite = tk_[m.first].fold == "the" || (m.first > 0 && tk_[m.first - 1].fold == "the");
  const bool institution =
      definite && m.last < tk_.size() && k_.lexicon.leader_institutions.contains(tk_[m.last].fold);
  if (!possessed && !institution) return;
  const std::size_t tb = possessed ? poss->first : m.first;
  const std::size_t te = possessed ? m.last : m.last + 1;
  a_.found.push_back(make_event(a_, m.actor, "leader_of", state->ref(), tb, te, {&m}, 0.7));
}

// "a member of his Fidesz party": the party of the person "his" refers to.
void TitleReader::party_members() {
  for (const Mention& g : ms_) {
    if (g.actor.kind != "group" || g.first == 0) continue;
    const bool party = (g.last < tk_.size() && tk_[g.last].fold == "party") || tk_[g.last - 1].fold == "party" ||
                       g.actor.name.find("Party") != std::string::npos;
    if (!party) continue;
    for (const Mention& pr : ms_)
      if (pr.pronoun && pr.last == g.first && pr.actor.kind == "person" &&
          (tk_[pr.first].fold == "his" || tk_[pr.first].fold == "her"))
        a_.found.push_back(make_event(a_, pr.actor, "member_of", g.actor, g.first, g.last, {&pr, &g}, 0.7));
  }
}

}  // namespace

void read_titles(SentenceAnalysis& a, const Knowledge& k) { TitleReader(a, k).run(); }

}  // namespace actorgraph::extract
