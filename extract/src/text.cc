#include "actorgraph/extract/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <utility>

#include "actorgraph/extract/error.h"

namespace actorgraph::extract {
namespace {

// ---------------------------------------------------------------------------
// UTF-8 decoding

// Decodes one code point at `p`. Returns the number of bytes consumed (>= 1)
// and stores the code point in `cp`, or -1 when the bytes are not valid UTF-8;
// then the length is that of the maximal subpart (Unicode 3.9, "U+FFFD
// substitution of maximal subparts"), so truncated sequences count once.
inline std::size_t decode_utf8(const unsigned char* p, const unsigned char* end, UChar32& cp) {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  UChar32 value;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    value = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    value = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    value = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    cp = -1;
    return 1;
  }
  std::size_t i = 1;
  for (; i <= need; ++i) {
    if (p + i >= end) break;
    const unsigned char b = p[i];
    if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
    value = (value << 6) | (b & 0x3F);
  }
  if (i <= need) {
    cp = -1;
    return i;
  }
  cp = value;
  return need + 1;
}


inline bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

inline bool is_ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ---------------------------------------------------------------------------
// Character classes for the tokenizer

enum class CharClass : std::uint8_t {
  kEnd,         // past the end of the text
  kSpace,       // horizontal white space and control characters
  kNewline,     // \n, U+2028, U+0085
  kParagraph,   // U+2029: counts as a blank line
  kWord,        // letters, marks, digits, U+FFFD and invalid bytes
  kFormat,      // Cf: soft hyphen, zero-width joiners; kept inside words only
  kApostrophe,  // ' and U+2019
  kHyphen,      // - U+2010 U+2011
  kPeriod,      // .
  kComma,       // ,
  kOther,       // any other punctuation or symbol
};

struct Char {
  UChar32 cp = 0;  // -1 for an invalid byte sequence
  std::uint8_t len = 0;
  CharClass cls = CharClass::kEnd;
  bool digit = false;
};

constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kOther;
    if (c < 0x20 || c == 0x7F) k = CharClass::kSpace;  // controls separate like spaces
    if (c == ' ') k = CharClass::kSpace;
    if (c == '\n') k = CharClass::kNewline;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) k = CharClass::kWord;
    if (c == '\'') k = CharClass::kApostrophe;
    if (c == '-') k = CharClass::kHyphen;
    if (c == '.') k = CharClass::kPeriod;
    if (c == ',') k = CharClass::kComma;
    t[static_cast<std::size_t>(c)] = k;
  }
  return t;
}
constexpr std::array<CharClass, 128> kAsciiClasses = make_ascii_classes();

CharClass classify_non_ascii(UChar32 c, bool& digit) {
  switch (c) {
    case 0x2019: return CharClass::kApostrophe;
    case 0x2010: case 0x2011: return CharClass::kHyphen;
    case 0x2028: case 0x0085: return CharClass::kNewline;
    case 0x2029: return CharClass::kParagraph;
    case 0xFFFD: return CharClass::kWord;
    default: break;
  }
  const std::int32_t mask = U_GET_GC_MASK(c);
  if (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) {
    digit = (mask & U_GC_ND_MASK) != 0;
    return CharClass::kWord;
  }
  if (mask & (U_GC_Z_MASK | U_GC_CC_MASK)) return CharClass::kSpace;
  if (mask & U_GC_CF_MASK) return CharClass::kFormat;
  return CharClass::kOther;
}

// After an abbreviation the period may also end the sentence ("... in the
// U.S. The talks"), but a capitalised word after an abbreviation is far more
// often a name or a date ("U.S. Secretary", "Mr. Assad", "Jan. 16"). We only
// split when the next word is a function word that starts sentences and is
// rarely part of a name.
constexpr std::array<std::string_view, 24> kSentenceStarters = {
    "The", "A", "An", "It", "He", "She", "They", "We", "I", "But", "In", "On",
    "At", "This", "That", "These", "Those", "There", "His", "Her", "Their", "Its",
    "However", "Meanwhile"};

