// Link Grammar wrapper: words in, token-indexed links out.
#include "actorgraph/extract/parser.h"

#include <link-grammar/link-includes.h>

#include <algorithm>
#include <mutex>

#include "actorgraph/extract/error.h"

namespace actorgraph::extract {
namespace {

// Link Grammar reports through a global handler; library code never prints,
// so its messages are dropped (a failed parse shows as ok=false instead).
void quiet_handler(lg_errinfo*, void*) {}

}  // namespace

struct LinkParser::Impl {
  ParserOptions options;
  Dictionary dict = nullptr;
};

LinkParser::LinkParser(ParserOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  static std::once_flag once;
  std::call_once(once, [] { lg_error_set_handler(quiet_handler, nullptr); });
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

  Parse_Options po = parse_options_create();
  parse_options_set_verbosity(po, 0);
  parse_options_set_max_parse_time(po, std::max(1, static_cast<int>(impl_->options.max_seconds + 0.5)));
  parse_options_set_linkage_limit(po, 50);
  parse_options_set_min_null_count(po, 0);
  parse_options_set_max_null_count(po, 0);
  parse_options_set_display_morphology(po, 0);
  Sentence s = sentence_create(text.c_str(), impl_->dict);
  if (!s) {
    parse_options_delete(po);
    return out;
  }
  int n = sentence_parse(s, po);
  if (n <= 0 && !parse_options_timer_expired(po) && impl_->options.max_null_count > 0) {
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
