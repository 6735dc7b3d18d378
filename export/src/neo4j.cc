// Neo4j import folder: CSV files whose headers neo4j-admin import reads
// (typed columns, :ID/:START_ID/:END_ID/:TYPE/:LABEL), plus a Cypher script
// that loads the same files with LOAD CSV into a running database. The
// script MERGEs on the keys the graph merges on (actor id; source, type,
// target, negated), so loading a later export of a grown graph updates the
// database instead of duplicating it.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "actorgraph/export/writers.h"
#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"
#include "sorted_view.h"

namespace actorgraph::exporter {
namespace {

constexpr char kArrayDelimiter = ';';

// RFC 4180: a field with a comma, a quote or a line break is quoted, and
// quotes inside are doubled. Leading or trailing spaces are quoted too, as
// some readers trim unquoted fields.
std::string csv_field(std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// One element of a string[] column: the delimiter would split it, and a
// line break would need multiline import, so both become harmless.
std::string array_element(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == kArrayDelimiter) c = ',';
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

std::string array_field(const std::vector<std::string>& items) {
  std::string joined;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += kArrayDelimiter;
    joined += array_element(items[i]);
  }
  return csv_field(joined);
}

std::string kind_label(std::string_view kind) {
  if (kind == "igo") return "IGO";
  if (kind.empty()) return "Unknown";
  std::string label(kind);
  label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

std::string type_name(std::string_view relation) {
  std::string type(relation);
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return type;
}

void write_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << fields[i];
  }
  out << '\n';
}

}  // namespace

void write_neo4j_nodes(const graph::ActorGraph& graph, std::ostream& out) {
  const graph::Graph& g = graph.graph();
  out << "id:ID,name,kind,country,wikidata,aliases:string[],:LABEL\n";
  for (graph::Vertex v : detail::sorted_actors(g)) {
    const graph::ActorNode& actor = g[v];
    std::vector<std::string> aliases = actor.aliases;
    std::sort(aliases.begin(), aliases.end());
    write_row(out, {csv_field(actor.id), csv_field(actor.name), csv_field(actor.kind),
                    csv_field(actor.country), csv_field(actor.wikidata), array_field(aliases),
                    csv_field("Actor;" + kind_label(actor.kind))});
  }
}

void write_neo4j_relationships(const graph::ActorGraph& graph, std::ostream& out) {
  const graph::Graph& g = graph.graph();
  out << ":START_ID,:END_ID,:TYPE,count:int,negated:boolean,polarity,first_date:date,"
         "last_date:date,modality,sentences:string[]\n";
  for (const graph::Edge& e : detail::sorted_relations(g)) {
    const graph::RelationEdge& edge = g[e];
    std::vector<std::string> sentences;
    for (const graph::EvidenceRef* evidence : detail::sorted_evidence(edge)) {
      sentences.push_back(evidence->sentence);
    }
    write_row(out, {csv_field(g[boost::source(e, g)].id), csv_field(g[boost::target(e, g)].id),
                    type_name(edge.relation), std::to_string(edge.count),
                    edge.negated ? "true" : "false", csv_field(std::string(1, edge.polarity)),
                    edge.first_date, edge.last_date, edge.modality(), array_field(sentences)});
  }
}

void write_neo4j_cypher(std::ostream& out) {
  out << "// Loads nodes.csv and relationships.csv (written by actorgraph) into a running\n"
         "// Neo4j 5 database. Copy both files into the database's import folder, then:\n"
         "//   cypher-shell -f load.cypher\n"
         "// MERGE on the actor id and on (source, type, target, negated) makes it\n"
         "// incremental: loading a later export updates counts, dates and sentences.\n"
         "// (For an empty database, neo4j-admin database import full --nodes=nodes.csv\n"
         "//  --relationships=relationships.csv reads the same files, faster.)\n\n"
         "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;\n\n"
         "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n"
         "MERGE (a:Actor {id: row.`id:ID`})\n"
         "SET a.name = row.name, a.kind = row.kind, a.country = row.country,\n"
         "    a.wikidata = row.wikidata,\n"
         "    a.aliases = CASE WHEN row.`aliases:string[]` IS NULL THEN []\n"
         "                ELSE split(row.`aliases:string[]`, ';') END\n";
  // Labels cannot be parameters in plain Cypher; one guarded SET per kind.
  for (std::string_view kind : {"state", "force", "person", "igo", "group", "bloc", "unknown"}) {
    out << "FOREACH (_ IN CASE WHEN row.kind = '" << kind
        << "' THEN [1] ELSE [] END | SET a:" << kind_label(kind) << ")\n";
  }
  out << ";\n\n";
  // Nor can relationship types: one guarded MERGE per ontology type.
  out << "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n"
         "MATCH (s:Actor {id: row.`:START_ID`}), (t:Actor {id: row.`:END_ID`})\n"
         "WITH s, t, row, toBoolean(row.`negated:boolean`) AS negated,\n"
         "     {count: toInteger(row.`count:int`), polarity: row.polarity,\n"
         "      first_date: date(row.`first_date:date`), last_date: date(row.`last_date:date`),\n"
         "      modality: row.modality,\n"
         "      sentences: CASE WHEN row.`sentences:string[]` IS NULL THEN []\n"
         "                 ELSE split(row.`sentences:string[]`, ';') END} AS values\n";
  for (std::string_view relation : extract::relation_types()) {
    const std::string type = type_name(relation);
    out << "FOREACH (_ IN CASE WHEN row.`:TYPE` = '" << type << "' THEN [1] ELSE [] END |\n"
        << "  MERGE (s)-[r:" << type << " {negated: negated}]->(t) SET r += values)\n";
  }
  out << ";\n";
}

void write_neo4j_dir(const graph::ActorGraph& graph, const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw ExportError(dir + ": cannot create the folder: " + error.message());
  const std::filesystem::path base(dir);
  write_atomically((base / "nodes.csv").string(),
                   [&](std::ostream& out) { write_neo4j_nodes(graph, out); });
  write_atomically((base / "relationships.csv").string(),
                   [&](std::ostream& out) { write_neo4j_relationships(graph, out); });
  write_atomically((base / "load.cypher").string(),
                   [&](std::ostream& out) { write_neo4j_cypher(out); });
}

}  // namespace actorgraph::exporter
