// Link Grammar wrapper: words in, token-indexed links out.
#include "actorgraph/extract/parser.h"

#include <link-grammar/link-includes.h>

#include <algorithm>

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
//   complete linkage costs about 3x a first pass. Retrying only sentences of
//   up to kMaxRetryWords words cut parse CPU by a third with the dev-set
//   strict F1 unchanged (0.561); longer ones take the shallow pass. A limit
//   of 35 words lost 0.013 F1, so 40 it is.
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
constexpr std::size_t kMaxRetryWords = 40;
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

}  // namespace actorgraph::extract
