/// @file
/// Tokenisation and sentence splitting of UTF-8 news text.
///
/// Tokens keep byte offsets into the document so that evidence can point back
/// at the source text. Abbreviations (U.S., Mr., Jan.) come from a data file.
/// Thread safety: a Tokenizer is immutable after construction and may be
/// shared across threads.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace actorgraph::extract {

/// One token. `begin`/`end` are byte offsets into the document text.
struct Token {
  std::string text;   ///< as written
  std::string fold;   ///< case-folded, NFKC-normalised, curly quotes made straight
  std::size_t begin = 0;
  std::size_t end = 0;
  bool capitalized = false;  ///< first letter is upper case
  bool word = false;         ///< contains a letter or digit (not punctuation)
};

/// One sentence: its byte span in the document and its tokens.
struct Sentence {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<Token> tokens;
  bool paragraph_start = false;  ///< first sentence after a blank line or at the start
};

/// Known abbreviations that do not end a sentence ("U.S.", "Mr.", "Jan.").
class Abbreviations {
 public:
  Abbreviations() = default;
  /// One abbreviation a line, `#` comments; `name` is used in error messages.
  static Abbreviations load(std::istream& in, const std::string& name);
  static Abbreviations load_file(const std::string& path);
  void add(std::string abbreviation);
  /// `token` includes its final period, compared case-sensitively first then folded.
  bool contains(std::string_view token) const;

 private:
  std::unordered_set<std::string> exact_;
  std::unordered_set<std::string> folded_;
};

/// Splits text into sentences and tokens.
class Tokenizer {
 public:
  explicit Tokenizer(Abbreviations abbreviations = {});
  /// Sentences of `text` in order. Never throws on any byte sequence; invalid
  /// UTF-8 is treated as opaque word characters.
  std::vector<Sentence> split(std::string_view text) const;

 private:
  Abbreviations abbreviations_;
};

/// Case folding and normalisation used everywhere names are compared:
/// NFKC, lower case (ICU full case folding), curly quotes and dashes made ASCII.
std::string fold(std::string_view text);

/// Replaces invalid UTF-8 sequences with U+FFFD; returns how many were replaced.
std::size_t repair_utf8(std::string& text);

/// Number of Unicode code points in the first `byte_offset` bytes of `text`.
std::size_t codepoint_offset(std::string_view text, std::size_t byte_offset);

}  // namespace actorgraph::extract
