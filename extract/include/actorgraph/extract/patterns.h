/// @file
/// Relation trigger patterns, loaded from data/patterns.tsv and the user's
/// own files (`--patterns FILE`).
///
/// A pattern says: a word of this part of speech with this lemma, whose
/// source argument fills one syntactic role and target argument another,
/// states this relation. File format (documented at the top of
/// data/patterns.tsv):
///   relation  pos  trigger-forms  source-role  target-role  [option ...]
/// pos: verb, noun or compound ("Moscow-mediated"); trigger forms are
/// `|`-separated, the first being the lemma (regular inflections are
/// generated); roles: S, O, P:<prep>, POSS, HOST, CTX; options:
/// `mod=intended|hypothetical`, `neg_as=<relation>`, `obj=<word>`,
/// `conf=<0..1>`, `default_source=<agent>`, `orphan=<word>|...`,
/// `persons_only_in=<kind>|...`, `leads=<kind>|...`.
///
/// Immutable after loading; share read-only across threads.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace actorgraph::extract {

/// A syntactic role an argument is taken from.
struct ArgumentRole {
  enum class Kind { Subject, Object, Prep, Possessor, Host, Context };
  Kind kind = Kind::Subject;
  std::vector<std::string> preps;  ///< for Prep: accepted prepositions ("between", "with")
};

struct RelationPattern {
  std::string relation;
  std::string pos;      ///< verb, noun or compound
  std::string lemma;    ///< first trigger form
  ArgumentRole source;
  ArgumentRole target;
  std::string modality;      ///< modality the trigger itself implies, or empty
  std::string negated_as;    ///< relation a negated instance becomes ("accept" -> rejects)
  std::string object_word;   ///< required object lemma ("assign" + "blame")
  double confidence = 0.9;
  /// An agent noun ("protesters"): with no source found, the source is that
  /// agent of the target's country ("protests began against Assad").
  std::string default_source;
  /// Words before a gerund trigger ("after", "before") that make it an act
  /// whose target, when unnamed, is the target of the subject's other
  /// relation in the sentence ("reopens rail services to Germany after
  /// closing rail lines").
  std::vector<std::string> orphan_after;
  /// Target kinds ("state", "force") a source of this relation must be a
  /// person to join: "a member of the Syrian government" is a person's role.
  std::vector<std::string> persons_only_in;
  /// For titles: the kinds of organisation named before the title that the
  /// title can lead ("European Council President X"); empty: states only.
  std::vector<std::string> leads;
  std::string origin;        ///< "file:line"
};

class PatternSet {
 public:
  /// Adds the patterns of one file; throws DictionaryError "name:line: ...".
  void load(std::istream& in, const std::string& name);
  void load_file(const std::string& path);

  /// Patterns whose trigger form (folded) is `word` for part of speech `pos`.
  const std::vector<const RelationPattern*>& lookup(std::string_view pos,
                                                    std::string_view word) const;
  std::size_t size() const { return patterns_.size(); }
  const std::vector<RelationPattern>& patterns() const { return patterns_; }

 private:
  void index();
  std::vector<RelationPattern> patterns_;
  std::vector<std::vector<std::string>> forms_;  ///< per pattern: surface forms
  std::unordered_map<std::string, std::vector<const RelationPattern*>> by_form_;
};

/// Regular English inflections of a verb lemma ("supply" -> supplies,
/// supplied, supplying) or noun ("ally" -> allies).
std::vector<std::string> inflect(const std::string& lemma, const std::string& pos);

}  // namespace actorgraph::extract
