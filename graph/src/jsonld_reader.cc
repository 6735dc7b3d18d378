// JSON-LD (as export/src/jsonld.cc writes it) -> ActorGraph, and the
// format sniffing behind load_graph_file.
//
// The reader rebuilds the graph from the evidence rather than copying the
// stored aggregates: count, dates and modality counts are what ActorGraph
// computes from the instances, which is what makes write-read-write
// byte-identical. It reads the whole document into plain records first and
// only then touches the graph, so a malformed file leaves the graph as it was.

#include "actorgraph/graph/jsonld_reader.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "actorgraph/extract/detail/json.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/graph/events_io.h"

namespace actorgraph::graph {
namespace {

constexpr std::string_view kActorBase = "https://actorgraph.org/actor/";
constexpr std::string_view kWikidata = "http://www.wikidata.org/entity/";
constexpr std::string_view kWikidataHttps = "https://www.wikidata.org/entity/";

using Value = rapidjson::Value;

// Where in the document a value is, for messages: "@graph[3].evidence[0]".
struct Place {
  const std::string& file;
  std::string path;

  Place at(std::string_view member) const { return {file, path + "." + std::string(member)}; }
  Place at(std::size_t index) const { return {file, path + "[" + std::to_string(index) + "]"}; }
  [[noreturn]] void fail(const std::string& expected) const {
    throw InputError(file + ": " + path + ": expected " + expected);
  }
};

const Value* find(const Value& object, const char* member) {
  auto it = object.FindMember(member);
  if (it == object.MemberEnd() || it->value.IsNull()) return nullptr;
  return &it->value;
}

std::string as_string(const Value& value, const Place& place) {
  if (!value.IsString()) place.fail("a string, got " + std::string(detail::json_type_name(value)));
  return std::string(value.GetString(), value.GetStringLength());
}

std::string optional_string(const Value& object, const char* member, const Place& place) {
  const Value* value = find(object, member);
  return value ? as_string(*value, place.at(member)) : std::string();
}

std::string required_string(const Value& object, const char* member, const Place& place) {
  const Value* value = find(object, member);
  if (!value) place.fail("a string member \"" + std::string(member) + "\"");
  return as_string(*value, place.at(member));
}

std::size_t required_offset(const Value& object, const char* member, const Place& place) {
  const Value* value = find(object, member);
  if (!value || !value->IsUint64()) {
    place.fail("a non-negative integer member \"" + std::string(member) + "\"" +
               (value ? ", got " + std::string(detail::json_type_name(*value)) : std::string()));
  }
  return static_cast<std::size_t>(value->GetUint64());
}

// Undoes detail::iri_path (percent-encoding) and strips the actor base when
// the id is written as an absolute IRI.
std::string actor_id(std::string_view iri, const Place& place) {
  if (iri.substr(0, kActorBase.size()) == kActorBase) iri.remove_prefix(kActorBase.size());
  std::string id;
  id.reserve(iri.size());
  auto hex = [&](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < iri.size(); ++i) {
    if (iri[i] != '%') {
      id += iri[i];
      continue;
    }
    const int high = i + 2 < iri.size() ? hex(iri[i + 1]) : -1;
    const int low = i + 2 < iri.size() ? hex(iri[i + 2]) : -1;
    if (high < 0 || low < 0) place.fail("a percent-encoded actor id, got \"" + std::string(iri) + "\"");
    id += static_cast<char>(high * 16 + low);
    i += 2;
  }
  if (id.empty()) place.fail("a non-empty actor id");
  return id;
}

std::string wikidata_id(std::string sameas) {
  for (auto prefix : {kWikidata, kWikidataHttps}) {
    if (std::string_view(sameas).substr(0, prefix.size()) == prefix) return sameas.substr(prefix.size());
  }
  return sameas;
}

bool has_type(const Value& node, std::string_view type) {
  const Value* types = find(node, "@type");
  if (!types) return false;
  auto is = [&](const Value& v) {
    return v.IsString() && std::string_view(v.GetString(), v.GetStringLength()) == type;
  };
  if (types->IsArray()) {
    for (const auto& t : types->GetArray())
      if (is(t)) return true;
    return false;
  }
  return is(*types);
}

ActorNode read_actor(const Value& node, const Place& place) {
  ActorNode actor;
  actor.id = actor_id(required_string(node, "@id", place), place.at("@id"));
  actor.name = optional_string(node, "name", place);
  actor.kind = optional_string(node, "kind", place);
  actor.country = optional_string(node, "country", place);
  if (const Value* sameas = find(node, "sameAs")) {
    // A single IRI as written; an array (other producers) keeps its Wikidata entry.
    if (sameas->IsArray()) {
      std::size_t i = 0;
      for (const auto& entry : sameas->GetArray()) {
        std::string iri = as_string(entry, place.at("sameAs").at(i++));
        if (wikidata_id(iri) != iri || actor.wikidata.empty()) actor.wikidata = wikidata_id(iri);
      }
    } else {
      actor.wikidata = wikidata_id(as_string(*sameas, place.at("sameAs")));
    }
  }
  if (const Value* names = find(node, "alternateName")) {
    if (names->IsArray()) {
      std::size_t i = 0;
      for (const auto& alias : names->GetArray())
        actor.aliases.push_back(as_string(alias, place.at("alternateName").at(i++)));
    } else {
      actor.aliases.push_back(as_string(*names, place.at("alternateName")));
    }
  }
  return actor;
}

bool is_modality(std::string_view modality) {
  return modality == "asserted" || modality == "intended" || modality == "hypothetical" ||
         modality == "reported";
}

// The relation's instances, one extract::Event per evidence node; appends to
// `events`. Stored aggregates are compared with the recomputed ones later.
struct StoredRelation {
  std::string where;
  std::string polarity;
  std::optional<std::uint64_t> count;
  std::size_t first_event = 0;
  std::size_t events = 0;
};

StoredRelation read_relation(const Value& node, const Place& place,
                             std::vector<extract::Event>& events) {
  StoredRelation stored;
  stored.where = place.path;
  const std::string source = actor_id(required_string(node, "source", place), place.at("source"));
  const std::string target = actor_id(required_string(node, "target", place), place.at("target"));
  const std::string relation = required_string(node, "relationType", place);
  if (!extract::is_relation_type(relation)) {
    place.at("relationType").fail("one of the 20 relation types, got \"" + relation + "\"");
  }
  bool negated = false;
  if (const Value* value = find(node, "negated")) {
    if (!value->IsBool()) place.at("negated").fail("a boolean, got " + std::string(detail::json_type_name(*value)));
    negated = value->GetBool();
  }
  stored.polarity = optional_string(node, "polarity", place);
  if (const Value* value = find(node, "count")) {
    if (!value->IsUint64()) place.at("count").fail("a non-negative integer, got " + std::string(detail::json_type_name(*value)));
    stored.count = value->GetUint64();
  }

  const Value* evidence = find(node, "evidence");
  if (!evidence) place.fail("an \"evidence\" array with at least one evidence node");
  const Place list = place.at("evidence");
  if (!evidence->IsArray()) list.fail("an array, got " + std::string(detail::json_type_name(*evidence)));
  if (evidence->Empty()) list.fail("at least one evidence node");

  stored.first_event = events.size();
  std::size_t index = 0;
  for (const auto& item : evidence->GetArray()) {
    const Place at = list.at(index++);
    if (!item.IsObject()) at.fail("an evidence object, got " + std::string(detail::json_type_name(item)));
    extract::Event event;
    event.source.id = source;
    event.target.id = target;
    event.relation = relation;
    event.negated = negated;
    event.doc = optional_string(item, "document", at);
    event.date = optional_string(item, "date", at);
    event.evidence.sentence = optional_string(item, "sentence", at);
    event.evidence.start = required_offset(item, "start", at);
    event.evidence.end = required_offset(item, "end", at);
    event.evidence.trigger = optional_string(item, "trigger", at);
    const std::string modality = optional_string(item, "modality", at);
    if (!modality.empty() && !is_modality(modality)) {
      at.at("modality").fail("asserted, intended, hypothetical or reported, got \"" + modality + "\"");
    }
    if (!modality.empty()) event.modality = modality;
    if (const Value* confidence = find(item, "confidence")) {
      if (!confidence->IsNumber()) {
        at.at("confidence").fail("a number, got " + std::string(detail::json_type_name(*confidence)));
      }
      event.confidence = confidence->GetDouble();
    } else {
      // The writer leaves out exactly the non-finite confidences.
      event.confidence = std::numeric_limits<double>::quiet_NaN();
    }
    if (const Value* attributed = find(item, "attributedTo")) {
      extract::ActorRef who;
      who.id = actor_id(as_string(*attributed, at.at("attributedTo")), at.at("attributedTo"));
      event.attributed_to = std::move(who);
    }
    event.item = optional_string(item, "item", at);
    events.push_back(std::move(event));
  }
  stored.events = events.size() - stored.first_event;
  return stored;
}

// "line L, column C" of a byte offset, for syntax errors.
std::string line_and_column(const std::string& text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

[[noreturn]] void cannot_open(const std::string& path) {
  const int error = errno;
  throw InputError(path + ": cannot open: " +
                   (error ? std::string(std::strerror(error)) : std::string("unknown error")));
}

std::ifstream open(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) throw InputError(path + ": cannot open: is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) cannot_open(path);
  return in;
}

}  // namespace

void read_jsonld(std::istream& in, const std::string& name, ActorGraph& graph, WarningSink* warnings) {
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(name + ": read error");

  rapidjson::Document document;
  // Full precision so that confidences read back to the very doubles written.
  document.Parse<rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
  if (document.HasParseError()) {
    throw InputError(name + ": " + line_and_column(text, document.GetErrorOffset()) +
                     ": expected a JSON-LD document: " +
                     rapidjson::GetParseError_En(document.GetParseError()));
  }
  const Place root{name, "document"};
  if (!document.IsObject()) root.fail("a JSON object, got " + std::string(detail::json_type_name(document)));
  const Value* nodes = find(document, "@graph");
  if (!nodes || !nodes->IsArray()) {
    root.fail("an \"@graph\" array of actor and relation nodes" +
              (nodes ? ", got " + std::string(detail::json_type_name(*nodes)) : std::string()));
  }

  std::vector<ActorNode> actors;
  std::vector<extract::Event> events;
  std::vector<StoredRelation> relations;
  std::size_t index = 0;
  for (const auto& node : nodes->GetArray()) {
    const Place place{name, "@graph[" + std::to_string(index++) + "]"};
    if (!node.IsObject()) place.fail("a node object, got " + std::string(detail::json_type_name(node)));
    if (has_type(node, "Relation")) {
      relations.push_back(read_relation(node, place, events));
    } else if (has_type(node, "Actor")) {
      actors.push_back(read_actor(node, place));
    } else if (warnings) {
      warnings->warn("jsonld", name + ": " + place.path + ": skipped a node that is neither an Actor nor a Relation");
    }
  }

  // Everything parsed: now change the graph. Actors first, so that curated
  // attributes are in place; add() cannot throw here (ids and types checked).
  for (const auto& actor : actors) graph.add_actor(actor);
  for (const auto& event : events) graph.add(event);
  graph.finalize();

  if (!warnings) return;
  for (const auto& stored : relations) {
    const extract::Event& first = events[stored.first_event];
    const char polarity = extract::relation_polarity(first.relation);
    if (!stored.polarity.empty() && stored.polarity != std::string(1, polarity)) {
      warnings->warn("jsonld", name + ": " + stored.where + ": polarity \"" + stored.polarity +
                                   "\" disagrees with the ontology's \"" + std::string(1, polarity) +
                                   "\" for " + first.relation + "; using the ontology's");
    }
    if (stored.count && *stored.count != stored.events) {
      warnings->warn("jsonld", name + ": " + stored.where + ": count " + std::to_string(*stored.count) +
                                   " but " + std::to_string(stored.events) +
                                   " evidence nodes; the count is recomputed from the evidence");
    }
  }
}

void read_jsonld_file(const std::string& path, ActorGraph& graph, WarningSink* warnings) {
  std::ifstream in = open(path);
  read_jsonld(in, path, graph, warnings);
}

GraphFileFormat detect_graph_file(const std::string& path) {
  std::ifstream in = open(path);
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    std::string_view text(line);
    if (first && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    first = false;
    const auto start = text.find_first_not_of(" \t\r");
    if (start == std::string_view::npos) continue;
    if (text[start] != '{') {
      throw InputError(path + ": expected a JSON-LD graph or events JSON Lines (a '{'), got \"" +
                       std::string(text.substr(start, 40)) + "\"");
    }
    rapidjson::Document object;
    object.Parse(text.data(), text.size());
    if (object.HasParseError() || !object.IsObject()) return GraphFileFormat::jsonld;
    return object.HasMember("@context") || object.HasMember("@graph") ? GraphFileFormat::jsonld
                                                                      : GraphFileFormat::events;
  }
  if (in.bad()) throw InputError(path + ": read error");
  const std::string extension = std::filesystem::path(path).extension().string();
  return extension == ".jsonl" || extension == ".ndjson" ? GraphFileFormat::events
                                                         : GraphFileFormat::jsonld;
}

void load_graph_file(const std::string& path, ActorGraph& graph, WarningSink* warnings) {
  if (detect_graph_file(path) == GraphFileFormat::jsonld) {
    read_jsonld_file(path, graph, warnings);
  } else {
    add_events_file(graph, path, warnings);
    graph.finalize();
  }
}

}  // namespace actorgraph::graph
