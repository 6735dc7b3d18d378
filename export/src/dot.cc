// DOT writer: the cgraph graph of graphviz_graph.cc, written by agwrite()
// through an I/O discipline that appends to a std::string.

#include <cstdio>
#include <string>

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

}  // namespace

std::string to_dot(const graph::ActorGraph& graph) {
  detail::GraphvizScope scope;
  Agdisc_t disc{&AgMemDisc, &AgIdDisc, &string_io};
  detail::AgraphPtr g = detail::build_agraph(graph, &disc);
  std::string dot;
  if (agwrite(g.get(), &dot) == EOF) {
    throw ExportError("DOT: cannot write the graph: " + scope.errors("agwrite failed"));
  }
  return dot;
}

void write_dot_file(const graph::ActorGraph& graph, const std::string& path) {
  std::string dot;
  try {
    dot = to_dot(graph);
  } catch (const ExportError& error) {
    throw ExportError(path + ": cannot write: " + error.what());
  }
  write_atomically(path, [&](std::ostream& out) { out << dot; });
}

}  // namespace actorgraph::exporter
