// Shared pieces of the actorgraph CLI: common options, warnings on stderr,
// the extraction loop, and the registry of subcommands. Each subcommand
// lives in its own cmd_*.cc and registers itself through add_*_commands().
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "actorgraph/extract/document.h"
#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/extract/pipeline.h"
#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::cli {

constexpr int kExitOk = 0;
constexpr int kExitIo = 1;
constexpr int kExitUsage = 2;
constexpr int kExitWarnings = 3;

extern const char* const kExitCodes;

/// Prints each warning on stderr and counts them by kind. Under --strict
/// (`as_errors`) a warning is printed as an error, even with --quiet, and
/// main() turns a run that had any into exit code 3.
class StderrWarnings : public WarningSink {
 public:
  void warn(const std::string& kind, const std::string& message) override;
  std::size_t total() const;
  const std::map<std::string, std::size_t>& counts() const { return counts_; }
  /// "warnings", or "errors" under --strict: the summary's label.
  const char* label() const { return as_errors ? "errors" : "warnings"; }
  bool quiet = false;
  bool as_errors = false;

 private:
  std::map<std::string, std::size_t> counts_;
};

/// Options every subcommand shares, and the run's warnings.
struct Common {
  extract::DataOptions data;
  bool strict = false;
  bool quiet = false;
  bool progress = false;
  /// Extraction threads (--jobs); 0 means one per hardware thread.
  unsigned jobs = 0;
  StderrWarnings warnings;
  /// The dictionary, once dictionary() has loaded it.
  std::shared_ptr<extract::Pipeline> lookup;
};

/// The actor dictionary of --data/--actors: loaded on first use, then kept
/// for the rest of the run (one load per command, not per name).
const extract::ActorDictionary& dictionary(Common& c);

/// Reads a graph for query and export: JSON-LD (build/merge) or events JSON
/// Lines (extract), told apart by content (graph::detect_graph_file). Events
/// carry ids, names and kinds only, so the dictionary adds countries,
/// aliases and Wikidata ids, as merge does. Returns the finalized graph;
/// throws what the readers throw.
graph::ActorGraph load_graph(const std::string& path, Common& c);

/// The graph actor `name` stands for, for query, export --actor and the rest
/// of the CLI: an exact id; else the dictionary's reading (case- and
/// diacritic-insensitive, with its aliases and transliterations) when that
/// actor is in the graph; else the graph's own names and aliases (folded).
/// Throws InputError when no actor or several graph actors answer to it
/// (listing them).
std::string resolve_actor(const graph::ActorGraph& g, const std::string& name, Common& c);

/// A registered subcommand: its CLI11 node and what to run when it is chosen.
/// `run` returns an exit code and may throw actorgraph::Error.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// Adds --data, --actors, --strict and --quiet (and with `extraction`:
/// --patterns, --no-parse, --no-unknown, --parse-seconds, --progress, --jobs).
void add_common(CLI::App* cmd, Common& c, bool extraction);

/// Streams documents from `inputs` through the extractor, handing each event
/// to `sink`; prints progress and the closing summary on stderr.
///
/// With c.jobs > 1 the documents are extracted on that many worker threads
/// sharing `p` (read-only), while this thread reads the input and calls
/// `sink` in input order: the events, and so every output, are the same for
/// any number of jobs. At most 4 x jobs documents are in memory at once,
/// whatever the size of the corpus. The sink is only ever called on the
/// calling thread. Throws what the reader, the extractor or the sink throw;
/// the workers are stopped and joined first.
///
/// A document for which `skip` (when given) returns true is not extracted;
/// the summary counts it as "skipped (already merged)".
void run_extraction(const std::vector<std::string>& inputs, Common& c, extract::Pipeline& p,
                    const std::function<void(const extract::Event&)>& sink,
                    const std::function<bool(const extract::Document&)>& skip = {});


/// Creates the parent folder of `path` if it is missing (users expect `-o out/x`).
void make_parent_dirs(const std::string& path);

/// The short summary `build` and `merge` print on stdout.
void print_summary(const graph::ActorGraph& g, std::ostream& os);

// Registration, one function per cmd_*.cc.
void add_build_commands(CLI::App& app, Common& common, std::vector<Command>& out);   // build, merge
void add_extract_commands(CLI::App& app, Common& common, std::vector<Command>& out); // extract, resolve
void add_eval_commands(CLI::App& app, Common& common, std::vector<Command>& out);    // eval
void add_query_commands(CLI::App& app, Common& common, std::vector<Command>& out);   // query ...
void add_export_commands(CLI::App& app, Common& common, std::vector<Command>& out);  // export
void add_actors_commands(CLI::App& app, Common& common, std::vector<Command>& out);  // actors --check/--unknown

}  // namespace actorgraph::cli
