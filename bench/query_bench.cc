// query_bench: times every graph query (graph/query.h) and the JSON-LD
// read-back on a synthetic graph of 100,000 relation edges.
//
// Not part of the CMake build (the shared CMake files are not ours to
// edit); bench/query-bench.sh builds it against the libraries of a build
// tree and runs it. By hand, from the repository root, after building the
// `actorgraph` target in build-query/:
//
//   g++ -std=c++20 -O2 -DNDEBUG -Igraph/include -Iextract/include -Iexport/include
//       bench/query_bench.cc build-query/export/libactorgraph_export.a
//       build-query/graph/libactorgraph_graph.a build-query/extract/libactorgraph_extract.a
//       $(pkg-config --libs icu-uc icu-i18n link-grammar libcgraph libgvc) -o build-query/query_bench
//   build-query/query_bench [--edges N] [--actors N] [--seed S] [--runs R] [--only TEXT]
//
// --only TEXT runs just the queries whose name contains TEXT (e.g.
// "betweenness").
//
// The graph is generated deterministically (splitmix64, no <random>
// distributions, so every standard library draws the same graph): states,
// forces, groups, igos, blocs and persons, some persons with dated
// leader_of edges to a state; edges drawn with a skew toward low actor
// numbers, so that a few hubs carry many relations as in news; dates over
// 2010-2014; relation types uniform over the 19 non-leader types. Each
// query runs `runs` times (default 3) and the fastest time is reported;
// exact betweenness runs once. Betweenness is timed both ways: exact
// (--pivots 0) and sampled from 256 pivots (the default above 2,000 actors);
// the overlap of their top 10 is printed.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <utility>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/export/writers.h"
#include "actorgraph/extract/event.h"
#include "actorgraph/graph/actor_graph.h"
#include "actorgraph/graph/jsonld_reader.h"
#include "actorgraph/graph/query.h"

namespace {

namespace graph = actorgraph::graph;
namespace extract = actorgraph::extract;

struct SplitMix {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(unit() * static_cast<double>(n)); }
};

std::string pad(std::size_t value, int width) {
  std::string text = std::to_string(value);
  return std::string(width > static_cast<int>(text.size()) ? width - text.size() : 0, '0') + text;
}

std::string date(SplitMix& rng) {
  return std::to_string(2010 + rng.below(5)) + "-" + pad(1 + rng.below(12), 2) + "-" + pad(1 + rng.below(28), 2);
}

std::vector<extract::ActorRef> make_actors(std::size_t n) {
  std::vector<extract::ActorRef> actors;
  const std::size_t states = std::max<std::size_t>(n / 50, 2);
  for (std::size_t i = 0; i < n; ++i) {
    extract::ActorRef a;
    const std::string code = "S" + pad(i % states, 3);
    if (i < states) {
      a = {"state/" + code, "State " + code, "state", code};
    } else {
      switch (i % 6) {
        case 0: a = {"force/" + code + "-military-" + pad(i, 6), "Military " + pad(i, 6), "force", code}; break;
        case 1: a = {"group/g" + pad(i, 6), "Group " + pad(i, 6), "group", code}; break;
        case 2: a = {"igo/o" + pad(i, 6), "Organisation " + pad(i, 6), "igo", ""}; break;
        case 3: a = {"bloc/b" + pad(i, 6), "Bloc " + pad(i, 6), "bloc", ""}; break;
        default: a = {"person/p" + pad(i, 6), "Person " + pad(i, 6), "person", code}; break;
      }
    }
    actors.push_back(std::move(a));
  }
  return actors;
}

