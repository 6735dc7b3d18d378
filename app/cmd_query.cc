// query: "who supports whom" and other questions over a built graph
// (graph/query.h). Parses options, loads the graph, resolves actor names,
// runs one library query and prints its result as an aligned table or JSON.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "actorgraph/graph/query.h"
#include "actorgraph/graph/query_json.h"
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

graph::ActorGraph load(const QueryOptions& q, Common& common) { return load_graph(q.graph_file, common); }

std::string describe(const graph::ActorLabel& a) { return a.id + " (" + a.name + ")"; }

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

// --- the subcommands -------------------------------------------------------

void print(std::ostream& os, const graph::Stance& s) {
  for (const auto* d : {&s.forward, &s.backward}) {
    os << describe(d->from) << " toward " << describe(d->to) << ": " << sign_name(d->sign) << " (for "
       << number(d->positive) << ", against " << number(d->negative) << ")\n";
    Table t(kRelationHeader);
    add_relation_rows(t, d->relations);
    t.print(os);
    if (d == &s.forward) os << "\n";
  }
}

void print(std::ostream& os, const graph::RelationList& list) {
  os << "Relations of " << describe(list.actor) << "\n";
  Table t(kRelationHeader);
  add_relation_rows(t, list.relations);
  t.print(os);
}

std::string link_text(const graph::RelationSummary& r) {
  return r.source.name + " " + relation_name(r.relation, r.negated) + " " + r.target.name;
}

void print(std::ostream& os, const graph::NeighbourList& list) {
  os << "Neighbours of " << describe(list.actor) << " within " << list.depth << "\n";
  Table t({"DIST", "ACTOR", "ID", "VIA", "LINK", "EVIDENCE"});
  for (const auto& n : list.neighbours) {
    t.add({std::to_string(n.distance), n.actor.name, n.actor.id, n.via.name, link_text(n.link),
           cited(n.link.evidence)});
  }
  t.print(os);
}

void print(std::ostream& os, const graph::PathResult& p) {
  os << "Chains from " << describe(p.from) << " to " << describe(p.to) << "\n";
  if (p.chains.empty()) os << "(none: not connected)\n";
  std::size_t k = 0;
  for (const auto& c : p.chains) {
    os << "\nChain " << ++k << ": " << c.steps.size() << " steps, overall sign " << c.sign << "\n";
    Table t({"FROM", "SIGN", "TO", "RELATION", "TYPES", "EVIDENCE"});
    for (const auto& s : c.steps) {
      std::string types;
      for (const auto& r : s.relation_types) types += (types.empty() ? "" : ",") + r;
      t.add({s.from.name, std::string(1, s.sign), s.to.name, link_text(s.relation), types,
             cited(s.relation.evidence)});
    }
    t.print(os);
  }
}

void print(std::ostream& os, const graph::Blocs& b) {
  std::size_t k = 0;
  for (const auto& c : b.camps) {
    if (k++) os << "\n";
    os << "Camp " << k << " (" << c.members.size() << " actors)\n";
    Table t({"ACTOR", "ID", "DEGREE", "ANCHOR", "EVIDENCE"});
    for (const auto& m : c.members) {
      t.add({m.actor.name, m.actor.id, number(m.signed_degree),
             m.anchor.a.name + (m.anchor.weight > 0 ? " + " : " - ") + m.anchor.b.name, cited(m.anchor.evidence)});
    }
    t.print(os);
  }
  if (b.camps.empty()) os << "(no signed ties)\n";
  os << "\nFrustrated: " << b.frustrated_ties << " of " << b.signed_ties << " signed ties ("
     << number(100 * b.frustrated_share, 1) << "%)\n";
  if (!b.frustrated.empty()) {
    Table t({"A", "SIGN", "B", "WEIGHT", "EVIDENCE"});
    for (const auto& tie : b.frustrated) {
      t.add({tie.a.name, tie.weight > 0 ? "+" : "-", tie.b.name, number(tie.weight), cited(tie.evidence)});
    }
    t.print(os);
  }
}

