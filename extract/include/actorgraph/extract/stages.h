/// @file
/// The stages of relation extraction after tokenising, each a free function
/// over one sentence's analysis, in the order Extractor::extract runs them:
///
/// | stage        | file             | receives                          | returns / fills                       |
/// |--------------|------------------|-----------------------------------|---------------------------------------|
/// | boilerplate  | boilerplate.cc   | document text                     | byte ranges of site furniture         |
/// | discourse    | discourse.cc     | the document's sentences          | Discourse: focus country; dateline    |
/// | mentions     | mentions.cc      | sentence + Discourse              | SentenceAnalysis::mentions            |
/// | coreference  | coreference.cc   | mentions + Discourse              | mentions with pronouns, descriptions  |
/// | titles       | titles.cc        | mentions                          | leader_of / member_of events, titled  |
/// | triggers     | triggers.cc      | mentions                          | SentenceAnalysis::triggers            |
/// | syntax view  | syntax.cc        | mentions + triggers               | SentenceAnalysis::syntax (the parse)  |
/// | arguments    | arguments.cc     | a trigger                         | Arguments: sources, targets           |
/// | scope        | scope.cc         | a trigger                         | Scope: negation, modality, speaker    |
/// | relations    | relations.cc     | triggers, Arguments, Scope        | events (emission, one per triple)     |
///
/// One type, SentenceAnalysis, is handed from stage to stage; what one step
/// needs of another comes in a named struct (Arguments, Scope), never through
/// out-parameters. The word classes the rules read come from data/lexicon.txt
/// (Lexicon), relation-specific behaviour from pattern options
/// (patterns.h). These functions are the extractor's internals made
/// testable one by one; the stable entry point is Extractor (extractor.h).
///
/// Threads: every function is reentrant; the Knowledge it reads is immutable.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "actorgraph/extract/actors.h"
#include "actorgraph/extract/document.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/extract/lexicon.h"
#include "actorgraph/extract/parser.h"
#include "actorgraph/extract/patterns.h"
#include "actorgraph/extract/text.h"

namespace actorgraph::extract {

/// An actor named in a sentence: tokens [first, last).
struct Mention {
  std::size_t first = 0;
  std::size_t last = 0;
  ActorRef actor;
  bool adjectival = false;  ///< a modifier ("Russian wording", "Moscow-mediated")
  bool pronoun = false;     ///< resolved from it/he/they/its/his/their or a description
  bool composed = false;    ///< adjective + agent ("Syrian opposition")
};

/// What the stages read and never change: dictionaries, patterns, word classes.
struct Knowledge {
  const ActorDictionary& actors;
  const PatternSet& patterns;
  const Lexicon& lexicon;
  bool unknown_actors = true;  ///< names no dictionary knows become `unknown` actors
};

// ---------------------------------------------------------------------------
// discourse: the document's state as the sentences go by.

/// What pronouns, descriptions and bare agents refer back to.
struct Discourse {
  struct Recent {
    ActorRef actor;
    std::size_t sentence = 0;
  };
  /// Nominal mentions of the last sentences, newest last (a bounded window).
  std::deque<Recent> recent;
  static constexpr std::size_t kRecent = 24;
  /// Country last named with a group or force agent ("Syrian opposition"),
  /// and with a state organ ("Russia's Foreign Ministry"). A bare "the
  /// opposition" or "the government" takes the first, else the second.
  const Actor* agent_state = nullptr;
  const Actor* organ_state = nullptr;
  /// The document's country: the one most often named with a group or force
  /// agent ("Syrian opposition", "Syrian troops"), else its dateline's.
  const Actor* focus = nullptr;
  const Actor* last_state = nullptr;
  std::size_t sentence = 0;  ///< index of the sentence being read
  /// The paragraph being read (counted from 0) and how often each state was
  /// named in it so far, alone or as the country of another actor
  /// ("Lebanon's Ministry", "Israeli police", a Hungarian leader); agent_paragraph is the
  /// paragraph agent_state was last set in.
  std::size_t paragraph = 0, agent_paragraph = 0;
  std::map<const Actor*, int> paragraph_states;
  /// The state that stands out in the paragraph so far (named more often
  /// than any other), or null when none is named or two compete.
  const Actor* paragraph_focus() const;
};

/// Starts a new paragraph's count of states when `s` opens one.
void enter_sentence(Discourse& d, const Sentence& s, std::size_t index);

/// Tokens of a dateline that opens a paragraph ("DAMASCUS, Jan. 16 (Wire) -"):
/// where the report was filed, not an actor; 0 when there is none.
std::size_t dateline_end(const Sentence& s);

/// The document's focus country (Discourse::focus) from all its sentences.
const Actor* document_focus(const std::vector<Sentence>& sentences, const ActorDictionary& actors);

/// Adds a sentence's nominal mentions to the window of recent actors.
void remember(Discourse& d, const Mention& m, const ActorDictionary& actors);

// ---------------------------------------------------------------------------
// The analysis of one sentence, filled stage by stage.

/// A relation trigger: a token and a pattern it matches.
struct Trigger {
  std::size_t token = 0;
  const RelationPattern* pattern = nullptr;
};

/// A word the parser sees: a token, or a multi-word nominal mention as one word.
struct Unit {
  std::size_t first = 0;
  std::size_t last = 0;
  int mention = -1;
};

struct SentenceAnalysis;

/// The linkage as the argument rules need it: units, links by unit, and the
/// walks over them (subject, object, prepositional objects, passive agent,
/// host, coordination). Without a parse (ok false) every walk finds nothing.
struct SyntaxView {
  std::vector<Unit> units;
  std::vector<int> unit_of;  ///< token -> unit, -1 for the dateline
  SyntaxParse parse;
  std::vector<std::vector<std::size_t>> pieces;  ///< what the parser was shown, in units

