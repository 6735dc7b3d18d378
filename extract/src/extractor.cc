// The extract stage: mentions, triggers, arguments, negation and modality.
#include "actorgraph/extract/extractor.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "actorgraph/extract/error.h"

namespace actorgraph::extract {
namespace {

using Kind = ArgumentRole::Kind;

// How far (in tokens) from a trigger its two actors may be for the sentence
// to be worth a parse. Measured on ../shared/corpus (docs/performance.md):
// 10 loses no relation and skips a quarter of the parses, 8 loses two.
constexpr std::size_t kReach = 10;

// Closed word classes the argument and scope rules look at. They are
// grammar, not knowledge of the world, so they live here rather than in data/.
const std::unordered_set<std::string> kNegators = {"not", "n't", "never", "no", "nor", "cannot"};
const std::unordered_set<std::string> kNegatingVerbs = {
    "refuse", "refuses", "refused", "refusing", "deny", "denies", "denied", "denying",
    "decline", "declines", "declined", "fail", "fails", "failed", "reject", "rejects", "rejected"};
const std::unordered_set<std::string> kHypothetical = {"may", "might", "could", "possibly",
                                                       "attempt", "attempts", "effort", "try",
                                                       "tries", "trying", "would-be"};
const std::unordered_set<std::string> kIntended = {
    "will", "would", "shall", "'ll", "plan", "plans", "planned", "planning", "intend", "intends",
    "intended", "offer", "offers", "offered", "agree", "agrees", "agreed", "ready", "prepared",
    "expected", "going", "set", "pledge", "pledges", "pledged", "promise", "promises", "promised",
    "vow", "vows", "vowed", "aim", "aims", "seek", "seeks", "sought", "want", "wants", "hope", "hopes"};
const std::unordered_set<std::string> kSpeech = {
    "said", "says", "say", "claims", "claimed", "claim", "told", "tells", "alleges", "alleged",
    "allege", "reportedly", "according", "stated", "states", "insisted", "insists", "added"};
// Words that may stand between an auxiliary group and its verb.
const std::unordered_set<std::string> kVerbGroup = {
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would",
    "shall", "may", "might", "could", "can", "should", "must", "do", "does", "did", "to", "also",
    "still", "now", "already", "repeatedly", "reportedly", "again", "then", "just", "allegedly",
    "formally", "officially", "jointly", "unanimously", "publicly", "immediately", "gradually",
    "longer", "ever", "yet", "so", "far", "once", "further", "continue", "continues", "continued",
    "begin", "begins", "began", "start", "starts", "started", "try", "tries", "tried", "seek",
    "seeks", "sought", "plan", "plans", "planned", "want", "wants", "wanted", "agree", "agrees",
    "agreed", "offer", "offers", "offered", "threaten", "threatens", "threatened", "vow", "vows",
    "vowed", "decide", "decides", "decided", "move", "moves", "moved", "expected", "set", "going",
    "ready", "able", "unable", "willing", "prepared", "attempt", "attempts", "attempted"};
const std::unordered_set<std::string> kDeterminers = {
    "the", "a", "an", "its", "his", "her", "their", "our", "no", "any", "this", "that", "these",
    "those", "'s", "'", "own", "new", "further", "more", "first", "latest", "several", "some"};
// Second halves of hyphenated modifiers that make their first half the holder
// of a place ("rebel-held", "Houthi-controlled"), beside the pattern compounds.
const std::unordered_set<std::string> kHolderSuffixes = {"held", "controlled", "occupied", "run", "dominated"};
// Heads that never stand for the actor modifying them: places ("Armenian
// villages", "Yemen's port") and masses of people ("Syrian migrants").
const std::unordered_set<std::string> kNonActorHeads = {
    "city", "cities", "town", "towns", "village", "villages", "port", "ports", "province", "provinces",
    "region", "regions", "area", "areas", "territory", "capital", "district", "neighborhood",
    "neighbourhood", "airport", "coast", "island", "islands", "border", "borders", "airspace", "waters",
    "soil", "side", "migrants", "refugees", "civilians", "nationals", "people", "citizens", "villagers",
    "residents", "workers", "students", "tourists", "prisoners", "hostages", "children", "women", "men",
    "minorities", "asylum-seekers", "journalists", "society", "media", "economy", "market", "markets"};
// Prepositions end the object of a headline reading ("strikes targets in Iraq").
const std::unordered_set<std::string> kPrepositions = {
    "in", "on", "at", "of", "for", "from", "with", "by", "near", "across", "after", "before",
    "during", "since", "to", "into", "over", "under", "against", "within", "between", "about"};
// Verbs whose object noun is the subject's own act: "France carried out
// air-strikes", "launched an offensive", "began talks with Russia".
const std::unordered_set<std::string> kLightVerbs = {
    "carried", "carry", "carries", "carrying", "launch", "launches", "launched", "launching",
    "conduct", "conducts", "conducted", "stage", "stages", "staged", "mount", "mounts", "mounted",
    "begin", "begins", "began", "start", "starts", "started", "hold", "holds", "held", "resume",
    "resumes", "resumed", "open", "opens", "opened", "make", "makes", "made", "issue", "issues",
    "issued", "step", "stepped", "intensify", "intensified", "announce", "announces", "announced",
    "reach", "reaches", "reached", "sign", "signs", "signed", "strike", "strikes", "struck"};
// "a resolution drafted by Western powers": participles that name a measure's author.
const std::unordered_set<std::string> kAuthorParticiples = {"drafted", "sponsored", "proposed", "submitted",
                                                            "tabled", "written", "introduced", "put"};
// Verbs that call off the act they govern: "calls off airstrikes", "halted the offensive".
const std::unordered_set<std::string> kCancelVerbs = {
    "call", "calls", "called", "calling", "halt", "halts", "halted", "suspend", "suspends", "suspended",
    "cancel", "cancels", "cancelled", "canceled", "abandon", "abandons", "abandoned"};
const std::unordered_set<std::string> kPronounsIt = {"it", "its"};
const std::unordered_set<std::string> kPronounsHe = {"he", "him", "his"};
const std::unordered_set<std::string> kPronounsThey = {"they", "them", "their"};
const std::unordered_set<std::string> kPossessivePronouns = {"its", "his", "their"};

bool clause_break(const Token& t) {
  return t.text == ";" || t.text == ":" || t.text == "." || t.text == "!" || t.text == "?";
}

}  // namespace

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
// Kinds a relation cannot join, whatever the words say: only a person
// belongs to a state or to a state's forces ("a member of the Syrian
// government"); "NATO troops joined Afghan forces" is cooperation.
static bool plausible(const std::string& relation, const ActorRef& source, const ActorRef& target) {
  if (relation == "member_of" && (target.kind == "state" || target.kind == "force")) return source.kind == "person";
  return true;
}

// ---------------------------------------------------------------------------
// Document context: what pronouns and bare agents refer back to.

struct Extractor::Context {
  struct Recent {
    ActorRef actor;
    std::size_t sentence = 0;
  };
  std::deque<Recent> recent;       ///< nominal mentions, newest last
  /// Country last named with a group or force agent ("Syrian opposition"),
  /// and with a state organ ("Russia's Foreign Ministry"). A bare "the
  /// opposition" or "the government" takes the first, else the second.
  const Actor* agent_state = nullptr;
  const Actor* organ_state = nullptr;
  /// The document's country: the one most often named with a group or force
  /// agent ("Syrian opposition", "Syrian troops"), else its dateline's.
  const Actor* focus = nullptr;
  /// Tokens of the current sentence before this index are a dateline.
  std::size_t dateline_end = 0;
  const Actor* last_state = nullptr;
  std::size_t sentence = 0;

