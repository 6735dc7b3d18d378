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

/// Known abbreviations that keep their period and do not end a sentence
/// ("U.S.", "Mr.", "Jan."), loaded from data/abbreviations.txt and the user's
/// own files.
///
/// Matching: an entry written with an upper-case letter ("No.", "Mr.") matches
/// exactly that spelling, so "no." at the end of a sentence stays a full stop;
/// an entry written all in lower case ("etc.", "a.m.") also matches any casing
/// of it ("Etc.", "A.M.").
///
/// Thread safety: immutable once loaded; const methods may be called from
/// several threads.
class Abbreviations {
 public:
  Abbreviations() = default;
  /// Reads one abbreviation a line; `#` starts a comment, surrounding
  /// whitespace and blank lines are ignored. `name` is used in error messages.
  /// Throws DictionaryError "name:line: expected ..., got '...'" for an entry
  /// that contains whitespace or does not end in a period.
  static Abbreviations load(std::istream& in, const std::string& name);
  /// As load(); throws InputError "path: cannot open: reason" if the file
  /// cannot be opened.
  static Abbreviations load_file(const std::string& path);
  /// Adds one entry (with its final period); entries in lower case match
  /// case-insensitively (see the class comment).
  void add(std::string abbreviation);
  /// Adds every entry of `other` (e.g. the user's file on top of the bundled one).
  void merge(const Abbreviations& other);
  /// `token` includes its final period, compared case-sensitively first then folded.
  bool contains(std::string_view token) const;
  /// Number of distinct entries.
  std::size_t size() const { return exact_.size(); }

 private:
  std::unordered_set<std::string> exact_;
  std::unordered_set<std::string> folded_;
};

/// Splits text into sentences and tokens.
///
/// Tokens: words (letters, marks and digits, with internal hyphens and
/// apostrophes: "Moscow-mediated", "O'Brien"), numbers with internal `,` and
/// `.` ("5,000", "3.5"), the possessive "'s" as a token of its own, known
/// abbreviations, dotted acronyms and single capital initials with their
/// periods ("U.S.", "Mr.", "V."), runs of periods ("...") and of ASCII
/// hyphens ("--"), and every other punctuation mark or symbol alone.
///
/// Sentences end at a blank line (the next one gets `paragraph_start`), and
/// at `.` `!` `?` (plus closing quotes and brackets) followed by whitespace
/// and a capital letter, a digit or an opening quote or bracket; at an
/// ellipsis followed by a capitalised word; after an abbreviation only when
/// the next word is a typical sentence starter ("The", "He", ...). A single
/// newline never ends a sentence by itself.
class Tokenizer {
 public:
  explicit Tokenizer(Abbreviations abbreviations = {});
  /// Sentences of `text` in order. Never throws on any byte sequence (other
  /// than std::bad_alloc); invalid UTF-8 is treated as opaque word characters.
  std::vector<Sentence> split(std::string_view text) const;

 private:
  Abbreviations abbreviations_;
};

/// Case folding and normalisation used everywhere names are compared:
/// NFKC, lower case (ICU full case folding), curly quotes and dashes made ASCII.
/// Also drops default-ignorable format characters (soft hyphen, zero-width
/// joiners), collapses whitespace runs to one space and trims. Diacritics are
/// kept ("Orbán" -> "orbán"). Invalid UTF-8 comes out as U+FFFD.
std::string fold(std::string_view text);

/// Replaces invalid UTF-8 sequences with U+FFFD; returns how many were
/// replaced. Follows the Unicode "maximal subpart" practice (as ICU, Python
/// and browsers do): a truncated multi-byte sequence becomes one U+FFFD, each
/// stray byte one U+FFFD. Overlong forms, surrogates and code points above
/// U+10FFFF are invalid. Valid text is left untouched.
std::size_t repair_utf8(std::string& text);

/// Appends code point `c` as UTF-8; a NUL, a surrogate or a value past
/// U+10FFFF is written as U+FFFD.
void append_utf8(std::string& out, char32_t c);

/// Number of Unicode code points in the first `byte_offset` bytes of `text`
/// (bytes that are not UTF-8 continuation bytes); `byte_offset` is clamped to
/// the text size.
std::size_t codepoint_offset(std::string_view text, std::size_t byte_offset);

}  // namespace actorgraph::extract