  const Token& tok(const SentenceAnalysis& a, std::size_t u) const;
  bool has(int u) const { return u >= 0 && static_cast<std::size_t>(u) < units.size(); }
  /// Calls f(label, other end, u is the left end) for each link of u until f returns true.
  template <class F>
  void each_link(int u, F&& f) const {
    if (!parse.ok || !has(u)) return;
    for (int li : parse.links_of[u]) {
      const auto& l = parse.links[li];
      const bool left = l.left == u;
      if (f(l.label, left ? l.right : l.left, left)) return;
    }
  }
  static bool starts(const std::string& label, const char* p) { return label.rfind(p, 0) == 0; }
  bool passive(int u) const;
  /// The grammatical subject of verb u (before voice is considered), or -1.
  int subject(const SentenceAnalysis& a, int u, int depth = 0) const;
  int object(int u) const;
  std::vector<int> prep_objects(const SentenceAnalysis& a, int u, const std::vector<std::string>& preps,
                                int depth = 0) const;
  /// "calling on the opposition" read with "on" as a particle (K link).
  bool has_particle(const SentenceAnalysis& a, int u, const std::vector<std::string>& preps) const;
  int passive_agent(const SentenceAnalysis& a, int u) const;
  /// The actor a noun is predicated of: "X remained one of the allies", "X, a member of".
  int host(const SentenceAnalysis& a, int u) const;
  /// Mentions a word stands for: its own, or through coordination its conjuncts'.
  void mentions_of(const SentenceAnalysis& a, int u, std::vector<int>& out, int depth = 0) const;
  /// The parse's part-of-speech tag of token t's unit ("" when none).
  const std::string& tag_of(std::size_t t) const;

 private:
  bool coordinates_a_common_noun(const SentenceAnalysis& a, int u) const;
};

struct SentenceAnalysis {
  const Document* doc = nullptr;
  const Sentence* sentence = nullptr;
  std::size_t index = 0;         ///< sentence index in the document
  std::size_t dateline_end = 0;  ///< tokens before this are a dateline
  std::vector<Mention> mentions;
  std::vector<int> mention_at;  ///< token -> mention covering it, or -1 (index_mentions)
  /// titled[k]: the person mention that mention k is the office of, or -1
  /// ("U.S." in "U.S. President Barack Obama"); from the titles stage.
  std::vector<int> titled;
  std::vector<Trigger> triggers;
  SyntaxView syntax;
  std::vector<Event> found;  ///< candidate events, before one-per-triple

