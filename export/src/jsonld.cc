// JSON-LD writer. Shape (ONTOLOGY.md, "In the JSON-LD graph"):
//
//   {"@context": {...inline...},
//    "@graph": [actor nodes sorted by id, relation nodes sorted by
//               (source, relation, target, negated)]}
//
// Vocabulary choices, all in the inline context:
// - Everything not mapped elsewhere is in the project vocabulary
//   https://actorgraph.org/ns# (@vocab): Actor, Relation, Evidence, kind,
//   country, polarity, negated, modality, count, the 20 relation types ...
// - Actor ids are relative IRIs against "@base": https://actorgraph.org/actor/
//   ("state/RUS" is https://actorgraph.org/actor/state/RUS). Relation nodes
//   get the stable IRI https://actorgraph.org/relation/<src>/<type>/<tgt>
//   plus "/negated" for negated edges.
// - Actors are typed Actor plus a schema.org class by kind; name and
//   alternateName are schema:name/schema:alternateName; sameAs links Wikidata.
// - Each relation type term is coerced to @id, so a plain (not negated, not
//   purely hypothetical) edge is stated directly on its source actor as
//   "supplies": [{"@id": "person/bashar-al-assad"}]. Symmetric types are
//   stated in both directions. relationType is coerced to @vocab, so its
//   value is the same property IRI as the direct edge.
// - Provenance is PROV-O: "evidence" is prov:wasDerivedFrom (a relation is
//   derived from each evidence node: an Evidence with document, sentence,
//   start, end, date, trigger, modality, confidence, and where known item
//   and attributedTo), and "attributedTo" is prov:wasAttributedTo (the
//   statement is attributed to the actor the sentence quotes).
// - Dates are xsd:date, counts and offsets xsd:integer. Empty dates are left
//   out rather than written as invalid xsd:date literals.

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "actorgraph/export/writers.h"
#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"
#include "sorted_view.h"

