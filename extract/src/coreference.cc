// The coreference stage: pronouns and definite descriptions resolved to the
// most recent compatible actor of this or the previous two sentences.
#include <optional>

#include "actorgraph/extract/stages.h"

namespace actorgraph::extract {
namespace {

constexpr std::size_t kSentencesBack = 2;

class ReferenceResolver {
 public:
  ReferenceResolver(const SentenceAnalysis& a, const Discourse& d, const Knowledge& k)
      : a_(a), tk_(a.tokens()), k_(k), recent_(d.recent) {}

  std::vector<Mention> run() {
    const auto& ms = a_.mentions;
    std::size_t next = 0;
    for (std::size_t t = 0; t < tk_.size(); ++t) {
      while (next < ms.size() && ms[next].first == t) {
        out_.push_back(ms[next]);
        if (!ms[next].adjectival) recent_.push_back({ms[next].actor, a_.index});
        t = ms[next].last - 1;
        ++next;
      }
      if (t >= tk_.size()) break;
      if (next > 0 && t < out_.back().last) continue;
      if (tk_[t].fold == "the" && t + 1 < tk_.size() && !covered(t + 1)) {
        if (const std::size_t end = description(t)) {
          t = end - 1;
          continue;
        }
      }
      pronoun(t);
    }
    return std::move(out_);
  }

 private:
  bool covered(std::size_t t) const {
    for (const auto& m : a_.mentions)
      if (m.first <= t && t < m.last) return true;
    return false;
  }
  bool in_window(const Discourse::Recent& r) const { return a_.index <= r.sentence + kSentencesBack; }
  void add(std::size_t b, std::size_t e, const ActorRef& ref, bool possessive) {
    out_.push_back(Mention{b, e, ref, possessive, true, false});
    recent_.push_back({ref, a_.index});
  }
  std::size_t description(std::size_t t);
  void pronoun(std::size_t t);

  const SentenceAnalysis& a_;
  const std::vector<Token>& tk_;
  const Knowledge& k_;
  std::deque<Discourse::Recent> recent_;
  std::vector<Mention> out_;
};

// Definite descriptions at "the" (token t): "the country" is the latest state
// named; "the president" / "the prime minister" is the leader of that state
// on the document's date (a 2012 report's president is not the 2015 one);
// "the council" the latest intergovernmental body; "the pope", "the queen" a
// person just named whose name opens with the word. Returns the end of the
// description, or 0.
std::size_t ReferenceResolver::description(std::size_t t) {
  const std::string& w1 = tk_[t + 1].fold;
  const bool two = t + 2 < tk_.size() && w1 == "prime" && tk_[t + 2].fold == "minister";
  const std::size_t end = t + (two ? 3 : 2);
  const bool possessive = end < tk_.size() && (tk_[end].fold == "'s" || tk_[end].fold == "'");
  const bool next_is_name = end < tk_.size() && tk_[end].capitalized;  // "the president Bashar Assad"
  if (!two && !next_is_name && w1.size() > 2)
    for (auto r = recent_.rbegin(); r != recent_.rend(); ++r) {
      if (!in_window(*r)) break;
      const std::string_view name = r->actor.name;
      if (r->actor.kind == "person" && name.size() > w1.size() && name[w1.size()] == ' ' &&
          fold(name.substr(0, w1.size())) == w1) {
        const ActorRef ref = r->actor;
        add(t, end, ref, possessive);
        return end;
      }
    }
  if (!(w1 == "country" || w1 == "president" || w1 == "council" || two) || next_is_name) return 0;
  const ActorRef* state = nullptr;
  const ActorRef* body = nullptr;
  for (auto r = recent_.rbegin(); r != recent_.rend() && !(state && body); ++r) {
    if (!in_window(*r)) break;
    if (r->actor.kind == "state" && !state) state = &r->actor;
    if (r->actor.kind == "igo" && !body) body = &r->actor;
  }
  std::optional<ActorRef> ref;
  if (w1 == "council") {
    if (body) ref = *body;
  } else if (state && w1 == "country") {
    ref = *state;
  } else if (state && !a_.doc->date.empty()) {
    if (const Actor* leader = k_.actors.leader_of(state->id, a_.doc->date)) ref = leader->ref();
  }
  if (!ref) return 0;
  add(t, end, *ref, possessive);
  return end;
}

// "it", "he", "they" and their possessives: the latest actor of a fitting kind.
void ReferenceResolver::pronoun(std::size_t t) {
  const Lexicon& lex = k_.lexicon;
  const std::string& f = tk_[t].fold;
  const bool it = lex.pronouns_it.contains(f), he = lex.pronouns_he.contains(f), they = lex.pronouns_they.contains(f);
  if (!(it || he || they)) return;
  for (auto r = recent_.rbegin(); r != recent_.rend(); ++r) {
    if (!in_window(*r)) break;
    const std::string& kind = r->actor.kind;
    const bool ok = he ? kind == "person"
                       : it ? (kind == "state" || kind == "igo" || kind == "group")
                            : (kind == "group" || kind == "bloc" || kind == "force" || kind == "state");
    if (!ok) continue;
    out_.push_back(Mention{t, t + 1, r->actor, lex.possessive_pronouns.contains(f), true, false});
    return;
  }
}

}  // namespace

std::vector<Mention> resolve_references(const SentenceAnalysis& a, const Discourse& d, const Knowledge& k) {
  return ReferenceResolver(a, d, k).run();
}

}  // namespace actorgraph::extract
