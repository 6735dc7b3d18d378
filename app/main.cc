// actorgraph: news text in, a knowledge graph of political actors out.
//
// The CLI only parses options, wires the stages and maps errors to exit
// codes; all work happens in the extract, graph and export libraries.
#include <CLI/CLI.hpp>

#include <csignal>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unistd.h>

#include "actorgraph/export/writers.h"
#include "actorgraph/extract/document.h"
#include "actorgraph/extract/error.h"
#include "actorgraph/graph/actor_graph.h"
#include "actorgraph/graph/evaluation.h"
#include "actorgraph/graph/events_io.h"
#include "actorgraph/extract/pipeline.h"

namespace {

using namespace actorgraph;

constexpr int kExitOk = 0;
constexpr int kExitIo = 1;
constexpr int kExitUsage = 2;
constexpr int kExitWarnings = 3;

const char* const kExitCodes =
    "Exit codes: 0 success; 1 input, data or output error; 2 usage error;\n"
    "3 finished, but with warnings, under --strict.";

// Prints each warning once on stderr and counts them by kind.
class StderrWarnings : public WarningSink {
 public:
  explicit StderrWarnings(bool quiet) : quiet_(quiet) {}
  void warn(const std::string& kind, const std::string& message) override {
    ++counts_[kind];
    if (!quiet_) std::cerr << "actorgraph: warning: " << message << "\n";
  }
  std::size_t total() const {
    std::size_t n = 0;
    for (const auto& [k, v] : counts_) n += v;
    return n;
  }
  const std::map<std::string, std::size_t>& counts() const { return counts_; }

