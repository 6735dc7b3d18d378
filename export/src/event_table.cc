// Event table: the evidence unfolded, one row per instance, with the codes
// of the CAMEO and PLOVER schemes, for spreadsheets and event-data tools.

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "actorgraph/export/event_codes.h"
#include "actorgraph/export/writers.h"
#include "actorgraph/extract/error.h"
#include "sorted_view.h"

namespace actorgraph::exporter {
namespace {

// A field never holds the separators: tabs, line breaks and other control
// characters become spaces.
std::string cell(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

struct Row {
  const graph::EvidenceRef* evidence;
  graph::Edge edge;
};

}  // namespace

void write_event_table(const graph::ActorGraph& graph, std::ostream& out) {
  const graph::Graph& g = graph.graph();
  std::vector<Row> rows;
  for (const graph::Edge& e : detail::sorted_relations(g)) {
    for (const graph::EvidenceRef& evidence : g[e].evidence) rows.push_back({&evidence, e});
  }
  auto key = [&](const Row& row) {
    const graph::EvidenceRef& ev = *row.evidence;
    return std::tie(ev.date, ev.doc, ev.start, ev.end, g[boost::source(row.edge, g)].id,
                    g[row.edge].relation, g[boost::target(row.edge, g)].id, g[row.edge].negated,
                    ev.trigger);
  };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const Row& a, const Row& b) { return key(a) < key(b); });

  out << "date\tsource_id\tsource_name\tsource_country\trelation\tcameo_root\tplover\t"
         "target_id\ttarget_name\ttarget_country\tnegated\tmodality\tdoc\tsentence\n";
  for (const Row& row : rows) {
    const graph::EvidenceRef& ev = *row.evidence;
    const graph::RelationEdge& edge = g[row.edge];
    const graph::ActorNode& source = g[boost::source(row.edge, g)];
    const graph::ActorNode& target = g[boost::target(row.edge, g)];
    const EventCodes codes = event_codes(edge.relation);
    const std::string fields[] = {cell(ev.date),
                                  cell(source.id),
                                  cell(source.name),
                                  cell(source.country),
                                  cell(edge.relation),
                                  cell(codes.cameo_root),
                                  cell(codes.plover),
                                  cell(target.id),
                                  cell(target.name),
                                  cell(target.country),
                                  edge.negated ? "true" : "false",
                                  cell(ev.modality),
                                  cell(ev.doc),
                                  cell(ev.sentence)};
    bool first = true;
    for (const auto& field : fields) {
      if (!first) out << '\t';
      out << field;
      first = false;
    }
    out << '\n';
  }
}

void write_event_table_file(const graph::ActorGraph& graph, const std::string& path) {
  write_atomically(path, [&](std::ostream& out) { write_event_table(graph, out); });
}

}  // namespace actorgraph::exporter
