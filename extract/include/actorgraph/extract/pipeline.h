// The CLI's wiring of the stages: loads the bundled and user data files once
// and owns the objects the extractor borrows.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actorgraph/extract/actors.h"
#include "actorgraph/extract/extractor.h"
#include "actorgraph/extract/parser.h"
#include "actorgraph/extract/patterns.h"
#include "actorgraph/extract/text.h"

namespace actorgraph::app {

struct DataOptions {
  std::string data_dir;                   ///< empty: default_data_dir()
  std::vector<std::string> actor_files;   ///< the user's own, after the bundled ones
  std::vector<std::string> pattern_files;
  bool parse = true;                      ///< false: shallow pass only
  double parse_seconds = 1.0;
};

/// The bundled actor files, loaded in this order from the data directory.
inline const std::vector<std::string> kActorFiles = {"states.tsv", "igos.tsv", "groups.tsv",
                                                     "people.tsv", "agents.tsv"};

struct Pipeline {
  explicit Pipeline(const DataOptions& options, bool need_extractor = true);

  extract::ActorDictionary actors;
  extract::PatternSet patterns;
  extract::Boilerplate boilerplate;
  std::unique_ptr<extract::Tokenizer> tokenizer;
  std::unique_ptr<extract::LinkParser> parser;
  std::unique_ptr<extract::Extractor> extractor;
};

}  // namespace actorgraph::app
