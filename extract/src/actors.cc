// The actor knowledge base: loading, indexing and name resolution.
#include "actorgraph/extract/actors.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_set>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/text.h"

namespace actorgraph::extract {
namespace {

const std::unordered_set<std::string> kKinds = {"state", "force", "person", "igo",
                                                "group", "bloc", "unknown"};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// A leading article never matters: "the Kremlin" and "Kremlin" are one key.
std::string_view strip_the(std::string_view k) {
  return k.substr(0, 4) == "the " ? k.substr(4) : k;
}

// Names are compared folded, without a leading article.
std::string key_of(std::string_view name) { return std::string(strip_the(fold(name))); }

// --- Loose keys: diacritics, apostrophes and the Arabic article ------------

// What each Latin letter with diacritics (U+00C0-U+024F, U+1E00-U+1EFF)
// becomes without them, built once from ICU's canonical decompositions (a
// per-call ICU transliterator is far too slow for the matcher's hot path),
// plus the letters that do not decompose (ø, đ, ł, ı, æ, œ, þ, ...).
struct LatinTable {
  std::string a[0x250 - 0xC0];
  std::string b[0x100];

  LatinTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    auto base = [&](char32_t c) -> std::string {
      if (U_FAILURE(status) || !nfd) return {};
      icu::UnicodeString d;
      if (!nfd->getDecomposition(static_cast<UChar32>(c), d)) return {};
      std::string out;
      for (std::int32_t i = 0; i < d.length();) {
        const UChar32 x = d.char32At(i);
        i += U16_LENGTH(x);
        if (u_charType(x) == U_NON_SPACING_MARK) continue;
        if (x >= 0x80) return {};  // decomposes to another non-ASCII letter: leave it
        out += static_cast<char>(x);
      }
      return out;
    };
    for (char32_t c = 0xC0; c < 0x250; ++c) a[c - 0xC0] = base(c);
    for (char32_t c = 0x1E00; c < 0x1F00; ++c) b[c - 0x1E00] = base(c);
    static const std::pair<char32_t, const char*> kExtra[] = {
        {0xC6, "AE"}, {0xE6, "ae"}, {0xD0, "D"}, {0xF0, "d"}, {0xD8, "O"}, {0xF8, "o"},
        {0xDE, "TH"}, {0xFE, "th"}, {0xDF, "ss"}, {0x110, "D"}, {0x111, "d"}, {0x126, "H"},
        {0x127, "h"}, {0x131, "i"}, {0x141, "L"}, {0x142, "l"}, {0x152, "OE"}, {0x153, "oe"},
        {0x166, "T"}, {0x167, "t"}, {0x180, "b"}, {0x197, "I"}, {0x1B5, "Z"}, {0x1B6, "z"},
        {0x1E9E, "SS"}};
    for (const auto& [c, s] : kExtra) {
      if (c < 0x250) a[c - 0xC0] = s;
      else b[c - 0x1E00] = s;
    }
  }

