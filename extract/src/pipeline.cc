#include "actorgraph/extract/pipeline.h"

#include <filesystem>

#include "actorgraph/extract/error.h"

namespace actorgraph::extract {

Pipeline::Pipeline(const DataOptions& options, bool need_extractor) {
  namespace fs = std::filesystem;
  const std::string dir = options.data_dir.empty() ? default_data_dir() : options.data_dir;
  if (!fs::is_directory(dir))
    throw DictionaryError(dir + ": data directory not found (set --data or ACTORGRAPH_DATA)");
  for (const auto& f : kActorFiles) actors.load_file((fs::path(dir) / f).string());
  for (const auto& f : options.actor_files) actors.load_file(f);
  if (!need_extractor) return;
  patterns.load_file((fs::path(dir) / "patterns.tsv").string());
  for (const auto& f : options.pattern_files) patterns.load_file(f);
  lexicon.load_file((fs::path(dir) / "lexicon.txt").string());
  boilerplate.load_file((fs::path(dir) / "boilerplate.txt").string());
  tokenizer = std::make_unique<Tokenizer>(
      Abbreviations::load_file((fs::path(dir) / "abbreviations.txt").string()));
  if (options.parse) {
    ParserOptions po;
    po.max_seconds = options.parse_seconds;
    po.max_words = options.parse_max_words;
    parser = std::make_unique<LinkParser>(po);
  }
  extractor = std::make_unique<Extractor>(actors, patterns, lexicon, *tokenizer, boilerplate,
                                                   parser.get());
  extractor->set_unknown_actors(options.unknown_actors);
}

}  // namespace actorgraph::extract
