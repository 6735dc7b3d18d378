// query: "who supports whom" and other questions over a built graph
// (graph/query.h). Parses options, loads the graph, resolves actor names,
// runs one library query and prints its result as an aligned table or JSON.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "actorgraph/graph/jsonld_reader.h"
#include "actorgraph/graph/query.h"
#include "actorgraph/graph/enrich.h"
#include "cli.h"

namespace actorgraph::cli {
namespace {

struct QueryOptions {
  std::string graph_file;
  std::string since, until;
  std::size_t min_count = 1;
  std::vector<std::string> relations;
  std::string level = "entity";
  double half_life = 0;
  bool json = false;
  // Per subcommand.
  std::string actor, other;
  std::size_t depth = 1;
  std::string by = "degree";
  std::size_t limit = 0;
  std::size_t paths = 3;
  std::size_t pivots = graph::kAutoPivots;  ///< central --by betweenness
};

// --- loading and resolving -----------------------------------------------

graph::ActorGraph load(const QueryOptions& q, Common& common) {
  graph::ActorGraph g;
  graph::load_graph_file(q.graph_file, g, &common.warnings);
  if (graph::detect_graph_file(q.graph_file) == graph::GraphFileFormat::events) {
    // Events carry ids, names and kinds only; countries (for --level state)
    // and aliases (for name lookup) come from the dictionary, as in merge.
    extract::Pipeline p(common.data, false);
    graph::enrich_from_dictionary(g, p.actors);
    g.finalize();
  }
  return g;
}

std::string describe(const graph::ActorLabel& a) { return a.id + " (" + a.name + ")"; }

// As `resolve` does: an exact id, then the dictionary, then the graph's own
// names and aliases. Several graph actors answering to the name is an error
// listing them.
std::string resolve_actor(const graph::ActorGraph& g, const std::string& name, Common& common) {
  if (g.find(name)) return name;
  std::optional<extract::ActorRef> known;
  {
    extract::Pipeline p(common.data, false);
    known = p.actors.resolve(name);
  }
  if (known && g.find(known->id)) return known->id;
  const auto found = graph::find_actors_by_name(g, name);
  if (found.size() == 1) return found.front().id;
  if (found.size() > 1) {
    std::string message = "\"" + name + "\" is ambiguous in the graph; candidates:";
    for (const auto& a : found) message += "\n  " + describe(a);
    throw InputError(message);
  }
  if (known) throw InputError("\"" + name + "\" is " + known->id + " (" + known->name + "), which is not in the graph");
  throw InputError("\"" + name + "\": no such actor in the graph or the dictionary");
}

graph::QueryFilter make_filter(const QueryOptions& q) {
  graph::QueryFilter f;
  f.since = q.since;
  f.until = q.until;
  f.min_count = q.min_count;
  for (const auto& list : q.relations) {  // "--relation a,b" and repeated --relation
    std::stringstream items(list);
    std::string item;
    while (std::getline(items, item, ','))
      if (!item.empty()) f.relations.push_back(item);
  }
  f.level = q.level == "state" ? graph::Level::state : graph::Level::entity;
  f.half_life_days = q.half_life;
  graph::validate(f);
  return f;
}

// --- text output -----------------------------------------------------------

// Display width of UTF-8 text: one column per code point (good enough for
// names and dates; the evidence column is last and never padded).
std::size_t width(const std::string& s) {
  std::size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& os) const {
    std::vector<std::size_t> widths(header_.size(), 0);
    for (std::size_t i = 0; i < header_.size(); ++i) widths[i] = width(header_[i]);
    for (const auto& row : rows_)
      for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
    auto line = [&](const std::vector<std::string>& cells) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        os << cells[i];
        if (i + 1 < cells.size()) os << std::string(widths[i] - width(cells[i]) + 2, ' ');
      }
      os << "\n";
    };
    line(header_);
    if (rows_.empty()) os << "(none)\n";
    for (const auto& row : rows_) line(row);
  }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

std::string number(double value, int digits = 2) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

std::string cited(const graph::Citation& c) {
  return "[" + c.doc + (c.date.empty() ? "" : " " + c.date) + "] " + c.sentence;
}

