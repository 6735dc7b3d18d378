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

  /// Parses only the words with keep[i] set, as one shorter sentence, and
  /// reports the links in the indices of `words` (a word left out has no
  /// links and no tag, like a word the parser left unlinked). The limits
  /// (max_words, retries) apply to the kept words. keep.size() == words.size().
  SyntaxParse parse(const std::vector<std::string>& words, const std::vector<bool>& keep) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::extract