graph::ActorGraph make_graph(std::size_t target_edges, std::size_t n, std::uint64_t seed) {
  SplitMix rng{seed};
  const auto actors = make_actors(n);
  const std::size_t states = std::max<std::size_t>(n / 50, 2);
  std::vector<std::string_view> types;
  for (auto t : extract::relation_types())
    if (t != "leader_of") types.push_back(t);

  graph::ActorGraph g;
  std::size_t offset = 0;
  auto add = [&](const extract::ActorRef& s, std::string_view relation, const extract::ActorRef& t,
                 const std::string& day, bool negated, const char* modality) {
    extract::Event e;
    e.doc = "doc-" + pad(rng.below(20000), 5);
    e.date = day;
    e.source = s;
    e.relation = std::string(relation);
    e.target = t;
    e.negated = negated;
    e.modality = modality;
    e.confidence = 0.5 + 0.5 * rng.unit();
    e.evidence.sentence = s.name + " " + e.relation + " " + t.name + " on " + day + ".";
    e.evidence.start = offset;
    e.evidence.end = offset + 40;
    e.evidence.trigger = e.relation;
    offset += 50;
    g.add(e);
  };
  // Every third person leads a state for a few years.
  for (std::size_t i = states; i < n; ++i) {
    if (actors[i].kind != "person" || i % 3 != 0) continue;
    const std::string code = actors[i].country;
    const auto& state = actors[std::stoul(code.substr(1))];
    add(actors[i], "leader_of", state, date(rng), false, "asserted");
    add(actors[i], "leader_of", state, date(rng), false, "asserted");
  }
  // Skewed endpoints: u^2 puts about 30% of the draws on the first 10% of actors.
  auto pick = [&] {
    const double u = rng.unit();
    return std::min(n - 1, static_cast<std::size_t>(u * u * static_cast<double>(n)));
  };
  while (g.num_relations() < target_edges) {
    const std::size_t s = pick(), t = pick();
    if (s == t) continue;
    const double roll = rng.unit();
    const char* modality = roll < 0.8 ? "asserted" : roll < 0.9 ? "reported" : roll < 0.95 ? "intended" : "hypothetical";
    add(actors[s], types[rng.below(types.size())], actors[t], date(rng), rng.unit() < 0.03, modality);
  }
  g.finalize();
  return g;
}

// Fastest of `runs`: (wall ms, CPU ms of this process). CPU time is the
// steadier figure on a shared machine.
std::pair<double, double> best_ms(int runs, const std::function<std::size_t()>& run, std::size_t& rows) {
  double wall = 1e300, cpu = 1e300;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    rows = run();
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    wall = std::min(wall, took.count());
    cpu = std::min(cpu, 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
  }
  return {wall, cpu};
}