std::string relation_name(const std::string& relation, bool negated) {
  return negated ? "not " + relation : relation;
}

std::string sign_name(char sign) { return sign == ' ' ? "none" : std::string(1, sign); }

void print_stance_rows(const graph::StanceList& list, const std::string& what, std::ostream& os) {
  os << what << " of " << describe(list.actor) << "\n";
  Table t({"#", "ACTOR", "ID", "SCORE", "COUNT", "DOCS", "FIRST", "LAST", "RELATIONS", "EVIDENCE"});
  std::size_t rank = 0;
  for (const auto& r : list.rows) {
    std::string types;
    for (const auto& [type, n] : r.relations) types += (types.empty() ? "" : ",") + type + ":" + std::to_string(n);
    t.add({std::to_string(++rank), r.actor.name, r.actor.id, number(r.score), std::to_string(r.count),
           std::to_string(r.documents), or_dash(r.first_date), or_dash(r.last_date), types, cited(r.evidence)});
  }
  t.print(os);
}

void add_relation_rows(Table& t, const std::vector<graph::RelationSummary>& relations) {
  for (const auto& r : relations) {
    t.add({r.source.name, relation_name(r.relation, r.negated), r.target.name, std::string(1, r.polarity),
           std::to_string(r.count), r.modality, or_dash(r.first_date), or_dash(r.last_date), cited(r.evidence)});
  }
}

const std::vector<std::string> kRelationHeader = {"SOURCE", "RELATION", "TARGET", "SIGN", "COUNT",
                                                  "MODALITY", "FIRST", "LAST", "EVIDENCE"};

// --- JSON output -----------------------------------------------------------

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void member(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}
void member(Writer& w, const char* key, char value) { member(w, key, std::string(1, value)); }
void member(Writer& w, const char* key, double value) {
  w.Key(key);
  w.Double(value);
}
void member(Writer& w, const char* key, std::size_t value) {
  w.Key(key);
  w.Uint64(value);
}
void member(Writer& w, const char* key, bool value) {
  w.Key(key);
  w.Bool(value);
}
void date_member(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  if (value.empty()) w.Null();
  else w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void write(Writer& w, const char* key, const graph::ActorLabel& a) {
  w.Key(key);
  w.StartObject();
  member(w, "id", a.id);
  member(w, "name", a.name);
  member(w, "kind", a.kind);
  w.EndObject();
}

void write(Writer& w, const char* key, const graph::Citation& c) {
  w.Key(key);
  w.StartObject();
  member(w, "source", c.source);
  member(w, "relation", c.relation);
  member(w, "target", c.target);
  member(w, "negated", c.negated);
  member(w, "polarity", c.polarity);
  member(w, "modality", c.modality);
  member(w, "doc", c.doc);
  date_member(w, "date", c.date);
  member(w, "sentence", c.sentence);
  w.EndObject();
}

void write(Writer& w, const graph::RelationSummary& r) {
  w.StartObject();
  write(w, "source", r.source);
  member(w, "relation", r.relation);
  write(w, "target", r.target);
  member(w, "negated", r.negated);
  member(w, "polarity", r.polarity);
  member(w, "modality", r.modality);
  member(w, "count", r.count);
  member(w, "weight", r.weight);
  date_member(w, "first_date", r.first_date);
  date_member(w, "last_date", r.last_date);
  write(w, "evidence", r.evidence);
  w.EndObject();
}

void write(Writer& w, const char* key, const std::vector<graph::RelationSummary>& list) {
  w.Key(key);
  w.StartArray();
  for (const auto& r : list) write(w, r);
  w.EndArray();
}

void write(Writer& w, const char* key, const graph::SignedTie& t) {
  w.Key(key);
  w.StartObject();
  write(w, "a", t.a);
  write(w, "b", t.b);
  member(w, "weight", t.weight);
  write(w, "evidence", t.evidence);
  w.EndObject();
}

void write_stance_rows(Writer& w, const graph::StanceList& list) {
  write(w, "actor", list.actor);
  w.Key("rows");
  w.StartArray();
  for (const auto& r : list.rows) {
    w.StartObject();
    write(w, "actor", r.actor);
    member(w, "score", r.score);
    member(w, "count", r.count);
    w.Key("relations");
    w.StartObject();
    for (const auto& [type, n] : r.relations) member(w, type.c_str(), n);
    w.EndObject();
    date_member(w, "first_date", r.first_date);
    date_member(w, "last_date", r.last_date);
    member(w, "documents", r.documents);
    write(w, "evidence", r.evidence);
    w.EndObject();
  }
  w.EndArray();
}

void write_direction(Writer& w, const char* key, const graph::StanceDirection& d) {
  w.Key(key);
  w.StartObject();
  write(w, "from", d.from);
  write(w, "to", d.to);
  member(w, "positive", d.positive);
  member(w, "negative", d.negative);
  member(w, "sign", sign_name(d.sign));
  write(w, "relations", d.relations);
  w.EndObject();
}

// Runs `fill` between the query's envelope {"query": name, ...} and prints it.
template <typename Fill>
void print_json(const std::string& name, const graph::QueryFilter& f, Fill&& fill) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  member(w, "query", name);
  w.Key("filter");
  w.StartObject();
  date_member(w, "since", f.since);
  date_member(w, "until", f.until);
  member(w, "min_count", f.min_count);
  w.Key("relations");
  w.StartArray();
  for (const auto& r : f.relations) w.String(r.c_str(), static_cast<rapidjson::SizeType>(r.size()));
  w.EndArray();
  member(w, "level", std::string(f.level == graph::Level::state ? "state" : "entity"));
  member(w, "half_life_days", f.half_life_days);
  w.EndObject();
  fill(w);
  w.EndObject();
  std::cout << buffer.GetString() << "\n";
}

