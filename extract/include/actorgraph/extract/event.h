/// @file
/// A relation instance: the record the extract stage emits and the graph
/// stage merges (ONTOLOGY.md, "Record formats"), and its JSON Lines form.
///
/// Thread safety: plain values; the free functions are reentrant.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::extract {

/// The actor an event names, as resolved.
struct ActorRef {
  std::string id;    ///< "state/RUS", "person/bashar-al-assad", "group/SYR-opposition"
  std::string name;  ///< preferred English name
  std::string kind;  ///< state, force, person, igo, group, bloc, unknown
  std::string country;  ///< ISO 3166-1 alpha-3 or empty; not in the JSON record
};

/// Where the relation is stated. Offsets are Unicode code point offsets into
/// the document text (what Python's str indexing uses).
struct Evidence {
  std::string sentence;
  std::size_t start = 0;  ///< first code point of the span covering trigger and arguments
  std::size_t end = 0;    ///< one past the last code point of that span
  std::string trigger;    ///< the trigger word(s) as written
};

/// One relation instance.
struct Event {
  std::string doc;   ///< document id
  std::string date;  ///< document date, may be empty
  ActorRef source;
  std::string relation;  ///< one of the 20 types of ONTOLOGY.md
  ActorRef target;
  bool negated = false;
  std::string modality = "asserted";  ///< asserted, intended, hypothetical, reported
  std::optional<ActorRef> attributed_to;
  std::string item;       ///< what is supplied, proposed ... may be empty
  double confidence = 1.0;  ///< 0..1; shallow fallback matches are lower
  Evidence evidence;
};

/// One JSON object on one line, no trailing newline, with the field names
/// of ONTOLOGY.md plus "confidence", in this order: doc, date,
/// source{id,name,kind}, relation, target{id,name,kind}, negated, modality,
/// attributed_to (null or {id,name,kind}), item (null when empty),
/// confidence, evidence{sentence,start,end,trigger}. `country` is not
/// written. Confidence is written in the shortest form that reads back to the
/// same double (null if it is not finite), so that
/// `event_from_json(to_json_line(e))` equals `e` except for `country`.
std::string to_json_line(const Event& event);

/// Parses one events JSON Lines record. Throws actorgraph::InputError
/// "<where>: expected ..." naming `where` (e.g. "events.jsonl:12"), what was
/// expected and the offending text, when the line is not a JSON object, when
/// "source" or "target" is missing or has no non-empty string "id", when
/// "relation" is missing or not one of the 20 types, when "modality" is not
/// one of the four, or when a field has the wrong JSON type. Missing optional
/// fields (doc, date, negated, modality, attributed_to, item, confidence,
/// evidence) keep the defaults of Event; null reads as absent.
Event event_from_json(std::string_view line, const std::string& where);

/// Polarity of a relation type: '+', '-', '0' (context) or '.' (structural);
/// '?' for an unknown type.
char relation_polarity(std::string_view relation);

/// Whether the type is symmetric (ally_of, meets, cooperates_with).
bool relation_symmetric(std::string_view relation);

/// True for the 20 relation types of the ontology.
bool is_relation_type(std::string_view relation);

/// The 20 relation types in the order of the ontology's table.
std::vector<std::string_view> relation_types();

}  // namespace actorgraph::extract
