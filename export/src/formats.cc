// Format names to writers. Filters are applied here once, on a copy, for
// the writers that do not filter themselves (all but DOT and the diagrams).

#include "actorgraph/export/formats.h"

#include "actorgraph/export/writers.h"
#include "actorgraph/extract/error.h"

namespace actorgraph::exporter {
namespace {

struct FormatInfo {
  Format format;
  std::string_view name;
  std::string_view suffix;  ///< appended to the stem for the default path
};

constexpr FormatInfo kFormats[] = {
    {Format::jsonld, "jsonld", ".jsonld"}, {Format::dot, "dot", ".dot"},
    {Format::svg, "svg", ".svg"},          {Format::png, "png", ".png"},
    {Format::pdf, "pdf", ".pdf"},          {Format::graphml, "graphml", ".graphml"},
    {Format::neo4j, "neo4j", "-neo4j"},    {Format::tsv, "tsv", ".events.tsv"},
};

const FormatInfo& info(Format format) {
  for (const auto& entry : kFormats) {
    if (entry.format == format) return entry;
  }
  return kFormats[0];  // unreachable: every enumerator is in the table
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Writers that take no filter get the filtered copy; `write` is called with
// the graph to show.
template <typename Write>
void with_shown(const graph::ActorGraph& graph, const DiagramOptions& options, Write write) {
  if (!options.filters()) return write(graph);
  write(filter_graph(graph, options));
}

}  // namespace

const std::vector<Format>& all_formats() {
  static const std::vector<Format> formats = [] {
    std::vector<Format> out;
    for (const auto& entry : kFormats) out.push_back(entry.format);
    return out;
  }();
  return formats;
}

std::string_view format_name(Format format) { return info(format).name; }

std::string format_names(std::string_view separator) {
  std::string names;
  for (const auto& entry : kFormats) {
    if (!names.empty()) names += separator;
    names += entry.name;
  }
  return names;
}

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& entry : kFormats) {
    if (entry.name == name) return entry.format;
  }
  return std::nullopt;
}

std::optional<Format> format_of_path(std::string_view path) {
  struct Extension {
    std::string_view suffix;
    Format format;
  };
  static constexpr Extension kExtensions[] = {
      {".jsonld", Format::jsonld}, {".json", Format::jsonld},     {".dot", Format::dot},
      {".gv", Format::dot},        {".svg", Format::svg},         {".png", Format::png},
      {".pdf", Format::pdf},       {".graphml", Format::graphml}, {".xml", Format::graphml},
      {".tsv", Format::tsv},
  };
  for (const auto& extension : kExtensions) {
    if (ends_with(path, extension.suffix)) return extension.format;
  }
  return std::nullopt;
}

std::string default_path(std::string_view stem, Format format) {
  return std::string(stem) + std::string(info(format).suffix);
}

bool streamable(Format format) {
  return format == Format::jsonld || format == Format::dot || format == Format::graphml ||
         format == Format::tsv;
}

void write_as(const graph::ActorGraph& graph, Format format, const std::string& path,
              const DiagramOptions& options) {
  switch (format) {
    case Format::dot:
      return write_dot_file(graph, path, options);
    case Format::svg:
    case Format::png:
    case Format::pdf:
      return render_file(graph, path, std::string(format_name(format)), options);
    case Format::jsonld:
      return with_shown(graph, options, [&](const auto& g) { write_jsonld_file(g, path); });
    case Format::graphml:
      return with_shown(graph, options, [&](const auto& g) { write_graphml_file(g, path); });
    case Format::neo4j:
      return with_shown(graph, options, [&](const auto& g) { write_neo4j_dir(g, path); });
    case Format::tsv:
      return with_shown(graph, options, [&](const auto& g) { write_event_table_file(g, path); });
  }
}

void write_as(const graph::ActorGraph& graph, Format format, std::ostream& out,
              const DiagramOptions& options) {
  switch (format) {
    case Format::dot:
      out << to_dot(graph, options);
      break;
    case Format::jsonld:
      with_shown(graph, options, [&](const auto& g) { write_jsonld(g, out); });
      break;
    case Format::graphml:
      with_shown(graph, options, [&](const auto& g) { write_graphml(g, out); });
      break;
    case Format::tsv:
      with_shown(graph, options, [&](const auto& g) { write_event_table(g, out); });
      break;
    default:
      throw ExportError(std::string(format_name(format)) + ": cannot be written to a stream");
  }
  if (!out) throw ExportError(std::string(format_name(format)) + ": cannot write to the stream");
}

}  // namespace actorgraph::exporter
