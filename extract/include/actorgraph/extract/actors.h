/// @file
/// The actor knowledge base: actors with ids, kinds, names, aliases,
/// adjectives, countries and dated roles, loaded from line-oriented data
/// files (data/actors.tsv and the user's own), plus the generic agents that
/// compose with a country adjective ("Syrian" + "opposition").
///
/// Ownership and threads: an ActorDictionary is built once, then immutable;
/// share it read-only across threads (const methods only).
///
/// File format (see data/README.md): one actor a line, tab-separated:
///   id  kind  name  [key=value ...]
/// with keys `country`, `wikidata`, `alias` (|-separated, repeatable),
/// `adj` (adjectives and demonyms, |-separated), `role`
/// (relation:target-id:start:end, dates ISO or empty). `#` starts a comment.
/// Agent lines start with `@agent`: `@agent  noun|noun  class  [name-suffix]`
/// where class is state, force or group.
///
/// Name matching (find_alias, find_adjective, resolve, candidates) works on
/// keys made by fold() (text.h) with a leading "the " dropped, and falls
/// back through three tiers, the first that matches wins:
///  1. exact: the folded key as written ("orbán");
///  2. loose: diacritics stripped (Latin letters: "orbán" = "orban",
///     "erdoğan" = "erdogan", "grabar-kitarović" = "grabar-kitarovic"),
///     apostrophes dropped ("peoples'" = "peoples"), and a leading Arabic
///     article "al-"/"el-" on a word dropped ("al-assad" = "assad");
///  3. transliteration: the loose key with the common romanisation
///     variants of Arabic consonants merged, in words of four or more
///     characters: q and a word-initial g become k, "dh" d, doubled
///     consonants single; hyphens become spaces ("qaddafi" = "gaddafi" =
///     "kadhafi", "irak" = "iraq", "ban ki moon" = "ban ki-moon"). Vowels
///     are never merged (Cameron is not Cameroon) and short words are left
///     alone (GDP is not KDP).
/// The loose and transliteration keys of every alias are computed at load
/// time; a query costs at most three hash look-ups and no allocation beyond
/// the result vector.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actorgraph/extract/event.h"

namespace actorgraph::extract {

/// A dated role: "leader_of state/SYR from 2000-07-17 to 2024-12-08".
struct Role {
  std::string relation;  ///< leader_of or member_of
  std::string target;    ///< actor id
  std::string start;     ///< ISO date or empty (unknown/open)
  std::string end;       ///< ISO date or empty (still holds it)
};

struct Actor {
  std::string id;
  std::string kind;  ///< state, force, person, igo, group, bloc
  std::string name;
  std::string country;  ///< ISO alpha-3, may be empty
  std::string wikidata;  ///< Q-id, may be empty
  std::vector<std::string> aliases;
  std::vector<std::string> adjectives;  ///< demonyms: "Syrian", "Russian"
  std::vector<Role> roles;
  std::string origin;  ///< "file:line" it was defined at

  ActorRef ref() const { return {id, name, kind, country}; }
};

/// A generic agent noun that composes with a country adjective.
struct Agent {
  std::string noun;    ///< folded, possibly several tokens: "foreign ministry"
  std::string kind;    ///< state, force or group
  std::string suffix;  ///< name part for force/group: "military", "police", "opposition"
};

/// How a name matched a dictionary key (see the file comment): exact beats
/// loose beats transliteration.
enum class NameMatch { none, exact, loose, transliteration };

/// The result of an alias look-up without allocation: the best actor, how
/// the name matched, and how many actors share the key at the best rank.
struct AliasHit {
  const Actor* actor = nullptr;  ///< best candidate, nullptr when nothing matches
  NameMatch match = NameMatch::none;
  std::size_t candidates = 0;  ///< actors of equal rank with the best (1 = unambiguous)
  std::size_t total = 0;       ///< all actors under the key
  explicit operator bool() const { return actor != nullptr; }
};

class ActorDictionary {
 public:
  ActorDictionary();
  ~ActorDictionary();
  ActorDictionary(ActorDictionary&&) noexcept;
  ActorDictionary& operator=(ActorDictionary&&) noexcept;

  /// Adds the entries of one file. `name` is used in error messages.
  /// Throws DictionaryError "name:line: what was expected".
  void load(std::istream& in, const std::string& name);
  void load_file(const std::string& path);

