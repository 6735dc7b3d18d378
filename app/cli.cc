#include "cli.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "actorgraph/extract/document.h"

namespace actorgraph::cli {

const char* const kExitCodes =
    "Exit codes: 0 success; 1 input, data or output error; 2 usage error;\n"
    "3 finished, but with warnings, under --strict.";

void StderrWarnings::warn(const std::string& kind, const std::string& message) {
  ++counts_[kind];
  if (!quiet) std::cerr << "actorgraph: warning: " << message << "\n";
}

std::size_t StderrWarnings::total() const {
  std::size_t n = 0;
  for (const auto& [k, v] : counts_) n += v;
  return n;
}

void add_common(CLI::App* cmd, Common& c, bool extraction) {
  cmd->add_option("--data", c.data.data_dir,
                  "Directory of the bundled data files (default: $ACTORGRAPH_DATA or the built-in one)");
  cmd->add_option("--actors", c.data.actor_files, "An extra actor dictionary file (repeatable)");
  if (extraction) {
    cmd->add_option("--patterns", c.data.pattern_files, "An extra relation pattern file (repeatable)");
    cmd->add_flag("!--no-parse", c.data.parse, "Skip Link Grammar: shallow pattern pass only (faster, less precise)");
    cmd->add_option("--parse-seconds", c.data.parse_seconds, "Time limit for parsing one sentence")
        ->capture_default_str();
    cmd->add_flag("--strict", c.strict, "Treat input warnings (bad lines, binary files) as errors");
    cmd->add_flag("--progress", c.progress, "Report progress on stderr (default when stderr is a terminal)");
  }
  cmd->add_flag("-q,--quiet", c.quiet, "Do not print warnings or the closing summary on stderr");
  cmd->footer(kExitCodes);
}

void run_extraction(const std::vector<std::string>& inputs, Common& c, extract::Pipeline& p,
                    const std::function<void(const extract::Event&)>& sink) {
  extract::ReaderOptions ro;
  ro.strict = c.strict;
  c.warnings.quiet = c.quiet;
  extract::DocumentReader reader(inputs, ro, &c.warnings);
  extract::Document doc;
  const bool progress = c.progress || (!c.quiet && isatty(STDERR_FILENO));
  std::size_t docs = 0, events = 0;
  while (reader.next(doc)) {
    auto evs = p.extractor->extract(doc);
    events += evs.size();
    for (auto& e : evs) sink(e);
    if (progress && ++docs % 50 == 0)
      std::cerr << "\ractorgraph: " << docs << " documents, " << events << " relations" << std::flush;
  }
  if (progress && docs >= 50) std::cerr << "\n";
  if (c.quiet) return;
  const auto& rs = reader.stats();
  const auto& es = p.extractor->stats();
  std::cerr << "actorgraph: " << rs.documents << " documents read from " << rs.files << " files";
  for (const auto& [why, n] : rs.skipped) std::cerr << ", " << n << " skipped (" << why << ")";
  std::cerr << "; " << es.sentences << " sentences, " << es.candidate_sentences
            << " with actors and triggers (" << es.parsed << " parsed, " << es.fallback << " shallow); "
            << es.events << " relations";
  if (c.warnings.total()) {
    std::cerr << "; warnings:";
    for (const auto& [k, n] : c.warnings.counts()) std::cerr << " " << k << " " << n;
  }
  std::cerr << "\n";
}

void enrich(graph::ActorGraph& g, const extract::ActorDictionary& dict) {
  std::vector<graph::ActorNode> known;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    graph::ActorNode n = g.graph()[v];
    if (const auto* a = dict.find_id(n.id)) {
      n.wikidata = a->wikidata;
      n.aliases = a->aliases;
      n.country = a->country;
    } else if (const auto r = dict.describe(n.id)) {
      n.country = r->country;
    } else {
      continue;
    }
    known.push_back(std::move(n));
  }
  for (const auto& n : known) g.add_actor(n);
}

void make_parent_dirs(const std::string& path) {
  if (path.empty()) return;
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
}

void print_summary(const graph::ActorGraph& g, std::ostream& os) {
  const auto& gr = g.graph();
  os << g.num_actors() << " actors, " << g.num_relations() << " relations\n";
  std::map<std::string, std::size_t> kinds;
  for (auto v : boost::make_iterator_range(boost::vertices(gr))) ++kinds[gr[v].kind];
  os << "actors:";
  for (const auto& [k, n] : kinds) os << " " << k << " " << n;
  os << "\nrelations (source -> relation -> target, count):\n";
  std::vector<std::pair<std::size_t, std::string>> lines;
  for (auto e : boost::make_iterator_range(boost::edges(gr))) {
    const auto& r = gr[e];
    lines.emplace_back(r.count, "  " + gr[boost::source(e, gr)].name + " -> " + (r.negated ? "not " : "") +
                                    r.relation + " -> " + gr[boost::target(e, gr)].name + " (" +
                                    std::to_string(r.count) + ")");
  }
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < lines.size() && i < 25; ++i) os << lines[i].second << "\n";
  if (lines.size() > 25) os << "  ... " << lines.size() - 25 << " more\n";
}

}  // namespace actorgraph::cli
