// build (extract, merge, export) and merge (events files to a graph).
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "actorgraph/export/formats.h"
#include "actorgraph/export/writers.h"
#include "actorgraph/graph/events_io.h"
#include "actorgraph/graph/jsonld_reader.h"
#include "actorgraph/graph/enrich.h"
#include "cli.h"

namespace actorgraph::cli {
namespace {

std::string known_format(const std::string& name) {
  if (exporter::parse_format(name)) return {};
  return "unknown format \"" + name + "\" (known: " + exporter::format_names() + ")";
}

// -o names the JSON-LD graph; --format adds more outputs named after it:
// `-o out/graph.jsonld --format graphml,neo4j` writes out/graph.graphml and
// out/graph-neo4j/ (in --out-dir instead of out/ when given).
struct GraphOutputs {
  std::string jsonld, dot, svg, out_dir, layout;
  std::vector<std::string> formats;

  void add_options(CLI::App* cmd) {
    cmd->add_option("-o,--output", jsonld, "JSON-LD graph to write")->required();
    cmd->add_option("--dot", dot, "Also write Graphviz DOT here");
    cmd->add_option("--svg", svg, "Also render an SVG diagram here");
    cmd->add_option("--format", formats,
                    "Also write these formats, comma-separated (" + exporter::format_names() +
                        "), named after -o: graph.jsonld gives graph.graphml, graph-neo4j/, "
                        "graph.events.tsv ...")
        ->delimiter(',')
        ->check(known_format);
    cmd->add_option("--out-dir", out_dir, "Folder for the --format outputs (default: that of -o)");
    cmd->add_option("--layout", layout,
                    "Graphviz layout of the diagrams: dot, neato or sfdp (default: dot up to 40 "
                    "actors, sfdp above)")
        ->check(CLI::IsMember({"dot", "neato", "sfdp", "fdp", "circo", "twopi"}));
  }

  void write(graph::ActorGraph& g) const {
    g.finalize();
    namespace fs = std::filesystem;
    const fs::path base(jsonld);
    const fs::path dir = out_dir.empty() ? base.parent_path() : fs::path(out_dir);
    const std::string stem = (dir / base.stem()).string();
    std::vector<std::pair<exporter::Format, std::string>> more;
    for (const auto& name : formats) {
      const exporter::Format f = *exporter::parse_format(name);
      if (f != exporter::Format::jsonld) more.emplace_back(f, exporter::default_path(stem, f));
    }
    for (const auto* path : {&jsonld, &dot, &svg}) make_parent_dirs(*path);
    for (const auto& [f, path] : more) make_parent_dirs(path);

    exporter::DiagramOptions drawing;
    drawing.layout = layout;
    if (!jsonld.empty()) exporter::write_jsonld_file(g, jsonld);
    if (!dot.empty()) exporter::write_dot_file(g, dot, drawing);
    if (!svg.empty()) exporter::render_file(g, svg, "svg", drawing);
    for (const auto& [f, path] : more) exporter::write_as(g, f, path, drawing);
  }
};

}  // namespace

void add_build_commands(CLI::App& app, Common& common, std::vector<Command>& out) {
  struct Build {
    std::vector<std::string> inputs;
    GraphOutputs outputs;
  };
  auto b = std::make_shared<Build>();
  auto update = std::make_shared<std::string>();
  auto* build = app.add_subcommand("build", "Extract, merge and export: text in, graph files out");
  build->add_option("inputs", b->inputs, "Text, .jsonl or .html files, directories, or - for stdin")->required();
  b->outputs.add_options(build);
  // With --update, -o defaults to the graph being updated.
  build->get_option("--output")->required(false);
  build->add_option("--update", *update,
                    "Add the inputs' evidence to this JSON-LD graph (written back unless -o is given) "
                    "without re-reading its corpus; documents already in it are skipped")
      ->check(CLI::ExistingFile);
  add_common(build, common, true);
  out.push_back({build, [b, update, &common] {
                   if (b->outputs.jsonld.empty() && update->empty())
                     throw CLI::RequiredError("--output (or --update)");
                   if (b->outputs.jsonld.empty()) b->outputs.jsonld = *update;
                   extract::Pipeline p(common.data);
                   graph::ActorGraph g;
                   // The documents the graph already has evidence from: their
                   // events are in it, so they are not extracted again.
                   std::set<std::string> merged;
                   if (!update->empty()) {
                     graph::read_jsonld_file(*update, g, &common.warnings);
                     for (auto e : boost::make_iterator_range(boost::edges(g.graph())))
                       for (const auto& ev : g.graph()[e].evidence) merged.insert(ev.doc);
                   }
                   run_extraction(b->inputs, common, p, [&](const extract::Event& e) { g.add(e); },
                                  [&](const extract::Document& d) { return merged.count(d.id) > 0; });
                   graph::enrich_from_dictionary(g, p.actors);
                   b->outputs.write(g);
                   print_summary(g, std::cout);
                   return kExitOk;
                 }});

  auto m = std::make_shared<Build>();
  auto* merge = app.add_subcommand("merge", "Merge events JSON Lines files (from extract) into one graph");
  merge->add_option("events", m->inputs, "Events JSON Lines files written by extract")->required();
  m->outputs.add_options(merge);
  add_common(merge, common, false);
  out.push_back({merge, [m, &common] {
                   extract::Pipeline p(common.data, false);
                   graph::ActorGraph g;
                   for (const auto& f : m->inputs) graph::add_events_file(g, f, &common.warnings);
                   graph::enrich_from_dictionary(g, p.actors);
                   m->outputs.write(g);
                   print_summary(g, std::cout);
                   return kExitOk;
                 }});
}

}  // namespace actorgraph::cli
