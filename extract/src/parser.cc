// Link Grammar wrapper: words in, token-indexed links out.
#include "actorgraph/extract/parser.h"

#include <link-grammar/link-includes.h>

#include <algorithm>
#include <string_view>

#include "actorgraph/extract/error.h"

namespace actorgraph::extract {
namespace {

// Link Grammar reports through a handler; library code never prints, so its
// messages are dropped (a failed parse shows as ok=false instead). The handler
// is per thread in Link Grammar 5.x, so every thread that parses installs it.
void quiet_handler(lg_errinfo*, void*) {}

void install_quiet_handler() {
  thread_local bool installed = false;
  if (!installed) {
    lg_error_set_handler(quiet_handler, nullptr);
    installed = true;
  }
}

// Limits, measured on ../shared/corpus (dev + reportedly, 302 sentences
// reaching the parser; docs/performance.md):
// - The retry with unlinked words is the dearest step: a sentence without a
//   complete linkage costs about 3x a first pass, and with two unlinked words
//   the count of linkages explodes on long sentences. Only sentences of up to
//   kMaxRetryWords words (per piece of parse_pieces) are retried; longer ones
//   take the shallow pass. With the parse window and the reach filter of the
//   extractor, 25 words gave the best dev-set F1 (0.704 strict, against 0.695
//   at 35 and 40) for 20% less CPU; no retry at all lost 0.024.
// - Spell guessing (Hunspell) is off: our words are news tokens, names are
//   joined into one capitalised unit, and guessing changed no output on the
//   corpus. It also keeps the parse thread-safe: a Hunspell handle, shared
//   through the Dictionary, is not safe for concurrent use. (Link Grammar's
//   README: parsing on several threads with one Dictionary is safe; its one
//   global, verbosity, is set to the same 0 by every call here.)
// - linkage_limit stays 50: 10 lost 0.077 F1 (the best linkage of a smaller
//   sample is often worse). short_length 10 and disjunct cost 2.0 were tried
//   and lost F1 or saved nothing.
// - The time limit is only a guard against pathological input, at 30 x
//   max_seconds (--parse-seconds). Link Grammar's timer counts the CPU time
//   of the whole process, so with N threads it fires up to N times sooner,
//   and whether a sentence beats it varies from run to run: at 1 s it made
//   the output depend on --jobs (a 39-word sentence fell back to the
//   shallow pass under --jobs 3). The word limits bound the cost of real
//   sentences deterministically (the dearest on the corpus: about 1 s CPU).
constexpr std::size_t kMaxRetryWords = 25;
constexpr double kTimerSlack = 30;

}  // namespace

struct LinkParser::Impl {
  ParserOptions options;
  Dictionary dict = nullptr;
};

LinkParser::LinkParser(ParserOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  install_quiet_handler();
  impl_->dict = dictionary_create_lang("en");
  if (!impl_->dict)
    throw Error("link-grammar: cannot load the English dictionary (is link-grammar-dictionaries-en installed?)");
}

LinkParser::~LinkParser() {
  if (impl_ && impl_->dict) dictionary_delete(impl_->dict);
}

SyntaxParse LinkParser::parse(const std::vector<std::string>& words) const {
  SyntaxParse out;
  out.links_of.resize(words.size());
  out.tags.resize(words.size());
  if (words.empty() || words.size() > impl_->options.max_words) return out;

  // The sentence as Link Grammar sees it, remembering where each word starts
  // so its words can be mapped back to our tokens by byte offset.
  std::string text;
  std::vector<std::size_t> starts;
  for (const auto& w : words) {
    if (!text.empty()) text += ' ';
    starts.push_back(text.size());
    text += w;
  }
  auto token_at = [&](std::size_t byte) -> int {
    auto it = std::upper_bound(starts.begin(), starts.end(), byte);
    return static_cast<int>(it - starts.begin()) - 1;
  };

  install_quiet_handler();
  Parse_Options po = parse_options_create();
  parse_options_set_verbosity(po, 0);
  parse_options_set_max_parse_time(po, std::max(1, static_cast<int>(impl_->options.max_seconds * kTimerSlack + 0.5)));
  parse_options_set_linkage_limit(po, 50);
  parse_options_set_spell_guess(po, 0);
  parse_options_set_min_null_count(po, 0);
  parse_options_set_max_null_count(po, 0);
  parse_options_set_display_morphology(po, 0);
  Sentence s = sentence_create(text.c_str(), impl_->dict);
  if (!s) {
    parse_options_delete(po);
    return out;
  }
  int n = sentence_parse(s, po);
  if (n <= 0 && !parse_options_timer_expired(po) && impl_->options.max_null_count > 0 &&
      words.size() <= kMaxRetryWords) {
    // No complete linkage: allow a few unlinked words before giving up.
    parse_options_set_min_null_count(po, 1);
    parse_options_set_max_null_count(po, impl_->options.max_null_count);
    n = sentence_parse(s, po);
  }
  if (n > 0 && !parse_options_timer_expired(po)) {
    Linkage lk = linkage_create(0, s, po);
    if (lk) {
      out.ok = true;
      out.null_count = sentence_null_count(s);
      const int nw = static_cast<int>(linkage_get_num_words(lk));
      std::vector<int> word_token(nw, -1);
      for (int w = 0; w < nw; ++w) {
        const char* wd = linkage_get_word(lk, w);
        if (!wd || wd[0] == '\0' || std::string_view(wd).find("WALL") != std::string_view::npos) continue;
        const int start = linkage_get_word_byte_start(lk, w);
        if (start < 0 || static_cast<std::size_t>(start) >= text.size()) continue;
        word_token[w] = token_at(static_cast<std::size_t>(start));
        const std::string_view sv(wd);
        const auto dot = sv.rfind('.');
        const auto bracket = sv.find('[');
        if (dot != std::string_view::npos && (bracket == std::string_view::npos || dot < bracket) &&
            dot + 1 < sv.size()) {
          auto& tag = out.tags[word_token[w]];
          if (tag.empty()) tag = std::string(sv.substr(dot + 1, bracket == std::string_view::npos ? std::string_view::npos : bracket - dot - 1));
        }
      }
      const int nl = linkage_get_num_links(lk);
      for (int k = 0; k < nl; ++k) {
        const int l = word_token[linkage_get_link_lword(lk, k)];
        const int r = word_token[linkage_get_link_rword(lk, k)];
        if (l < 0 || r < 0 || l == r) continue;
        out.links_of[l].push_back(static_cast<int>(out.links.size()));
        out.links_of[r].push_back(static_cast<int>(out.links.size()));
        out.links.push_back(SyntaxLink{linkage_get_link_label(lk, k), l, r});
      }
      linkage_delete(lk);
    }
  }
  sentence_delete(s);
  parse_options_delete(po);
  return out;
}

SyntaxParse LinkParser::parse(const std::vector<std::string>& words,
                              const std::vector<std::vector<std::size_t>>& pieces) const {
  if (pieces.size() == 1 && pieces[0].size() == words.size()) return parse(words);
  SyntaxParse out;
  out.links_of.resize(words.size());
  out.tags.resize(words.size());
  for (const auto& piece : pieces) {
    if (piece.empty()) continue;
    std::vector<std::string> piece_words;
    for (std::size_t i : piece) piece_words.push_back(words.at(i));
    // A clause cut out of a sentence ends like one.
    const std::string& last = piece_words.back();
    if (last != "." && last != "!" && last != "?") piece_words.push_back(".");
    SyntaxParse p = parse(piece_words);
    if (!p.ok) continue;
    out.ok = true;
    out.null_count += p.null_count;
    for (std::size_t k = 0; k < piece.size(); ++k) out.tags[piece[k]] = std::move(p.tags[k]);
    for (auto& l : p.links) {
      if (static_cast<std::size_t>(l.left) >= piece.size() || static_cast<std::size_t>(l.right) >= piece.size())
        continue;  // the full stop added above
      l.left = static_cast<int>(piece[l.left]);
      l.right = static_cast<int>(piece[l.right]);
      out.links_of[l.left].push_back(static_cast<int>(out.links.size()));
      out.links_of[l.right].push_back(static_cast<int>(out.links.size()));
      out.links.push_back(std::move(l));
    }
  }
  return out;
}

namespace {

bool is_quote(std::string_view w) { return w == "\"" || w == "'" || w == "``" || w == "''"; }

bool is_final(std::string_view w) { return w == "." || w == "!" || w == "?" || is_quote(w); }

// First words of a comma-delimited aside that can go without harming the
// clause around it: relative, adverbial and participle clauses, appositions.
bool opens_aside(std::string_view w) {
  static const char* const kOpeners[] = {"which", "who",   "whom",   "whose",  "where",     "when",
                                         "while", "although", "though", "whereas", "according", "including",
                                         "as",    "after", "before", "despite", "amid",     "since",
                                         "because", "a",   "an",     "the"};
  for (const char* o : kOpeners)
    if (w == o) return true;
  const bool lower = !w.empty() && w[0] >= 'a' && w[0] <= 'z';
  return lower && w.size() > 4 && (w.ends_with("ing") || w.ends_with("ed"));
}

}  // namespace

std::vector<bool> words_worth_parsing(const std::vector<std::string>& words, const std::vector<bool>& anchors) {
  const std::size_t n = words.size();
  std::vector<bool> keep(n, true);
  auto anchor = [&](std::size_t i) { return i < anchors.size() && anchors[i]; };
  // [a, b) holds no anchor and no quotation mark among the words still kept.
  auto droppable = [&](std::size_t a, std::size_t b) {
    for (std::size_t i = a; i < b; ++i)
      if (keep[i] && (anchor(i) || is_quote(words[i]))) return false;
    return true;
  };
  auto drop = [&](std::size_t a, std::size_t b) {
    for (std::size_t i = a; i < b; ++i) keep[i] = false;
  };
  std::size_t end = n;  // final punctuation stays
  while (end > 0 && is_final(words[end - 1])) --end;

  // Brackets: "( ... )" and "[ ... ]", innermost pairs included.
  for (std::size_t i = 0; i < end; ++i) {
    if (words[i] != "(" && words[i] != "[") continue;
    const std::string close = words[i] == "(" ? ")" : "]";
    int depth = 0;
    for (std::size_t j = i; j < end; ++j) {
      if (words[j] == words[i]) ++depth;
      else if (words[j] == close && --depth == 0) {
        if (droppable(i, j + 1)) {
          drop(i, j + 1);
          i = j;
        }
        break;
      }
    }
  }
  // Dash-delimited asides, or a dash-led tail.
  for (std::size_t i = 0; i < end; ++i) {
    if (words[i] != "--" || !keep[i]) continue;
    std::size_t j = i + 1;
    while (j < end && words[j] != "--") ++j;
    if (droppable(i, std::min(j + 1, end))) drop(i, std::min(j + 1, end));
    i = j;
  }

  // Pieces between separators at bracket depth 0, over the words still kept.
  struct Piece {
    std::size_t first, last;  // words [first, last)
    std::size_t sep = 0;      // the separator before the piece (words index), if any
  };
  std::vector<Piece> pieces;
  {
    int depth = 0;
    Piece cur{0, 0};
    for (std::size_t i = 0; i < end; ++i) {
      if (!keep[i]) continue;
      const std::string& w = words[i];
      if (w == "(" || w == "[") ++depth;
      if ((w == ")" || w == "]") && depth > 0) --depth;
      if (depth == 0 && (w == "," || w == ";" || w == ":")) {
        cur.last = i;
        pieces.push_back(cur);
        cur = Piece{i + 1, i + 1, i};
      }
    }
    cur.last = end;
    pieces.push_back(cur);
  }
  if (pieces.size() < 2) return keep;
  auto empty = [&](const Piece& p) {
    for (std::size_t i = p.first; i < p.last; ++i)
      if (keep[i]) return false;
    return true;
  };
  auto first_word = [&](const Piece& p) -> std::string_view {
    for (std::size_t i = p.first; i < p.last; ++i)
      if (keep[i]) return words[i];
    return {};
  };
  std::vector<bool> gone(pieces.size(), false);
  // Leading pieces, with the separator after each.
  for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
    if (!droppable(pieces[k].first, pieces[k].last)) break;
    drop(pieces[k].first, pieces[k].last);
    keep[pieces[k + 1].sep] = false;
    gone[k] = true;
  }
  // Trailing pieces, with the separator before each.
  for (std::size_t k = pieces.size(); k-- > 1;) {
    if (gone[k - 1] || !droppable(pieces[k].first, pieces[k].last)) break;
    drop(pieces[k].first, pieces[k].last);
    keep[pieces[k].sep] = false;
    gone[k] = true;
  }
  // Inner asides between two commas, with both commas; a clause after a semicolon.
  for (std::size_t k = 1; k + 1 < pieces.size(); ++k) {
    if (gone[k] || gone[k + 1] || empty(pieces[k]) || !droppable(pieces[k].first, pieces[k].last)) continue;
    const std::string& before = words[pieces[k].sep];
    const std::string& after = words[pieces[k + 1].sep];
    if (before == ";" || (before == "," && after == "," && opens_aside(first_word(pieces[k])))) {
      drop(pieces[k].first, pieces[k].last);
      keep[pieces[k].sep] = false;
      if (before == ",") keep[pieces[k + 1].sep] = false;
      gone[k] = true;
    }
  }
  return keep;
}