// --- the subcommands -------------------------------------------------------

int run_supporters(const QueryOptions& q, Common& common, bool support) {
  const auto g = load(q, common);
  const auto f = make_filter(q);
  const std::string id = resolve_actor(g, q.actor, common);
  const auto list = support ? graph::supporters(g, id, f) : graph::opponents(g, id, f);
  const std::string name = support ? "supporters" : "opponents";
  if (q.json) print_json(name, f, [&](Writer& w) { write_stance_rows(w, list); });
  else print_stance_rows(list, support ? "Supporters" : "Opponents", std::cout);
  return kExitOk;
}

int run_stance(const QueryOptions& q, Common& common) {
  const auto g = load(q, common);
  const auto f = make_filter(q);
  const auto s = graph::stance(g, resolve_actor(g, q.actor, common), resolve_actor(g, q.other, common), f);
  if (q.json) {
    print_json("stance", f, [&](Writer& w) {
      write_direction(w, "forward", s.forward);
      write_direction(w, "backward", s.backward);
    });
    return kExitOk;
  }
  for (const auto* d : {&s.forward, &s.backward}) {
    std::cout << describe(d->from) << " toward " << describe(d->to) << ": " << sign_name(d->sign) << " (for "
              << number(d->positive) << ", against " << number(d->negative) << ")\n";
    Table t(kRelationHeader);
    add_relation_rows(t, d->relations);
    t.print(std::cout);
    if (d == &s.forward) std::cout << "\n";
  }
  return kExitOk;
}

int run_relations(const QueryOptions& q, Common& common) {
  const auto g = load(q, common);
  const auto f = make_filter(q);
  const auto list = graph::relations(g, resolve_actor(g, q.actor, common), f);
  if (q.json) {
    print_json("relations", f, [&](Writer& w) {
      write(w, "actor", list.actor);
      write(w, "relations", list.relations);
    });
    return kExitOk;
  }
  std::cout << "Relations of " << describe(list.actor) << "\n";
  Table t(kRelationHeader);
  add_relation_rows(t, list.relations);
  t.print(std::cout);
  return kExitOk;
}

