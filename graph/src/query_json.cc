// JSON writers of the query results (query_json.h). Every result is a tree
// of a few shared pieces (actor labels, citations, relation summaries, signed
// ties), so each piece has one `value` overload and an object is one call listing
// its keys and values; the member order is the output format and must not
// change.
#include "actorgraph/graph/query_json.h"

#include <map>
#include <vector>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace actorgraph::graph {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// A date: null when unknown or open, not "".
struct Date {
  const std::string& text;
};

// A timeline's entries: citations with the date and document first.
struct TimelineEntries {
  const std::vector<Citation>& entries;
};

// Writes one JSON text. The member functions of a class see each other
// whatever their order, so each piece can write the pieces it holds.
class JsonText {
 public:
  JsonText() : w_(buffer_) { w_.SetIndent(' ', 2); }

  // {"query": name, "filter": {...}, then the result's own members}.
  template <typename... KeyValues>
  std::string envelope(std::string_view query, const QueryFilter& filter, const KeyValues&... key_values) {
    object("query", std::string(query), "filter", filter, key_values...);
    return buffer_.GetString();
  }

 private:
  void value(const std::string& text) {
    w_.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
  }
  void value(char c) { value(std::string(1, c)); }
  void value(double number) { w_.Double(number); }
  void value(std::size_t number) { w_.Uint64(number); }
  void value(bool flag) { w_.Bool(flag); }
  void value(Date date) {
    if (date.text.empty()) w_.Null();
    else value(date.text);
  }

  template <typename T>
  void value(const std::vector<T>& list) {
    w_.StartArray();
    for (const auto& item : list) value(item);
    w_.EndArray();
  }

  void members() {}

  // members(key1, value1, key2, value2, ...), in that order.
  template <typename T, typename... Rest>
  void members(const char* key, const T& v, const Rest&... rest) {
    w_.Key(key);
    value(v);
    members(rest...);
  }

  template <typename... KeyValues>
  void object(const KeyValues&... key_values) {
    w_.StartObject();
    members(key_values...);
    w_.EndObject();
  }

  void value(const std::map<std::string, std::size_t>& counts) {
    w_.StartObject();
    for (const auto& [name, n] : counts) members(name.c_str(), n);
    w_.EndObject();
  }

  void value(const QueryFilter& f) {
    const std::string level = f.level == Level::state ? "state" : "entity";
    object("since", Date{f.since}, "until", Date{f.until}, "min_count", f.min_count, "relations", f.relations,
           "level", level, "half_life_days", f.half_life_days);
  }

  void value(const ActorLabel& a) { object("id", a.id, "name", a.name, "kind", a.kind); }

  void value(const Citation& c) {
    object("source", c.source, "relation", c.relation, "target", c.target, "negated", c.negated, "polarity",
           c.polarity, "modality", c.modality, "doc", c.doc, "date", Date{c.date}, "sentence", c.sentence);
  }

  void value(TimelineEntries t) {
    w_.StartArray();
    for (const auto& e : t.entries) {
      object("date", Date{e.date}, "doc", e.doc, "source", e.source, "relation", e.relation, "target", e.target,
             "negated", e.negated, "polarity", e.polarity, "modality", e.modality, "sentence", e.sentence);
    }
    w_.EndArray();
  }

  void value(const RelationSummary& r) {
    object("source", r.source, "relation", r.relation, "target", r.target, "negated", r.negated, "polarity",
           r.polarity, "modality", r.modality, "count", r.count, "weight", r.weight, "first_date",
           Date{r.first_date}, "last_date", Date{r.last_date}, "evidence", r.evidence);
  }

  void value(const SignedTie& t) {
    object("a", t.a, "b", t.b, "weight", t.weight, "evidence", t.evidence);
  }

  void value(const StanceRow& r) {
    object("actor", r.actor, "score", r.score, "count", r.count, "relations", r.relations, "first_date",
           Date{r.first_date}, "last_date", Date{r.last_date}, "documents", r.documents, "evidence", r.evidence);
  }

  void value(const StanceDirection& d) {
    const std::string sign = d.sign == ' ' ? "none" : std::string(1, d.sign);
    object("from", d.from, "to", d.to, "positive", d.positive, "negative", d.negative, "sign", sign,
           "relations", d.relations);
  }

  void value(const Neighbour& n) {
    object("actor", n.actor, "distance", n.distance, "via", n.via, "link", n.link);
  }

  void value(const PathStep& s) {
    object("from", s.from, "to", s.to, "sign", s.sign, "relation_types", s.relation_types, "relation",
           s.relation);
  }

  void value(const Chain& c) { object("sign", c.sign, "length", c.steps.size(), "steps", c.steps); }

  void value(const CampMember& m) {
    object("actor", m.actor, "signed_degree", m.signed_degree, "anchor", m.anchor);
  }

  void value(const Camp& c) { value(c.members); }

  void value(const CentralityRow& r) {
    object("actor", r.actor, "score", r.score, "degree", r.degree, "count", r.count, "evidence", r.evidence);
  }

  rapidjson::StringBuffer buffer_;
  Writer w_;
};

template <typename... KeyValues>
std::string envelope(std::string_view query, const QueryFilter& filter, const KeyValues&... key_values) {
  return JsonText().envelope(query, filter, key_values...);
}

}  // namespace

std::string to_json(std::string_view query, const QueryFilter& filter, const StanceList& list) {
  return envelope(query, filter, "actor", list.actor, "rows", list.rows);
}

std::string to_json(const QueryFilter& filter, const Stance& stance) {
  return envelope("stance", filter, "forward", stance.forward, "backward", stance.backward);
}

std::string to_json(const QueryFilter& filter, const RelationList& list) {
  return envelope("relations", filter, "actor", list.actor, "relations", list.relations);
}

std::string to_json(const QueryFilter& filter, const NeighbourList& list) {
  return envelope("neighbours", filter, "actor", list.actor, "depth", list.depth, "neighbours", list.neighbours);
}

std::string to_json(const QueryFilter& filter, const PathResult& path) {
  return envelope("path", filter, "from", path.from, "to", path.to, "chains", path.chains);
}

std::string to_json(const QueryFilter& filter, const Blocs& blocs) {
  return envelope("blocs", filter, "camps", blocs.camps, "signed_ties", blocs.signed_ties, "frustrated_ties",
                  blocs.frustrated_ties, "frustrated_share", blocs.frustrated_share, "frustrated",
                  blocs.frustrated);
}

std::string to_json(const QueryFilter& filter, const Centrality& centrality) {
  const std::string by(to_string(centrality.by));
  return envelope("central", filter, "by", by, "rows", centrality.rows);
}

std::string to_json(const QueryFilter& filter, const Timeline& timeline) {
  return envelope("timeline", filter, "a", timeline.a, "b", timeline.b, "entries",
                  TimelineEntries{timeline.entries});
}

}  // namespace actorgraph::graph