 private:
  bool quiet_;
  std::map<std::string, std::size_t> counts_;
};

struct Common {
  extract::DataOptions data;
  bool strict = false;
  bool quiet = false;
  bool progress = false;
};

void add_common(CLI::App* cmd, Common& c, bool extraction) {
  cmd->add_option("--data", c.data.data_dir, "Directory of the bundled data files (default: $ACTORGRAPH_DATA or the built-in one)");
  cmd->add_option("--actors", c.data.actor_files, "An extra actor dictionary file (repeatable)");
  if (extraction) {
    cmd->add_option("--patterns", c.data.pattern_files, "An extra relation pattern file (repeatable)");
    cmd->add_flag("!--no-parse", c.data.parse, "Skip Link Grammar: shallow pattern pass only (faster, less precise)");
    cmd->add_option("--parse-seconds", c.data.parse_seconds, "Time limit for parsing one sentence")->capture_default_str();
    cmd->add_flag("--strict", c.strict, "Treat input warnings (bad lines, binary files) as errors");
    cmd->add_flag("--progress", c.progress, "Report progress on stderr (default when stderr is a terminal)");
  }
  cmd->add_flag("-q,--quiet", c.quiet, "Do not print warnings or the closing summary on stderr");
}

// Runs extraction over the inputs, handing each event to `sink`.
template <class Sink>
void run_extraction(const std::vector<std::string>& inputs, const Common& c, extract::Pipeline& p,
                    StderrWarnings& warnings, Sink&& sink) {
  extract::ReaderOptions ro;
  ro.strict = c.strict;
  extract::DocumentReader reader(inputs, ro, &warnings);
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
  if (!c.quiet) {
    const auto& rs = reader.stats();
    const auto& es = p.extractor->stats();
    std::cerr << "actorgraph: " << rs.documents << " documents read from " << rs.files << " files";
    for (const auto& [why, n] : rs.skipped) std::cerr << ", " << n << " skipped (" << why << ")";
    std::cerr << "; " << es.sentences << " sentences, " << es.candidate_sentences << " with actors and triggers ("
              << es.parsed << " parsed, " << es.fallback << " shallow); " << es.events << " relations";
    if (warnings.total()) {
      std::cerr << "; warnings:";
      for (const auto& [k, n] : warnings.counts()) std::cerr << " " << k << " " << n;
    }
    std::cerr << "\n";
  }
}

// Fills the graph's actors with what the dictionary knows (country, aliases,
// Wikidata), so that `merge` of extracted events equals `build`.
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

void write_outputs(graph::ActorGraph& g, const std::string& out, const std::string& dot,
                   const std::string& svg) {
  g.finalize();
  for (const auto* path : {&out, &dot, &svg}) {
    // "-o out/graph.jsonld" on a fresh checkout: make the folder, as users expect.
    const auto parent = std::filesystem::path(*path).parent_path();
    std::error_code ec;
    if (!path->empty() && !parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  if (!out.empty()) exporter::write_jsonld_file(g, out);
  if (!dot.empty()) exporter::write_dot_file(g, dot);
  if (!svg.empty()) exporter::render_file(g, svg, "svg", "dot");
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"actorgraph: turns news text into a knowledge graph of political actors and the\n"
               "relations between them (ONTOLOGY.md), with evidence on every edge."};
  app.footer(kExitCodes);
  app.require_subcommand(1);
  Common common;

  std::vector<std::string> inputs;
  std::string out, dot, svg;

  auto* build = app.add_subcommand("build", "Extract, merge and export: text in, graph files out");
  build->add_option("inputs", inputs, "Text, .jsonl or .html files, directories, or - for stdin")->required();
  build->add_option("-o,--output", out, "JSON-LD graph to write")->required();
  build->add_option("--dot", dot, "Also write Graphviz DOT here");
  build->add_option("--svg", svg, "Also render an SVG diagram here");
  add_common(build, common, true);
  build->footer(kExitCodes);

  auto* ext = app.add_subcommand("extract", "Print one events JSON Lines record per relation instance on stdout");
  ext->add_option("inputs", inputs, "Text, .jsonl or .html files, directories, or - for stdin")->required();
  add_common(ext, common, true);
  bool trace = false;
  ext->add_flag("--trace", trace, "Explain each candidate sentence on stderr: mentions, parse links, triggers");
  ext->footer(kExitCodes);

  auto* res = app.add_subcommand("resolve", "Read names on stdin, print one lookup answer per name on stdout");
  add_common(res, common, false);
  res->footer(kExitCodes);

  auto* merge = app.add_subcommand("merge", "Merge events JSON Lines files into one graph");
  merge->add_option("events", inputs, "Events JSON Lines files written by extract")->required();
  merge->add_option("-o,--output", out, "JSON-LD graph to write")->required();
  merge->add_option("--dot", dot, "Also write Graphviz DOT here");
  merge->add_option("--svg", svg, "Also render an SVG diagram here");
  add_common(merge, common, false);
  merge->footer(kExitCodes);

  std::string corpus_path, gold_path;
  bool show_errors = false;
  auto* eval = app.add_subcommand("eval", "Score extraction on a corpus against gold relations (as ../shared/eval/score.py does)");
  eval->add_option("corpus", corpus_path, "Corpus: JSON Lines, a text file or a directory")->required();
  eval->add_option("gold", gold_path, "Gold JSON Lines (eval/FORMAT.md)")->required();
  eval->add_flag("--errors", show_errors, "List missed and spurious triples with their sentences");
  add_common(eval, common, true);
  eval->footer(kExitCodes);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  StderrWarnings warnings(common.quiet);
  try {
    if (*build) {
      extract::Pipeline p(common.data);
      graph::ActorGraph g;
      run_extraction(inputs, common, p, warnings, [&](const extract::Event& e) { g.add(e); });
      enrich(g, p.actors);
      write_outputs(g, out, dot, svg);
      print_summary(g, std::cout);
    } else if (*ext) {
      extract::Pipeline p(common.data);
      if (trace) p.extractor->set_trace([](const std::string& s) { std::cerr << s << "\n"; });
      std::ios::sync_with_stdio(false);
      run_extraction(inputs, common, p, warnings,
                     [&](const extract::Event& e) { std::cout << extract::to_json_line(e) << '\n'; });
      std::cout.flush();
      if (!std::cout) throw ExportError("<stdout>: write error");
    } else if (*res) {
      extract::Pipeline p(common.data, false);
      std::string line;
      while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const auto ref = p.actors.resolve(line);
        extract::Event e;  // reuse the event writer's escaping through a tiny record
        std::string q;
        for (char c : line) {
          if (c == '"' || c == '\\') q += '\\';
          if (static_cast<unsigned char>(c) < 0x20) continue;
          q += c;
        }
        std::cout << "{\"query\": \"" << q << "\", ";
        if (ref) {
          auto esc = [](const std::string& s) {
            std::string o;
            for (char c : s) {
              if (c == '"' || c == '\\') o += '\\';
              o += c;
            }
            return o;
          };
          std::cout << "\"id\": \"" << esc(ref->id) << "\", \"name\": \"" << esc(ref->name)
                    << "\", \"kind\": \"" << esc(ref->kind) << "\"}\n";
        } else {
          std::cout << "\"id\": null, \"name\": null, \"kind\": null}\n";
        }
      }
    } else if (*eval) {
      extract::Pipeline p(common.data);
      const auto gold = graph::read_gold_file(gold_path);
      std::map<std::string, std::vector<extract::Event>> by_doc;
      run_extraction({corpus_path}, common, p, warnings,
                     [&](const extract::Event& e) { by_doc[e.doc].push_back(e); });
      const auto ev = graph::evaluate(gold, by_doc, [&](const std::string& name) -> std::optional<std::string> {
        if (auto r = p.actors.resolve(name)) return r->id;
        return std::nullopt;
      });
      if (show_errors) {
        auto sentence_of = [&](const graph::Triple& t) -> std::string {
          for (const auto& e : by_doc[std::get<0>(t)])
            if (e.source.id == std::get<1>(t) && e.relation == std::get<2>(t) && e.target.id == std::get<3>(t))
              return "\t" + e.evidence.sentence;
          return "";
        };
        for (const auto& t : ev.missed)
          std::cout << "MISS " << std::get<0>(t) << " " << std::get<1>(t) << " " << std::get<2>(t) << " "
                    << std::get<3>(t) << (std::get<4>(t) ? " True" : " False") << "\n";
        for (const auto& t : ev.spurious)
          std::cout << "SPURIOUS " << std::get<0>(t) << " " << std::get<1>(t) << " " << std::get<2>(t) << " "
                    << std::get<3>(t) << (std::get<4>(t) ? " True" : " False") << sentence_of(t) << "\n";
      }
      auto line = [](const char* name, const graph::Counts& c) {
        char buf[200];
        std::snprintf(buf, sizeof buf, "%s P %.3f R %.3f F1 %.3f (tp %zu fp %zu fn %zu)\n", name, c.precision(),
                      c.recall(), c.f1(), c.tp, c.fp, c.fn);
        return std::string(buf);
      };
      std::cout << line("unlabeled", ev.unlabeled) << line("polarity", ev.polarity) << line("strict", ev.strict);
      std::cout << "unresolved gold names: " << ev.unresolved.size() << " of ";
      std::set<std::string> names;
      for (const auto& g : gold)
        for (const auto& r : g.relations) names.insert(r.source), names.insert(r.target);
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.3f", ev.strict.f1());
      std::cout << names.size() << "\nstrict F1 " << buf << "\n";
    } else if (*merge) {
      extract::Pipeline p(common.data, false);
      graph::ActorGraph g;
      for (const auto& f : inputs) graph::add_events_file(g, f, &warnings);
      enrich(g, p.actors);
      write_outputs(g, out, dot, svg);
      print_summary(g, std::cout);
    }
  } catch (const CLI::Error& e) {
    std::cerr << "actorgraph: " << e.what() << "\n";
    return kExitUsage;
  } catch (const Error& e) {
    std::cerr << "actorgraph: error: " << e.what() << "\n";
    return kExitIo;
  } catch (const std::exception& e) {
    std::cerr << "actorgraph: error: " << e.what() << "\n";
    return kExitIo;
  }
  if (common.strict && warnings.total() > 0) return kExitWarnings;
  return kExitOk;
}