int run_neighbours(const QueryOptions& q, Common& common) {
  const auto g = load(q, common);
  const auto f = make_filter(q);
  const auto list = graph::neighbours(g, resolve_actor(g, q.actor, common), q.depth, f);
  if (q.json) {
    print_json("neighbours", f, [&](Writer& w) {
      write(w, "actor", list.actor);
      member(w, "depth", q.depth);
      w.Key("neighbours");
      w.StartArray();
      for (const auto& n : list.neighbours) {
        w.StartObject();
        write(w, "actor", n.actor);
        member(w, "distance", n.distance);
        write(w, "via", n.via);
        w.Key("link");
        write(w, n.link);
        w.EndObject();
      }
      w.EndArray();
    });
    return kExitOk;
  }
  std::cout << "Neighbours of " << describe(list.actor) << " within " << q.depth << "\n";
  Table t({"DIST", "ACTOR", "ID", "VIA", "LINK", "EVIDENCE"});
  for (const auto& n : list.neighbours) {
    t.add({std::to_string(n.distance), n.actor.name, n.actor.id, n.via.name,
           n.link.source.name + " " + relation_name(n.link.relation, n.link.negated) + " " + n.link.target.name,
           cited(n.link.evidence)});
  }
  t.print(std::cout);
  return kExitOk;
}