  void remember(const Mention& m, const ActorDictionary& dict) {
    if (m.adjectival) return;
    recent.push_back({m.actor, sentence});
    if (recent.size() > 24) recent.pop_front();
    if (m.actor.kind == "state")
      if (const Actor* a = dict.find_id(m.actor.id)) last_state = a;
  }
};

Extractor::Extractor(const ActorDictionary& actors, const PatternSet& patterns,
                     const Tokenizer& tokenizer, const Boilerplate& boilerplate,
                     const LinkParser* parser)
    : actors_(actors), patterns_(patterns), tokenizer_(tokenizer), boilerplate_(boilerplate),
      parser_(parser) {}

std::vector<Mention> Extractor::mentions(const Sentence& sentence) const {
  Context ctx;
  return find_mentions(sentence, ctx);
}

std::vector<Mention> Extractor::find_mentions(const Sentence& s, Context& ctx) const {
  std::vector<Mention> out;
  const auto& tk = s.tokens;
  const std::size_t n = tk.size();
  const std::size_t max_len = actors_.max_alias_tokens();

  // The folded text of tokens [i, j), with a space wherever the source had whitespace.
  auto span_key = [&](std::size_t i, std::size_t j) {
    std::string k;
    for (std::size_t x = i; x < j; ++x) {
      if (x > i && tk[x].begin > tk[x - 1].end) k += ' ';
      k += tk[x].fold;
    }
    return k;
  };
  // Longest agent noun starting at i: returns its end, or i.
  auto agent_at = [&](std::size_t i, const Agent** agent) {
    std::size_t best = i;
    for (std::size_t j = i + 1; j <= std::min(n, i + 3); ++j) {
      if (const Agent* a = actors_.find_agent(span_key(i, j))) {
        *agent = a;
        best = j;
      }
    }
    return best;
  };
  auto state_of = [&](const Actor* a) -> const Actor* {
    return a && (a->kind == "state" || a->kind == "bloc") ? a : nullptr;
  };

  // Headlines capitalise every word; there capitals say nothing about names.
  std::size_t words = 0, capitals = 0;
  for (const auto& t : tk)
    if (t.word && t.text.size() > 3) ++words, capitals += t.capitalized ? 1 : 0;
  const bool title_case = words >= 5 && capitals * 4 >= words * 3;
  auto s_text = [&](std::size_t b, std::size_t e) {
    std::string t;
    for (std::size_t x = b; x < e; ++x) t += (x > b ? " " : "") + tk[x].text;
    return t;
  };
  auto alias_starts_at = [&](std::size_t k) {
    for (std::size_t j = k + 1; j <= std::min(n, k + max_len); ++j)
      if (!actors_.find_alias(span_key(k, j)).empty()) return true;
    return false;
  };
  std::size_t i = ctx.dateline_end;
  while (i < n) {
    if (!tk[i].word) {
      ++i;
      continue;
    }
    // 1. Longest dictionary alias (a capitalised surface: "west of" is a direction).
    std::size_t best = i;
    const Actor* hit = nullptr;
    bool compound = false;
    for (std::size_t j = i + 1; j <= std::min(n, i + max_len); ++j) {
      if (!tk[j - 1].word && j - 1 == i) break;
      auto found = actors_.find_alias(span_key(i, j));
      if (!found.empty()) {
        best = j;
        hit = found.front();
        compound = false;
      }
      // "Islamic State-held": an alias whose last word carries a compound suffix.
      const auto h = tk[j - 1].fold.rfind('-');
      if (j - 1 > i && h != std::string::npos && h > 0 &&
          (!patterns_.lookup("compound", tk[j - 1].fold.substr(h + 1)).empty() ||
           kHolderSuffixes.count(tk[j - 1].fold.substr(h + 1)))) {
        std::string k = span_key(i, j - 1);
        if (tk[j - 1].begin > tk[j - 2].end) k += ' ';
        auto f2 = actors_.find_alias(k + tk[j - 1].fold.substr(0, h));
        if (!f2.empty()) {
          best = j;
          hit = f2.front();
          compound = true;
        }
      }
    }
    bool capital = false;
    for (std::size_t x = i; x < best; ++x) capital = capital || tk[x].capitalized;
    if (hit && capital && compound) {
      out.push_back(Mention{i, best, hit->ref(), true, false, false});
      i = best;
      continue;
    }
    if (hit && capital) {
      Mention m{i, best, hit->ref(), false, false, false};
      // "Taliban forces", "ISIS militants": a group's fighters are the group;
      // "NATO troops", "UN peacekeepers": a body's are the body.
      if (hit->kind == "group" || hit->kind == "igo") {
        const Agent* agent = nullptr;
        const std::size_t e = agent_at(best, &agent);
        if (agent && e > best && agent->kind != "state") m.last = e;
      }
      // "United States military", "Russia's Foreign Ministry": a state and an agent noun.
      if (const Actor* st = state_of(hit)) {
        std::size_t k = best;
        if (k < n && (tk[k].fold == "'s" || tk[k].fold == "'")) ++k;
        const Agent* agent = nullptr;
        const std::size_t e = agent_at(k, &agent);
        if (agent && e > k) {
          m.last = e;
          m.actor = actors_.compose(*st, *agent);
          m.composed = true;
          (agent->kind == "state" ? ctx.organ_state : ctx.agent_state) = st;
        }
      }
      // "Moscow Times", "West Bank", "Washington Post": a one-word alias that
      // runs on into another capitalised word is part of a longer name we do
      // not know, unless the sentence is a headline in title case.
      if (!m.composed && m.last == i + 1 && m.last < n && tk[m.last].word && tk[m.last].capitalized &&
          !title_case && !actors_.find_adjective(tk[m.last].fold) && !alias_starts_at(m.last)) {
        i = m.last;
        continue;
      }
      out.push_back(m);
      i = m.last;
      continue;
    }
    // 2. Hyphenated compounds whose first part is an actor: "Moscow-mediated", "U.S.-backed".
    if (const auto h = tk[i].fold.rfind('-'); h != std::string::npos && h > 0) {
      const std::string prefix = tk[i].fold.substr(0, h);
      const std::string suffix = tk[i].fold.substr(h + 1);
      if ((!patterns_.lookup("compound", suffix).empty() || kHolderSuffixes.count(suffix)) &&
          (tk[i].capitalized || kHolderSuffixes.count(suffix))) {
        const Actor* a = actors_.find_adjective(prefix);
        if (!a) {
          auto found = actors_.find_alias(prefix);
          if (!found.empty()) a = found.front();
        }
        if (a) {
          out.push_back(Mention{i, i + 1, a->ref(), true, false, false});
          ++i;
          continue;
        }
      }
    }
    // 3. Adjective (+ agent): "Syrian opposition", "Russian Foreign Ministry", "Russian wording".
    if (tk[i].capitalized) {
      if (const Actor* st = actors_.find_adjective(tk[i].fold)) {
        const Agent* agent = nullptr;
        std::size_t e = agent_at(i + 1, &agent);
        if (!agent && i + 2 < n && !tk[i + 1].capitalized) {
          // One modifier between: "Hungarian riot police" is covered by the agent list,
          // "Syrian government forces" by this.
          e = agent_at(i + 2, &agent);
        }
        if (agent && e > i + 1) {
          out.push_back(Mention{i, e, actors_.compose(*st, *agent), false, false, true});
          (agent->kind == "state" ? ctx.organ_state : ctx.agent_state) = st;
          i = e;
        } else {
          out.push_back(Mention{i, i + 1, st->ref(), true, false, false});
          ++i;
        }
        continue;
      }
    }
    // 4. A name no dictionary knows, shaped like a person's ("Reyaad Khan"):
    //    an actor of kind unknown (ONTOLOGY.md, the last resolution rule).
    // Not inside a longer name: "Commission of Human Rights", "Village of All Together".
    const bool inside_name = i >= 2 && (tk[i - 1].fold == "of" || tk[i - 1].fold == "for" || tk[i - 1].fold == "and") &&
                             tk[i - 2].capitalized;
    if (unknown_actors_ && tk[i].capitalized && !title_case && !inside_name) {
      bool done = false;
      for (std::size_t len = 3; len >= 2 && !done; --len) {
        const std::size_t e = i + len;
        if (e > n) continue;
        bool ok = true;
        for (std::size_t x = i; x < e && ok; ++x)
          ok = tk[x].word && tk[x].capitalized && (x == i || tk[x].begin == tk[x - 1].end + 1) &&
               (x == i || !alias_starts_at(x));
        if (!ok || (e < n && tk[e].word && tk[e].capitalized && tk[e].begin == tk[e - 1].end + 1)) continue;
        std::string name(s_text(i, e));
        if (auto ref = actors_.unknown_actor(name)) {
          out.push_back(Mention{i, e, *ref, false, false, false});
          i = e;
          done = true;
        }
      }
      if (done) continue;
    }
    // 5. A bare agent noun: "the government", "rebels", "government forces". It
    //    belongs to the country last named with an agent, else the last state named.
    {
      const Agent* agent = nullptr;
      const std::size_t e = agent_at(i, &agent);
      const bool definite = i > 0 && (tk[i - 1].fold == "the");
      // Without "the", only a plural noun is an agent: "rebels", "government forces";
      // "military intervention" is not.
      const bool plural = e > i && tk[e - 1].fold.size() > 3 && tk[e - 1].fold.back() == 's';
      // A bare office-holder ("the envoy", "the president") is a person, not
      // the state: only institutions stand for a state without its name.
      static const std::unordered_set<std::string> kBareInstitutions = {
          "government", "regime", "authorities", "administration", "ministry", "foreign ministry",
          "cabinet", "parliament", "congress", "leadership", "junta", "interim government"};
      // A bare weapon that is also an act ("airstrikes against rebels") is the act.
      // Bare weapons ("missiles", "jets") are more often what is supplied than who acts.
      static const std::unordered_set<std::string> kBareForces = {
          "military", "army", "troops", "soldiers", "forces", "security forces", "government forces",
          "armed forces", "air force", "navy", "police", "riot police", "police officers", "policemen",
          "militia", "militias", "border guards", "special forces"};
      const bool institution = agent && (agent->kind != "state" || kBareInstitutions.count(agent->noun)) &&
                               (agent->kind != "force" || kBareForces.count(agent->noun));
      // Counted people ("killing dozens of soldiers", "16 police officers")
      // are victims whose side the sentence rarely says: they take only a
      // country already named with such an agent, not the document's
      // country (which may come from later sentences) or the last one named.
      static const std::unordered_set<std::string> kCounts = {
          "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
          "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
          "scores", "several", "many", "some", "few", "numerous"};
      auto is_count = [&](const Token& t) {
        return kCounts.count(t.fold) > 0 || (!t.fold.empty() && std::isdigit(static_cast<unsigned char>(t.fold[0])));
      };
      const bool counted = !definite && i > 0 &&
                           (is_count(tk[i - 1]) || (i > 1 && tk[i - 1].fold == "of" && is_count(tk[i - 2])));
      if (agent && e > i && institution && (!counted || ctx.agent_state) &&
          (definite || (plural && agent->kind != "state"))) {
        // A bare "rebels" or "opposition" is the country last named with such a
        // group (else the document's); a bare "the government" is the
        // document's country, the one its groups and forces belong to.
        const Actor* st = counted                 ? ctx.agent_state
                          : agent->kind != "state" ? (ctx.agent_state   ? ctx.agent_state
                                                      : ctx.organ_state ? ctx.organ_state
                                                      : ctx.focus       ? ctx.focus
                                                                        : ctx.last_state)
                                                   : (ctx.focus         ? ctx.focus
                                                      : ctx.organ_state ? ctx.organ_state
                                                                        : ctx.last_state);
        if (!st) {
          // Nothing before: the first country named later in the sentence.
          for (std::size_t x = e; x < n && !st; ++x)
            if (const Actor* a = actors_.find_adjective(tk[x].fold)) st = a;
        }
        if (st) {
          out.push_back(Mention{i, e, actors_.compose(*st, *agent), false, false, true});
          (agent->kind == "state" ? ctx.organ_state : ctx.agent_state) = st;
          i = e;
          continue;
        }
      }
    }
    ++i;
  }
  return out;
}

// The mention that covers token t, or -1.
int mention_at_first(const std::vector<Mention>& ms, std::size_t t) {
  for (std::size_t k = 0; k < ms.size(); ++k)
    if (ms[k].first <= t && t < ms[k].last) return static_cast<int>(k);
  return -1;
}

// ---------------------------------------------------------------------------
// Argument assignment over one sentence.

namespace {

struct Unit {
  std::size_t first = 0;
  std::size_t last = 0;
  int mention = -1;
};

struct SentenceView {
  const Sentence& s;
  std::vector<Mention>& mentions;
  std::vector<Unit> units;
  std::vector<int> unit_of;  // token -> unit
  SyntaxParse parse;
  /// titled[k]: the person mention that mention k is the office of, or -1
  /// ("U.S." in "U.S. President Barack Obama").
  std::vector<int> titled;