bool is_sentence_starter(std::string_view word) {
  for (std::string_view s : kSentenceStarters)
    if (s == word) return true;
  return false;
}

enum class RawKind : std::uint8_t { kWord, kAbbreviation, kPossessive, kEllipsis, kPunct };

struct RawToken {
  std::size_t begin = 0;
  std::size_t end = 0;
  RawKind kind = RawKind::kPunct;
  UChar32 first = 0;          // first code point (-1 if invalid)
  std::size_t newlines = 0;   // newlines in the white space before the token
  bool space_before = false;  // any white space before the token
};

bool is_upper_letter(UChar32 c) { return c >= 0 && (u_isupper(c) || u_istitle(c)); }

// Produces the tokens of a text one at a time.
class Lexer {
 public:
  Lexer(std::string_view text, const Abbreviations& abbreviations)
      : text_(text),
        data_(reinterpret_cast<const unsigned char*>(text.data())),
        end_(data_ + text.size()),
        abbreviations_(abbreviations) {}

  bool next(RawToken& t) {
    t = RawToken{};
    // White space: count newlines to find blank lines.
    for (;;) {
      const Char c = at(pos_);
      if (c.cls == CharClass::kEnd) return false;
      if (c.cls == CharClass::kSpace) {
        t.space_before = true;
      } else if (c.cls == CharClass::kNewline) {
        t.space_before = true;
        ++t.newlines;
      } else if (c.cls == CharClass::kParagraph) {
        t.space_before = true;
        t.newlines += 2;
      } else if (c.cls == CharClass::kFormat) {
        // A lone format character (zero-width space, BOM) is not a token.
      } else {
        break;
      }
      pos_ += c.len;
    }

    const Char c = at(pos_);
    t.begin = pos_;
    t.first = c.cp;
    switch (c.cls) {
      case CharClass::kWord:
        lex_word(t);
        break;
      case CharClass::kApostrophe:
        if (prev_word_end_ == pos_ && is_possessive(pos_)) {
          t.kind = RawKind::kPossessive;
          t.end = pos_ + c.len + 1;
        } else {
          t.kind = RawKind::kPunct;
          t.end = pos_ + c.len;
        }
        break;
      case CharClass::kPeriod: {
        std::size_t e = pos_;
        while (e < text_.size() && text_[e] == '.') ++e;
        t.kind = e - pos_ >= 2 ? RawKind::kEllipsis : RawKind::kPunct;
        t.end = e;
        break;
      }
      case CharClass::kHyphen: {
        std::size_t e = pos_ + c.len;
        if (c.cp == '-')
          while (e < text_.size() && text_[e] == '-') ++e;
        t.kind = RawKind::kPunct;
        t.end = e;
        break;
      }
      default:
        t.kind = c.cp == 0x2026 ? RawKind::kEllipsis : RawKind::kPunct;
        t.end = pos_ + c.len;
        break;
    }
    pos_ = t.end;
    const bool wordlike = t.kind == RawKind::kWord || t.kind == RawKind::kAbbreviation ||
                          t.kind == RawKind::kPossessive;
    prev_word_end_ = wordlike ? t.end : std::string_view::npos;
    return true;
  }

 private:
  Char at(std::size_t pos) const {
    Char c;
    if (pos >= text_.size()) return c;
    const unsigned char b = data_[pos];
    if (b < 0x80) {
      c.cp = b;
      c.len = 1;
      c.cls = kAsciiClasses[b];
      c.digit = b >= '0' && b <= '9';
      return c;
    }
    UChar32 cp;
    c.len = static_cast<std::uint8_t>(decode_utf8(data_ + pos, end_, cp));
    c.cp = cp;
    c.cls = cp < 0 ? CharClass::kWord : classify_non_ascii(cp, c.digit);
    return c;
  }