namespace actorgraph::exporter {
namespace {

constexpr std::string_view kVocab = "https://actorgraph.org/ns#";
constexpr std::string_view kActorBase = "https://actorgraph.org/actor/";
constexpr std::string_view kRelationBase = "https://actorgraph.org/relation/";
constexpr std::string_view kWikidata = "http://www.wikidata.org/entity/";

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void str(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void key(Writer& writer, std::string_view name) {
  writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void member(Writer& writer, std::string_view name, std::string_view value) {
  key(writer, name);
  str(writer, value);
}

// {"@type": type} or {"@id": id, "@type": type}
void term(Writer& writer, std::string_view name, std::string_view id, std::string_view type) {
  key(writer, name);
  writer.StartObject();
  if (!id.empty()) member(writer, "@id", id);
  member(writer, "@type", type);
  writer.EndObject();
}

void write_context(Writer& writer) {
  key(writer, "@context");
  writer.StartObject();
  member(writer, "@vocab", kVocab);
  member(writer, "@base", kActorBase);
  member(writer, "schema", "https://schema.org/");
  member(writer, "prov", "http://www.w3.org/ns/prov#");
  member(writer, "xsd", "http://www.w3.org/2001/XMLSchema#");
  member(writer, "name", "schema:name");
  member(writer, "alternateName", "schema:alternateName");
  term(writer, "sameAs", "schema:sameAs", "@id");
  term(writer, "source", "", "@id");
  term(writer, "target", "", "@id");
  term(writer, "relationType", "", "@vocab");
  term(writer, "attributedTo", "prov:wasAttributedTo", "@id");
  key(writer, "evidence");
  writer.StartObject();
  member(writer, "@id", "prov:wasDerivedFrom");
  key(writer, "@container");
  str(writer, "@set");
  writer.EndObject();
  term(writer, "date", "", "xsd:date");
  term(writer, "firstDate", "", "xsd:date");
  term(writer, "lastDate", "", "xsd:date");
  term(writer, "count", "", "xsd:integer");
  term(writer, "start", "", "xsd:integer");
  term(writer, "end", "", "xsd:integer");
  for (auto relation : extract::relation_types()) term(writer, relation, "", "@id");
  writer.EndObject();
}

std::string_view schema_class(const std::string& kind) {
  if (kind == "state") return "schema:Country";
  if (kind == "person") return "schema:Person";
  if (kind == "igo" || kind == "force") return "schema:GovernmentOrganization";
  if (kind == "group" || kind == "bloc") return "schema:Organization";
  return {};
}

std::string wikidata_iri(const std::string& wikidata) {
  if (wikidata.rfind("http://", 0) == 0 || wikidata.rfind("https://", 0) == 0) return wikidata;
  return std::string(kWikidata) + wikidata;
}

std::string relation_iri(const graph::Graph& g, const graph::Edge& e) {
  std::string iri(kRelationBase);
  iri += detail::iri_path(g[boost::source(e, g)].id);
  iri += '/';
  iri += detail::iri_path(g[e].relation);
  iri += '/';
  iri += detail::iri_path(g[boost::target(e, g)].id);
  if (g[e].negated) iri += "/negated";
  return iri;
}

// actor id -> relation type -> target ids: the plain edges stated directly.
using DirectEdges = std::map<std::string, std::map<std::string, std::set<std::string>>>;

DirectEdges direct_edges(const graph::Graph& g) {
  DirectEdges direct;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const graph::RelationEdge& edge = g[*it];
    if (!edge.plain()) continue;
    const std::string& source = g[boost::source(*it, g)].id;
    const std::string& target = g[boost::target(*it, g)].id;
    direct[source][edge.relation].insert(target);
    if (extract::relation_symmetric(edge.relation)) direct[target][edge.relation].insert(source);
  }
  return direct;
}

void write_actor(Writer& writer, const graph::ActorNode& actor, const DirectEdges& direct) {
  writer.StartObject();
  member(writer, "@id", detail::iri_path(actor.id));
  key(writer, "@type");
  writer.StartArray();
  str(writer, "Actor");
  if (auto schema = schema_class(actor.kind); !schema.empty()) str(writer, schema);
  writer.EndArray();
  if (!actor.kind.empty()) member(writer, "kind", actor.kind);
  if (!actor.name.empty()) member(writer, "name", actor.name);
  if (!actor.aliases.empty()) {
    key(writer, "alternateName");
    writer.StartArray();
    for (const auto& alias : std::set<std::string>(actor.aliases.begin(), actor.aliases.end())) {
      str(writer, alias);
    }
    writer.EndArray();
  }
  if (!actor.country.empty()) member(writer, "country", actor.country);
  if (!actor.wikidata.empty()) member(writer, "sameAs", wikidata_iri(actor.wikidata));
  if (auto found = direct.find(actor.id); found != direct.end()) {
    for (const auto& [relation, targets] : found->second) {
      key(writer, relation);
      writer.StartArray();
      for (const auto& target : targets) {
        writer.StartObject();
        member(writer, "@id", detail::iri_path(target));
        writer.EndObject();
      }
      writer.EndArray();
    }
  }
  writer.EndObject();
}

void write_evidence(Writer& writer, const graph::EvidenceRef& evidence) {
  writer.StartObject();
  member(writer, "@type", "Evidence");
  member(writer, "document", evidence.doc);
  member(writer, "sentence", evidence.sentence);
  key(writer, "start");
  writer.Uint64(evidence.start);
  key(writer, "end");
  writer.Uint64(evidence.end);
  if (!evidence.date.empty()) member(writer, "date", evidence.date);
  member(writer, "trigger", evidence.trigger);
  member(writer, "modality", evidence.modality);
  if (std::isfinite(evidence.confidence)) {
    key(writer, "confidence");
    writer.Double(evidence.confidence);
  }
  if (!evidence.attributed_to.empty()) {
    member(writer, "attributedTo", detail::iri_path(evidence.attributed_to));
  }
  if (!evidence.item.empty()) member(writer, "item", evidence.item);
  writer.EndObject();
}

void write_relation(Writer& writer, const graph::Graph& g, const graph::Edge& e) {
  const graph::RelationEdge& edge = g[e];
  writer.StartObject();
  member(writer, "@id", relation_iri(g, e));
  member(writer, "@type", "Relation");
  member(writer, "source", detail::iri_path(g[boost::source(e, g)].id));
  member(writer, "target", detail::iri_path(g[boost::target(e, g)].id));
  member(writer, "relationType", edge.relation);
  member(writer, "polarity", std::string_view(&edge.polarity, 1));
  key(writer, "negated");
  writer.Bool(edge.negated);
  member(writer, "modality", edge.modality());
  key(writer, "count");
  writer.Uint64(edge.count);
  if (!edge.first_date.empty()) member(writer, "firstDate", edge.first_date);
  if (!edge.last_date.empty()) member(writer, "lastDate", edge.last_date);
  key(writer, "evidence");
  writer.StartArray();
  for (const graph::EvidenceRef* evidence : detail::sorted_evidence(edge)) {
    write_evidence(writer, *evidence);
  }
  writer.EndArray();
  writer.EndObject();
}

}  // namespace

void write_jsonld(const graph::ActorGraph& graph, std::ostream& out) {
  const graph::Graph& g = graph.graph();
  const DirectEdges direct = direct_edges(g);

  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  write_context(writer);
  key(writer, "@graph");
  writer.StartArray();
  for (graph::Vertex v : detail::sorted_actors(g)) write_actor(writer, g[v], direct);
  for (const graph::Edge& e : detail::sorted_relations(g)) write_relation(writer, g, e);
  writer.EndArray();
  writer.EndObject();
  if (!writer.IsComplete()) throw ExportError("JSON-LD: the document is incomplete");

  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  out.put('\n');
}

void write_jsonld_file(const graph::ActorGraph& graph, const std::string& path) {
  write_atomically(path, [&](std::ostream& out) { write_jsonld(graph, out); });
}

}  // namespace actorgraph::exporter
