// The relations stage: for each trigger, its arguments and scope made into
// events, one per (source, relation, target, negated) and sentence.
#include <algorithm>
#include <map>
#include <tuple>

#include "actorgraph/extract/stages.h"

namespace actorgraph::extract {
namespace {

using Kind = ArgumentRole::Kind;

// Kinds a relation cannot join, whatever the words say (pattern option
// persons_only_in): only a person belongs to a state or to a state's forces.
bool plausible(const RelationPattern& p, const ActorRef& source, const ActorRef& target) {
  const auto& kinds = p.persons_only_in;
  if (std::find(kinds.begin(), kinds.end(), target.kind) != kinds.end()) return source.kind == "person";
  return true;
}

// An actor right after the trigger, or after "with": "met the UN", "met
// with the UN", but not "met in Moscow".
bool party_after(const SentenceAnalysis& a, std::size_t t, const Lexicon& lex) {
  const auto& tk = a.tokens();
  int r = -1;
  for (std::size_t x = t + 1; x < tk.size() && x <= t + 4 && r < 0; ++x) {
    if (tk[x].text == ";" || tk[x].text == ":" || tk[x].text == "." || tk[x].text == "!" || tk[x].text == "?" ||
        tk[x].text == ",")
      break;
    r = a.nominal_at(x);
  }
  if (r < 0) return false;
  for (std::size_t x = t + 1; x < a.mentions[r].first; ++x)
    if (tk[x].fold != "with" && !lex.determiners.contains(tk[x].fold)) return false;
  return true;
}

// Whether the trigger's part of speech fits its pattern: from the parse's
// tag where it has one, else from the word before. `headline` is set for a
// verb pattern on a word that reads as a noun (the headline reading may
// still apply).
bool fits(const SentenceAnalysis& a, const Trigger& tr, const Lexicon& lex, bool& headline) {
  const RelationPattern& p = *tr.pattern;
  const std::size_t t = tr.token;
  headline = false;
  if (p.pos == "compound") return true;
  const auto& tk = a.tokens();
  const std::string& tag = a.syntax.tag_of(t);
  bool is_noun, is_verb;
  if (!tag.empty()) {
    is_verb = tag[0] == 'v' || tag == "g";
    is_noun = tag[0] == 'n' || tag == "g" || tag[0] == 's';
  } else if (a.syntax.parse.ok) {
    // A word Link Grammar guessed ("air-strikes"): let the roles decide.
    is_verb = is_noun = true;
  } else {
    const bool after_det = t > 0 && (lex.determiners.contains(tk[t - 1].fold) ||
                                     (a.mention_at[t - 1] >= 0 && a.mentions[a.mention_at[t - 1]].adjectival) ||
                                     (t > 1 && tk[t - 1].fold == "'s"));
    is_noun = after_det;
    is_verb = !after_det;
  }
  if (p.pos == "noun" && !is_noun) return false;
  if (p.pos == "verb" && !is_verb) {
    headline = true;
    return false;
  }
  return true;
}

// "protests began against President Bashar Assad": with the pattern's
// default_source, unnamed protesters are the people of the target's country.
void add_default_source(SentenceAnalysis& a, const Trigger& tr, Arguments& args, const Knowledge& k) {
  const RelationPattern& p = *tr.pattern;
  if (p.default_source.empty() || !args.sources.empty() || args.targets.size() != 1) return;
  const ActorRef& tg = a.mentions[args.targets[0]].actor;
  const Actor* st = tg.kind == "state"        ? k.actors.find_id(tg.id)
                    : !tg.country.empty() ? k.actors.find_id("state/" + tg.country)
                                          : nullptr;
  const Agent* ag = k.actors.find_agent(p.default_source);
  if (!st || !ag || ag->kind != "group") return;
  a.mentions.push_back(Mention{tr.token, tr.token + 1, k.actors.compose(*st, *ag), false, false, true});
  args.sources.push_back(static_cast<int>(a.mentions.size()) - 1);
}

// A closure without a named target (pattern option orphan): "Denmark reopens
// rail services to Germany after closing rail lines".
struct Orphan {
  Trigger trigger;
  std::vector<int> sources;
};

bool is_orphan(const SentenceAnalysis& a, const Trigger& tr, const Arguments& args) {
  const auto& words = tr.pattern->orphan_after;
  const auto& tk = a.tokens();
  const std::size_t t = tr.token;
  return !words.empty() && !args.sources.empty() && args.targets.empty() && t > 0 && tk[t].fold.ends_with("ing") &&
         std::find(words.begin(), words.end(), tk[t - 1].fold) != words.end();
}

// An orphan takes the target of its subject's other relation in the sentence.
void adopt_orphans(SentenceAnalysis& a, const std::vector<Orphan>& orphans, std::size_t found_before,
                   const Knowledge& k) {
  for (const auto& o : orphans) {
    Arguments args;
    args.sources = o.sources;
    args.shallow = true;
    for (std::size_t e = found_before; e < a.found.size(); ++e)
      for (int src : o.sources)
        if (a.found[e].source.id == a.mentions[src].actor.id && a.found[e].relation != o.trigger.pattern->relation)
          for (std::size_t mi = 0; mi < a.mentions.size(); ++mi)
            if (a.mentions[mi].actor.id == a.found[e].target.id && !a.mentions[mi].adjectival) {
              args.targets.push_back(static_cast<int>(mi));
              break;
            }
    if (!args.targets.empty()) emit(a, o.trigger, args, k);
  }
}

// Arguments of one trigger from its two roles, with the readings that
// complete them: parties of a "between", symmetric subjects.
Arguments arguments_of(const SentenceAnalysis& a, const Trigger& tr, const Knowledge& k) {
  const RelationPattern& p = *tr.pattern;
  Arguments args;
  args.sources = resolve_role(a, p.source, tr, k, args);
  args.targets = resolve_role(a, p.target, tr, k, args);
  if (p.source.kind == Kind::Prep && p.target.kind == Kind::Prep && p.source.preps == p.target.preps) {
    // "clashes between X and Y": each party acts on the other.
    args.targets = args.sources;
  } else if (args.targets.empty() && args.sources.size() >= 2 && relation_symmetric(p.relation) &&
             !party_after(a, tr.token, k.lexicon)) {
    // "Russia and Estonia exchange spies", "Obama and Putin met": a symmetric
    // act between coordinated subjects; not when the act has a party of its
    // own after it ("Colombia and Venezuela met with the UN").
    args.targets = args.sources;
  }
  return args;
}

// The parse found the actor but lost the prepositional phrase ("plans to
// deliver a batch of jets to the Syrian air force"): the target read off the words.
bool rescue_target(SentenceAnalysis& a, const Trigger& tr, Arguments& args, const Knowledge& k) {
  const RelationPattern& p = *tr.pattern;
  if ((args.sources.empty() && p.default_source.empty()) || !args.targets.empty() || !a.syntax.parse.ok ||
      (p.pos != "verb" && p.pos != "noun") || p.target.kind != Kind::Prep)
    return false;
  Arguments unused;
  SyntaxParse saved = std::move(a.syntax.parse);
  a.syntax.parse = SyntaxParse{};
  args.targets = resolve_role(a, p.target, tr, k, unused);
  a.syntax.parse = std::move(saved);
  return !args.targets.empty();
}

}  // namespace

Event make_event(const SentenceAnalysis& a, const ActorRef& src, const std::string& relation, const ActorRef& tgt,
                 std::size_t trig_first, std::size_t trig_last, std::initializer_list<const Mention*> args,
                 double confidence) {
  const auto& tk = a.tokens();
  const std::string& text = a.text();
  Event e;
  e.doc = a.doc->id;
  e.date = a.doc->date;
  e.source = src;
  e.relation = relation;
  e.target = tgt;
  e.confidence = confidence;
  std::size_t b = tk[trig_first].begin, en = tk[trig_last - 1].end;
  for (const Mention* m : args) {
    if (!m) continue;
    b = std::min(b, tk[m->first].begin);
    en = std::max(en, tk[m->last - 1].end);
  }
  e.evidence.trigger = text.substr(tk[trig_first].begin, tk[trig_last - 1].end - tk[trig_first].begin);
  e.evidence.start = codepoint_offset(text, b);
  e.evidence.end = codepoint_offset(text, en);
  e.evidence.sentence = text.substr(a.sentence->begin, a.sentence->end - a.sentence->begin);
  for (auto& c : e.evidence.sentence)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return e;
}

void emit(SentenceAnalysis& a, const Trigger& tr, const Arguments& args, const Knowledge& k) {
  const RelationPattern& p = *tr.pattern;
  Scope scope = find_scope(a, tr, k.lexicon);
  scope.negated = scope.negated || args.cancelled;
  std::string relation = p.relation;
  if (scope.negated && !p.negated_as.empty()) {
    // "could not accept" is a rejection that happened, not a possible acceptance.
    relation = p.negated_as;
    scope.negated = false;
    scope.modality = scope.modality == "reported" ? scope.modality : "asserted";
  }
  // An argument that is the office of a titled person is the person ("met
  // with US President Obama"), whichever path found it. (Mentions made after
  // the titles were read, such as a protest's unnamed protesters, have none.)
  auto person = [&](int m) {
    const bool has = m >= 0 && static_cast<std::size_t>(m) < a.titled.size();
    return has && a.titled[m] >= 0 ? a.titled[m] : m;
  };
  const double confidence = args.shallow ? std::min(p.confidence, 0.5) : p.confidence;
  for (int source_mention : args.sources) {
    const int si = person(source_mention);
    for (int target_mention : args.targets) {
      const int ti = person(target_mention);
      if (si < 0 || ti < 0 || si == ti) continue;
      const Mention& sm = a.mentions[si];
      const Mention& tm = a.mentions[ti];
      if (sm.actor.id == tm.actor.id || !plausible(p, sm.actor, tm.actor)) continue;
      Event e = make_event(a, sm.actor, relation, tm.actor, tr.token, tr.token + 1, {&sm, &tm}, confidence);
      e.negated = scope.negated;
      e.modality = scope.modality;
      if (scope.speaker >= 0 && a.mentions[scope.speaker].actor.id != sm.actor.id)
        e.attributed_to = a.mentions[scope.speaker].actor;
      a.found.push_back(std::move(e));
    }
  }
}

void relate(SentenceAnalysis& a, const Knowledge& k) {
  std::vector<Orphan> orphans;
  const std::size_t found_before = a.found.size();
  for (const auto& tr : a.triggers) {
    const RelationPattern& p = *tr.pattern;
    bool headline = false;
    if (!fits(a, tr, k.lexicon, headline)) {
      if (headline) emit(a, tr, headline_reading(a, tr, k), k);
      continue;
    }
    if (!p.object_word.empty()) {
      const auto& tk = a.tokens();
      bool has = false;
      for (std::size_t x = tr.token + 1; x < tk.size() && x <= tr.token + 3; ++x) has = has || tk[x].fold == p.object_word;
      if (!has) continue;
    }
    Arguments args = arguments_of(a, tr, k);
    const bool rescued = rescue_target(a, tr, args, k);
    add_default_source(a, tr, args, k);
    if (rescued) {
      args.shallow = true;
      if (!args.sources.empty()) emit(a, tr, args, k);
      continue;
    }
    if (is_orphan(a, tr, args)) orphans.push_back({tr, args.sources});
    if ((args.sources.empty() || args.targets.empty()) && a.syntax.parse.ok && p.pos == "verb") {
      emit(a, tr, headline_reading(a, tr, k), k);
      continue;
    }
    emit(a, tr, args, k);
  }
  adopt_orphans(a, orphans, found_before, k);
}

void keep_best(std::vector<Event>& found, std::vector<Event>& events) {
  std::map<std::tuple<std::string, std::string, std::string, bool>, std::size_t> seen;
  for (auto& e : found) {
    auto key = std::make_tuple(e.source.id, e.relation, e.target.id, e.negated);
    auto it = seen.find(key);
    if (it == seen.end()) {
      seen.emplace(key, events.size());
      events.push_back(std::move(e));
    } else if (events[it->second].confidence < e.confidence) {
      events[it->second] = std::move(e);
    }
  }
}

}  // namespace actorgraph::extract