  // The ASCII replacement of `c`, or nullptr when it has none.
  const std::string* find(char32_t c) const {
    if (c >= 0xC0 && c < 0x250) return a[c - 0xC0].empty() ? nullptr : &a[c - 0xC0];
    if (c >= 0x1E00 && c < 0x1F00) return b[c - 0x1E00].empty() ? nullptr : &b[c - 0x1E00];
    return nullptr;
  }
};

const LatinTable& latin_table() {
  static const LatinTable t;
  return t;
}

// Decodes one UTF-8 sequence at s[i] (fold() output is valid UTF-8).
char32_t decode(std::string_view s, std::size_t& i) {
  const unsigned char c = s[i];
  int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  char32_t cp = n == 0 ? c : n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
  ++i;
  for (; n > 0 && i < s.size(); --n, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

bool is_apostrophe(char32_t c) {
  // ASCII and modifier-letter apostrophes and the ayin/hamza signs of
  // romanised Arabic ("Ba'ath", "Sanʿaʾ").
  return c == '\'' || c == 0x2BB || c == 0x2BC || c == 0x2BE || c == 0x2BF;
}

// Tier 2 key of a folded key (see actors.h): `k` itself when nothing
// changes (plain ASCII without apostrophes or hyphens, most spans), else
// written into `out` (never longer than `k`).
std::string_view loose_key(std::string_view k, std::string& out) {
  unsigned char seen = 0;
  bool marks = false;
  for (const char c : k) {
    seen |= static_cast<unsigned char>(c);
    marks = marks || c == '\'' || c == '-';
  }
  if (!(seen & 0x80) && !marks) return k;
  static const LatinTable& table = latin_table();
  out.resize(k.size());
  char* const begin = out.data();
  char* o = begin;
  auto put = [&](std::string_view x) {
    std::memcpy(o, x.data(), x.size());
    o += x.size();
  };
  for (std::size_t i = 0; i < k.size();) {
    const std::size_t at = i;
    // "al-assad", "el-sisi": the article is dropped at the start of a word.
    if ((at == 0 || k[at - 1] == ' ') && k.size() > at + 3 && (k[at] == 'a' || k[at] == 'e') &&
        k[at + 1] == 'l' && k[at + 2] == '-' && k[at + 3] != ' ' && k[at + 3] != '-') {
      i += 3;
      continue;
    }
    const char32_t c = decode(k, i);
    if (c < 0x80) {
      if (c != '\'') *o++ = static_cast<char>(c);
    } else if (const std::string* r = table.find(c)) {
      put(*r);
    } else if ((c >= 0x300 && c < 0x370) || is_apostrophe(c)) {
      // combining marks left over, apostrophe-like letters: dropped
    } else {
      put(k.substr(at, i - at));
    }
  }
  out.resize(static_cast<std::size_t>(o - begin));
  return out;
}

// Tier 3 rules (see actors.h) over a loose key, each output character
// passed to `emit`. Works word by word, as loose_key() does, so the first
// word of a name's key is the key of its first word (the first-word filter
// below relies on it). Words of fewer than four characters are left alone
// (acronyms: "GDP" is not "KDP"), and vowels are never merged (Cameron is
// not Cameroon, "route" not Rutte): the rules cover the romanisations of
// Arabic consonants that news spellings vary in.
template <class Emit>
void translit_each(std::string_view k, Emit emit) {
  std::size_t word_end = 0;
  bool short_word = false;
  char last = '\0';
  for (std::size_t i = 0; i < k.size(); ++i) {
    char c = k[i];
    if (c == '-' || c == ' ') {
      emit(' ');
      last = ' ';
      continue;
    }
    if (i >= word_end) {  // at a word start: how long is it?
      word_end = i;
      while (word_end < k.size() && k[word_end] != ' ' && k[word_end] != '-') ++word_end;
      short_word = word_end - i < 4;
      if (!short_word && c == 'g') c = 'k';
    }
    if (short_word) {
      emit(c);
      last = c;
      continue;
    }
    if (c == 'q') c = 'k';
    else if (c == 'd' && i + 1 < word_end && k[i + 1] == 'h') ++i;
    // Doubled consonants are one ("qaddafi" = "qadafi").
    if (c == last && c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u') continue;
    last = c;
    emit(c);
  }
}

// Tier 3 key of a loose key, written into `out` (it never grows).
std::string_view translit_key(std::string_view k, std::string& out) {
  out.resize(k.size());
  char* const begin = out.data();
  char* o = begin;
  translit_each(k, [&](char c) { *o++ = c; });
  out.resize(static_cast<std::size_t>(o - begin));
  return out;
}

// FNV-1a of a key (for the Bloom filters), and of its first word.
std::uint64_t fnv(std::string_view k) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : k) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}
std::uint64_t first_word_fnv(std::string_view k) { return fnv(k.substr(0, k.find(' '))); }

// Plain ASCII without apostrophes or hyphens: its loose key is itself.
bool plain(std::string_view w) {
  for (const char c : w)
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\'' || c == '-') return false;
  return true;
}

// first_word_fnv() of the transliteration key of a plain word, built and
// hashed in one pass with no buffer: the matcher's commonest case.
std::uint64_t plain_word_translit_fnv(std::string_view w) {
  std::uint64_t h = 14695981039346656037ull;
  translit_each(w, [&](char c) { h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; });
  return h;
}

// Which names can start with a word, and how long they are: for each
// first word of a transliteration key (hashed into a fixed table; a
// collision only makes the filter let more through) the most words of a
// key starting with it. Most spans the extractor asks about are no name at
// all, and long (up to max_alias_tokens() words): they are rejected from
// their first word and word count alone, without building the keys of the
// whole span or probing the hash maps (a cache miss or two each).
class FirstWordFilter {
 public:
  void add(std::string_view translit) {
    std::size_t words = 1 + static_cast<std::size_t>(std::count(translit.begin(), translit.end(), ' '));
    auto& slot = max_words_[first_word_fnv(translit) & kMask];
    slot = static_cast<std::uint8_t>(std::max<std::size_t>(slot, std::min<std::size_t>(words, 255)));
  }
  // The most words of a key whose first word hashes (first_word_fnv()) to
  // `first_word`; 0 when no key starts with it.
  std::size_t max_words(std::uint64_t first_word) const { return max_words_[first_word & kMask]; }

