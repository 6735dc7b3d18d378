// Export formats, each read back by its real client where one is installed:
// JSON-LD by rdflib (SPARQL) and Apache Jena riot, GraphML by NetworkX, the
// Neo4j CSVs by Python's csv module, diagrams by Graphviz; plus the filters,
// the event codes and the export/build command lines. A test whose client
// is missing prints why and passes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/range/iterator_range.hpp>
#include <rapidjson/document.h>

#include "actorgraph/export/diagram.h"
#include "actorgraph/export/event_codes.h"
#include "actorgraph/export/formats.h"
#include "actorgraph/export/writers.h"
#include "actorgraph/extract/document.h"
#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/graph/actor_graph.h"
#include "actorgraph/graph/query.h"
#include "actorgraph/graph/enrich.h"
#include "support.h"

namespace {

using namespace test_support;

namespace fs = std::filesystem;
namespace ex = actorgraph::exporter;

const std::string kBin = ACTORGRAPH_BINARY;
const std::string kPython = "/usr/bin/python3";

const ActorRef kHezbollah{"group/hezbollah", "Hezbollah", "group", "LBN"};
// A name that needs CSV quoting: a comma and quotes.
const ActorRef kNusra{"group/SYR-nusra", "Front \"al-Nusra\", Syria", "group", "SYR"};

Event event(const ActorRef& source, const std::string& relation, const ActorRef& target,
            const std::string& doc, const std::string& date, std::size_t start,
            const std::string& sentence = "") {
  Event e;
  e.doc = doc;
  e.date = date;
  e.source = source;
  e.relation = relation;
  e.target = target;
  e.evidence.sentence =
      sentence.empty() ? source.name + " " + relation + " " + target.name + "." : sentence;
  e.evidence.start = start;
  e.evidence.end = start + 20;
  e.evidence.trigger = relation;
  return e;
}

// Supporters of Assad: Russia (supplies twice, ally_of) and Iran. Not
// Hezbollah (negated), not the US (criticizes), not Syria (leader_of is
// structural).
ActorGraph formats_graph() {
  ActorGraph g;
  actorgraph::graph::ActorNode russia;
  russia.id = "state/RUS";
  russia.wikidata = "Q159";
  russia.aliases = {"the Kremlin", "Moscow; the capital"};
  g.add_actor(russia);
  g.add(event(kRussia, "supplies", kAssad, "d1", "2012-01-16", 10,
              "Russia supplied arms, \"quietly\"."));
  g.add(event(kRussia, "supplies", kAssad, "d2", "2012-02-03", 40));
  g.add(event(kRussia, "ally_of", kAssad, "d1", "2012-01-16", 90));
  g.add(event(kIran, "supports", kAssad, "d3", "2012-03-01", 5));
  Event hezbollah = event(kHezbollah, "supports", kAssad, "d3", "2012-03-02", 60);
  hezbollah.negated = true;
  g.add(hezbollah);
  g.add(event(kUsa, "criticizes", kAssad, "d4", "2012-03-05", 7,
              "The US\tcriticised\nAssad; again."));
  g.add(event(kNusra, "attacks", kAssad, "d5", "2012-04-01", 3));
  Event maybe = event(kUsa, "supports", kNusra, "d5", "2012-04-02", 50);
  maybe.modality = "hypothetical";
  g.add(maybe);
  g.add(event(kSyria, "leader_of", kAssad, "d6", "", 0));
  g.finalize();
  return g;
}

std::size_t evidence_total(const ActorGraph& g) {
  std::size_t n = 0;
  for (auto [it, end] = boost::edges(g.graph()); it != end; ++it)
    n += g.graph()[*it].evidence.size();
  return n;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(text);
  while (std::getline(in, field, separator)) fields.push_back(field);
  if (!text.empty() && text.back() == separator) fields.emplace_back();
  return fields;
}

bool python_has(const std::string& module) {
  return run(kPython + " -c 'import " + module + "' >/dev/null 2>&1").status == 0;
}

bool have(const std::string& tool) {
  return run("command -v " + tool + " >/dev/null 2>&1").status == 0;
}

void skip(const std::string& why) {
  std::cout << "skipped: " << why << "\n";
  WARN("skipped: " << why);
}

// A command that runs Apache Jena's riot, or empty. A stock Jena has a
// `riot` script. Debian's libapache-jena-java (4.5.0-2) has only the jars,
// and two packaging gaps that the command works around: the relocated
// Xerces in jena-core looks for its regex messages under xerces/ (they
// were left under org/apache/jena/ext/xerces/), and no JSON-P
// implementation is packaged for the JSON-LD 1.1 parser (Titanium), so the
// JSON-LD 1.0 parser (jsonld-java) is named with --syntax=jsonld10.
std::string riot_command(const TempDir& dir) {
  if (have("riot")) return "riot";
  const std::string java = "/usr/share/java/";
  if (!have("java") || !fs::exists(java + "jena-cmds.jar")) return {};
  const std::string fix = dir / "jena-fix";
  const std::string extract =
      kPython +
      " -c 'import sys, zipfile, os\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "for n in z.namelist():\n"
      "    p = \"org/apache/jena/ext/\"\n"
      "    if n.startswith(p + \"xerces/\") and n.endswith(\".properties\"):\n"
      "        out = os.path.join(sys.argv[2], n[len(p):])\n"
      "        os.makedirs(os.path.dirname(out), exist_ok=True)\n"
      "        open(out, \"wb\").write(z.read(n))\n' " +
      java + "jena-core.jar '" + fix + "'";
  if (run(extract).status != 0) return {};
  std::string classpath = fix;
  for (const char* jar : {"jena-arq",
                          "jena-base",
                          "jena-cmds",
                          "jena-core",
                          "jena-dboe-base",
                          "jena-dboe-index",
                          "jena-dboe-storage",
                          "jena-dboe-trans-data",
                          "jena-dboe-transaction",
                          "jena-iri",
                          "jena-shacl",
                          "jena-shex",
                          "jena-tdb",
                          "jena-tdb2",
                          "commons-cli",
                          "commons-codec",
                          "commons-compress",
                          "commons-csv",
                          "commons-io",
                          "commons-lang3",
                          "commons-logging",
                          "dexx.collection",
                          "gson",
                          "guava",
                          "httpclient",
                          "httpclient-cache",
                          "httpcore",
                          "jackson-annotations",
                          "jackson-core",
                          "jackson-databind",
                          "jakarta.json-api",
                          "jsonld-java",
                          "protobuf",
                          "slf4j-api",
                          "slf4j-nop",
                          "thrift",
                          "titanium-json-ld"}) {
    classpath += ":" + java + jar + ".jar";
  }
  return "java -cp '" + classpath + "' riotcmd.riot --syntax=jsonld10";
}

}  // namespace

