// DOT writer: the cgraph graph of graphviz_graph.cc, written by agwrite()
// through an I/O discipline that appends to a std::string. Filtering
// happens first, on a copy (diagram.cc), outside the Graphviz lock.

#include <cstdio>
#include <string>

#include "actorgraph/export/diagram.h"
#include "actorgraph/export/writers.h"
#include "actorgraph/extract/error.h"
#include "graphviz_graph.h"

namespace actorgraph::exporter {
namespace {

int no_read(void*, char*, int) { return 0; }

int append(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}

int no_flush(void*) { return 0; }

Agiodisc_t string_io{no_read, append, no_flush};

std::string dot_text(const graph::ActorGraph& graph, const DiagramOptions& options) {
  detail::GraphvizScope scope;
  Agdisc_t disc{&AgMemDisc, &AgIdDisc, &string_io};
  detail::AgraphPtr g =
      detail::build_agraph(graph, &disc, {choose_layout(graph, options), options.legend});
  std::string dot;
  if (agwrite(g.get(), &dot) == EOF) {
    throw ExportError("DOT: cannot write the graph: " + scope.errors("agwrite failed"));
  }
  return dot;
}

}  // namespace

std::string to_dot(const graph::ActorGraph& graph, const DiagramOptions& options) {
  if (!options.filters()) return dot_text(graph, options);
  return dot_text(filter_graph(graph, options), options);
}

void write_dot_file(const graph::ActorGraph& graph, const std::string& path,
                    const DiagramOptions& options) {
  std::string dot;
  try {
    dot = to_dot(graph, options);
  } catch (const ExportError& error) {
    throw ExportError(path + ": cannot write: " + error.what());
  }
  write_atomically(path, [&](std::ostream& out) { out << dot; });
}

}  // namespace actorgraph::exporter