  // An apostrophe at `pos` followed by s/S and then no word character.
  bool is_possessive(std::size_t pos) const {
    const Char a = at(pos);
    const std::size_t s = pos + a.len;
    if (s >= text_.size() || (text_[s] != 's' && text_[s] != 'S')) return false;
    return at(s + 1).cls != CharClass::kWord;
  }

  // End of the word starting at `pos` (a word character): letters and digits
  // with internal hyphens, apostrophes (but not a possessive 's), format
  // characters, and `,` `.` between digits.
  std::size_t scan_word(std::size_t pos) const {
    std::size_t q = pos;
    Char c = at(q);
    for (;;) {
      const bool prev_digit = c.digit;
      q += c.len;
      const Char d = at(q);
      if (d.cls == CharClass::kWord) {
        c = d;
        continue;
      }
      if (d.cls == CharClass::kEnd) break;
      const Char e = at(q + d.len);
      if (e.cls != CharClass::kWord) break;
      bool joins = false;
      switch (d.cls) {
        case CharClass::kFormat:
        case CharClass::kHyphen: joins = true; break;
        case CharClass::kApostrophe: joins = !is_possessive(q); break;
        case CharClass::kPeriod:
        case CharClass::kComma: joins = prev_digit && e.digit; break;
        default: break;
      }
      if (!joins) break;
      q += d.len;
      c = e;
    }
    return q;
  }

  bool single_letter(std::size_t begin, std::size_t end) const {
    const Char c = at(begin);
    return c.len == end - begin && c.cp >= 0 && u_isalpha(c.cp);
  }

  void lex_word(RawToken& t) {
    const std::size_t s = t.begin;
    const std::size_t e = scan_word(s);
    t.kind = RawKind::kWord;
    t.end = e;
    if (e >= text_.size() || text_[e] != '.') return;

    // A chain of dotted segments "U.S.A." or "e.g.": the longest prefix that
    // is a known abbreviation, a dotted acronym of single letters, or a
    // capital initial keeps its periods.
    constexpr std::size_t kMaxSegments = 8;
    std::array<std::size_t, kMaxSegments> ends{};
    std::array<bool, kMaxSegments> single{};
    std::size_t k = 0;
    std::size_t seg = s;
    std::size_t seg_end = e;
    for (;;) {
      ends[k] = seg_end + 1;
      single[k] = single_letter(seg, seg_end);
      ++k;
      seg = seg_end + 1;
      if (k == kMaxSegments || at(seg).cls != CharClass::kWord) break;
      seg_end = scan_word(seg);
      if (seg_end >= text_.size() || text_[seg_end] != '.') break;
    }
    bool all_single = true;
    std::array<bool, kMaxSegments> all_single_upto{};
    for (std::size_t i = 0; i < k; ++i) {
      all_single = all_single && single[i];
      all_single_upto[i] = all_single;
    }
    for (std::size_t j = k; j >= 1; --j) {
      const std::size_t end = ends[j - 1];
      const std::string_view candidate = text_.substr(s, end - s);
      const bool accepted = (j >= 2 && all_single_upto[j - 1]) ||
                            (j == 1 && single[0] && is_upper_letter(t.first)) ||
                            abbreviations_.contains(candidate);
      if (accepted) {
        t.kind = RawKind::kAbbreviation;
        t.end = end;
        return;
      }
    }
  }

  std::string_view text_;
  const unsigned char* data_;
  const unsigned char* end_;
  const Abbreviations& abbreviations_;
  std::size_t pos_ = 0;
  std::size_t prev_word_end_ = std::string_view::npos;
};

bool is_closing(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" || t == "}" || t == "\u201D" ||
         t == "\u2019" || t == "\u00BB" || t == "\u203A";
}

