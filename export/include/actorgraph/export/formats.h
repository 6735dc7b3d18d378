/// @file
/// The export formats by name, and one entry point that writes the graph in
/// any of them: what `actorgraph export --format` and `build --format` use.
///
/// | name    | writes                                  | default file name   |
/// |---------|-----------------------------------------|---------------------|
/// | jsonld  | write_jsonld_file                       | <stem>.jsonld       |
/// | dot     | write_dot_file                          | <stem>.dot          |
/// | svg     | render_file(..., "svg", ...)            | <stem>.svg          |
/// | png     | render_file(..., "png", ...)            | <stem>.png          |
/// | pdf     | render_file(..., "pdf", ...)            | <stem>.pdf          |
/// | graphml | write_graphml_file                      | <stem>.graphml      |
/// | neo4j   | write_neo4j_dir (a folder)              | <stem>-neo4j/       |
/// | tsv     | write_event_table_file                  | <stem>.events.tsv   |
///
/// Threads: as the writers (writers.h).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/export/diagram.h"
#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::exporter {

enum class Format { jsonld, dot, svg, png, pdf, graphml, neo4j, tsv };

/// All formats, in the order of the table above.
const std::vector<Format>& all_formats();

/// The names of all formats joined by `separator`: "jsonld,dot,svg,...".
std::string format_names(std::string_view separator = ",");

/// "jsonld", "dot", ... as in the table.
std::string_view format_name(Format format);

/// The format called `name` (exactly as in the table), or nullopt.
std::optional<Format> parse_format(std::string_view name);

/// The format a path's extension names: .jsonld/.json, .dot/.gv, .svg, .png,
/// .pdf, .graphml/.xml, .tsv; nullopt for anything else (a Neo4j folder has
/// no extension: name the format).
std::optional<Format> format_of_path(std::string_view path);

/// The default output for `format` beside `stem` ("out/graph" gives
/// "out/graph.graphml", "out/graph-neo4j"), per the table.
std::string default_path(std::string_view stem, Format format);

/// Whether the format can be written to a stream (jsonld, dot, graphml,
/// tsv), e.g. to stdout.
bool streamable(Format format);

/// Writes `graph` in `format` at `path` (a folder for neo4j), showing what
/// `options` keeps (filter_graph); diagrams use its layout and legend
/// choices. Throws what the writer throws (ExportError naming the path,
/// InputError from the filters).
void write_as(const graph::ActorGraph& graph, Format format, const std::string& path,
              const DiagramOptions& options = {});

/// As write_as, to a stream. Precondition: streamable(format); throws
/// ExportError "<name>: cannot be written to a stream" otherwise.
void write_as(const graph::ActorGraph& graph, Format format, std::ostream& out,
              const DiagramOptions& options = {});

}  // namespace actorgraph::exporter