  /// Number of actors defined.
  std::size_t size() const;
  const Actor* find_id(std::string_view id) const;
  /// The actor an id names, including composed ids ("force/SYR-military" ->
  /// kind force, country SYR); empty for an unknown id.
  std::optional<ActorRef> describe(std::string_view id) const;
  /// All actors whose name or alias matches the folded key `folded` (a
  /// fold() result or fold()s of tokens joined by single spaces), at the
  /// first matching tier (exact, loose, transliteration: see the file
  /// comment). Best first: a preferred-name match before an alias, then by
  /// kind (person, state, igo, group, bloc, force), then by id. Empty when
  /// nothing matches (no allocation then).
  std::vector<const Actor*> find_alias(std::string_view folded) const;
  /// As find_alias(folded).front(), with the tier and the number of
  /// equal-rank candidates; never allocates. For the extractor's hot path.
  AliasHit find_alias_best(std::string_view folded) const;
  /// The state whose adjective folds to `folded` ("syrian" -> Syria);
  /// diacritics are optional ("burkinabe"). nullptr when none.
  const Actor* find_adjective(std::string_view folded) const;
  /// The agent whose noun folds to `folded` ("riot police" -> police).
  const Agent* find_agent(std::string_view folded) const;
  /// Longest alias length in tokens, to bound longest-match scans.
  std::size_t max_alias_tokens() const;

  /// Builds the composed actor for a state and an agent: the state itself,
  /// "force/SYR-military" named "Syrian military", or "group/SYR-opposition".
  ActorRef compose(const Actor& state, const Agent& agent) const;

  /// Builds the composed actor for a named actor and a group agent noun:
  /// "Peoples' Democratic Party" + "supporters" -> id
  /// "group/peoples-democratic-party-supporters" (the actor's id slug plus
  /// "-" and the agent's suffix), name "Peoples' Democratic Party
  /// supporters", kind group, the actor's country. Meant for actors of kind
  /// group and person (resolve() composes only those). For an agent of
  /// class state or force ("Hamas leadership", "Hezbollah forces") it is the
  /// actor itself.
  ActorRef compose_group(const Actor& group, const Agent& agent) const;

  /// Resolves a free-text name as `actorgraph resolve` does (alias, then
  /// adjective + agent composition, then "<country> <agent>"). Empty when
  /// nothing matches.
  std::optional<ActorRef> resolve(std::string_view name) const;

  /// The ontology's last rule: a name no dictionary knows that looks like a
  /// person's ("Reyaad Khan": two or three capitalised words, none of them a
  /// title, month, weekday or organisation word) is an actor of kind
  /// `unknown` with id "unknown/<slug>". Empty for anything else. The
  /// extractor makes the same actor for the same words, so that `resolve`
  /// and extracted events agree.
  std::optional<ActorRef> unknown_actor(std::string_view name) const;
  /// The readings of a free-text name that are equally good: several when
  /// actors of different ids share the matching key with equal rank (a
  /// surname shared by two people in the user's file), one when the name is
  /// unambiguous, none when resolve() finds nothing. The first is what
  /// resolve() answers. (Composed readings are always single.)
  std::vector<ActorRef> candidates(std::string_view name) const;

  /// The person whose leader_of role over `state_id` (any target id: a
  /// state, an igo, a group) covers `date` ("YYYY-MM-DD", "YYYY-MM" or
  /// "YYYY"; a partial date stands for its whole period, and so does a
  /// partial start or end date of a role; an empty start or end is open).
  /// When several roles overlap the date (a head of state and a head of
  /// government both count as leader_of, or a change of office within a
  /// partial date) the one covering the most days of the date's period
  /// wins, then the latest start, then the smallest id. nullptr for an
  /// empty or malformed date or when nobody is known to have led it then.
  const Actor* leader_of(std::string_view state_id, std::string_view date) const;
  /// All people leading `state_id` at `date`, in leader_of()'s order.
  std::vector<const Actor*> leaders_of(std::string_view state_id, std::string_view date) const;
  /// Whether `person` held `relation` (leader_of, member_of) over `target`
  /// at `date`, with leader_of()'s date rules (overlap with a partial date
  /// is enough). An empty `date` means "at any time". False for a malformed
  /// date.
  bool held_role(const Actor& person, std::string_view relation, std::string_view target,
                 std::string_view date) const;

  const std::vector<Actor>& actors() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Locates the bundled data directory: $ACTORGRAPH_DATA, else the source
/// tree's data/ (build tree runs), else the installed share/actorgraph.
std::string default_data_dir();

}  // namespace actorgraph::extract