TEST_CASE("event codes follow the ontology table", "[export]") {
  CHECK(ex::event_codes("supplies").cameo_root == "07/06");
  CHECK(ex::event_codes("supplies").plover == "AID");
  CHECK(ex::event_codes("mediates").cameo_root == "04");
  CHECK(ex::event_codes("attacks").plover == "ASSAULT");
  CHECK(ex::event_codes("attacks").cameo_root == "18-20");
  CHECK(ex::event_codes("leader_of").cameo_root.empty());
  CHECK(ex::event_codes("no-such-type").plover.empty());
  for (auto relation : actorgraph::extract::relation_types()) {
    INFO(relation);
    const bool structural = actorgraph::extract::relation_polarity(relation) == '.';
    CHECK(ex::event_codes(relation).plover.empty() == structural);
  }
}

TEST_CASE("JSON-LD: rdflib answers who supports an actor", "[export][rdflib]") {
  if (!python_has("rdflib"))
    return skip("/usr/bin/python3 has no rdflib (apt install python3-rdflib)");
  TempDir dir;
  ex::write_jsonld_file(formats_graph(), dir / "graph.jsonld");
  write_file(dir / "supporters.py", R"(import sys, rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format="json-ld")
q = """
PREFIX ag: <https://actorgraph.org/ns#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?name WHERE {
  ?r a ag:Relation ; ag:polarity "+" ; ag:negated false .
  { ?r ag:target <https://actorgraph.org/actor/person/bashar-al-assad> ; ag:source ?s }
  UNION
  { ?r ag:source <https://actorgraph.org/actor/person/bashar-al-assad> ; ag:target ?s ;
       ag:relationType ?t .
    FILTER (?t IN (ag:ally_of, ag:cooperates_with)) }
  ?s schema:name ?name .
} ORDER BY ?name"""
for row in g.query(q):
    print("supporter", row.name)
for row in g.query("PREFIX schema: <https://schema.org/> SELECT ?w WHERE { ?a schema:name 'Russia' ; schema:sameAs ?w }"):
    print("sameAs", row.w)
for row in g.query("PREFIX schema: <https://schema.org/> SELECT ?a WHERE { ?a a schema:Person }"):
    print("person", row.a)
for row in g.query("PREFIX prov: <http://www.w3.org/ns/prov#> SELECT (COUNT(?e) AS ?n) WHERE { ?r prov:wasDerivedFrom ?e }"):
    print("evidence", row.n)
)");
  const auto r =
      run(kPython + " '" + (dir / "supporters.py") + "' '" + (dir / "graph.jsonld") + "' 2>&1");
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("supporter Iran\nsupporter Russia\n") != std::string::npos);
  CHECK(r.out.find("supporter Hezbollah") == std::string::npos);
  CHECK(r.out.find("supporter United States") == std::string::npos);
  CHECK(r.out.find("supporter Syria") == std::string::npos);
  CHECK(r.out.find("sameAs http://www.wikidata.org/entity/Q159\n") != std::string::npos);
  CHECK(r.out.find("person https://actorgraph.org/actor/person/bashar-al-assad\n") !=
        std::string::npos);
  CHECK(r.out.find("evidence " + std::to_string(evidence_total(formats_graph())) + "\n") !=
        std::string::npos);
}