int run_path(const QueryOptions& q, Common& common) {
  const auto g = load(q, common);
  const auto f = make_filter(q);
  const auto p = graph::path(g, resolve_actor(g, q.actor, common), resolve_actor(g, q.other, common), f, q.paths);
  if (q.json) {
    print_json("path", f, [&](Writer& w) {
      write(w, "from", p.from);
      write(w, "to", p.to);
      w.Key("chains");
      w.StartArray();
      for (const auto& c : p.chains) {
        w.StartObject();
        member(w, "sign", c.sign);
        member(w, "length", c.steps.size());
        w.Key("steps");
        w.StartArray();
        for (const auto& s : c.steps) {
          w.StartObject();
          write(w, "from", s.from);
          write(w, "to", s.to);
          member(w, "sign", s.sign);
          w.Key("relation_types");
          w.StartArray();
          for (const auto& r : s.relation_types) w.String(r.c_str(), static_cast<rapidjson::SizeType>(r.size()));
          w.EndArray();
          w.Key("relation");
          write(w, s.relation);
          w.EndObject();
        }
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
    });
    return kExitOk;
  }
  std::cout << "Chains from " << describe(p.from) << " to " << describe(p.to) << "\n";
  if (p.chains.empty()) std::cout << "(none: not connected)\n";
  std::size_t k = 0;
  for (const auto& c : p.chains) {
    std::cout << "\nChain " << ++k << ": " << c.steps.size() << " steps, overall sign " << c.sign << "\n";
    Table t({"FROM", "SIGN", "TO", "RELATION", "TYPES", "EVIDENCE"});
    for (const auto& s : c.steps) {
      std::string types;
      for (const auto& r : s.relation_types) types += (types.empty() ? "" : ",") + r;
      t.add({s.from.name, std::string(1, s.sign), s.to.name,
             s.relation.source.name + " " + relation_name(s.relation.relation, s.relation.negated) + " " +
                 s.relation.target.name,
             types, cited(s.relation.evidence)});
    }
    t.print(std::cout);
  }
  return kExitOk;
}

int run_blocs(const QueryOptions& q, Common& common) {
  const auto g = load(q, common);
  const auto f = make_filter(q);
  const auto b = graph::blocs(g, f);
  if (q.json) {
    print_json("blocs", f, [&](Writer& w) {
      w.Key("camps");
      w.StartArray();
      for (const auto& c : b.camps) {
        w.StartArray();
        for (const auto& m : c.members) {
          w.StartObject();
          write(w, "actor", m.actor);
          member(w, "signed_degree", m.signed_degree);
          write(w, "anchor", m.anchor);
          w.EndObject();
        }
        w.EndArray();
      }
      w.EndArray();
      member(w, "signed_ties", b.signed_ties);
      member(w, "frustrated_ties", b.frustrated_ties);
      member(w, "frustrated_share", b.frustrated_share);
      w.Key("frustrated");
      w.StartArray();
      for (const auto& t : b.frustrated) {
        w.StartObject();
        write(w, "a", t.a);
        write(w, "b", t.b);
        member(w, "weight", t.weight);
        write(w, "evidence", t.evidence);
        w.EndObject();
      }
      w.EndArray();
    });
    return kExitOk;
  }
  std::size_t k = 0;
  for (const auto& c : b.camps) {
    if (k++) std::cout << "\n";
    std::cout << "Camp " << k << " (" << c.members.size() << " actors)\n";
    Table t({"ACTOR", "ID", "DEGREE", "ANCHOR", "EVIDENCE"});
    for (const auto& m : c.members) {
      t.add({m.actor.name, m.actor.id, number(m.signed_degree),
             m.anchor.a.name + (m.anchor.weight > 0 ? " + " : " - ") + m.anchor.b.name, cited(m.anchor.evidence)});
    }
    t.print(std::cout);
  }
  if (b.camps.empty()) std::cout << "(no signed ties)\n";
  std::cout << "\nFrustrated: " << b.frustrated_ties << " of " << b.signed_ties << " signed ties ("
            << number(100 * b.frustrated_share, 1) << "%)\n";
  if (!b.frustrated.empty()) {
    Table t({"A", "SIGN", "B", "WEIGHT", "EVIDENCE"});
    for (const auto& tie : b.frustrated) {
      t.add({tie.a.name, tie.weight > 0 ? "+" : "-", tie.b.name, number(tie.weight), cited(tie.evidence)});
    }
    t.print(std::cout);
  }
  return kExitOk;
}

int run_central(const QueryOptions& q, Common& common) {
  const auto g = load(q, common);
  const auto f = make_filter(q);
  const auto c = graph::central(g, graph::parse_centrality(q.by), f, q.limit, q.pivots);
  if (q.json) {
    print_json("central", f, [&](Writer& w) {
      member(w, "by", std::string(graph::to_string(c.by)));
      w.Key("rows");
      w.StartArray();
      for (const auto& r : c.rows) {
        w.StartObject();
        write(w, "actor", r.actor);
        member(w, "score", r.score);
        member(w, "degree", r.degree);
        member(w, "count", r.count);
        write(w, "evidence", r.evidence);
        w.EndObject();
      }
      w.EndArray();
    });
    return kExitOk;
  }
  std::cout << "Central actors by " << graph::to_string(c.by) << "\n";
  Table t({"#", "ACTOR", "ID", "SCORE", "DEGREE", "COUNT", "EVIDENCE"});
  std::size_t rank = 0;
  for (const auto& r : c.rows) {
    t.add({std::to_string(++rank), r.actor.name, r.actor.id, number(r.score, c.by == graph::CentralityMeasure::pagerank ? 4 : 2),
           std::to_string(r.degree), std::to_string(r.count), cited(r.evidence)});
  }
  t.print(std::cout);
  return kExitOk;
}

int run_timeline(const QueryOptions& q, Common& common) {
  const auto g = load(q, common);
  const auto f = make_filter(q);
  const auto tl = graph::timeline(g, resolve_actor(g, q.actor, common), resolve_actor(g, q.other, common), f);
  if (q.json) {
    print_json("timeline", f, [&](Writer& w) {
      write(w, "a", tl.a);
      write(w, "b", tl.b);
      w.Key("entries");
      w.StartArray();
      for (const auto& e : tl.entries) {
        w.StartObject();
        date_member(w, "date", e.date);
        member(w, "doc", e.doc);
        member(w, "source", e.source);
        member(w, "relation", e.relation);
        member(w, "target", e.target);
        member(w, "negated", e.negated);
        member(w, "polarity", e.polarity);
        member(w, "modality", e.modality);
        member(w, "sentence", e.sentence);
        w.EndObject();
      }
      w.EndArray();
    });
    return kExitOk;
  }
  std::cout << "Timeline of " << describe(tl.a) << " and " << describe(tl.b) << "\n";
  Table t({"DATE", "DOC", "SOURCE", "RELATION", "TARGET", "SIGN", "MODALITY", "SENTENCE"});
  for (const auto& e : tl.entries) {
    t.add({or_dash(e.date), e.doc, e.source, relation_name(e.relation, e.negated), e.target,
           std::string(1, e.polarity), e.modality, e.sentence});
  }
  t.print(std::cout);
  return kExitOk;
}

}  // namespace

