// Events JSON Lines: the record of ONTOLOGY.md ("Record formats") and the
// relation type table.

#include "actorgraph/extract/event.h"

#include <array>
#include <cmath>
#include <string>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "actorgraph/extract/error.h"

namespace actorgraph::extract {
namespace {

struct RelationType {
  std::string_view name;
  char polarity;
  bool symmetric;
};

// ONTOLOGY.md, "Relations". The ontology is the contract shared with the
// evaluation, so the table lives with the record format rather than in a
// user-extensible data file.
constexpr std::array<RelationType, 20> kRelationTypes{{
    {"ally_of", '+', true},
    {"supports", '+', false},
    {"supplies", '+', false},
    {"mediates", '0', false},
    {"meets", '0', true},
    {"cooperates_with", '+', true},
    {"agrees", '+', false},
    {"calls_on", '0', false},
    {"proposes", '0', false},
    {"opposes", '-', false},
    {"rejects", '-', false},
    {"criticizes", '-', false},
    {"accuses", '-', false},
    {"vetoes", '-', false},
    {"threatens", '-', false},
    {"sanctions", '-', false},
    {"attacks", '-', false},
    {"protests_against", '-', false},
    {"member_of", '.', false},
    {"leader_of", '.', false},
}};

const RelationType* find_type(std::string_view relation) {
  for (const auto& type : kRelationTypes) {
    if (type.name == relation) return &type;
  }
  return nullptr;
}

constexpr std::array<std::string_view, 4> kModalities{"asserted", "intended", "hypothetical",
                                                      "reported"};

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void write_key(Writer& writer, std::string_view key) {
  writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

void write_actor(Writer& writer, const ActorRef& actor) {
  writer.StartObject();
  write_key(writer, "id");
  write_string(writer, actor.id);
  write_key(writer, "name");
  write_string(writer, actor.name);
  write_key(writer, "kind");
  write_string(writer, actor.kind);
  writer.EndObject();
}

// The offending value as it was written, shortened, for error messages.
std::string excerpt(std::string_view text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return std::string(text);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return std::string(text.substr(0, cut)) + "...";
}

std::string json_text(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return excerpt(std::string_view(buffer.GetString(), buffer.GetSize()));
}

class Reader {
 public:
  explicit Reader(const std::string& where) : where_(where) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(where_ + ": " + what);
  }

  // A required or optional string member; null reads as empty when allowed.
  std::string string(const rapidjson::Value& object, const char* key, bool required,
                     const std::string& context = "") const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || (!required && it->value.IsNull())) {
      if (required) fail("expected " + context + "\"" + key + "\" (a string)");
      return {};
    }
    if (!it->value.IsString()) {
      fail("expected " + context + "\"" + key + "\" to be a string, got " + json_text(it->value));
    }
    return std::string(it->value.GetString(), it->value.GetStringLength());
  }

  ActorRef actor(const rapidjson::Value& object, const char* key, bool required) const {
    auto it = object.FindMember(key);
    const std::string shape = std::string("\"") + key + "\" to be an object with a string \"id\"";
    if (it == object.MemberEnd()) {
      if (required) fail("expected " + shape);
      return {};
    }
    if (!it->value.IsObject()) fail("expected " + shape + ", got " + json_text(it->value));
    ActorRef ref;
    const std::string context = std::string(key) + ".";
    ref.id = string(it->value, "id", true, context);
    if (ref.id.empty()) fail("expected " + shape + ", got an empty id");
    ref.name = string(it->value, "name", false, context);
    ref.kind = string(it->value, "kind", false, context);
    return ref;
  }

  std::size_t offset(const rapidjson::Value& object, const char* key) const {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || it->value.IsNull()) return 0;
    if (!it->value.IsUint64()) {
      fail(std::string("expected \"evidence.") + key + "\" to be a non-negative integer, got " +
           json_text(it->value));
    }
    return static_cast<std::size_t>(it->value.GetUint64());
  }

 private:
  const std::string& where_;
};

}  // namespace