  const Token& tok(std::size_t u) const { return s.tokens[units[u].first]; }
  bool has(int u) const { return u >= 0 && static_cast<std::size_t>(u) < units.size(); }

  // Links of unit u as (label, other end, u is the left end).
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

  bool passive(int u) const {
    bool p = false;
    each_link(u, [&](const std::string& lab, int, bool left) {
      if (!left && (starts(lab, "Pv") || starts(lab, "Mv") || starts(lab, "Jv"))) p = true;
      return p;
    });
    return p;
  }

  // The word that is the grammatical subject of verb u (before voice is considered).
  int subject(int u, int depth = 0) const {
    if (depth > 6 || !has(u)) return -1;
    int found = -1;
    each_link(u, [&](const std::string& lab, int o, bool left) {
      if (!left && lab[0] == 'S' && !starts(lab, "SJ") && !starts(lab, "SI")) found = o;
      else if (left && starts(lab, "SI")) found = o;
      return found >= 0;
    });
    if (found >= 0) return found;
    // Climb auxiliaries, infinitives, control verbs, verb coordination,
    // participle clauses ("..., calling on") and reduced relatives ("wording assigning").
    each_link(u, [&](const std::string& lab, int o, bool left) {
      if (!left && (starts(lab, "PP") || starts(lab, "Pv") || starts(lab, "Pg") || starts(lab, "Pa") ||
                    lab[0] == 'I' || starts(lab, "TO") || starts(lab, "VJ") || starts(lab, "Wg") ||
                    starts(lab, "MVg") || starts(lab, "MVi"))) {
        found = subject(o, depth + 1);
      } else if (left && starts(lab, "VJ")) {
        found = subject(o, depth + 1);
      } else if (!left && (starts(lab, "Mg") || starts(lab, "Mv"))) {
        found = o;
        // "a resolution at the Security Council supporting X": a participle after
        // a place phrase modifies the noun the phrase belongs to.
        each_link(o, [&](const std::string& l2, int prep, bool left2) {
          if (left2 || l2[0] != 'J') return false;
          const std::string& pf = tok(prep).fold;
          if (pf != "at" && pf != "in" && pf != "on") return false;
          each_link(prep, [&](const std::string& l3, int head, bool left3) {
            if (!left3 && starts(l3, "Mp")) found = head;
            return false;
          });
          return true;
        });
      }
      return found >= 0;
    });
    return found;
  }

  int object(int u) const {
    int found = -1;
    each_link(u, [&](const std::string& lab, int o, bool left) {
      if (left && lab[0] == 'O') found = o;
      return found >= 0;
    });
    return found;
  }

  std::vector<int> prep_objects(int u, const std::vector<std::string>& preps, int depth = 0) const {
    std::vector<int> out;
    if (depth > 2 || !has(u)) return out;
    each_link(u, [&](const std::string& lab, int p, bool left) {
      if (!left || !(starts(lab, "MV") || lab[0] == 'M' || starts(lab, "Pp") || lab[0] == 'J'))
        return false;
      if (std::find(preps.begin(), preps.end(), tok(p).fold) == preps.end()) return false;
      // "according to X" names a source, not an argument.
      if (units[p].first > 0 && s.tokens[units[p].first - 1].fold == "according") return false;
      each_link(p, [&](const std::string& l2, int o, bool left2) {
        if (left2 && l2[0] == 'J') out.push_back(o);
        return false;
      });
      return false;
    });
    if (out.empty()) {
      // The preposition may hang off the object or a noun inside a
      // prepositional phrase: "reopens rail services to Germany",
      // "closes crossings with Serbia", "controls on its border with Austria".
      each_link(u, [&](const std::string& lab, int o, bool left) {
        if (left && (lab[0] == 'O' || lab[0] == 'J' || (depth > 0 && lab[0] == 'M')))
          for (int w : prep_objects(o, preps, depth + 1)) out.push_back(w);
        return !out.empty();
      });
    }
    return out;
  }

  // "calling on the opposition": Link Grammar may read "on" as a particle (K)
  // and the actor as the verb's object.
  bool has_particle(int u, const std::vector<std::string>& preps) const {
    bool found = false;
    each_link(u, [&](const std::string& lab, int p, bool left) {
      if (left && lab[0] == 'K' && std::find(preps.begin(), preps.end(), tok(p).fold) != preps.end())
        found = true;
      return found;
    });
    return found;
  }

  int passive_agent(int u) const {
    auto v = prep_objects(u, {"by"});
    return v.empty() ? -1 : v.front();
  }

  // The actor a noun is predicated of: "X remained one of the allies", "X, a member of".
  int host(int u) const {
    int w = u;
    for (int step = 0; step < 5; ++step) {
      int next = -1, result = -1;
      each_link(w, [&](const std::string& lab, int o, bool left) {
        if (!left && starts(lab, "MX")) result = o;
        else if (!left && starts(lab, "SJ")) next = o;  // "X, the movement and an ally of Y"
        else if (!left && lab[0] == 'O') result = subject(o);
        else if (!left && (lab[0] == 'J' || lab[0] == 'M')) next = o;
        return result >= 0;
      });
      if (result >= 0) return result;
      if (next < 0) return -1;
      w = next;
    }
    return -1;
  }

  // Whether the conjunction u joins a lowercase common noun that is no actor.
  bool coordinates_a_common_noun(int u) const {
    bool found = false;
    each_link(u, [&](const std::string& lab, int o, bool) {
      if (!starts(lab, "SJ") || units[o].mention >= 0) return false;
      const std::string& tag = parse.tags[o];
      found = !tok(o).capitalized && !tag.empty() && tag[0] == 'n';
      return found;
    });
    return found;
  }