void add_query_commands(CLI::App& app, Common& common, std::vector<Command>& out) {
  auto q = std::make_shared<QueryOptions>();
  auto* query = app.add_subcommand(
      "query", "Ask a graph who supports whom: supporters, opponents, stance, relations, neighbours, path, "
               "blocs, central, timeline");
  // Subcommands created below inherit fallthrough, so the shared options
  // may follow them: `query g.jsonld supporters Assad --json`.
  query->fallthrough();
  query->require_subcommand(1);
  query->add_option("graph", q->graph_file, "JSON-LD graph (from build/merge) or events JSON Lines (from extract)")
      ->required();
  query->add_option("--since", q->since, "Only evidence dated on or after this day (YYYY-MM-DD)");
  query->add_option("--until", q->until, "Only evidence dated on or before this day (YYYY-MM-DD)");
  query->add_option("--min-count", q->min_count, "Ignore relations with fewer instances than this")
      ->capture_default_str();
  query->add_option("--relation", q->relations, "Only these relation types (comma-separated, repeatable)");
  query->add_option("--level", q->level, "entity, or state: roll forces and leaders up to their state")
      ->check(CLI::IsMember({"entity", "state"}))
      ->capture_default_str();
  query->add_option("--half-life", q->half_life, "Weight evidence by recency, halving every N days (0: off)")
      ->check(CLI::NonNegativeNumber);
  query->add_flag("--json", q->json, "Print JSON instead of a table");
  add_common(query, common, false);

  auto sub = [&](const char* name, const char* help) {
    auto* cmd = query->add_subcommand(name, help);
    cmd->footer(kExitCodes);
    return cmd;
  };
  auto actor = [&](CLI::App* cmd) { cmd->add_option("actor", q->actor, "Actor id or name")->required(); };
  auto pair = [&](CLI::App* cmd) {
    cmd->add_option("a", q->actor, "First actor (id or name)")->required();
    cmd->add_option("b", q->other, "Second actor (id or name)")->required();
  };

  auto* supporters = sub("supporters", "Actors with positive relations toward ACTOR, strongest first");
  actor(supporters);
  out.push_back({supporters, [q, &common] { return run_supporters(*q, common, true); }});

  auto* opponents = sub("opponents", "Actors with negative relations toward ACTOR, strongest first");
  actor(opponents);
  out.push_back({opponents, [q, &common] { return run_supporters(*q, common, false); }});

  auto* stance = sub("stance", "How A stands toward B and B toward A, with the relations behind each");
  pair(stance);
  out.push_back({stance, [q, &common] { return run_stance(*q, common); }});

  auto* relations = sub("relations", "Every relation of ACTOR, in either direction");
  actor(relations);
  out.push_back({relations, [q, &common] { return run_relations(*q, common); }});

  auto* neighbours = sub("neighbours", "Actors within --depth links of ACTOR (breadth-first)");
  actor(neighbours);
  neighbours->add_option("--depth", q->depth, "How many links away")->capture_default_str()->check(CLI::PositiveNumber);
  out.push_back({neighbours, [q, &common] { return run_neighbours(*q, common); }});

  auto* path = sub("path", "The shortest chains of relations between A and B, with their signs");
  pair(path);
  path->add_option("--paths", q->paths, "How many chains to list")->capture_default_str()->check(CLI::PositiveNumber);
  out.push_back({path, [q, &common] { return run_path(*q, common); }});

  auto* blocs = sub("blocs", "Camps of the signed graph (structural balance) and the ties left frustrated");
  out.push_back({blocs, [q, &common] { return run_blocs(*q, common); }});

  auto* central = sub("central", "The most central actors");
  central->add_option("--by", q->by, "degree, pagerank or betweenness")
      ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}))
      ->capture_default_str();
  central->add_option("--limit", q->limit, "Show only the first N actors (0: all)")->capture_default_str();
  central->add_option("--pivots", q->pivots,
                      "Betweenness: estimate it from N pivot actors (0: exact; default: exact up to 2000 "
                      "linked actors, else 256 pivots)");
  out.push_back({central, [q, &common] { return run_central(*q, common); }});

  auto* timeline = sub("timeline", "Every relation instance between A and B, by date");
  pair(timeline);
  out.push_back({timeline, [q, &common] { return run_timeline(*q, common); }});
}

}  // namespace actorgraph::cli