TEST_CASE("JSON-LD: Apache Jena riot reads as many triples as rdflib", "[export][jena]") {
  if (!python_has("rdflib"))
    return skip("/usr/bin/python3 has no rdflib (apt install python3-rdflib)");
  TempDir dir;
  const std::string riot = riot_command(dir);
  if (riot.empty())
    return skip("Apache Jena riot is not installed (apt install libapache-jena-java)");
  const std::string path = dir / "graph.jsonld";
  ex::write_jsonld_file(formats_graph(), path);
  const auto rdflib = run(kPython +
                          " -c 'import sys, rdflib; g = rdflib.Graph(); "
                          "g.parse(sys.argv[1], format=\"json-ld\"); print(len(g))' '" +
                          path + "' 2>&1");
  INFO(rdflib.out);
  REQUIRE(rdflib.status == 0);
  // N-Triples, one triple a line; duplicates (if any) count once, as in rdflib.
  const auto jena =
      run(riot + " --output=nt '" + path + "' 2>" + (dir / "riot.err") + " | sort -u | wc -l");
  INFO(riot);
  INFO(read_file(dir / "riot.err"));
  REQUIRE(jena.status == 0);
  const long rdflib_count = std::stol(rdflib.out);
  const long jena_count = std::stol(jena.out);
  CHECK(jena_count > 50);
  CHECK(jena_count == rdflib_count);
}

