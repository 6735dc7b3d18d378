/// @file
/// The word classes the extraction rules read by name (light verbs, negators,
/// determiners, counts ...), loaded from data/lexicon.txt: knowledge of the
/// language kept out of the code, as PETRARCH2's synonym sets or TokensRegex's
/// `$Variables` do.
///
/// Format (documented at the top of data/lexicon.txt): `$name = a | b | c`,
/// entries running on over lines that start with white space; `#` starts a
/// comment line. Every class the rules use is required; a file that lacks
/// one, names an unknown one or has an empty entry is refused with
/// DictionaryError "file:line: ...".
///
/// Thread safety: immutable after loading; share read-only across threads.
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace actorgraph::extract {

/// One named class: folded entries, multi-word ones joined by single spaces.
class WordClass {
 public:
  bool contains(std::string_view folded) const { return words_.count(std::string(folded)) > 0; }
  /// For classes of suffixes ($place_holders): whether `folded` ends with an entry.
  bool suffix_of(std::string_view folded) const;
  const std::unordered_set<std::string>& words() const { return words_; }
  void add(std::string word) { words_.insert(std::move(word)); }

 private:
  std::unordered_set<std::string> words_;
};

/// The classes, one member each (named as in the file without the `$`).
struct Lexicon {
  WordClass negators, negating_verbs, hypothetical, intended, conditionals, speech, hearsay, verb_group;
  WordClass determiners, prepositions, non_actor_heads, holder_suffixes, place_holders;
  WordClass light_verbs, author_participles, cancel_verbs;
  WordClass pronouns_it, pronouns_he, pronouns_they, possessive_pronouns;
  WordClass bare_institutions, bare_forces, collective_nouns, counts;
  WordClass title_links, title_copulas, leader_institutions;

  /// Reads one lexicon file; `name` is used in error messages. Throws
  /// DictionaryError naming the file and line (see the file comment).
  void load(std::istream& in, const std::string& name);
  void load_file(const std::string& path);
};

}  // namespace actorgraph::extract
