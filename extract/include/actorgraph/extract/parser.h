/// @file
/// The syntactic analysis of a sentence with Link Grammar (CMU/AbiWord),
/// reduced to what relation extraction needs: which token is linked to which
/// by which link type.
///
/// Ownership and threads: a LinkParser owns the English dictionary, which is
/// loaded once (slow) and is read-only afterwards. `parse` is const and may
/// be called from several threads at once: each call uses its own parse
/// options and sentence.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace actorgraph::extract {

/// One link of the best linkage, between two tokens of the sentence.
struct SyntaxLink {
  std::string label;  ///< Link Grammar label, e.g. "Ss*s", "Os", "MVp", "Jp"
  int left = -1;      ///< token index (into the words given to parse)
  int right = -1;
};

/// The best linkage of a sentence, in token indices.
struct SyntaxParse {
  bool ok = false;              ///< a linkage was found
  int null_count = 0;           ///< words left unlinked
  std::vector<SyntaxLink> links;
  /// links_of[t]: indices into `links` of the links touching token t.
  std::vector<std::vector<int>> links_of;
  /// Link Grammar's word tag per token ("v", "n", "v-d", "g", ""): the
  /// subscript after the dot of the dictionary word it chose.
  std::vector<std::string> tags;
};

struct ParserOptions {
  double max_seconds = 1.0;   ///< parse time limit per sentence
  int max_null_count = 2;     ///< words that may stay unlinked
  std::size_t max_words = 40; ///< longer sentences are not parsed (fallback instead)
};

/// Which words of a sentence the parser needs to see, given the words that
/// hold an actor mention or a relation trigger (`anchors`). Parsing cost
/// grows much faster than sentence length, and the extractor only reads the
/// links around anchors, so peripheral pieces without an anchor are left
/// out:
/// - brackets and dash-delimited asides: "( 15:20 UTC )", "-- as expected --";
/// - leading comma-delimited pieces: "On Wednesday ,", "In a separate incident ,";
/// - trailing ones: ", saying it was unbalanced";
/// - inner ones that open a relative, participle or adverbial clause or an
///   apposition: ", who periodically comes over to help ,", ", a former general ,";
/// - clauses after a semicolon.
/// A piece holding a quotation mark stays, so quotations stay balanced.
/// Returns keep[i] for every word.
std::vector<bool> words_worth_parsing(const std::vector<std::string>& words, const std::vector<bool>& anchors);

/// Sentences kept longer than this are cut into clauses (parse_pieces).
constexpr std::size_t kClauseWords = 15;

/// What the parser is shown of a sentence: the words worth parsing, and when
/// there are more than kClauseWords of them, cut into clauses, each parsed
/// on its own: at ";", ":" and "--", and at a comma before a conjunction,
/// subordinator or participle ("..., and", "..., while", "..., which",
/// "..., according to", "..., saying"), where both sides have four words or
/// more. A clause without an anchor is not
/// parsed. Parsing cost grows much faster than length, and the clauses of a
/// long sentence parsed apart keep a participle or relative clause from
/// being attached across the sentence. Each piece is a list of word indices.
std::vector<std::vector<std::size_t>> parse_pieces(const std::vector<std::string>& words,
                                                   const std::vector<bool>& anchors);

class LinkParser {
 public:
  /// Loads the English dictionary; throws actorgraph::Error if it is missing.
  explicit LinkParser(ParserOptions options = {});
  ~LinkParser();
  LinkParser(const LinkParser&) = delete;
  LinkParser& operator=(const LinkParser&) = delete;

  /// Parses the sentence given as words (one word per token; a word must not
  /// contain spaces). Returns ok=false when no linkage was found in time.
  SyntaxParse parse(const std::vector<std::string>& words) const;

  /// Parses each piece (a list of indices into `words`, as parse_pieces
  /// gives) as a sentence of its own, and reports all their links in the
  /// indices of `words`; a word in no piece has no links and no tag, like a
  /// word the parser left unlinked. ok is set when some piece was linked.
  /// The limits (max_words, retries) apply to each piece.
  SyntaxParse parse(const std::vector<std::string>& words,
                    const std::vector<std::vector<std::size_t>>& pieces) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::extract