// Issue 6: on a graph the extractor builds from examples/news, a SPARQL query
// over the JSON-LD (rdflib) finds the same supporters of Assad as
// graph::supporters and as `actorgraph query supporters --json`.
TEST_CASE("JSON-LD: SPARQL supporters equal graph::supporters and the CLI on examples/news",
          "[export][query]") {
  namespace graph = actorgraph::graph;
  if (run("test -x " + kPython).status != 0) return skip(kPython + " is not installed");
  if (!python_has("rdflib"))
    return skip("/usr/bin/python3 has no rdflib (apt install python3-rdflib)");
  const std::string assad = "person/bashar-al-assad";

  // The graph as query_test.cc's extracted() builds it: extract, then the
  // dictionary's knowledge on the actors (as the CLI's enrich()), finalize.
  auto& pipeline = test_support::bundled_pipeline();
  ActorGraph g;
  {
    actorgraph::extract::DocumentReader reader({std::string(ACTORGRAPH_SOURCE_DIR) + "/examples/news"});
    actorgraph::extract::Document doc;
    while (reader.next(doc))
      for (const auto& e : pipeline.extractor->extract(doc)) g.add(e);
    graph::enrich_from_dictionary(g, pipeline.actors);
    g.finalize();
  }
  REQUIRE(g.find(assad));

  // 1. The library, default filter.
  std::set<std::string> library;
  for (const auto& row : graph::supporters(g, assad).rows) library.insert(row.actor.id);

  TempDir dir;
  const std::string file = dir / "news.jsonld";
  ex::write_jsonld_file(g, file);

  // 2. SPARQL over the JSON-LD, the rule of graph/query.h on the Relation
  // nodes (one per merged edge): '+' polarity, not negated, and at least one
  // instance that is not hypothetical (the edge's modality is "hypothetical"
  // only when every instance is); toward the actor, or from it for the
  // symmetric types. Self-relations never count.
  std::string symmetric;
  for (auto type : actorgraph::extract::relation_types())
    if (actorgraph::extract::relation_symmetric(type) &&
        actorgraph::extract::relation_polarity(type) == '+')
      symmetric += (symmetric.empty() ? "ag:" : ", ag:") + std::string(type);
  REQUIRE_FALSE(symmetric.empty());
  const std::string actor_iri = "<https://actorgraph.org/actor/" + assad + ">";
  const std::string sparql = R"(PREFIX ag: <https://actorgraph.org/ns#>
SELECT DISTINCT ?s WHERE {
  ?r a ag:Relation ; ag:polarity "+" ; ag:negated false ; ag:modality ?m .
  FILTER (?m != "hypothetical")
  { ?r ag:target )" + actor_iri + R"( ; ag:source ?s }
  UNION
  { ?r ag:source )" + actor_iri + R"( ; ag:target ?s ; ag:relationType ?t .
    FILTER (?t IN ()" + symmetric + R"()) }
  FILTER (?s != )" + actor_iri + R"()
})";
  write_file(dir / "supporters.rq", sparql);
  write_file(dir / "supporters.py", R"(import sys, urllib.parse, rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format="json-ld")
base = "https://actorgraph.org/actor/"
for row in g.query(open(sys.argv[2]).read()):
    s = str(row.s)
    assert s.startswith(base), s
    print("supporter", urllib.parse.unquote(s[len(base):]))
)");
  const auto py = run(kPython + " '" + (dir / "supporters.py") + "' '" + file + "' '" +
                      (dir / "supporters.rq") + "' 2>&1");
  INFO(sparql);
  INFO(py.out);
  REQUIRE(py.status == 0);
  std::set<std::string> rdf;
  for (const auto& line : lines_of(py.out))
    if (line.rfind("supporter ", 0) == 0) rdf.insert(line.substr(10));

  // 3. The real CLI on the same file.
  const auto cli = run(kBin + " query '" + file + "' supporters \"Bashar al-Assad\" --json");
  INFO(cli.out);
  REQUIRE(cli.status == 0);
  rapidjson::Document d;
  d.Parse(cli.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  REQUIRE(d.IsObject());
  REQUIRE(d.HasMember("actor"));
  CHECK(std::string(d["actor"]["id"].GetString()) == assad);
  REQUIRE(d.HasMember("rows"));
  REQUIRE(d["rows"].IsArray());
  std::set<std::string> command;
  for (const auto& row : d["rows"].GetArray()) command.insert(row["actor"]["id"].GetString());

  auto show = [](const std::set<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
    return "{" + text + "}";
  };
  INFO("library: " << show(library) << "\nSPARQL:  " << show(rdf) << "\nCLI:     " << show(command));
  CHECK_FALSE(library.empty());
  CHECK(library.count("state/RUS") == 1);
  CHECK(rdf == library);
  CHECK(command == library);
}

