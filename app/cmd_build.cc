// build (extract, merge, export) and merge (events files to a graph).
#include <iostream>
#include <memory>

#include "actorgraph/export/writers.h"
#include "actorgraph/graph/events_io.h"
#include "cli.h"

namespace actorgraph::cli {
namespace {

struct GraphOutputs {
  std::string jsonld, dot, svg;

  void add_options(CLI::App* cmd) {
    cmd->add_option("-o,--output", jsonld, "JSON-LD graph to write")->required();
    cmd->add_option("--dot", dot, "Also write Graphviz DOT here");
    cmd->add_option("--svg", svg, "Also render an SVG diagram here");
  }

  void write(graph::ActorGraph& g) const {
    g.finalize();
    for (const auto* path : {&jsonld, &dot, &svg}) make_parent_dirs(*path);
    if (!jsonld.empty()) exporter::write_jsonld_file(g, jsonld);
    if (!dot.empty()) exporter::write_dot_file(g, dot);
    if (!svg.empty()) exporter::render_file(g, svg, "svg", "dot");
  }
};

}  // namespace

void add_build_commands(CLI::App& app, Common& common, std::vector<Command>& out) {
  struct Build {
    std::vector<std::string> inputs;
    GraphOutputs outputs;
  };
  auto b = std::make_shared<Build>();
  auto* build = app.add_subcommand("build", "Extract, merge and export: text in, graph files out");
  build->add_option("inputs", b->inputs, "Text, .jsonl or .html files, directories, or - for stdin")->required();
  b->outputs.add_options(build);
  add_common(build, common, true);
  out.push_back({build, [b, &common] {
                   extract::Pipeline p(common.data);
                   graph::ActorGraph g;
                   run_extraction(b->inputs, common, p, [&](const extract::Event& e) { g.add(e); });
                   enrich(g, p.actors);
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
                   common.warnings.quiet = common.quiet;
                   for (const auto& f : m->inputs) graph::add_events_file(g, f, &common.warnings);
                   enrich(g, p.actors);
                   m->outputs.write(g);
                   print_summary(g, std::cout);
                   return kExitOk;
                 }});
}

}  // namespace actorgraph::cli