 private:
  static constexpr std::uint64_t kSlots = 1 << 15;
  static constexpr std::uint64_t kMask = kSlots - 1;
  std::vector<std::uint8_t> max_words_ = std::vector<std::uint8_t>(kSlots);
};

// --- Dates -----------------------------------------------------------------

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned month_days(int y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// The first and last day a date "YYYY", "YYYY-MM" or "YYYY-MM-DD" stands
// for; nullopt when malformed. (Hand-written: a std::regex cost more than
// all the rest of loading.)
struct DayRange {
  long first, last;
};

std::optional<DayRange> parse_date(std::string_view d) {
  auto num = [&](std::size_t at, std::size_t n, int& v) {
    v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return false;
      v = v * 10 + (d[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, day = 0;
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return std::nullopt;
  if (!num(0, 4, y)) return std::nullopt;
  if (d.size() == 4) return DayRange{days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)};
  if (d[4] != '-' || !num(5, 2, m) || m < 1 || m > 12) return std::nullopt;
  const unsigned um = static_cast<unsigned>(m);
  if (d.size() == 7) return DayRange{days_from_civil(y, um, 1), days_from_civil(y, um, month_days(y, um))};
  if (d[7] != '-' || !num(8, 2, day) || day < 1 || day > 31) return std::nullopt;
  const long x = days_from_civil(y, um, static_cast<unsigned>(day));
  return DayRange{x, x};
}

bool valid_date(const std::string& d) { return d.empty() || parse_date(d).has_value(); }

constexpr long kOpenStart = std::numeric_limits<long>::min() / 4;
constexpr long kOpenEnd = std::numeric_limits<long>::max() / 4;

// Days of `date` during which `role` was held (0: none); the role's partial
// dates cover their whole period, empty ones are open.
long overlap_days(const Role& role, const DayRange& date) {
  const auto s = parse_date(role.start), e = parse_date(role.end);
  const long first = std::max(date.first, s ? s->first : kOpenStart);
  const long last = std::min(date.last, e ? e->last : kOpenEnd);
  return last < first ? 0 : last - first + 1;
}

// Kind order used to break ties between actors that share an alias: the
// more specific reading of a bare name in news first.
int kind_rank(std::string_view kind) {
  static const char* const kOrder[] = {"person", "state", "igo", "group", "bloc", "force"};
  for (int i = 0; i < 6; ++i)
    if (kind == kOrder[i]) return i;
  return 6;
}

// Heterogeneous look-up: find() with a string_view allocates nothing.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// One actor under one key; `name` when the key came from its preferred name.
struct AliasEntry {
  std::size_t actor;
  bool name;
};

// Per-thread scratch buffers for the query's loose and transliteration keys.
struct Scratch {
  std::string loose, translit;
};
Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

}  // namespace

struct ActorDictionary::Impl {
  std::vector<Actor> actors;
  StringMap<std::size_t> by_id;
  // Alias keys per tier, each list kept sorted best first at insertion so
  // that a look-up never sorts.
  StringMap<std::vector<AliasEntry>> by_alias[3];
  FirstWordFilter first_words;
  StringMap<std::size_t> by_adjective[2];
  StringMap<Agent> agents;
  // leader_of roles by target id: (actor, role index).
  StringMap<std::vector<std::pair<std::size_t, std::size_t>>> leaders;
  std::size_t max_tokens = 1;

  bool better(const AliasEntry& x, const AliasEntry& y) const {
    if (x.name != y.name) return x.name;
    const Actor &a = actors[x.actor], &b = actors[y.actor];
    const int ka = kind_rank(a.kind), kb = kind_rank(b.kind);
    if (ka != kb) return ka < kb;
    return a.id < b.id;
  }

  bool same_rank(const AliasEntry& x, const AliasEntry& y) const {
    return x.name == y.name && kind_rank(actors[x.actor].kind) == kind_rank(actors[y.actor].kind);
  }

  void insert(StringMap<std::vector<AliasEntry>>& map, const std::string& key, AliasEntry e) {
    if (key.empty()) return;
    auto& v = map[key];
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (it->actor != e.actor) continue;
      if (it->name || !e.name) return;
      v.erase(it);  // re-inserted below with its better rank
      break;
    }
    v.insert(std::upper_bound(v.begin(), v.end(), e, [&](const AliasEntry& x, const AliasEntry& y) {
               return better(x, y);
             }),
             e);
  }

  void index_alias(const std::string& name, std::size_t idx, bool is_name) {
    const std::string k = key_of(name);
    if (k.empty()) return;
    std::string loose_buffer, translit;
    const std::string loose(loose_key(k, loose_buffer));
    first_words.add(translit_key(loose, translit));
    insert(by_alias[0], k, {idx, is_name});
    insert(by_alias[1], loose, {idx, is_name});
    insert(by_alias[2], translit, {idx, is_name});
    max_tokens = std::max<std::size_t>(max_tokens, std::count(k.begin(), k.end(), ' ') + 4);
  }

  void index_adjective(const std::string& adjective, std::size_t idx) {
    const std::string k = key_of(adjective);
    std::string buffer;
    by_adjective[0].emplace(k, idx);
    by_adjective[1].emplace(std::string(loose_key(k, buffer)), idx);
  }

  // The entries of the first tier that has the key (see actors.h). Each
  // tier's key is a function of the previous one's, so a name absent from
  // the transliteration tier is absent from all: most spans the extractor
  // asks about are, and cost one probe.
  const std::vector<AliasEntry>* lookup(std::string_view folded, NameMatch* how) const {
    const std::string_view k = strip_the(folded);
    if (k.empty()) return nullptr;
    Scratch& s = scratch();
    // The filter: the first word must start some key, and the span must not
    // have more words than the longest such key (a lower bound: the key
    // functions never remove a space).
    const std::size_t space = k.find(' ');
    const std::string_view word = k.substr(0, space);
    std::size_t most = 0;
    if (plain(word)) {
      most = first_words.max_words(plain_word_translit_fnv(word));
    } else {
      const std::string_view first = translit_key(loose_key(word, s.loose), s.translit);
      most = first.empty() ? std::numeric_limits<std::size_t>::max() : first_words.max_words(first_word_fnv(first));
    }
    std::size_t words = 1;
    for (std::size_t at = space; words <= most && at != std::string_view::npos; at = k.find(' ', at + 1)) ++words;
    if (words > most) return nullptr;
    const std::string_view loose = loose_key(k, s.loose);
    const auto t = by_alias[2].find(translit_key(loose, s.translit));
    if (t == by_alias[2].end()) return nullptr;
    if (auto it = by_alias[0].find(k); it != by_alias[0].end()) {
      *how = NameMatch::exact;
      return &it->second;
    }
    if (auto it = by_alias[1].find(loose); it != by_alias[1].end()) {
      *how = NameMatch::loose;
      return &it->second;
    }
    *how = NameMatch::transliteration;
    return &t->second;
  }
};

ActorDictionary::ActorDictionary() : impl_(std::make_unique<Impl>()) {
  // The bundled files hold ~7,000 names: no rehashing while they load.
  for (auto& m : impl_->by_alias) m.reserve(8192);
  impl_->by_id.reserve(2048);
}
ActorDictionary::~ActorDictionary() = default;
ActorDictionary::ActorDictionary(ActorDictionary&&) noexcept = default;
ActorDictionary& ActorDictionary::operator=(ActorDictionary&&) noexcept = default;

void ActorDictionary::load(std::istream& in, const std::string& name) {
  std::string line;
  std::size_t lineno = 0;
  auto fail = [&](const std::string& what) {
    throw DictionaryError(name + ":" + std::to_string(lineno) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto fields = split(line, '\t');
    if (fields[0] == "@agent") {
      if (fields.size() < 3)
        fail("expected '@agent<TAB>nouns<TAB>class[<TAB>suffix]', got " +
             std::to_string(fields.size()) + " fields");
      const std::string cls = trim(fields[2]);
      if (cls != "state" && cls != "force" && cls != "group")
        fail("agent class must be state, force or group, got '" + cls + "'");
      const std::string suffix = fields.size() > 3 ? trim(fields[3]) : "";
      if (cls != "state" && suffix.empty()) fail("a " + cls + " agent needs a name suffix");
      for (const auto& noun : split(fields[1], '|')) {
        const std::string k = key_of(trim(noun));
        if (k.empty()) continue;
        impl_->agents[k] = Agent{k, cls, suffix};
      }
      continue;
    }
    if (fields.size() < 3)
      fail("expected at least 3 tab-separated fields (id, kind, name), got " +
           std::to_string(fields.size()));
    Actor a;
    a.id = trim(fields[0]);
    a.kind = trim(fields[1]);
    a.name = trim(fields[2]);
    a.origin = name + ":" + std::to_string(lineno);
    if (a.id.empty() || a.id.find('/') == std::string::npos)
      fail("expected an id of the form kind/name, got '" + a.id + "'");
    if (!kKinds.count(a.kind)) fail("unknown kind '" + a.kind + "'");
    if (a.name.empty()) fail("empty preferred name");
    for (std::size_t i = 3; i < fields.size(); ++i) {
      const std::string f = trim(fields[i]);
      if (f.empty()) continue;
      const auto eq = f.find('=');
      if (eq == std::string::npos) fail("expected key=value, got '" + f + "'");
      const std::string key = f.substr(0, eq), value = f.substr(eq + 1);
      if (key == "country") {
        a.country = value;
      } else if (key == "wikidata") {
        if (value.size() < 2 || value[0] != 'Q') fail("expected a Wikidata id Q..., got '" + value + "'");
        a.wikidata = value;
      } else if (key == "alias") {
        for (auto& s : split(value, '|'))
          if (!trim(s).empty()) a.aliases.push_back(trim(s));
      } else if (key == "adj") {
        for (auto& s : split(value, '|'))
          if (!trim(s).empty()) a.adjectives.push_back(trim(s));
      } else if (key == "role") {
        auto p = split(value, ':');
        if (p.size() != 4) fail("expected role=relation:target:start:end, got '" + value + "'");
        if (p[0] != "leader_of" && p[0] != "member_of")
          fail("role relation must be leader_of or member_of, got '" + p[0] + "'");
        if (!valid_date(p[2]) || !valid_date(p[3])) fail("expected dates YYYY[-MM[-DD]] in '" + value + "'");
        a.roles.push_back(Role{p[0], p[1], p[2], p[3]});
      } else {
        fail("unknown key '" + key + "' (expected country, wikidata, alias, adj or role)");
      }
    }
    std::size_t idx;
    std::size_t first_alias = 0, first_adjective = 0, first_role = 0;  // what is new to index
    if (auto it = impl_->by_id.find(a.id); it != impl_->by_id.end()) {
      // A later file may extend an actor it does not own: aliases and roles add up.
      idx = it->second;
      Actor& old = impl_->actors[idx];
      if (old.kind != a.kind)
        fail("'" + a.id + "' is already defined at " + old.origin + " with kind '" + old.kind +
             "', not '" + a.kind + "'");
      first_alias = old.aliases.size();
      first_adjective = old.adjectives.size();
      first_role = old.roles.size();
      for (auto& s : a.aliases) old.aliases.push_back(s);
      for (auto& s : a.adjectives) old.adjectives.push_back(s);
      for (auto& r : a.roles) old.roles.push_back(r);
    } else {
      idx = impl_->actors.size();
      impl_->by_id.emplace(a.id, idx);
      impl_->actors.push_back(std::move(a));
      impl_->index_alias(impl_->actors[idx].name, idx, true);
    }
    const Actor& def = impl_->actors[idx];
    for (std::size_t i = first_alias; i < def.aliases.size(); ++i) impl_->index_alias(def.aliases[i], idx, false);
    for (std::size_t i = first_adjective; i < def.adjectives.size(); ++i)
      impl_->index_adjective(def.adjectives[i], idx);
    for (std::size_t r = first_role; r < def.roles.size(); ++r)
      if (def.roles[r].relation == "leader_of") impl_->leaders[def.roles[r].target].emplace_back(idx, r);
  }
  if (in.bad()) throw DictionaryError(name + ": read error");
}

void ActorDictionary::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DictionaryError(path + ": cannot open");
  load(in, path);
}

std::size_t ActorDictionary::size() const { return impl_->actors.size(); }

const Actor* ActorDictionary::find_id(std::string_view id) const {
  auto it = impl_->by_id.find(id);
  return it == impl_->by_id.end() ? nullptr : &impl_->actors[it->second];
}

std::optional<ActorRef> ActorDictionary::describe(std::string_view id) const {
  if (const Actor* a = find_id(id)) return a->ref();
  const auto slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view kind = id.substr(0, slash);
  // Composed ids are "<kind>/<base>-<suffix>": from a state or bloc with
  // compose() ("force/SYR-military", "force/west-military"), from a named
  // group or person with compose_group() ("group/hdp-supporters").
  for (const auto& [noun, agent] : impl_->agents) {
    if (agent.kind != kind) continue;
    const std::string tail = "-" + agent.suffix;
    if (id.size() <= slash + 1 + tail.size() || id.substr(id.size() - tail.size()) != tail) continue;
    const std::string base(id.substr(slash + 1, id.size() - tail.size() - slash - 1));
    for (const char* k : {"state/", "bloc/"}) {
      if (const Actor* a = find_id(k + base)) {
        ActorRef r = compose(*a, agent);
        if (r.id == id) return r;
      }
    }
    if (kind != "group") continue;
    for (const char* k : {"group/", "person/"})
      if (const Actor* a = find_id(k + base)) return compose_group(*a, agent);
  }
  return std::nullopt;
}

std::vector<const Actor*> ActorDictionary::find_alias(std::string_view folded) const {
  std::vector<const Actor*> out;
  NameMatch how;
  const auto* hits = impl_->lookup(folded, &how);
  if (!hits) return out;
  out.reserve(hits->size());
  for (const auto& e : *hits) out.push_back(&impl_->actors[e.actor]);
  return out;
}

AliasHit ActorDictionary::find_alias_best(std::string_view folded) const {
  AliasHit hit;
  const auto* hits = impl_->lookup(folded, &hit.match);
  if (!hits || hits->empty()) return {};
  hit.actor = &impl_->actors[hits->front().actor];
  hit.total = hits->size();
  hit.candidates = 1;
  while (hit.candidates < hits->size() && impl_->same_rank(hits->front(), (*hits)[hit.candidates]))
    ++hit.candidates;
  return hit;
}

const Actor* ActorDictionary::find_adjective(std::string_view folded) const {
  if (auto it = impl_->by_adjective[0].find(folded); it != impl_->by_adjective[0].end())
    return &impl_->actors[it->second];
  auto it = impl_->by_adjective[1].find(loose_key(folded, scratch().loose));
  return it == impl_->by_adjective[1].end() ? nullptr : &impl_->actors[it->second];
}

const Agent* ActorDictionary::find_agent(std::string_view folded) const {
  auto it = impl_->agents.find(folded);
  return it == impl_->agents.end() ? nullptr : &it->second;
}

std::size_t ActorDictionary::max_alias_tokens() const { return impl_->max_tokens; }

const std::vector<Actor>& ActorDictionary::actors() const { return impl_->actors; }

ActorRef ActorDictionary::compose(const Actor& state, const Agent& agent) const {
  if (agent.kind == "state") return state.ref();
  const std::string code = state.country.empty() ? state.id.substr(state.id.find('/') + 1)
                                                 : state.country;
  const std::string adjective = state.adjectives.empty() ? state.name : state.adjectives.front();
  return ActorRef{agent.kind + "/" + code + "-" + agent.suffix, adjective + " " + agent.suffix,
                  agent.kind, state.country};
}

ActorRef ActorDictionary::compose_group(const Actor& group, const Agent& agent) const {
  if (agent.kind != "group") return group.ref();
  return ActorRef{"group/" + group.id.substr(group.id.find('/') + 1) + "-" + agent.suffix,
                  group.name + " " + agent.suffix, "group", group.country};
}

namespace {

// "<head> <agent noun>" readings of a key: a state adjective or name with
// any agent, or a named group or person with a group agent.
std::optional<ActorRef> compose_reading(const ActorDictionary& d, const std::string& k) {
  for (std::size_t sp = k.find(' '); sp != std::string::npos; sp = k.find(' ', sp + 1)) {
    const std::string_view head = std::string_view(k).substr(0, sp), tail = std::string_view(k).substr(sp + 1);
    const Agent* agent = d.find_agent(tail);
    if (!agent) continue;
    const Actor* state = d.find_adjective(head);
    const Actor* named = nullptr;
    if (!state) {
      for (const Actor* a : d.find_alias(head)) {
        if (a->kind == "state") {
          state = a;
          break;
        }
        if (!named && (a->kind == "group" || a->kind == "person")) named = a;
      }
    }
    if (state) return d.compose(*state, *agent);
    if (named && agent->kind == "group") return d.compose_group(*named, *agent);
  }
  return std::nullopt;
}

}  // namespace

std::optional<ActorRef> ActorDictionary::resolve(std::string_view name) const {
  const std::string k = key_of(name);
  if (k.empty()) return std::nullopt;
  if (const AliasHit hit = find_alias_best(k)) return hit.actor->ref();
  return compose_reading(*this, k);
}

std::optional<ActorRef> ActorDictionary::unknown_actor(std::string_view name) const {
  // Words that make a capitalised phrase a title, a date or an institution
  // rather than a person's name.
  static const std::unordered_set<std::string> kNotNames = {
      "president", "prime", "minister", "secretary", "general", "king", "queen", "prince", "emir",
      "sheikh", "chancellor", "premier", "mr.", "mrs.", "ms.", "dr.", "pope", "saint", "st.", "gen.", "col.",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "party", "council", "army", "forces", "force", "front", "union", "league", "organization",
      "organisation", "committee", "ministry", "province", "city", "university", "airport", "region",
      "island", "islands", "peninsula", "sea", "river", "street", "square", "state", "states", "republic",
      "kingdom", "news", "times", "post", "agency", "court", "bank", "group", "movement", "brigade",
      "brigades", "house", "senate", "congress", "parliament", "assembly", "commission", "office",
      "department", "national", "international", "united", "new", "north", "south", "east", "west",
      "the", "of", "and", "in", "on", "for", "at", "to", "a", "an"};
  static const std::unordered_set<std::string> kNumberWords = {
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
      "hundreds", "thousand", "thousands", "dozens", "dozen", "several", "some", "many", "both", "all"};
  std::vector<std::string> words;
  std::string cur;
  for (char c : name) {
    if (c == ' ') {
      if (!cur.empty()) words.push_back(cur), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(cur);
  if (words.size() < 2 || words.size() > 3) return std::nullopt;
  std::string slug;
  for (const auto& w : words) {
    const unsigned char first = static_cast<unsigned char>(w[0]);
    if (w.size() < 2 || !(first >= 'A' && first <= 'Z')) return std::nullopt;
    bool lower = false;
    for (unsigned char c : w) lower = lower || (c >= 'a' && c <= 'z') || c >= 0x80;
    if (!lower) return std::nullopt;  // ALL CAPS is an acronym or a dateline
    const std::string f = fold(w);
    if (kNotNames.count(f)) return std::nullopt;
    // "Fifty Turkish warplanes", "Two Syrian": a number or a demonym is no
    // part of a person's name; the words after it are an agent phrase.
    if (kNumberWords.count(f) || find_adjective(f)) return std::nullopt;
    for (unsigned char c : f) {
      if (c < 0x80 && !std::isalnum(c) && c != '-' && c != '\'') return std::nullopt;
    }
    if (!slug.empty()) slug += '-';
    for (unsigned char c : f) slug += (c < 0x80 && std::isalnum(c)) ? static_cast<char>(c) : (c < 0x80 ? '-' : static_cast<char>(c));
  }
  if (resolve(name)) return std::nullopt;
  return ActorRef{"unknown/" + slug, std::string(name), "unknown", ""};
}

std::vector<ActorRef> ActorDictionary::candidates(std::string_view name) const {
  std::vector<ActorRef> out;
  const std::string k = key_of(name);
  if (k.empty()) return out;
  if (const AliasHit hit = find_alias_best(k)) {
    for (const Actor* a : find_alias(k)) {
      if (out.size() == hit.candidates) break;
      out.push_back(a->ref());
    }
    return out;
  }
  if (auto r = compose_reading(*this, k)) out.push_back(std::move(*r));
  return out;
}

std::vector<const Actor*> ActorDictionary::leaders_of(std::string_view state_id, std::string_view date) const {
  std::vector<const Actor*> out;
  const auto when = parse_date(date);
  const auto it = impl_->leaders.find(state_id);
  if (!when || it == impl_->leaders.end()) return out;
  struct Scored {
    const Actor* actor;
    long days;
    long start;
  };
  std::vector<Scored> scored;
  for (const auto& [a, r] : it->second) {
    const Actor& person = impl_->actors[a];
    const Role& role = person.roles[r];
    const long days = overlap_days(role, *when);
    if (days == 0) continue;
    const auto s = parse_date(role.start);
    const long start = s ? s->first : kOpenStart;
    // One entry per person: the role that covers the most of the date.
    auto same = std::find_if(scored.begin(), scored.end(), [&](const Scored& x) { return x.actor == &person; });
    if (same == scored.end()) scored.push_back({&person, days, start});
    else if (days > same->days || (days == same->days && start > same->start)) *same = {&person, days, start};
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
    if (x.days != y.days) return x.days > y.days;
    if (x.start != y.start) return x.start > y.start;
    return x.actor->id < y.actor->id;
  });
  for (const auto& s : scored) out.push_back(s.actor);
  return out;
}

const Actor* ActorDictionary::leader_of(std::string_view state_id, std::string_view date) const {
  const auto all = leaders_of(state_id, date);
  return all.empty() ? nullptr : all.front();
}

bool ActorDictionary::held_role(const Actor& person, std::string_view relation, std::string_view target,
                                std::string_view date) const {
  std::optional<DayRange> when = DayRange{kOpenStart, kOpenEnd};
  if (!date.empty()) when = parse_date(date);
  if (!when) return false;
  for (const Role& r : person.roles)
    if (r.relation == relation && r.target == target && overlap_days(r, *when) > 0) return true;
  return false;
}

std::string default_data_dir() {
  if (const char* env = std::getenv("ACTORGRAPH_DATA"); env && *env) return env;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(ACTORGRAPH_SOURCE_DATA_DIR, ec)) return ACTORGRAPH_SOURCE_DATA_DIR;
  return ACTORGRAPH_INSTALL_DATA_DIR;
}

}  // namespace actorgraph::extract