TEST_CASE("GraphML: NetworkX reads nodes, edges and attributes", "[export][networkx]") {
  const ActorGraph g = formats_graph();
  std::ostringstream text;
  ex::write_graphml(g, text);
  CHECK(text.str().find("attr.name=\"negated\" attr.type=\"boolean\"") != std::string::npos);
  CHECK(text.str().find("attr.name=\"count\" attr.type=\"long\"") != std::string::npos);
  std::ostringstream again;
  ex::write_graphml(g, again);
  CHECK(again.str() == text.str());

  if (!python_has("networkx"))
    return skip("/usr/bin/python3 has no networkx (apt install python3-networkx)");
  TempDir dir;
  ex::write_graphml_file(g, dir / "graph.graphml");
  write_file(dir / "read.py", R"(import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print("nodes", g.number_of_nodes())
print("edges", g.number_of_edges())
by_id = {d["id"]: n for n, d in g.nodes(data=True)}
russia = g.nodes[by_id["state/RUS"]]
print("russia", russia["name"], russia["kind"], russia["country"], russia["wikidata"])
print("nusra", g.nodes[by_id["group/SYR-nusra"]]["name"])
for u, v, d in g.edges(data=True):
    if d["relation"] == "supplies":
        print("supplies", g.nodes[u]["id"], g.nodes[v]["id"], d["count"], type(d["count"]).__name__,
              d["evidence_count"], d["negated"], d["polarity"], d["first_date"], d["last_date"],
              d["modality"])
        print("sentence", d["sentence"])
    if d["relation"] == "supports" and d["negated"]:
        print("negated", g.nodes[u]["id"])
)");
  const auto r =
      run(kPython + " '" + (dir / "read.py") + "' '" + (dir / "graph.graphml") + "' 2>&1");
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("nodes " + std::to_string(g.num_actors()) + "\n") != std::string::npos);
  CHECK(r.out.find("edges " + std::to_string(g.num_relations()) + "\n") != std::string::npos);
  CHECK(r.out.find("russia Russia state RUS Q159\n") != std::string::npos);
  CHECK(r.out.find("nusra Front \"al-Nusra\", Syria\n") != std::string::npos);
  CHECK(r.out.find("supplies state/RUS person/bashar-al-assad 2 int 2 False + 2012-01-16 "
                   "2012-02-03 asserted\n") != std::string::npos);
  CHECK(r.out.find("sentence Russia supplied arms, \"quietly\".\n") != std::string::npos);
  CHECK(r.out.find("negated group/hezbollah\n") != std::string::npos);
}

TEST_CASE("Neo4j: headers, quoting, and every relationship end is a node", "[export][neo4j]") {
  const ActorGraph g = formats_graph();
  TempDir dir;
  const std::string folder = dir / "neo4j";
  ex::write_neo4j_dir(g, folder);
  const auto nodes = lines_of(read_file(folder + "/nodes.csv"));
  const auto relationships = lines_of(read_file(folder + "/relationships.csv"));
  const std::string cypher = read_file(folder + "/load.cypher");
  REQUIRE(nodes.size() == g.num_actors() + 1);
  CHECK(nodes[0] == "id:ID,name,kind,country,wikidata,aliases:string[],:LABEL");
  CHECK(relationships[0] ==
        ":START_ID,:END_ID,:TYPE,count:int,negated:boolean,polarity,first_date:date,"
        "last_date:date,modality,sentences:string[]");
  // RFC 4180: quoted, quotes doubled; ';' inside an array element becomes ','.
  CHECK(std::find(nodes.begin(), nodes.end(),
                  "group/SYR-nusra,\"Front \"\"al-Nusra\"\", Syria\",group,SYR,,,Actor;Group") !=
        nodes.end());
  CHECK(std::find(
            nodes.begin(), nodes.end(),
            "state/RUS,Russia,state,RUS,Q159,\"Moscow, the capital;the Kremlin\",Actor;State") !=
        nodes.end());
  CHECK(cypher.find("LOAD CSV WITH HEADERS FROM 'file:///nodes.csv'") != std::string::npos);
  CHECK(cypher.find("MERGE (a:Actor {id: row.`id:ID`})") != std::string::npos);
  CHECK(cypher.find("MERGE (s)-[r:SUPPLIES {negated: negated}]->(t)") != std::string::npos);

  if (!python_has("csv")) return skip("/usr/bin/python3 is not available to parse the CSV");
  write_file(dir / "check.py", R"(import csv, sys
folder = sys.argv[1]
with open(folder + "/nodes.csv", newline="") as f:
    nodes = list(csv.DictReader(f))
with open(folder + "/relationships.csv", newline="") as f:
    rels = list(csv.DictReader(f))
ids = {n["id:ID"] for n in nodes}
print("nodes", len(nodes), "ids", len(ids))
print("missing", sum(1 for r in rels if r[":START_ID"] not in ids or r[":END_ID"] not in ids))
for n in nodes:
    if n["id:ID"] == "group/SYR-nusra":
        print("name", n["name"])
for r in rels:
    if r[":TYPE"] == "SUPPLIES":
        print("supplies", r["count:int"], r["negated:boolean"], r["first_date:date"],
              r["sentences:string[]"].split(";"))
    if r[":TYPE"] == "CRITICIZES":
        print("criticizes", repr(r["sentences:string[]"]))
print("rels", len(rels))
)");
  const auto r = run(kPython + " '" + (dir / "check.py") + "' '" + folder + "' 2>&1");
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("nodes " + std::to_string(g.num_actors()) + " ids " +
                   std::to_string(g.num_actors()) + "\n") != std::string::npos);
  CHECK(r.out.find("missing 0\n") != std::string::npos);
  CHECK(r.out.find("name Front \"al-Nusra\", Syria\n") != std::string::npos);
  CHECK(r.out.find("supplies 2 false 2012-01-16 ['Russia supplied arms, \"quietly\".', "
                   "'Russia supplies Bashar al-Assad.']\n") != std::string::npos);
  CHECK(r.out.find("criticizes 'The US criticised Assad, again.'\n") != std::string::npos);
  CHECK(r.out.find("rels " + std::to_string(g.num_relations()) + "\n") != std::string::npos);
}