void print(std::ostream& os, const graph::Centrality& c) {
  os << "Central actors by " << graph::to_string(c.by) << "\n";
  Table t({"#", "ACTOR", "ID", "SCORE", "DEGREE", "COUNT", "EVIDENCE"});
  const int digits = c.by == graph::CentralityMeasure::pagerank ? 4 : 2;
  std::size_t rank = 0;
  for (const auto& r : c.rows) {
    t.add({std::to_string(++rank), r.actor.name, r.actor.id, number(r.score, digits), std::to_string(r.degree),
           std::to_string(r.count), cited(r.evidence)});
  }
  t.print(os);
}

void print(std::ostream& os, const graph::Timeline& tl) {
  os << "Timeline of " << describe(tl.a) << " and " << describe(tl.b) << "\n";
  Table t({"DATE", "DOC", "SOURCE", "RELATION", "TARGET", "SIGN", "MODALITY", "SENTENCE"});
  for (const auto& e : tl.entries) {
    t.add({or_dash(e.date), e.doc, e.source, relation_name(e.relation, e.negated), e.target,
           std::string(1, e.polarity), e.modality, e.sentence});
  }
  t.print(os);
}

// Every subcommand: load the graph, build the filter, ask one question
// (`ask(graph, filter)`), print the answer as JSON or as tables.
template <typename Ask>
int answer(const QueryOptions& q, Common& common, Ask&& ask) {
  const auto g = load(q, common);
  const auto f = make_filter(q);
  const auto result = ask(g, f);
  if (q.json) std::cout << graph::to_json(f, result) << "\n";
  else print(std::cout, result);
  return kExitOk;
}

int run_supporters(const QueryOptions& q, Common& common, bool support) {
  const auto g = load(q, common);
  const auto f = make_filter(q);
  const std::string id = resolve_actor(g, q.actor, common);
  const auto list = support ? graph::supporters(g, id, f) : graph::opponents(g, id, f);
  const std::string name = support ? "supporters" : "opponents";
  if (q.json) std::cout << graph::to_json(name, f, list) << "\n";
  else print_stance_rows(list, support ? "Supporters" : "Opponents", std::cout);
  return kExitOk;
}

using Graph = graph::ActorGraph;
using Filter = graph::QueryFilter;

int run_stance(const QueryOptions& q, Common& common) {
  return answer(q, common, [&](const Graph& g, const Filter& f) {
    return graph::stance(g, resolve_actor(g, q.actor, common), resolve_actor(g, q.other, common), f);
  });
}

int run_relations(const QueryOptions& q, Common& common) {
  return answer(q, common, [&](const Graph& g, const Filter& f) {
    return graph::relations(g, resolve_actor(g, q.actor, common), f);
  });
}

int run_neighbours(const QueryOptions& q, Common& common) {
  return answer(q, common, [&](const Graph& g, const Filter& f) {
    return graph::neighbours(g, resolve_actor(g, q.actor, common), q.depth, f);
  });
}

int run_path(const QueryOptions& q, Common& common) {
  return answer(q, common, [&](const Graph& g, const Filter& f) {
    return graph::path(g, resolve_actor(g, q.actor, common), resolve_actor(g, q.other, common), f, q.paths);
  });
}

int run_blocs(const QueryOptions& q, Common& common) {
  return answer(q, common, [&](const Graph& g, const Filter& f) { return graph::blocs(g, f); });
}

int run_central(const QueryOptions& q, Common& common) {
  return answer(q, common, [&](const Graph& g, const Filter& f) {
    return graph::central(g, graph::parse_centrality(q.by), f, q.limit, q.pivots);
  });
}

int run_timeline(const QueryOptions& q, Common& common) {
  return answer(q, common, [&](const Graph& g, const Filter& f) {
    return graph::timeline(g, resolve_actor(g, q.actor, common), resolve_actor(g, q.other, common), f);
  });
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