  const std::vector<Token>& tokens() const { return sentence->tokens; }
  const std::string& text() const { return doc->text; }
  /// The nominal (not adjectival) mention covering token t, or -1.
  int nominal_at(std::size_t t) const {
    return mention_at[t] >= 0 && !mentions[mention_at[t]].adjectival ? mention_at[t] : -1;
  }
};

/// Fills mention_at from mentions.
void index_mentions(SentenceAnalysis& a);

// ---------------------------------------------------------------------------
// mentions, coreference, titles, triggers, syntax view

/// Actor mentions in a sentence: dictionary aliases (longest match),
/// actor-holder compounds ("Moscow-mediated"), demonym + agent ("Syrian
/// opposition"), person-like unknown names, and bare agents that take their
/// country from the discourse ("the government", "rebels"). Updates the
/// discourse's agent and organ states.
std::vector<Mention> find_mentions(const Sentence& s, std::size_t dateline_end, Discourse& d, const Knowledge& k);

/// Adds pronouns and definite descriptions ("it", "the country", "the
/// president", "the pope") resolved to the most recent compatible actor of
/// this or the previous two sentences, and returns all mentions in order.
std::vector<Mention> resolve_references(const SentenceAnalysis& a, const Discourse& d, const Knowledge& k);

/// Leader titles ("President Bashar Assad", "the President of Venezuela
/// Nicolás Maduro", "X, the Prime Minister") as leader_of events, and "a
/// member of his party" as member_of; fills a.titled.
void read_titles(SentenceAnalysis& a, const Knowledge& k);

/// The triggers of the sentence (verbs, nouns, two-word nouns, compounds).
std::vector<Trigger> find_triggers(const SentenceAnalysis& a, const Knowledge& k);

/// Whether the parse can add anything: two different actors, one nominal,
/// and a trigger with two of them within reach.
bool worth_parsing(const SentenceAnalysis& a);

/// Units, the pieces worth parsing and their linkage (parser may be null:
/// no parse, every walk then finds nothing).
void build_syntax(SentenceAnalysis& a, const LinkParser* parser);

/// The --trace line of a candidate sentence.
std::string trace_line(const SentenceAnalysis& a);

// ---------------------------------------------------------------------------
// arguments, scope, relations

/// The actors of a trigger's two roles, as mention indices.
struct Arguments {
  std::vector<int> sources;
  std::vector<int> targets;
  bool shallow = false;    ///< read off the words, not the parse (lower confidence)
  bool cancelled = false;  ///< a cancelling verb governs the trigger ("calls off airstrikes")
};

/// Resolves one role of a trigger (from the parse when there is one, else
/// shallow); sets `out.shallow` / `out.cancelled` as it goes.
std::vector<int> resolve_role(const SentenceAnalysis& a, const ArgumentRole& role, const Trigger& tr,
                              const Knowledge& k, Arguments& flags);

/// The headline reading "X strikes Y", "X accuses Y of": a subject right before
/// the verb and an object right after it; empty sources when it does not apply.
Arguments headline_reading(const SentenceAnalysis& a, const Trigger& tr, const Knowledge& k);

/// The mentions coordinated with m ("Russia and China", "Russia, China and Iran"), m first.
void coordinated(const SentenceAnalysis& a, int m, std::vector<int>& out);

/// Negation, modality and attribution of a trigger.
struct Scope {
  bool negated = false;
  std::string modality = "asserted";
  int speaker = -1;  ///< mention index of whoever the sentence reports, or -1
};
Scope find_scope(const SentenceAnalysis& a, const Trigger& tr, const Lexicon& lex);

/// Emits the events of a trigger with its arguments into a.found.
void emit(SentenceAnalysis& a, const Trigger& tr, const Arguments& args, const Knowledge& k);

/// Runs arguments, scope and emission for every trigger of the sentence.
void relate(SentenceAnalysis& a, const Knowledge& k);

/// The event for source, relation and target with its evidence span.
Event make_event(const SentenceAnalysis& a, const ActorRef& src, const std::string& relation, const ActorRef& tgt,
                 std::size_t trig_first, std::size_t trig_last, std::initializer_list<const Mention*> args,
                 double confidence);

/// One instance per (source, relation, target, negated) and sentence: the
/// most confident of a.found, appended to `events` in first-seen order.
void keep_best(std::vector<Event>& found, std::vector<Event>& events);

}  // namespace actorgraph::extract