TEST_CASE("event table: one row per evidence with CAMEO and PLOVER", "[export][tsv]") {
  const ActorGraph g = formats_graph();
  std::ostringstream out;
  ex::write_event_table(g, out);
  const auto rows = lines_of(out.str());
  REQUIRE(rows.size() == evidence_total(g) + 1);
  CHECK(rows[0] ==
        "date\tsource_id\tsource_name\tsource_country\trelation\tcameo_root\tplover\ttarget_id\t"
        "target_name\ttarget_country\tnegated\tmodality\tdoc\tsentence");
  for (const auto& row : rows) {
    INFO(row);
    CHECK(split(row, '\t').size() == 14);
  }
  // Undated first, then by date.
  CHECK(rows[1].rfind("\tstate/SYR\tSyria\tSYR\tleader_of\t\t\tperson/bashar-al-assad", 0) == 0);
  CHECK(
      std::find(rows.begin(), rows.end(),
                "2012-01-16\tstate/RUS\tRussia\tRUS\tsupplies\t07/06\tAID\tperson/bashar-al-assad\t"
                "Bashar al-Assad\tSYR\tfalse\tasserted\td1\tRussia supplied arms, \"quietly\".") !=
      rows.end());
  CHECK(std::find(rows.begin(), rows.end(),
                  "2012-03-05\tstate/USA\tUnited States\tUSA\tcriticizes\t11\tACCUSE\t"
                  "person/bashar-al-assad\tBashar al-Assad\tSYR\tfalse\tasserted\td4\t"
                  "The US criticised Assad; again.") != rows.end());
  const auto negated = std::find_if(rows.begin(), rows.end(), [](const std::string& row) {
    return row.find("\tgroup/hezbollah\t") != std::string::npos;
  });
  REQUIRE(negated != rows.end());
  CHECK(split(*negated, '\t')[10] == "true");
}

TEST_CASE("filters make a copy and leave the graph alone", "[export][filter]") {
  const ActorGraph g = formats_graph();
  const std::size_t actors = g.num_actors();
  const std::size_t relations = g.num_relations();

  ex::DiagramOptions options;
  options.actor = "Hezbollah";  // a name, not an id
  options.depth = 1;
  ActorGraph ego = ex::filter_graph(g, options);
  CHECK(ego.num_actors() == 2);  // Hezbollah and Assad
  CHECK(ego.num_relations() == 1);
  options.depth = 2;
  CHECK(ex::filter_graph(g, options).num_actors() == actors);

  ex::DiagramOptions counted;
  counted.min_count = 2;
  ActorGraph strong = ex::filter_graph(g, counted);
  CHECK(strong.num_relations() == 1);  // Russia supplies Assad ×2
  REQUIRE(strong.find("state/RUS"));
  CHECK(strong.graph()[*strong.find("state/RUS")].wikidata == "Q159");

  ex::DiagramOptions since;
  since.since = "2012-02-01";
  since.relations = {"supplies", "attacks"};
  ActorGraph late = ex::filter_graph(g, since);
  CHECK(late.num_relations() == 2);
  for (auto [it, end] = boost::edges(late.graph()); it != end; ++it) {
    const auto& edge = late.graph()[*it];
    CHECK(edge.first_date >= "2012-02-01");
    CHECK(edge.count == 1);  // the January supply is before --since
  }

  CHECK(g.num_actors() == actors);
  CHECK(g.num_relations() == relations);

  ex::DiagramOptions unknown;
  unknown.actor = "Atlantis";
  CHECK_THROWS_WITH(ex::filter_graph(g, unknown),
                    "--actor \"Atlantis\": no such actor in the graph");
  ex::DiagramOptions bad;
  bad.relations = {"likes"};
  CHECK_THROWS_AS(ex::filter_graph(g, bad), actorgraph::InputError);

  // The diagram writers filter themselves.
  ex::DiagramOptions focus;
  focus.actor = "state/IRN";
  const std::string dot = ex::to_dot(g, focus);
  CHECK(dot.find("\"state/IRN\"") != std::string::npos);
  CHECK(dot.find("\"state/USA\"") == std::string::npos);
}