bool is_opening(UChar32 c) {
  switch (c) {
    case '"': case '\'': case '(': case '[': case '{':
    case 0x201C: case 0x2018: case 0x00AB: case 0x2039: case 0x201E: case 0x201A:
      return true;
    default:
      return false;
  }
}

// ".", "!", "?" and the full stops of other scripts (Unicode Sentence_Terminal).
bool is_sentence_terminal(std::string_view t) {
  if (t == "." || t == "!" || t == "?") return true;
  if (t.size() < 2 || t.size() > 4) return false;
  UChar32 cp;
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  return decode_utf8(p, p + t.size(), cp) == t.size() && cp >= 0 &&
         u_hasBinaryProperty(cp, UCHAR_S_TERM);
}

// Whether the sentence `tokens` ends before `next`, which follows white space.
bool ends_before(const std::vector<Token>& tokens, std::string_view text, const RawToken& next) {
  std::size_t i = tokens.size() - 1;
  while (i > 0 && is_closing(tokens[i].text) && tokens[i].begin == tokens[i - 1].end) --i;
  const Token& t = tokens[i];
  const bool next_word = next.kind == RawKind::kWord || next.kind == RawKind::kAbbreviation;
  if (t.word) {
    // Abbreviation or initial that swallowed the period.
    if (t.text.size() < 2 || t.text.back() != '.') return false;
    return next_word && is_sentence_starter(text.substr(next.begin, next.end - next.begin));
  }
  if (t.text == "\u2026" || (t.text.size() >= 2 && t.text[0] == '.' && t.text[1] == '.'))
    return next_word && is_upper_letter(next.first);
  const bool terminal = is_sentence_terminal(t.text);
  if (!terminal) return false;
  if (next.first < 0) return false;
  if (is_opening(next.first)) return true;
  if (u_isdigit(next.first)) return true;
  // Capital letters, and letters of scripts without case (Arabic, CJK).
  return next_word && u_isalpha(next.first) && !u_islower(next.first);
}

