/// @file
/// The extract stage: a document in, relation instances out.
///
/// Per document: boilerplate, then the discourse state; per sentence the
/// stages of stages.h in order: mentions, coreference, titles, triggers,
/// and for a sentence worth parsing the syntax view, arguments, scope and
/// relations (one event per source, relation, target and negation). When the
/// parse fails, a shallow pass over token order finds the clear cases at
/// lower confidence.
///
/// Ownership and threads: an Extractor holds references to its immutable
/// dictionary, patterns, tokenizer and parser, which must outlive it;
/// `extract` is const and may run on several threads at once.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <istream>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actorgraph/extract/actors.h"
#include "actorgraph/extract/document.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/extract/parser.h"
#include "actorgraph/extract/lexicon.h"
#include "actorgraph/extract/patterns.h"
#include "actorgraph/extract/stages.h"
#include "actorgraph/extract/text.h"

namespace actorgraph::extract {

/// Lines and paragraphs that are site furniture rather than news, loaded from
/// data/boilerplate.txt: `drop <regex>` removes a matching line, `end <regex>`
/// ends the article body at a matching line (footers, "Read more").
class Boilerplate {
 public:
  void load(std::istream& in, const std::string& name);
  void load_file(const std::string& path);
  /// Byte ranges of `text` that are not news.
  std::vector<std::pair<std::size_t, std::size_t>> furniture(std::string_view text) const;

 private:
  struct Rule {
    bool ends_body = false;
    std::regex pattern;  ///< matched against the folded, trimmed line
  };
  std::vector<Rule> rules_;
};

/// Counters over a run; safe to update from several threads.
struct ExtractStats {
  std::atomic<std::size_t> sentences{0};
  std::atomic<std::size_t> candidate_sentences{0};  ///< with an actor and a trigger
  std::atomic<std::size_t> parsed{0};
  std::atomic<std::size_t> fallback{0};  ///< parse failed: shallow pass used
  std::atomic<std::size_t> events{0};
};

/// An actor recognised in a document, and how many mentions resolved to it.
struct ActorCount {
  ActorRef actor;
  std::size_t count = 0;
};

class Extractor {
 public:
  /// `parser` may be null: every sentence then takes the shallow pass.
  Extractor(const ActorDictionary& actors, const PatternSet& patterns, const Lexicon& lexicon,
            const Tokenizer& tokenizer, const Boilerplate& boilerplate, const LinkParser* parser);

  /// The relation instances the document states, in text order.
  std::vector<Event> extract(const Document& doc) const;

  /// Actor mentions of one sentence (no pronouns or document context), for tests and tools.
  std::vector<Mention> mentions(const Sentence& sentence) const;

  /// The actors recognised anywhere in the document after coreference (the
  /// mentions, coreference and titles stages of `extract`, without triggers
  /// or parsing), most mentioned first, then by id (`actorgraph mentions`).
  std::vector<ActorCount> actors_in(const Document& doc) const;

  ExtractStats& stats() const { return stats_; }

  /// Receives a line per candidate sentence describing mentions, parse links
  /// and triggers (`actorgraph extract --trace`). Set before extracting.
  void set_trace(std::function<void(const std::string&)> trace) { trace_ = std::move(trace); }

  /// Whether names no dictionary knows become actors of kind `unknown`
  /// (ActorDictionary::unknown_actor); on by default. Set before extracting.
  void set_unknown_actors(bool on) { unknown_actors_ = on; }

 private:
  /// Runs the stages up to titles on every sentence that is not furniture,
  /// handing each analysis to `rest` (the later stages, or a count).
  void analyse(const Document& doc, const std::function<void(SentenceAnalysis&)>& rest) const;

  const ActorDictionary& actors_;
  const PatternSet& patterns_;
  const Lexicon& lexicon_;
  const Tokenizer& tokenizer_;
  const Boilerplate& boilerplate_;
  const LinkParser* parser_;
  mutable ExtractStats stats_;
  std::function<void(const std::string&)> trace_;
  bool unknown_actors_ = true;
};

}  // namespace actorgraph::extract
