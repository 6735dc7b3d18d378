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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::extract