TEST_CASE("diagrams: legend, layouts, widths and formats", "[export][dot]") {
  const ActorGraph g = formats_graph();
  const std::string dot = ex::to_dot(g);
  CHECK(dot.find("subgraph cluster_legend") != std::string::npos);
  CHECK(dot.find("layout=dot") != std::string::npos);
  CHECK(dot.find("only hypothetical") != std::string::npos);  // the USA supports Nusra edge
  CHECK(dot.find("penwidth=1.69") != std::string::npos);      // count 2: 1 + ln 2
  ex::DiagramOptions plain;
  plain.legend = false;
  CHECK(ex::to_dot(g, plain).find("cluster_legend") == std::string::npos);
  ex::DiagramOptions neato;
  neato.layout = "neato";
  const std::string force = ex::to_dot(g, neato);
  CHECK(force.find("overlap=prism") != std::string::npos);
  CHECK(force.find("layout=neato") != std::string::npos);

  // Above kSmallGraphNodes actors the automatic layout is sfdp.
  ActorGraph big;
  for (std::size_t i = 0; i < ex::kSmallGraphNodes + 5; ++i) {
    const ActorRef a{"state/A" + std::to_string(i), "A" + std::to_string(i), "state", ""};
    const ActorRef b{"group/B" + std::to_string(i % 7), "B" + std::to_string(i % 7), "group", ""};
    big.add(event(a, "supports", b, "d" + std::to_string(i), "2012-01-01", i));
  }
  big.finalize();
  CHECK(ex::choose_layout(big, {}) == "sfdp");
  CHECK(ex::choose_layout(g, {}) == "dot");

  TempDir dir;
  ex::render_file(big, dir / "big.svg");
  CHECK(read_file(dir / "big.svg").find("<svg") != std::string::npos);
  ex::DiagramOptions options;
  ex::render_file(g, dir / "graph.png", "png", options);
  CHECK(read_file(dir / "graph.png").rfind("\x89PNG", 0) == 0);
  ex::render_file(g, dir / "graph.pdf", "pdf", options);
  CHECK(read_file(dir / "graph.pdf").rfind("%PDF", 0) == 0);
  options.layout = "no-such-layout";
  CHECK_THROWS_WITH(ex::render_file(g, dir / "x.svg", "svg", options),
                    Catch::StartsWith(dir / "x.svg" + ": cannot lay out with \"no-such-layout\""));

  if (!have("dot")) return skip("Graphviz `dot` is not on PATH");
  // The DOT file alone lays out the same way (its layout attribute).
  write_file(dir / "graph.dot", ex::to_dot(g, neato));
  const auto r = run("dot -Tsvg '" + (dir / "graph.dot") + "' 2>&1");
  CHECK(r.status == 0);
  CHECK(r.out.find("<svg") != std::string::npos);
}

TEST_CASE("formats by name and by path", "[export]") {
  CHECK(ex::format_names() == "jsonld,dot,svg,png,pdf,graphml,neo4j,tsv");
  CHECK(ex::parse_format("graphml") == ex::Format::graphml);
  CHECK_FALSE(ex::parse_format("gml"));
  CHECK(ex::format_of_path("out/x.events.tsv") == ex::Format::tsv);
  CHECK(ex::format_of_path("x.gv") == ex::Format::dot);
  CHECK_FALSE(ex::format_of_path("out/neo4j"));
  CHECK(ex::default_path("out/graph", ex::Format::neo4j) == "out/graph-neo4j");
  CHECK(ex::default_path("out/graph", ex::Format::tsv) == "out/graph.events.tsv");
}

