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
  /// All actors whose alias, name or adjective folds to `folded` exactly.
  std::vector<const Actor*> find_alias(std::string_view folded) const;
  /// The state whose adjective or name folds to `folded` ("syrian" -> Syria).
  const Actor* find_adjective(std::string_view folded) const;
  /// The agent whose noun folds to `folded` ("riot police" -> police).
  const Agent* find_agent(std::string_view folded) const;
  /// Longest alias length in tokens, to bound longest-match scans.
  std::size_t max_alias_tokens() const;

  /// Builds the composed actor for a state and an agent: the state itself,
  /// "force/SYR-military" named "Syrian military", or "group/SYR-opposition".
  ActorRef compose(const Actor& state, const Agent& agent) const;

  /// Resolves a free-text name as `actorgraph resolve` does (alias, then
  /// adjective + agent composition, then "<country> <agent>"). Empty when
  /// nothing matches.
  std::optional<ActorRef> resolve(std::string_view name) const;

  const std::vector<Actor>& actors() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Locates the bundled data directory: $ACTORGRAPH_DATA, else the source
/// tree's data/ (build tree runs), else the installed share/actorgraph.
std::string default_data_dir();

}  // namespace actorgraph::extract