  // Mentions a word stands for: its own, or through coordination its conjuncts'.
  void mentions_of(int u, std::vector<int>& out, int depth = 0) const {
    if (!has(u) || depth > 4) return;
    if (units[u].mention >= 0) {
      // "U.S. Secretary of State Hillary Clinton": an office right before a
      // name is that person's title, and the person is the argument.
      const Mention& m = mentions[units[u].mention];
      // Likewise "the President of Colombia Juan Manuel Santos".
      const bool of_title = m.first >= 2 && s.tokens[m.first - 1].fold == "of" && s.tokens[m.first - 2].capitalized;
      if ((m.composed || of_title) && m.actor.kind != "person" && static_cast<std::size_t>(u) + 1 < units.size() &&
          units[u + 1].mention >= 0 && mentions[units[u + 1].mention].actor.kind == "person") {
        out.push_back(units[u + 1].mention);
        return;
      }
      out.push_back(units[u].mention);
      return;
    }
    // A coordination is a list of actors only when every conjunct is one:
    // "refugees from Iraq and Syria" read as "[refugees] and [Syria]" is not.
    if (depth == 0 && coordinates_a_common_noun(u)) return;
    each_link(u, [&](const std::string& lab, int o, bool left) {
      if (starts(lab, "SJ")) mentions_of(o, out, depth + 1);
      // "strip President Otto Pérez": the title heads the name (G, GN).
      else if (left && lab[0] == 'G' && units[o].mention >= 0) out.push_back(units[o].mention);
      // "the President of Colombia Juan Manuel Santos": the title stands for the named person.
      else if (left && lab[0] == 'M' && tok(u).capitalized && tok(o).fold == "of")
        each_link(o, [&](const std::string& l2, int w, bool left2) {
          if (left2 && l2[0] == 'J' && units[w].mention >= 0 && mentions[units[w].mention].actor.kind == "person")
            out.push_back(units[w].mention);
          return false;
        });
      return false;
    });
  }
};

}  // namespace

std::vector<Event> Extractor::extract(const Document& doc) const {
  std::vector<Event> events;
  const std::string& text = doc.text;
  const auto furniture = boilerplate_.furniture(text);
  auto is_furniture = [&](std::size_t b, std::size_t e) {
    for (const auto& [fb, fe] : furniture)
      if (b < fe && e > fb) return true;
    return false;
  };

  Context ctx;
  auto sentences = tokenizer_.split(text);
  // "DAMASCUS, Jan. 16 (Wire) -": a dateline names where the report was
  // filed, not an actor. It is the upper-case words that open a paragraph
  // before a comma or a parenthesis.
  auto dateline_end = [&](const Sentence& s) -> std::size_t {
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
  };
  {
    std::map<const Actor*, std::pair<int, std::size_t>> counts;  // state -> (count, -first)
    const Actor* dateline_state = nullptr;
    std::size_t order = 0;
    for (const auto& s : sentences) {
      const auto& tk = s.tokens;
      if (const std::size_t d = dateline_end(s); d > 0 && !dateline_state) {
        std::string k;
        for (std::size_t x = 0; x < d; ++x) k += (x ? " " : "") + tk[x].fold;
        for (const Actor* a : actors_.find_alias(k))
          if (a->kind == "state") { dateline_state = a; break; }
      }
      for (std::size_t x = 0; x + 1 < tk.size(); ++x) {
        if (!tk[x].capitalized) continue;
        const Actor* st = actors_.find_adjective(tk[x].fold);
        if (!st || st->kind != "state") continue;
        const Agent* ag = actors_.find_agent(tk[x + 1].fold);
        if (!ag || ag->kind == "state") continue;
        auto& c = counts[st];
        if (c.first == 0) c.second = order++;
        ++c.first;
      }
    }
    int best = 0;
    std::size_t best_order = 0;
    for (const auto& [st, c] : counts)
      if (c.first > best || (c.first == best && c.second < best_order)) {
        ctx.focus = st;
        best = c.first;
        best_order = c.second;
      }
    if (!ctx.focus) ctx.focus = dateline_state;
  }
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& sent = sentences[si];
    ctx.sentence = si;
    ctx.dateline_end = dateline_end(sent);
    ++stats_.sentences;
    if (sent.tokens.empty() || is_furniture(sent.begin, sent.end)) continue;
    const auto& tk = sent.tokens;
    std::vector<Mention> ms = find_mentions(sent, ctx);

    // Pronouns: the most recent compatible actor in this or the previous two sentences.
    {
      std::vector<Mention> with_pronouns;
      std::size_t next = 0;
      std::deque<Context::Recent> recent = ctx.recent;
      for (std::size_t t = 0; t < tk.size(); ++t) {
        while (next < ms.size() && ms[next].first == t) {
          with_pronouns.push_back(ms[next]);
          if (!ms[next].adjectival) recent.push_back({ms[next].actor, si});
          t = ms[next].last - 1;
          ++next;
        }
        if (t >= tk.size()) break;
        if (next > 0 && t < with_pronouns.back().last) continue;
        const std::string& f = tk[t].fold;
        // Definite descriptions: "the country" is the latest state named; "the
        // president" / "the prime minister" is the leader of that state on the
        // document's date (a 2012 report's president is not the 2015 one).
        if (f == "the" && t + 1 < tk.size() && mention_at_first(ms, t + 1) < 0) {
          const std::string& w1 = tk[t + 1].fold;
          const bool two = t + 2 < tk.size() && w1 == "prime" && tk[t + 2].fold == "minister";
          const std::size_t end = t + (two ? 3 : 2);
          const bool possessive = end < tk.size() && (tk[end].fold == "'s" || tk[end].fold == "'");
          const bool next_is_name = end < tk.size() && tk[end].capitalized;  // "the president Bashar Assad"
          // "Pope Francis ... the pope", "Queen Elizabeth ... the queen": a
          // person named in the last sentences whose name opens with the word.
          const ActorRef* titled_person = nullptr;
          if (!two && !next_is_name && w1.size() > 2)
            for (auto r = recent.rbegin(); r != recent.rend() && !titled_person; ++r) {
              if (si > r->sentence + 2) break;
              const std::string_view name = r->actor.name;
              if (r->actor.kind == "person" && name.size() > w1.size() && name[w1.size()] == ' ' &&
                  fold(name.substr(0, w1.size())) == w1)
                titled_person = &r->actor;
            }
          if (titled_person) {
            const ActorRef ref = *titled_person;
            with_pronouns.push_back(Mention{t, end, ref, possessive, true, false});
            recent.push_back({ref, si});
            t = end - 1;
            continue;
          }
          if ((w1 == "country" || w1 == "president" || w1 == "council" || two) && !next_is_name) {
            const ActorRef* state = nullptr;
            const ActorRef* body = nullptr;  // "the council": the latest intergovernmental body
            for (auto r = recent.rbegin(); r != recent.rend() && !(state && body); ++r) {
              if (si > r->sentence + 2) break;
              if (r->actor.kind == "state" && !state) state = &r->actor;
              if (r->actor.kind == "igo" && !body) body = &r->actor;
            }
            std::optional<ActorRef> ref;
            if (w1 == "council") {
              if (body) ref = *body;
            } else if (state && w1 == "country") {
              ref = *state;
            } else if (state && !doc.date.empty()) {
              if (const Actor* leader = actors_.leader_of(state->id, doc.date)) ref = leader->ref();
            }
            if (ref) {
              with_pronouns.push_back(Mention{t, end, *ref, possessive, true, false});
              recent.push_back({*ref, si});
              t = end - 1;
              continue;
            }
          }
        }
        const bool it = kPronounsIt.count(f), he = kPronounsHe.count(f), they = kPronounsThey.count(f);
        if (!(it || he || they)) continue;
        for (auto r = recent.rbegin(); r != recent.rend(); ++r) {
          if (si > r->sentence + 2) break;
          const std::string& k = r->actor.kind;
          const bool ok = he ? k == "person"
                             : it ? (k == "state" || k == "igo" || k == "group")
                                  : (k == "group" || k == "bloc" || k == "force" || k == "state");
          if (!ok) continue;
          Mention m{t, t + 1, r->actor, kPossessivePronouns.count(f) > 0, true, false};
          with_pronouns.push_back(m);
          break;
        }
      }
      ms = std::move(with_pronouns);
    }
    for (const auto& m : ms) ctx.remember(m, actors_);

    // Leader titles: "President Bashar Assad", "U.K. Prime Minister David Cameron",
    // "the President of Venezuela Nicolás Maduro".
    std::vector<Event> found;
    auto make_event = [&](const ActorRef& src, const std::string& rel, const ActorRef& tgt,
                          std::size_t trig_first, std::size_t trig_last,
                          std::initializer_list<const Mention*> args, double conf) {
      Event e;
      e.doc = doc.id;
      e.date = doc.date;
      e.source = src;
      e.relation = rel;
      e.target = tgt;
      e.confidence = conf;
      std::size_t b = tk[trig_first].begin, en = tk[trig_last - 1].end;
      for (const Mention* m : args) {
        if (!m) continue;
        b = std::min(b, tk[m->first].begin);
        en = std::max(en, tk[m->last - 1].end);
      }
      e.evidence.trigger = text.substr(tk[trig_first].begin, tk[trig_last - 1].end - tk[trig_first].begin);
      e.evidence.start = codepoint_offset(text, b);
      e.evidence.end = codepoint_offset(text, en);
      e.evidence.sentence = text.substr(sent.begin, sent.end - sent.begin);
      for (auto& c : e.evidence.sentence)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      return e;
    };
    auto mention_at_token = [&](std::size_t t) -> const Mention* {
      for (const Mention& o : ms)
        if (o.first <= t && t < o.last) return &o;
      return nullptr;
    };
    // The title kind of tokens [b, e): "title" (names the person's own state
    // unless another is given), "title-of" (needs its organisation), or "".
    auto title_at = [&](std::size_t b, std::size_t e) -> std::string {
      if (b >= e || e > tk.size()) return "";
      std::string t;
      for (std::size_t x = b; x < e; ++x) t += (x > b ? " " : "") + tk[x].fold;
      if (!patterns_.lookup("title", t).empty()) return "title";
      if (!patterns_.lookup("title-of", t).empty()) return "title-of";
      return "";
    };
    auto leader = [&](const Mention& person, const Mention* org, const std::string& kind, std::size_t tb,
                      std::size_t te) {
      ActorRef target;
      // "Commission President Juncker", "Vice President Biden": a capitalised word
      // we do not know before the title makes it someone else's office.
      if (!org && tb > 0 && tk[tb - 1].word && tk[tb - 1].capitalized && tb - 1 > ctx.dateline_end &&
          !mention_at_token(tb - 1))
        return;
      if (org) target = org->actor;
      else if (kind == "title" && !person.actor.country.empty())
        if (const Actor* st = actors_.find_id("state/" + person.actor.country)) target = st->ref();
      if (target.id.empty() || target.id == person.actor.id || target.kind == "person") return;
      // A role the dictionary dates holds only on those dates: "President X" in
      // a report from after his term is a former president.
      if (!doc.date.empty() && target.kind == "state")
        if (const Actor* pa = actors_.find_id(person.actor.id)) {
          const bool dated = std::any_of(pa->roles.begin(), pa->roles.end(),
                                         [](const Role& r) { return r.relation == "leader_of"; });
          if (dated && !actors_.held_role(*pa, "leader_of", target.id, doc.date)) return;
        }
      if (kind == "title" && org && org->actor.kind != "state") return;
      found.push_back(make_event(person.actor, "leader_of", target, tb, te, {&person, org}, 0.8));
    };
    auto mention_ending = [&](std::size_t e) -> const Mention* {
      for (const Mention& o : ms)
        if (!o.pronoun && (o.last == e || (o.last + 1 == e && tk[o.last].fold == "'s"))) return &o;
      return nullptr;
    };
    std::vector<int> titled(ms.size(), -1);
    for (const Mention& m : ms) {
      if (m.actor.kind != "person" || m.pronoun) continue;
      // Before the name: "President Bashar Assad", "U.K. Prime Minister David Cameron",
      // "Croatian prime minister Zoran Milanović", "opposition leader X".
      for (std::size_t len = 1; len <= 3 && len <= m.first; ++len) {
        const std::size_t tb = m.first - len;
        const std::string kind = title_at(tb, m.first);
        if (kind.empty()) continue;
        const Mention* org = mention_ending(tb);
        for (const Mention& o : ms)  // a composed mention that contains the title
          if (o.composed && o.last == m.first && o.first < tb) org = &o;
        if (org && !org->pronoun) titled[org - ms.data()] = static_cast<int>(&m - ms.data());
        leader(m, org, kind, tb, m.first);
        break;
      }
      // "the President of Venezuela Nicolás Maduro", "the leader of FARC Timoleón Jiménez".
      if (const Mention* org = mention_ending(m.first); org && org->first >= 2 && tk[org->first - 1].fold == "of") {
        for (std::size_t len = 1; len <= 2 && len + 1 <= org->first; ++len) {
          const std::size_t tb = org->first - 1 - len;
          const std::string kind = title_at(tb, org->first - 1);
          if (!kind.empty()) {
            leader(m, org, "title-of", tb, org->first - 1);
            break;
          }
        }
      }
      // After the name: "Zoran Milanović, the Prime Minister, says",
      // "Malcolm Turnbull is sworn in as the Prime Minister of Australia".
      std::size_t x = m.last;
      bool linked = false;
      while (x < tk.size() && x < m.last + 6) {
        const std::string& f = tk[x].fold;
        if (f == "," || f == "as") linked = true;
        else if (f != "the" && f != "is" && f != "was" && f != "sworn" && f != "in" && f != "new" &&
                 f != "becomes" && f != "became" && f != "named" && f != "elected")
          break;
        ++x;
      }
      if (!linked) continue;
      for (std::size_t len = 3; len >= 1; --len) {
        std::string kind = title_at(x, x + len);
        const Mention* org = nullptr;
        if (kind.empty()) {
          // "Zoran Milanović, Croatia's prime minister" / "the Croatian prime minister"
          const Mention* c = x < tk.size() && mention_at_token(x) ? mention_at_token(x) : nullptr;
          if (c && c->composed && !title_at(c->last - len, c->last).empty() && c->last - len > c->first) {
            kind = title_at(c->last - len, c->last);
            org = c;
            x = c->last - len;
          }
        }
        if (kind.empty()) continue;
        const std::size_t te = x + len;
        if (!org && te + 1 < tk.size() && tk[te].fold == "of")
          for (const Mention& o : ms)
            if (o.first == te + 1 || (o.first == te + 2 && tk[te + 1].fold == "the")) org = &o;
        leader(m, org, kind, x, te);
        break;
      }
    }
    // "a member of his Fidesz party": the party of the person "his" refers to.
    for (const Mention& g : ms) {
      if (g.actor.kind != "group" || g.first == 0) continue;
      const bool party = (g.last < tk.size() && tk[g.last].fold == "party") || tk[g.last - 1].fold == "party" ||
                         g.actor.name.find("Party") != std::string::npos;
      if (!party) continue;
      for (const Mention& pr : ms)
        if (pr.pronoun && pr.last == g.first && pr.actor.kind == "person" &&
            (tk[pr.first].fold == "his" || tk[pr.first].fold == "her"))
          found.push_back(make_event(pr.actor, "member_of", g.actor, g.first, g.last, {&pr, &g}, 0.7));
    }

    // Triggers.
    struct Trigger {
      std::size_t token;
      const RelationPattern* pattern;
    };
    std::vector<int> mention_at(tk.size(), -1);
    for (std::size_t k = 0; k < ms.size(); ++k)
      for (std::size_t x = ms[k].first; x < ms[k].last; ++x) mention_at[x] = static_cast<int>(k);
    std::vector<Trigger> triggers;
    for (std::size_t t = ctx.dateline_end; t < tk.size(); ++t) {
      if (!tk[t].word) continue;
      if (mention_at[t] >= 0) {
        // Compounds are mentions that are also triggers: "Moscow-mediated".
        const auto h = tk[t].fold.rfind('-');
        if (ms[mention_at[t]].adjectival && h != std::string::npos)
          for (const auto* p : patterns_.lookup("compound", tk[t].fold.substr(h + 1)))
            triggers.push_back({t, p});
        continue;
      }
      for (const char* pos : {"verb", "noun"}) {
        for (const auto* p : patterns_.lookup(pos, tk[t].fold)) triggers.push_back({t, p});
        // Two-word triggers ("air strike", "arms sale") end at their head word.
        if (t > 0 && tk[t - 1].word && mention_at[t - 1] < 0)
          for (const auto* p : patterns_.lookup(pos, tk[t - 1].fold + " " + tk[t].fold))
            triggers.push_back({t, p});
      }
    }
    std::size_t nominal = 0;
    for (const auto& m : ms) nominal += m.adjectival ? 0 : 1;
    // A relation needs two different actors: with fewer, the parse cannot
    // add anything (the titles above still count).
    std::set<std::string> distinct;
    for (const auto& m : ms) distinct.insert(m.actor.id);
    // ... and the parse only reads links near a trigger: at least one trigger
    // must have two different actors within kReach tokens (cheap before dear:
    // on ../shared/corpus this skips a quarter of the parses and no relation).
    auto in_reach = [&](const Trigger& tr) {
      std::set<std::string_view> near;
      bool nominal_near = false;
      for (const auto& m : ms) {
        const std::size_t gap = m.last <= tr.token ? tr.token + 1 - m.last : (m.first > tr.token ? m.first - tr.token : 0);
        if (gap > kReach) continue;
        near.insert(m.actor.id);
        nominal_near = nominal_near || !m.adjectival;
      }
      return near.size() >= 2 && nominal_near;
    };
    const bool worth_parsing = distinct.size() >= 2 && nominal > 0 && std::any_of(triggers.begin(), triggers.end(), in_reach);
    if (worth_parsing) {

    ++stats_.candidate_sentences;

    // Units for the parser: a multi-word nominal mention is one proper-noun word.
    SentenceView view{sent, ms, {}, std::vector<int>(tk.size(), -1), {}, std::move(titled)};
    // The dateline stays out of the parse; its tokens have no unit.
    for (std::size_t t = ctx.dateline_end; t < tk.size();) {
      Unit u{t, t + 1, -1};
      if (mention_at[t] >= 0 && !ms[mention_at[t]].adjectival && !ms[mention_at[t]].pronoun) {
        u.last = ms[mention_at[t]].last;
      }
      if (mention_at[t] >= 0) u.mention = mention_at[t];
      for (std::size_t x = u.first; x < u.last; ++x) view.unit_of[x] = static_cast<int>(view.units.size());
      view.units.push_back(u);
      t = u.last;
    }
    std::vector<std::vector<std::size_t>> pieces;  // what the parser was shown, in units
    if (parser_) {
      std::vector<std::string> words;
      for (const auto& u : view.units) {
        std::string w;
        for (std::size_t x = u.first; x < u.last; ++x) {
          if (x > u.first) w += '_';
          w += tk[x].text;
        }
        if (u.last - u.first > 1 && !w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
        // Link Grammar knows straight quotes only.
        if (w == "\xe2\x80\x9c" || w == "\xe2\x80\x9d") w = "\"";
        if (w == "\xe2\x80\x98" || w == "\xe2\x80\x99") w = "'";
        if (w == "\xe2\x80\x94" || w == "\xe2\x80\x93") w = "--";
        words.push_back(w);
      }
      // Only the part of the sentence around its actors and triggers goes to
      // the parser, clause by clause in a long sentence (parse_pieces); the
      // rest costs time and adds nothing.
      std::vector<bool> anchors(words.size(), false);
      for (std::size_t u = 0; u < view.units.size(); ++u) anchors[u] = view.units[u].mention >= 0;
      for (const auto& tr : triggers)
        if (view.unit_of[tr.token] >= 0) anchors[view.unit_of[tr.token]] = true;
      pieces = parse_pieces(words, anchors);
      view.parse = parser_->parse(words, pieces);
    }
    if (trace_) {
      std::string line = "sentence: " + text.substr(sent.begin, sent.end - sent.begin) + "\n  mentions:";
      for (const auto& m : ms)
        line += " [" + text.substr(tk[m.first].begin, tk[m.last - 1].end - tk[m.first].begin) + "=" +
                m.actor.id + (m.adjectival ? " adj" : "") + (m.pronoun ? " pron" : "") + "]";
      line += "\n  parsed:";
      for (std::size_t k = 0; k < pieces.size(); ++k) {
        line += k ? " |" : "";
        for (std::size_t u : pieces[k]) {
          const auto& un = view.units[u];
          line += " " + text.substr(tk[un.first].begin, tk[un.last - 1].end - tk[un.first].begin);
        }
      }
      line += "\n  links:";
      auto word = [&](int u) {
        const auto& un = view.units[u];
        return text.substr(tk[un.first].begin, tk[un.last - 1].end - tk[un.first].begin) + "." +
               view.parse.tags[u];
      };
      for (const auto& l : view.parse.links) line += " " + l.label + "(" + word(l.left) + "," + word(l.right) + ")";
      line += "\n  triggers:";
      for (const auto& tr : triggers) line += " " + tk[tr.token].text + ":" + tr.pattern->relation + "/" + tr.pattern->pos;
      trace_(line);
    }
    if (view.parse.ok) ++stats_.parsed;
    else ++stats_.fallback;

    // Shallow helpers: nearest nominal mention left/right of a token.
    auto nearest_left = [&](std::size_t t) -> int {
      for (std::size_t x = t; x-- > 0;) {
        if (clause_break(tk[x])) break;
        if (mention_at[x] >= 0 && !ms[mention_at[x]].adjectival) return mention_at[x];
      }
      return -1;
    };
    auto nearest_right = [&](std::size_t t, std::size_t window) -> int {
      for (std::size_t x = t + 1; x < tk.size() && x <= t + window; ++x) {
        if (clause_break(tk[x]) || tk[x].text == ",") break;
        if (mention_at[x] >= 0 && !ms[mention_at[x]].adjectival) return mention_at[x];
      }
      return -1;
    };
    // An actor right after the trigger, or after "with": "met the UN", "met
    // with the UN", but not "met in Moscow".
    auto party_after = [&](std::size_t t) {
      const int r = nearest_right(t, 4);
      if (r < 0) return false;
      for (std::size_t x = t + 1; x < ms[r].first; ++x)
        if (tk[x].fold != "with" && !kDeterminers.count(tk[x].fold)) return false;
      return true;
    };
    // "Russia and China", "Russia, China and Iran": the mentions coordinated with m.
    auto coordinated = [&](int m, std::vector<int>& out) {
      out.push_back(m);
      for (int dir : {-1, 1}) {
        int cur = m;
        for (;;) {
          const long edge = dir < 0 ? static_cast<long>(ms[cur].first) - 1 : static_cast<long>(ms[cur].last);
          if (edge < 0 || edge >= static_cast<long>(tk.size())) break;
          const std::string& c = tk[edge].fold;
          if (c != "and" && c != ",") break;
          const long nb = edge + dir;
          if (nb < 0 || nb >= static_cast<long>(tk.size()) || mention_at[nb] < 0 || ms[mention_at[nb]].adjectival) break;
          cur = mention_at[nb];
          out.push_back(cur);
        }
      }
    };
    // Actors in the noun phrase that ends at token t: possessors and modifiers.
    auto np_modifiers = [&](std::size_t t) -> std::vector<int> {
      std::vector<int> out;
      for (std::size_t x = t; x-- > 0 && t - x <= 5;) {
        if (mention_at[x] >= 0) {
          // Only the nearest actor modifies this noun, except that the holder of
          // a place ("the Islamic State-held central Syrian city") stands for it.
          int pick = mention_at[x];
          for (std::size_t y = ms[pick].first; y-- > 0 && t - y <= 6;) {
            if (mention_at[y] < 0) continue;
            const std::string& f = tk[ms[mention_at[y]].last - 1].fold;
            for (const char* held : {"-held", "-controlled", "-occupied"})
              if (f.ends_with(held)) pick = mention_at[y];
            y = ms[mention_at[y]].first;
          }
          out.push_back(pick);
          break;
        }
        if (!tk[x].word && tk[x].fold != "'s" && tk[x].fold != "'") break;
        if (kPrepositions.count(tk[x].fold)) break;  // "offer to host talks": another phrase
        // The noun phrase starts at its article or at a conjunction.
        const std::string& f = tk[x].fold;
        if (f == "a" || f == "an" || f == "the" || f == "and" || f == "or" || f == "," || f == "this" || f == "that")
          break;
        if (view.unit_of[x] < 0) break;
        if (view.parse.ok && !view.parse.tags[view.unit_of[x]].empty() &&
            view.parse.tags[view.unit_of[x]][0] == 'v')
          break;
      }
      return out;
    };

    bool cancelled = false;  // set by resolve_role when a cancelling verb governs the trigger
    auto resolve_role = [&](const ArgumentRole& role, std::size_t t, const RelationPattern& p,
                            bool& shallow) -> std::vector<int> {
      std::vector<int> out;
      const int u = view.unit_of[t];
      const bool pass = view.parse.ok && view.passive(u);
      auto tok_fold = [&](int w) { return tk[view.units[w].last - 1].fold; };
      auto add_word = [&](int w) {
        std::vector<int> ids;
        view.mentions_of(w, ids);
        if (ids.empty() && w >= 0 && static_cast<std::size_t>(w) + 1 < view.units.size() &&
            view.units[w + 1].mention >= 0 && ms[view.units[w + 1].mention].actor.kind == "person" &&
            (!patterns_.lookup("title", tok_fold(w)).empty() || !patterns_.lookup("title-of", tok_fold(w)).empty()))
          ids.push_back(view.units[w + 1].mention);  // "strip President Otto Pérez": the titled person
        if (ids.empty() && w >= 0 && p.pos != "compound" && kNonActorHeads.count(tok_fold(w))) {
          // A place stands for whoever the text says holds it ("rebel-held town"), no one else.
          for (int mm : np_modifiers(view.units[w].first)) {
            const std::string& f = tk[ms[mm].last - 1].fold;
            for (const char* held : {"-held", "-controlled", "-occupied"})
              if (f.ends_with(held)) ids.push_back(mm);
          }
        } else if (ids.empty() && w >= 0 && p.pos != "compound" && tok_fold(w) != "and" && tok_fold(w) != "or") {
          // (A conjunction's conjuncts were tried above; the actor before
          // "and" modifies nothing: "a trip to Cuba and will visit".)
          // A measure stands for its author: "a resolution drafted by Western
          // powers", else the actor modifying it: "vetoed a Western resolution".
          view.each_link(w, [&](const std::string& lab, int part, bool left) {
            if (left && SentenceView::starts(lab, "Mv")) view.mentions_of(view.passive_agent(part), ids);
            return !ids.empty();
          });
          // The parse may hang "drafted by X" elsewhere: look right of the noun too.
          for (std::size_t x = view.units[w].last; ids.empty() && x + 2 < tk.size() && x < view.units[w].last + 6; ++x) {
            if (clause_break(tk[x])) break;
            if (kAuthorParticiples.count(tk[x].fold) && tk[x + 1].fold == "by" && mention_at[x + 2] >= 0 &&
                !ms[mention_at[x + 2]].adjectival)
              coordinated(mention_at[x + 2], ids);
          }
          if (ids.empty())
            for (int mm : np_modifiers(view.units[w].first)) ids.push_back(mm);
        }
        out.insert(out.end(), ids.begin(), ids.end());
      };
      if (p.pos == "compound") {
        if (role.kind == Kind::Possessor) out.push_back(mention_at[t]);
        else if (role.kind == Kind::Host) {
          const int r = nearest_right(t, 2);
          if (r >= 0) out.push_back(r);
        } else if (role.kind == Kind::Context) {
          for (std::size_t k = 0; k < ms.size(); ++k)
            if (!ms[k].adjectival && static_cast<int>(k) != mention_at[t]) out.push_back(static_cast<int>(k));
        }
        return out;
      }
      if (view.parse.ok) {
        switch (role.kind) {
          case Kind::Subject: {
            const int w = pass ? view.passive_agent(u) : view.subject(u);
            add_word(w);
            if (w < 0 && !pass && p.pos == "verb" && tk[t].fold.ends_with("ing") && t > 0) {
              // A participle clause with no subject of its own ("..., the ministry said,
              // calling on X") acts for the nearest subject before it.
              for (std::size_t x = t; x-- > 0 && out.empty();) {
                if (clause_break(tk[x])) break;
                const int mu = view.unit_of[x];
                if (mention_at[x] < 0 || ms[mention_at[x]].adjectival) continue;
                bool is_subject = false;
                view.each_link(mu, [&](const std::string& lab, int, bool left) {
                  is_subject = left && lab[0] == 'S' && !SentenceView::starts(lab, "SJ");
                  return is_subject;
                });
                if (is_subject) out.push_back(mention_at[x]);
              }
            }
            break;
          }
          case Kind::Object:
            add_word(pass ? view.subject(u) : view.object(u));
            break;
          case Kind::Prep:
            for (int w : view.prep_objects(u, role.preps)) add_word(w);
            if (view.has_particle(u, role.preps)) add_word(view.object(u));
            break;
          case Kind::Possessor:
            out = np_modifiers(t);
            if (out.empty() && p.pos == "noun" && t >= 2) {
              // "The Syrian government calls off airstrikes": the subject's own act, cancelled.
              std::size_t v = t - 1;
              if (v > 0 && (tk[v].fold == "the" || tk[v].fold == "its" || tk[v].fold == "planned")) --v;
              if (tk[v].fold == "off" && v > 0 && kCancelVerbs.count(tk[v - 1].fold)) {
                add_word(view.subject(view.unit_of[v - 1]));
                cancelled = !out.empty();
              } else if (kCancelVerbs.count(tk[v].fold) && tk[v].fold.find("call") == std::string::npos) {
                add_word(view.subject(view.unit_of[v]));
                cancelled = !out.empty();
              }
            }
            if (out.empty() && p.pos == "noun") {
              // "France carried out air-strikes against ISIL", "begin talks with
              // Russia": a noun that is the object of a verb is that verb's act.
              view.each_link(u, [&](const std::string& lab, int v, bool left) {
                if (!left && lab[0] == 'O' && kLightVerbs.count(tk[view.units[v].first].fold)) {
                  add_word(view.subject(v));
                  if (out.empty()) {
                    // The parse lost the verb's subject: the nearest actor before it.
                    const int m = nearest_left(view.units[v].first);
                    if (m >= 0) coordinated(m, out);
                  }
                }
                return !out.empty();
              });
              // The parse may not link the light verb at all ("agrees to begin
              // military to military talks with Russia"): read it off the words.
              for (std::size_t x = t; out.empty() && x-- > 0 && t - x <= 5;) {
                if (clause_break(tk[x]) || tk[x].text == "," || mention_at[x] >= 0) break;
                if (!kLightVerbs.count(tk[x].fold)) continue;
                const int m = nearest_left(x);
                if (m >= 0) coordinated(m, out);
              }
            }
            break;
          case Kind::Host:
            add_word(view.host(u));
            break;
          case Kind::Context:
            for (std::size_t k = 0; k < ms.size(); ++k)
              if (!ms[k].adjectival) out.push_back(static_cast<int>(k));
            break;
        }
        return out;
      }
      shallow = true;
      switch (role.kind) {
        case Kind::Subject:
        case Kind::Host: {
          const int m = nearest_left(t);
          if (m >= 0) coordinated(m, out);
          break;
        }
        case Kind::Object: {
          const int m = nearest_right(t, 6);
          if (m >= 0) coordinated(m, out);
          break;
        }
        case Kind::Prep:
          for (std::size_t x = t + 1; x < tk.size() && x <= t + 8; ++x) {
            if (clause_break(tk[x])) break;
            if (std::find(role.preps.begin(), role.preps.end(), tk[x].fold) == role.preps.end()) continue;
            const int m = nearest_right(x, 4);
            if (m >= 0) coordinated(m, out);
            break;
          }
          break;
        case Kind::Possessor:
          out = np_modifiers(t);
          break;
        case Kind::Context:
          for (std::size_t k = 0; k < ms.size(); ++k)
            if (!ms[k].adjectival) out.push_back(static_cast<int>(k));
          break;
      }
      return out;
    };

    // Negation, modality and attribution from the words around the trigger.
    auto scope = [&](std::size_t t, const RelationPattern& p, bool& negated, std::string& modality,
                     const Mention*& speaker) {
      negated = false;
      modality = p.modality.empty() ? "asserted" : p.modality;
      speaker = nullptr;
      // Back over the verb group ("has not", "refused to", "could not", "will no longer").
      for (std::size_t x = t, steps = 0; x-- > 0 && steps < 7; ++steps) {
        const std::string& f = tk[x].fold;
        if (mention_at[x] >= 0 || clause_break(tk[x]) || f == ",") break;
        if (kNegators.count(f) || kNegatingVerbs.count(f)) negated = true;
        if (kHypothetical.count(f)) modality = "hypothetical";
        else if (kIntended.count(f) && modality == "asserted") modality = "intended";
        if (p.pos == "verb" && !kVerbGroup.count(f) && !kNegators.count(f) && !kNegatingVerbs.count(f) &&
            !kHypothetical.count(f) && !kIntended.count(f) && f.size() > 2 && !f.ends_with("ly"))
          break;
      }
      for (std::size_t x = 0; x < t; ++x)
        if (tk[x].fold == "if" || tk[x].fold == "unless") modality = "hypothetical";
      // Reported speech: the trigger inside what someone said.
      for (std::size_t x = 0; x < tk.size(); ++x) {
        if (!kSpeech.count(tk[x].fold) || x == t) continue;
        bool reported = false;
        int who = -1;
        if (tk[x].fold == "according" && x + 2 < tk.size() && tk[x + 1].fold == "to") {
          reported = true;
          who = mention_at[x + 2];
        } else if (tk[x].fold == "reportedly" || tk[x].fold == "alleged" || tk[x].fold == "allegedly") {
          reported = true;
        } else if (x > t) {
          // "..., the Foreign Ministry said" or "..., said Abdel Baset Seda".
          bool comma = false;
          for (std::size_t y = t + 1; y < x; ++y) comma = comma || tk[y].text == "," || tk[y].text == "\"" ||
                                                          tk[y].fold == "\xe2\x80\x9d";
          if (comma) {
            reported = true;
            for (std::size_t y = x; y-- > t + 1;)
              if (mention_at[y] >= 0 && !ms[mention_at[y]].adjectival) { who = mention_at[y]; break; }
            if (who < 0 && x + 1 < tk.size()) who = mention_at[x + 1];
          }
        } else {
          // "X said (that) ... trigger", unless the trigger is X's own participle: "said, calling on".
          const bool participle = tk[t].fold.ends_with("ing") && t > 0 && tk[t - 1].text == ",";
          if (!participle) {
            reported = true;
            for (std::size_t y = x; y-- > 0;)
              if (mention_at[y] >= 0 && !ms[mention_at[y]].adjectival) { who = mention_at[y]; break; }
          }
        }
        if (reported) {
          if (modality == "asserted") modality = "reported";
          if (who >= 0 && !ms[who].adjectival) speaker = &ms[who];
          break;
        }
      }
    };

    auto emit = [&](const RelationPattern& p, std::size_t t, const std::vector<int>& sources,
                    const std::vector<int>& targets, bool shallow) {
      bool negated;
      std::string modality;
      const Mention* speaker;
      scope(t, p, negated, modality, speaker);
      negated = negated || cancelled;
      std::string relation = p.relation;
      if (negated && !p.negated_as.empty()) {
        // "could not accept" is a rejection that happened, not a possible acceptance.
        relation = p.negated_as;
        negated = false;
        modality = modality == "reported" ? modality : "asserted";
      }
      // An argument that is the office of a titled person is the person
      // ("met with US President Obama"), whichever path found it.
      auto person = [&](int k) {
        // (Mentions made after the titles were read, such as a protest's
        // unnamed protesters, have no entry.)
        const bool has = k >= 0 && static_cast<std::size_t>(k) < view.titled.size();
        return has && view.titled[k] >= 0 ? view.titled[k] : k;
      };
      for (int source_mention : sources) {
        const int si2 = person(source_mention);
        for (int target_mention : targets) {
          const int ti = person(target_mention);
          if (si2 < 0 || ti < 0 || si2 == ti) continue;
          const Mention& sm = ms[si2];
          const Mention& tm = ms[ti];
          if (sm.actor.id == tm.actor.id || !plausible(relation, sm.actor, tm.actor)) continue;
          Event e = make_event(sm.actor, relation, tm.actor, t, t + 1, {&sm, &tm},
                               shallow ? std::min(p.confidence, 0.5) : p.confidence);
          e.negated = negated;
          e.modality = modality;
          if (speaker && speaker->actor.id != sm.actor.id) e.attributed_to = speaker->actor;
          found.push_back(std::move(e));
        }
      }
    };

    // The headline reading of "X strikes Y", "X accuses Y of": a subject right
    // before the verb and an object right after it, for when the parse made the
    // verb a noun or found no arguments. Lower confidence.
    auto headline_reading = [&](std::size_t t, const RelationPattern& p)
        -> std::optional<std::pair<std::vector<int>, std::vector<int>>> {
      if (p.source.kind != Kind::Subject || t == 0) return std::nullopt;
      std::size_t x = t;
      while (x > 0 && mention_at[x - 1] < 0 && tk[x - 1].fold.ends_with("ly")) --x;
      if (x > 0 && tk[x - 1].fold == "and" && p.target.kind == Kind::Object) {
        // "Hungary responded angrily ... and accused Croatia": the second verb of a
        // coordination shares the subject that opens the sentence.
        std::size_t first = ctx.dateline_end;
        if (first < tk.size() && tk[first].fold == "the") ++first;
        if (first < tk.size() && mention_at[first] >= 0 && !ms[mention_at[first]].adjectival &&
            !ms[mention_at[first]].pronoun && t + 1 < tk.size() && mention_at[t + 1] >= 0 &&
            !ms[mention_at[t + 1]].adjectival && mention_at[t + 1] != mention_at[first])
          return std::make_pair(std::vector<int>{mention_at[first]}, std::vector<int>{mention_at[t + 1]});
        return std::nullopt;
      }
      if (x == 0 || mention_at[x - 1] < 0) return std::nullopt;
      const Mention& subj = ms[mention_at[x - 1]];
      if (subj.adjectival || subj.pronoun) return std::nullopt;
      if (subj.first > 0) {
        const std::string& before = tk[subj.first - 1].fold;
        // "a deadly PKK attack", "64 PKK targets": a noun compound, not a clause.
        if (before == "a" || before == "an" || before == "'s" || before == "deadly" ||
            (!before.empty() && before[0] >= '0' && before[0] <= '9'))
          return std::nullopt;
      }
      std::vector<int> tgt;
      if (p.target.kind == Kind::Object && t + 1 < tk.size() && tk[t + 1].fold == "by") {
        // "Houthi militants backed by allied Yemeni troops": passive.
        for (std::size_t y = t + 2; y < tk.size() && y <= t + 4; ++y) {
          if (clause_break(tk[y]) || tk[y].text == "," || kPrepositions.count(tk[y].fold)) break;
          if (mention_at[y] >= 0 && !ms[mention_at[y]].adjectival) {
            std::vector<int> src;
            coordinated(mention_at[y], src);
            return std::make_pair(src, std::vector<int>{mention_at[x - 1]});
          }
        }
        return std::nullopt;
      }
      if (p.target.kind == Kind::Object) {
        for (std::size_t y = t + 1; y < tk.size() && y <= t + 3; ++y) {
          if (clause_break(tk[y]) || tk[y].text == "," || kPrepositions.count(tk[y].fold)) break;
          if (mention_at[y] >= 0) {
            // "shelled Armenian villages" attacks no state: adjectives do not count here.
            if (!ms[mention_at[y]].adjectival) tgt.push_back(mention_at[y]);
            break;
          }
        }
      } else if (p.target.kind == Kind::Prep) {
        for (std::size_t y = t + 1; y < tk.size() && y <= t + 4 && tgt.empty(); ++y) {
          if (clause_break(tk[y]) || tk[y].text == ",") break;
          if (std::find(p.target.preps.begin(), p.target.preps.end(), tk[y].fold) == p.target.preps.end()) continue;
          for (std::size_t z = y + 1; z < tk.size() && z <= y + 3; ++z)
            if (mention_at[z] >= 0) {
              if (!ms[mention_at[z]].adjectival) tgt.push_back(mention_at[z]);
              break;
            }
        }
      }
      if (tgt.empty()) return std::nullopt;
      std::vector<int> src;
      coordinated(mention_at[x - 1], src);
      return std::make_pair(src, tgt);
    };

    // Closures without a named target ("Denmark reopens rail services to
    // Germany after closing rail lines"): they take the target of the
    // subject's other relation in the sentence.
    struct Orphan {
      const RelationPattern* pattern;
      std::size_t token;
      std::vector<int> sources;
    };
    std::vector<Orphan> orphans;
    const std::size_t found_before = found.size();
    for (const auto& trig : triggers) {
      const RelationPattern& p = *trig.pattern;
      const std::size_t t = trig.token;
      // Part of speech from the parse where it has one; else from the word before.
      if (p.pos != "compound") {
        const std::string& tag = view.parse.ok ? view.parse.tags[view.unit_of[t]] : std::string();
        bool is_noun, is_verb;
        if (!tag.empty()) {
          is_verb = tag[0] == 'v' || tag == "g";
          is_noun = tag[0] == 'n' || tag == "g" || tag[0] == 's';
        } else if (view.parse.ok) {
          // A word Link Grammar guessed ("air-strikes"): let the roles decide.
          is_verb = is_noun = true;
        } else {
          const bool after_det = t > 0 && (kDeterminers.count(tk[t - 1].fold) ||
                                           (mention_at[t - 1] >= 0 && ms[mention_at[t - 1]].adjectival) ||
                                           (t > 1 && tk[t - 1].fold == "'s"));
          is_noun = after_det || !tag.empty();
          is_verb = !after_det;
        }
        if (p.pos == "noun" && !is_noun) continue;
        if (p.pos == "verb" && !is_verb) {
          if (auto h = headline_reading(t, p)) emit(p, t, h->first, h->second, true);
          continue;
        }
      }
      if (!p.object_word.empty()) {
        bool has = false;
        for (std::size_t x = t + 1; x < tk.size() && x <= t + 3; ++x) has = has || tk[x].fold == p.object_word;
        if (!has) continue;
      }
      bool shallow = false;
      cancelled = false;
      auto sources = resolve_role(p.source, t, p, shallow);
      auto targets = resolve_role(p.target, t, p, shallow);
      if (p.source.kind == Kind::Prep && p.target.kind == Kind::Prep && p.source.preps == p.target.preps) {
        // "clashes between X and Y": each party acts on the other.
        targets = sources;
      } else if (targets.empty() && sources.size() >= 2 && relation_symmetric(p.relation) &&
                 !party_after(t)) {
        // "Russia and Estonia exchange spies", "Obama and Putin met": a symmetric
        // act between coordinated subjects; not when the act has a party of its
        // own after it ("Colombia and Venezuela met with the UN").
        targets = sources;
      }
      bool rescued = false;
      if ((!sources.empty() || p.relation == "protests_against") && targets.empty() && view.parse.ok &&
          (p.pos == "verb" || p.pos == "noun") && p.target.kind == Kind::Prep) {
        // The parse found the actor but lost the prepositional phrase ("plans to
        // deliver a batch of jets to the Syrian air force"): read it off the words.
        bool unused = false;
        SyntaxParse saved = std::move(view.parse);
        view.parse = SyntaxParse{};
        targets = resolve_role(p.target, t, p, unused);
        view.parse = std::move(saved);
        rescued = !targets.empty();
      }
      if (p.relation == "protests_against" && sources.empty() && targets.size() == 1) {
        // "protests began against President Bashar Assad": unnamed protesters
        // are the people of the target's country.
        const ActorRef& tg = ms[targets[0]].actor;
        const Actor* st = tg.kind == "state" ? actors_.find_id(tg.id)
                          : !tg.country.empty() ? actors_.find_id("state/" + tg.country) : nullptr;
        if (const Agent* ag = actors_.find_agent("protesters"); st && ag && ag->kind == "group") {
          ms.push_back(Mention{t, t + 1, actors_.compose(*st, *ag), false, false, true});
          sources.push_back(static_cast<int>(ms.size()) - 1);
        }
      }
      if (rescued) {
        if (!sources.empty()) emit(p, t, sources, targets, true);
        continue;
      }
      if (p.relation == "sanctions" && !sources.empty() && targets.empty() && t > 0 &&
          tk[t].fold.ends_with("ing") && (tk[t - 1].fold == "after" || tk[t - 1].fold == "before"))
        orphans.push_back({&p, t, sources});
      if ((sources.empty() || targets.empty()) && view.parse.ok && p.pos == "verb") {
        if (auto h = headline_reading(t, p)) emit(p, t, h->first, h->second, true);
        continue;
      }
      emit(p, t, sources, targets, shallow);
    }

    for (const auto& o : orphans) {
      std::vector<int> targets;
      for (std::size_t k = found_before; k < found.size(); ++k)
        for (int src : o.sources)
          if (found[k].source.id == ms[src].actor.id && found[k].relation != "sanctions")
            for (std::size_t mi = 0; mi < ms.size(); ++mi)
              if (ms[mi].actor.id == found[k].target.id && !ms[mi].adjectival) {
                targets.push_back(static_cast<int>(mi));
                break;
              }
      if (!targets.empty()) emit(*o.pattern, o.token, o.sources, targets, true);
    }
    }  // worth_parsing

    // One instance per (source, relation, target, negated) and sentence: the most confident.
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
  stats_.events += events.size();
  return events;
}

}  // namespace actorgraph::extract
