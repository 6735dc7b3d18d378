// eval: scores extraction on a corpus against gold, as ../shared/eval/score.py.
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <set>

#include "actorgraph/graph/evaluation.h"
#include "cli.h"

namespace actorgraph::cli {

void add_eval_commands(CLI::App& app, Common& common, std::vector<Command>& out) {
  struct Eval {
    std::string corpus, gold;
    bool errors = false;
  };
  auto v = std::make_shared<Eval>();
  auto* eval = app.add_subcommand("eval", "Score extraction on a corpus against gold relations (as ../shared/eval/score.py does)");
  eval->add_option("corpus", v->corpus, "Corpus: JSON Lines, a text file or a directory")->required();
  eval->add_option("gold", v->gold, "Gold JSON Lines (eval/FORMAT.md)")->required();
  eval->add_flag("--errors", v->errors, "List missed and spurious triples, the spurious with their sentences");
  add_common(eval, common, true);
  out.push_back({eval, [v, &common] {
    extract::Pipeline p(common.data);
    const auto gold = graph::read_gold_file(v->gold);
    std::map<std::string, std::vector<extract::Event>> by_doc;
    run_extraction({v->corpus}, common, p, [&](const extract::Event& e) { by_doc[e.doc].push_back(e); });
    const std::function<std::optional<std::string>(const std::string&)> resolve =
        [&](const std::string& name) -> std::optional<std::string> {
      if (auto r = p.actors.resolve(name)) return r->id;
      // As `resolve` answers: a person-like unknown name is its unknown actor.
      if (common.data.unknown_actors)
        if (auto u = p.actors.unknown_actor(name)) return u->id;
      return std::nullopt;
    };
    const auto ev = graph::evaluate(gold, by_doc, resolve);
    // The actors recognised per document, as `actorgraph mentions` prints them.
    std::map<std::string, std::set<std::string>> recognised;
    extract::DocumentReader reader({v->corpus}, {}, nullptr);
    for (extract::Document doc; reader.next(doc);)
      for (const auto& c : p.extractor->actors_in(doc)) recognised[doc.id].insert(c.actor.id);
    const auto actors = graph::actor_recall(gold, recognised, resolve);
    auto triple = [](const graph::Triple& t) {
      return std::get<0>(t) + " " + std::get<1>(t) + " " + std::get<2>(t) + " " + std::get<3>(t) +
             (std::get<4>(t) ? " True" : " False");
    };
    if (v->errors) {
      for (const auto& t : ev.missed) std::cout << "MISS " << triple(t) << "\n";
      for (const auto& t : ev.spurious) {
        std::cout << "SPURIOUS " << triple(t);
        for (const auto& e : by_doc[std::get<0>(t)])
          if (e.source.id == std::get<1>(t) && e.relation == std::get<2>(t) && e.target.id == std::get<3>(t)) {
            std::cout << "\t" << e.evidence.sentence;
            break;
          }
        std::cout << "\n";
      }
      for (const auto& m : actors.missed) std::cout << "ACTOR-MISSED " << m << "\n";
    }
    auto line = [](const char* name, const graph::Counts& c) {
      char buf[200];
      std::snprintf(buf, sizeof buf, "%s P %.3f R %.3f F1 %.3f (tp %zu fp %zu fn %zu)\n", name, c.precision(),
                    c.recall(), c.f1(), c.tp, c.fp, c.fn);
      return std::string(buf);
    };
    std::set<std::string> names;
    for (const auto& g : gold)
      for (const auto& r : g.relations) names.insert(r.source), names.insert(r.target);
    char f1[32], recall[200];
    std::snprintf(f1, sizeof f1, "%.3f", ev.strict.f1());
    std::snprintf(recall, sizeof recall, "actor recall %.3f (%zu of %zu gold actors found in their documents)",
                  actors.recall(), actors.found, actors.gold);
    std::cout << line("unlabeled", ev.unlabeled) << line("polarity", ev.polarity) << line("strict", ev.strict)
              << "unresolved gold names: " << ev.unresolved.size() << " of " << names.size() << "\n"
              << recall << "\n"
              << "strict F1 " << f1 << "\n";
    return kExitOk;
  }});
}

}  // namespace actorgraph::cli