Token make_token(std::string_view text, const RawToken& raw) {
  Token t;
  t.text.assign(text.substr(raw.begin, raw.end - raw.begin));
  t.fold = fold(t.text);
  t.begin = raw.begin;
  t.end = raw.end;
  t.capitalized = is_upper_letter(raw.first);
  t.word = raw.kind == RawKind::kWord || raw.kind == RawKind::kAbbreviation ||
           raw.kind == RawKind::kPossessive;
  return t;
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_ascii_space(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && is_ascii_space(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

const icu::Normalizer2* nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

}  // namespace

void append_utf8(std::string& out, char32_t c) {
  // A NUL, a surrogate or a value past U+10FFFF is not text: U+FFFD instead.
  if (c == 0 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// ---------------------------------------------------------------------------
// Abbreviations

Abbreviations Abbreviations::load(std::istream& in, const std::string& name) {
  Abbreviations result;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view entry = line;
    if (number == 1 && entry.substr(0, 3) == "\xEF\xBB\xBF") entry.remove_prefix(3);
    if (const std::size_t hash = entry.find('#'); hash != std::string_view::npos)
      entry = entry.substr(0, hash);
    entry = trim(entry);
    if (entry.empty()) continue;
    const auto where = name + ":" + std::to_string(number) + ": ";
    for (unsigned char c : entry)
      if (is_ascii_space(c))
        throw DictionaryError(where + "expected one abbreviation without spaces, got '" +
                              std::string(entry) + "'");
    if (entry.back() != '.')
      throw DictionaryError(where + "expected an abbreviation ending in '.', got '" +
                            std::string(entry) + "'");
    result.add(std::string(entry));
  }
  if (in.bad()) throw InputError(name + ": cannot read: I/O error");
  return result;
}

Abbreviations Abbreviations::load_file(const std::string& path) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw InputError(path + ": cannot open: " +
                     (err != 0 ? std::strerror(err) : "unknown error"));
  }
  return load(in, path);
}

void Abbreviations::add(std::string abbreviation) {
  std::string folded = fold(abbreviation);
  // Entries written in lower case are the case-insensitive ones.
  if (folded == abbreviation) folded_.insert(std::move(folded));
  exact_.insert(std::move(abbreviation));
}

void Abbreviations::merge(const Abbreviations& other) {
  exact_.insert(other.exact_.begin(), other.exact_.end());
  folded_.insert(other.folded_.begin(), other.folded_.end());
}

bool Abbreviations::contains(std::string_view token) const {
  if (exact_.empty()) return false;
  const std::string key(token);
  if (exact_.count(key) != 0) return true;
  return !folded_.empty() && folded_.count(fold(key)) != 0;
}

// ---------------------------------------------------------------------------
// Tokenizer

Tokenizer::Tokenizer(Abbreviations abbreviations) : abbreviations_(std::move(abbreviations)) {}

std::vector<Sentence> Tokenizer::split(std::string_view text) const {
  std::vector<Sentence> sentences;
  Lexer lexer(text, abbreviations_);
  Sentence current;
  bool paragraph = true;
  RawToken raw;
  auto finish = [&] {
    current.end = current.tokens.back().end;
    sentences.push_back(std::move(current));
    current = Sentence{};
  };
  while (lexer.next(raw)) {
    const bool blank_line = raw.newlines >= 2;
    if (!current.tokens.empty() &&
        (blank_line || (raw.space_before && ends_before(current.tokens, text, raw)))) {
      finish();
    }
    if (blank_line) paragraph = true;
    if (current.tokens.empty()) {
      current.begin = raw.begin;
      current.paragraph_start = paragraph;
      paragraph = false;
    }
    current.tokens.push_back(make_token(text, raw));
  }
  if (!current.tokens.empty()) finish();
  return sentences;
}

// ---------------------------------------------------------------------------
// Free functions

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  if (is_ascii(text)) {
    // NFKC and case folding of ASCII are plain lower-casing.
    bool pending_space = false;
    for (unsigned char c : text) {
      if (is_ascii_space(c)) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += ' ';
      pending_space = false;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return out;
  }

  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  if (const icu::Normalizer2* n = nfkc()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalized = n->normalize(s, status);
    if (U_SUCCESS(status)) s = std::move(normalized);
  }
  s.foldCase(U_FOLD_CASE_DEFAULT);

  bool pending_space = false;
  const std::int32_t length = s.length();
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    // Soft hyphens and zero-width joiners are invisible: "Mos\u00ADcow" is Moscow.
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
    switch (c) {
      case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        c = '\'';
        break;
      case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        c = '"';
        break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        c = '-';
        break;
      default:
        break;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    append_utf8(out, static_cast<char32_t>(c));
  }
  return out;
}

std::size_t repair_utf8(std::string& text) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = data + text.size();
  // Fast scan: most text is valid, and then nothing is copied.
  std::size_t pos = 0;
  for (;;) {
    while (pos < text.size() && data[pos] < 0x80) ++pos;
    if (pos == text.size()) return 0;
    UChar32 cp;
    const std::size_t len = decode_utf8(data + pos, end, cp);
    if (cp < 0) break;
    pos += len;
  }
  std::string out;
  out.reserve(text.size() + 16);
  out.append(text, 0, pos);
  std::size_t replaced = 0;
  while (pos < text.size()) {
    UChar32 cp;
    const std::size_t len = decode_utf8(data + pos, end, cp);
    if (cp < 0) {
      out += "\xEF\xBF\xBD";
      ++replaced;
    } else {
      out.append(text, pos, len);
    }
    pos += len;
  }
  text = std::move(out);
  return replaced;
}

std::size_t codepoint_offset(std::string_view text, std::size_t byte_offset) {
  const std::size_t n = byte_offset < text.size() ? byte_offset : text.size();
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i)
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return count;
}

}  // namespace actorgraph::extract