std::string hub(const graph::ActorGraph& g, std::size_t rank) {
  auto c = graph::central(g, graph::CentralityMeasure::degree, {}, rank + 1);
  return c.rows.at(rank).actor.id;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t edges = 100000, actors = 10000;
  std::uint64_t seed = 20120116;
  int runs = 3;
  std::string only;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    const unsigned long long value = std::strtoull(argv[i + 1], nullptr, 10);
    if (option == "--only") only = argv[i + 1];
    else if (option == "--edges") edges = value;
    else if (option == "--actors") actors = value;
    else if (option == "--seed") seed = value;
    else if (option == "--runs") runs = static_cast<int>(value);
    else {
      std::cerr << "usage: query_bench [--edges N] [--actors N] [--seed S] [--runs R] [--only TEXT]\n";
      return 2;
    }
  }

  const auto build_start = std::chrono::steady_clock::now();
  const graph::ActorGraph g = make_graph(edges, actors, seed);
  const std::chrono::duration<double, std::milli> build = std::chrono::steady_clock::now() - build_start;
  std::size_t instances = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) instances += g.graph()[e].count;
  std::cout << "graph: " << g.num_actors() << " actors, " << g.num_relations() << " relation edges, " << instances
            << " instances (seed " << seed << "); generated and merged in " << static_cast<long>(build.count())
            << " ms\n";

  const std::string a = hub(g, 0), b = hub(g, 1);
  std::size_t last_person = actors - 1;  // persons are the actors numbered 4 and 5 mod 6
  while (last_person % 6 < 4) --last_person;
  const std::string far = "person/p" + pad(last_person, 6);
  graph::QueryFilter state;
  state.level = graph::Level::state;
  graph::QueryFilter dated;
  dated.since = "2012-01-01";
  dated.until = "2012-12-31";
  dated.relations = {"supports", "supplies", "opposes", "attacks"};

  struct Case {
    std::string name;
    std::function<std::size_t()> run;
    int runs;
  };
  graph::Centrality exact_top, sampled_top;
  std::vector<Case> cases = {
      {"supporters(hub)", [&] { return graph::supporters(g, a).rows.size(); }, runs},
      {"opponents(hub)", [&] { return graph::opponents(g, a).rows.size(); }, runs},
      {"supporters(hub) --level state", [&] { return graph::supporters(g, a, state).rows.size(); }, runs},
      {"supporters(hub) --since/--until/--relation", [&] { return graph::supporters(g, a, dated).rows.size(); }, runs},
      {"stance(hub1, hub2)", [&] { auto s = graph::stance(g, a, b); return s.forward.relations.size() + s.backward.relations.size(); }, runs},
      {"relations(hub)", [&] { return graph::relations(g, a).relations.size(); }, runs},
      {"neighbours(hub, depth 2)", [&] { return graph::neighbours(g, a, 2).neighbours.size(); }, runs},
      {"path(hub, peripheral actor), 3 chains", [&] { return graph::path(g, a, far).chains.size(); }, runs},
      {"timeline(hub1, hub2)", [&] { return graph::timeline(g, a, b).entries.size(); }, runs},
      {"blocs()", [&] { return graph::blocs(g).camps.size(); }, runs},
      {"central(degree)", [&] { return graph::central(g, graph::CentralityMeasure::degree).rows.size(); }, runs},
      {"central(pagerank)", [&] { return graph::central(g, graph::CentralityMeasure::pagerank).rows.size(); }, runs},
      {"central(betweenness) exact, --pivots 0", [&] {
         exact_top = graph::central(g, graph::CentralityMeasure::betweenness, {}, 0, 0);
         return exact_top.rows.size();
       }, 1},
      {"central(betweenness) sampled, 256 pivots (default)", [&] {
         sampled_top = graph::central(g, graph::CentralityMeasure::betweenness);
         return sampled_top.rows.size();
       }, runs},
  };

  std::ostringstream jsonld;
  if (only.empty() || std::string("read_jsonld").find(only) != std::string::npos)
    actorgraph::exporter::write_jsonld(g, jsonld);
  const std::string text = jsonld.str();
  cases.push_back({"read_jsonld (" + std::to_string(text.size() / 1000000) + " MB)", [&] {
                     std::istringstream in(text);
                     graph::ActorGraph back;
                     graph::read_jsonld(in, "bench.jsonld", back);
                     return back.num_relations();
                   },
                   runs});

  std::cout << "hub1 " << a << ", hub2 " << b << ", peripheral " << far << "\n\n";
  std::cout << "| query | rows | runs | CPU ms (best) | wall ms (best) |\n|---|---:|---:|---:|---:|\n";
  for (const auto& c : cases) {
    if (!only.empty() && c.name.find(only) == std::string::npos) continue;
    std::size_t rows = 0;
    const auto [wall, cpu] = best_ms(c.runs, c.run, rows);
    char line[256];
    std::snprintf(line, sizeof line, "| %s | %zu | %d | %.1f | %.1f |\n", c.name.c_str(), rows, c.runs, cpu, wall);
    std::cout << line << std::flush;
  }
  if (!exact_top.rows.empty() && !sampled_top.rows.empty()) {
    for (std::size_t top : {5, 10, 20}) {
      std::size_t overlap = 0;
      for (std::size_t i = 0; i < top && i < sampled_top.rows.size(); ++i)
        for (std::size_t j = 0; j < top && j < exact_top.rows.size(); ++j)
          overlap += sampled_top.rows[i].actor.id == exact_top.rows[j].actor.id;
      std::printf("\nbetweenness: sampled (%zu pivots) top %zu has %zu of the exact top %zu", sampled_top.pivots,
                  top, overlap, top);
    }
    std::printf("\n");
  }
  if (!only.empty() && std::string("blocs()").find(only) == std::string::npos) return 0;
  const auto blocs = graph::blocs(g);
  std::printf("\nblocs: %zu camps, %zu of %zu signed ties frustrated (%.1f%%)\n", blocs.camps.size(),
              blocs.frustrated_ties, blocs.signed_ties, 100 * blocs.frustrated_share);
  return 0;
}