std::vector<std::vector<std::size_t>> parse_pieces(const std::vector<std::string>& words,
                                                   const std::vector<bool>& anchors) {
  const std::vector<bool> keep = words_worth_parsing(words, anchors);
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (keep[i]) kept.push_back(i);
  if (kept.size() <= kClauseWords) return {kept};

  static const char* const kClauseOpeners[] = {
      "and",   "but",     "while",  "whereas", "as",     "after",  "before",    "when",      "which",
      "who",   "whom",    "whose",  "where",   "although", "though", "because", "since",     "until",
      "if",    "unless",  "despite", "amid",   "according", "including"};
  auto opens_clause = [](std::string_view w) {
    for (const char* o : kClauseOpeners)
      if (w == o) return true;
    // A participle clause: "..., saying", "..., calling on", "..., having documented".
    return w.size() > 5 && w.ends_with("ing") && w[0] >= 'a' && w[0] <= 'z';
  };
  constexpr std::size_t kMinClause = 4;
  std::vector<std::vector<std::size_t>> pieces(1);
  int depth = 0;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const std::string& w = words[kept[k]];
    if (w == "(" || w == "[") ++depth;
    if ((w == ")" || w == "]") && depth > 0) --depth;
    const bool cut = depth == 0 && (w == ";" || w == "--" || w == ":" ||
                                    (w == "," && k + 1 < kept.size() && opens_clause(words[kept[k + 1]])));
    if (cut && pieces.back().size() >= kMinClause && kept.size() - k - 1 >= kMinClause) {
      pieces.emplace_back();
      continue;  // the separator itself is in no clause
    }
    pieces.back().push_back(kept[k]);
  }
  std::vector<std::vector<std::size_t>> worth;
  for (auto& p : pieces) {
    bool anchored = false;
    for (std::size_t i : p) anchored = anchored || (i < anchors.size() && anchors[i]);
    if (anchored) worth.push_back(std::move(p));
  }
  return worth;
}

}  // namespace actorgraph::extract
