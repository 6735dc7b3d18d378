/// @file
/// The extraction stage assembled from data files: loads the bundled actor
/// dictionaries, patterns, abbreviations and boilerplate rules (plus the
/// user's own files) once, and owns the objects the Extractor borrows.
///
/// Threads: build once; afterwards everything in it is read-only and the
/// extractor may be used from several threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actorgraph/extract/actors.h"
#include "actorgraph/extract/extractor.h"
#include "actorgraph/extract/parser.h"
#include "actorgraph/extract/patterns.h"
#include "actorgraph/extract/text.h"

namespace actorgraph::extract {

struct DataOptions {
  std::string data_dir;                   ///< empty: default_data_dir()
  std::vector<std::string> actor_files;   ///< the user's own, after the bundled ones
  std::vector<std::string> pattern_files;
  bool parse = true;                      ///< false: shallow pass only
  bool unknown_actors = true;             ///< unknown names become `unknown` actors
  double parse_seconds = 1.0;
  /// Clauses longer than this (in parser words, per piece of parse_pieces)
  /// are not parsed; their triggers take the shallow pass (ParserOptions::max_words).
  std::size_t parse_max_words = ParserOptions{}.max_words;
};

/// The bundled actor files, loaded in this order from the data directory.
inline const std::vector<std::string> kActorFiles = {"states.tsv", "igos.tsv", "groups.tsv",
                                                     "people.tsv", "agents.tsv"};

struct Pipeline {
  /// Loads everything; throws DictionaryError naming the file and line of a
  /// bad entry. With `need_extractor` false only the actor dictionary is loaded
  /// (for resolve and merge).
  explicit Pipeline(const DataOptions& options, bool need_extractor = true);

  ActorDictionary actors;
  PatternSet patterns;
  Lexicon lexicon;  ///< data/lexicon.txt: the word classes of the rules
  Boilerplate boilerplate;
  std::unique_ptr<Tokenizer> tokenizer;
  std::unique_ptr<LinkParser> parser;
  std::unique_ptr<Extractor> extractor;
};

}  // namespace actorgraph::extract
