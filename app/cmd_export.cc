// export: a graph (JSON-LD from build/merge, or events JSON Lines) in
// another format, optionally filtered to what a diagram should show.
#include <iostream>
#include <memory>

#include "actorgraph/export/diagram.h"
#include "actorgraph/export/formats.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/graph/dates.h"
#include "cli.h"

namespace actorgraph::cli {
namespace {

std::string known_format(const std::string& name) {
  if (exporter::parse_format(name)) return {};
  return "unknown format \"" + name + "\" (known: " + exporter::format_names() + ")";
}

std::string known_relation(const std::string& name) {
  if (extract::is_relation_type(name)) return {};
  return "unknown relation type \"" + name + "\" (see ONTOLOGY.md)";
}


}  // namespace

void add_export_commands(CLI::App& app, Common& common, std::vector<Command>& out) {
  struct Export {
    std::string input, output, format;
    exporter::DiagramOptions options;
    bool no_legend = false;
  };
  auto x = std::make_shared<Export>();
  auto* cmd = app.add_subcommand(
      "export", "Write a graph (JSON-LD from build/merge, or events .jsonl) in another format");
  cmd->add_option("graph", x->input, "Graph: a .jsonld from build/merge or an events .jsonl")
      ->required();
  cmd->add_option(
         "-o,--output", x->output,
         "Where to write (a folder for neo4j; - for stdout with jsonld, dot, graphml, tsv)")
      ->required();
  cmd->add_option("--format", x->format,
                  "One of " + exporter::format_names(", ") + " (default: from the -o extension)")
      ->check(known_format);
  cmd->add_option("--layout", x->options.layout,
                  "Graphviz layout for dot/svg/png/pdf: dot, neato or sfdp (default: dot up to 40 "
                  "actors, sfdp above)")
      ->check(CLI::IsMember({"dot", "neato", "sfdp", "fdp", "circo", "twopi"}));
  cmd->add_flag("--no-legend", x->no_legend, "Leave the legend out of diagrams");
  auto* filters = "Filters (a filtered copy; the graph file is not changed)";
  cmd->add_option("--actor", x->options.actor,
                  "Only this actor (id, name or alias) and its neighbourhood")
      ->group(filters);
  cmd->add_option("--depth", x->options.depth, "With --actor: how many relation hops to keep")
      ->default_val(1)
      ->check(CLI::Range(0, 100))
      ->group(filters);
  cmd->add_option("--min-count", x->options.min_count,
                  "Only relations with at least N evidence records")
      ->default_val(1)
      ->check(CLI::Range(1, 1000000))
      ->group(filters);
  cmd->add_option("--relation", x->options.relations, "Only these relation types, comma-separated")
      ->delimiter(',')
      ->check(known_relation)
      ->group(filters);
  cmd->add_option("--since", x->options.since, "Only evidence dated on or after YYYY-MM-DD")
      ->check([](const std::string& text) { return graph::date_problem(text); })
      ->group(filters);
  add_common(cmd, common, false);

  out.push_back({cmd, [x, &common] {
                   std::optional<exporter::Format> format =
                       x->format.empty() ? exporter::format_of_path(x->output)
                                         : exporter::parse_format(x->format);
                   if (!format) {
                     throw CLI::ValidationError("--format", "cannot tell the format from \"" +
                                                                x->output + "\"; give --format (" +
                                                                exporter::format_names() + ")");
                   }
                   if (x->output == "-" && !exporter::streamable(*format)) {
                     throw CLI::ValidationError("-o",
                                                std::string(exporter::format_name(*format)) +
                                                    " cannot be written to stdout; give a path");
                   }
                   x->options.legend = !x->no_legend;
                   const graph::ActorGraph g = load_graph(x->input, common);
                   // The CLI's one resolver, so that --actor finds whom query finds.
                   if (!x->options.actor.empty()) x->options.actor = resolve_actor(g, x->options.actor, common);
                   if (x->output == "-") {
                     exporter::write_as(g, *format, std::cout, x->options);
                     std::cout.flush();
                     return kExitOk;
                   }
                   make_parent_dirs(x->output);
                   exporter::write_as(g, *format, x->output, x->options);
                   return kExitOk;
                 }});
}

}  // namespace actorgraph::cli