std::string to_json_line(const Event& event) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  write_key(writer, "doc");
  write_string(writer, event.doc);
  write_key(writer, "date");
  write_string(writer, event.date);
  write_key(writer, "source");
  write_actor(writer, event.source);
  write_key(writer, "relation");
  write_string(writer, event.relation);
  write_key(writer, "target");
  write_actor(writer, event.target);
  write_key(writer, "negated");
  writer.Bool(event.negated);
  write_key(writer, "modality");
  write_string(writer, event.modality);
  write_key(writer, "attributed_to");
  if (event.attributed_to) {
    write_actor(writer, *event.attributed_to);
  } else {
    writer.Null();
  }
  write_key(writer, "item");
  if (event.item.empty()) {
    writer.Null();
  } else {
    write_string(writer, event.item);
  }
  // Shortest representation that reads back to the same double.
  write_key(writer, "confidence");
  if (std::isfinite(event.confidence)) {
    writer.Double(event.confidence);
  } else {
    writer.Null();
  }
  write_key(writer, "evidence");
  writer.StartObject();
  write_key(writer, "sentence");
  write_string(writer, event.evidence.sentence);
  write_key(writer, "start");
  writer.Uint64(event.evidence.start);
  write_key(writer, "end");
  writer.Uint64(event.evidence.end);
  write_key(writer, "trigger");
  write_string(writer, event.evidence.trigger);
  writer.EndObject();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

Event event_from_json(std::string_view line, const std::string& where) {
  const Reader read(where);
  rapidjson::Document json;
  // Full precision so that confidence reads back bit for bit.
  constexpr unsigned kFlags = rapidjson::kParseFullPrecisionFlag |
                              rapidjson::kParseValidateEncodingFlag;
  json.Parse<kFlags>(line.data(), line.size());
  if (json.HasParseError()) {
    read.fail("expected a JSON object, got invalid JSON (" +
              std::string(rapidjson::GetParseError_En(json.GetParseError())) + " at offset " +
              std::to_string(json.GetErrorOffset()) + "): " + excerpt(line));
  }
  if (!json.IsObject()) read.fail("expected a JSON object, got " + json_text(json));

  Event event;
  event.doc = read.string(json, "doc", false);
  event.date = read.string(json, "date", false);
  event.source = read.actor(json, "source", true);
  event.relation = read.string(json, "relation", true);
  if (!is_relation_type(event.relation)) {
    read.fail("expected \"relation\" to be one of the 20 relation types, got \"" +
              excerpt(event.relation) + "\"");
  }
  event.target = read.actor(json, "target", true);

  if (auto it = json.FindMember("negated"); it != json.MemberEnd() && !it->value.IsNull()) {
    if (!it->value.IsBool()) {
      read.fail("expected \"negated\" to be true or false, got " + json_text(it->value));
    }
    event.negated = it->value.GetBool();
  }
  if (auto it = json.FindMember("modality"); it != json.MemberEnd() && !it->value.IsNull()) {
    event.modality = read.string(json, "modality", true);
    bool known = false;
    for (auto modality : kModalities) known = known || modality == event.modality;
    if (!known) {
      read.fail("expected \"modality\" to be asserted, intended, hypothetical or reported, got \"" +
                excerpt(event.modality) + "\"");
    }
  }
  if (auto it = json.FindMember("attributed_to");
      it != json.MemberEnd() && !it->value.IsNull()) {
    event.attributed_to = read.actor(json, "attributed_to", true);
  }
  event.item = read.string(json, "item", false);
  if (auto it = json.FindMember("confidence"); it != json.MemberEnd() && !it->value.IsNull()) {
    if (!it->value.IsNumber()) {
      read.fail("expected \"confidence\" to be a number, got " + json_text(it->value));
    }
    event.confidence = it->value.GetDouble();
  }
  if (auto it = json.FindMember("evidence"); it != json.MemberEnd() && !it->value.IsNull()) {
    if (!it->value.IsObject()) {
      read.fail("expected \"evidence\" to be an object, got " + json_text(it->value));
    }
    const auto& evidence = it->value;
    event.evidence.sentence = read.string(evidence, "sentence", false, "evidence.");
    event.evidence.start = read.offset(evidence, "start");
    event.evidence.end = read.offset(evidence, "end");
    event.evidence.trigger = read.string(evidence, "trigger", false, "evidence.");
  }
  return event;
}

char relation_polarity(std::string_view relation) {
  const RelationType* type = find_type(relation);
  return type ? type->polarity : '?';
}

bool relation_symmetric(std::string_view relation) {
  const RelationType* type = find_type(relation);
  return type && type->symmetric;
}

bool is_relation_type(std::string_view relation) { return find_type(relation) != nullptr; }

std::vector<std::string_view> relation_types() {
  std::vector<std::string_view> names;
  names.reserve(kRelationTypes.size());
  for (const auto& type : kRelationTypes) names.push_back(type.name);
  return names;
}

}  // namespace actorgraph::extract