TEST_CASE("CLI: export and build --format", "[export][cli]") {
  TempDir dir;
  const std::string examples = std::string(ACTORGRAPH_SOURCE_DIR) + "/examples/news";
  const auto extracted =
      run(kBin + " extract " + examples + " > '" + (dir / "events.jsonl") + "' 2>/dev/null");
  REQUIRE(extracted.status == 0);

  // build: -o plus --format, named after -o, in --out-dir.
  const auto built =
      run(kBin + " build " + examples + " -o '" + (dir / "graph.jsonld") + "' --svg '" +
          (dir / "graph.svg") + "' --format graphml,neo4j,tsv --out-dir '" + (dir / "more") +
          "' --quiet 2>&1");
  INFO(built.out);
  REQUIRE(built.status == 0);
  CHECK(fs::exists(dir / "graph.jsonld"));
  CHECK(fs::exists(dir / "graph.svg"));
  CHECK(fs::exists(dir / "more/graph.graphml"));
  CHECK(fs::exists(dir / "more/graph-neo4j/nodes.csv"));
  CHECK(fs::exists(dir / "more/graph-neo4j/relationships.csv"));
  CHECK(fs::exists(dir / "more/graph-neo4j/load.cypher"));
  CHECK(fs::exists(dir / "more/graph.events.tsv"));
  CHECK(
      run(kBin + " build " + examples + " -o '" + (dir / "x.jsonld") + "' --format gml 2>/dev/null")
          .status == 2);

  // export from events JSON Lines, the format from the extension.
  auto r = run(kBin + " export '" + (dir / "events.jsonl") + "' -o '" + (dir / "events.graphml") +
               "' 2>&1");
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(read_file(dir / "events.graphml").find("<graphml") != std::string::npos);
  // ...to stdout, filtered.
  r = run(kBin + " export '" + (dir / "events.jsonl") +
          "' --format tsv -o - --relation supplies,vetoes --min-count 1 2>/dev/null");
  CHECK(r.status == 0);
  const auto rows = lines_of(r.out);
  REQUIRE(rows.size() > 1);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto fields = split(rows[i], '\t');
    REQUIRE(fields.size() == 14);
    CHECK((fields[4] == "supplies" || fields[4] == "vetoes"));
  }
  r = run(kBin + " export '" + (dir / "events.jsonl") + "' -o '" + (dir / "russia.svg") +
          "' --actor Russia --depth 1 --layout neato 2>&1");
  CHECK(r.status == 0);
  CHECK(read_file(dir / "russia.svg").find("Russia") != std::string::npos);

  // Usage errors exit 2.
  CHECK(run(kBin + " export '" + (dir / "events.jsonl") + "' -o '" + (dir / "x.unknown") +
            "' 2>/dev/null")
            .status == 2);
  CHECK(
      run(kBin + " export '" + (dir / "events.jsonl") + "' -o - --format png 2>/dev/null").status ==
      2);
  CHECK(run(kBin + " export '" + (dir / "events.jsonl") + "' -o x.tsv --relation likes 2>/dev/null")
            .status == 2);
  CHECK(run(kBin + " export '" + (dir / "events.jsonl") + "' -o x.tsv --since 2012 2>/dev/null")
            .status == 2);
  // An unknown actor is an input error (1), naming it.
  r = run(kBin + " export '" + (dir / "events.jsonl") + "' -o '" + (dir / "x.tsv") +
          "' --actor Atlantis 2>&1");
  CHECK(r.status == 1);
  CHECK(r.out.find("Atlantis") != std::string::npos);

#if __has_include("actorgraph/graph/jsonld_reader.h")
  // From the JSON-LD that build wrote: the same event table as build's.
  r = run(kBin + " export '" + (dir / "graph.jsonld") + "' -o '" + (dir / "again.tsv") + "' 2>&1");
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(read_file(dir / "again.tsv") == read_file(dir / "more/graph.events.tsv"));
#else
  r = run(kBin + " export '" + (dir / "graph.jsonld") + "' -o '" + (dir / "again.tsv") + "' 2>&1");
  CHECK(r.status == 1);
  CHECK(r.out.find("events .jsonl") != std::string::npos);
#endif
}
