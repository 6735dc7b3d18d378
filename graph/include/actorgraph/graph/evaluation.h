/// @file
/// Scoring extracted relations against gold annotations, exactly as
/// ../shared/eval/score.py does: per document, sets of (source, relation,
/// target, negated) triples (symmetric types in a canonical order), micro
/// averaged; plus the polarity view (source, polarity, target, negated) and
/// the unlabeled view (unordered non-negated pairs).
///
/// Threads: plain functions over values.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "actorgraph/extract/event.h"

namespace actorgraph::graph {

struct GoldRelation {
  std::string source;  ///< canonical name
  std::string relation;
  std::string target;
  bool negated = false;
  std::string modality = "asserted";
};

struct GoldDocument {
  std::string id;
  std::vector<GoldRelation> relations;
};

/// Reads gold JSON Lines (FORMAT.md). Throws InputError "name:line: ...".
std::vector<GoldDocument> read_gold(std::istream& in, const std::string& name);
std::vector<GoldDocument> read_gold_file(const std::string& path);

struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

/// A scored triple: document, source id, relation, target id, negated.
using Triple = std::tuple<std::string, std::string, std::string, std::string, bool>;

struct Evaluation {
  Counts strict, polarity, unlabeled;
  std::vector<std::string> unresolved;  ///< gold names the resolver does not know
  std::vector<Triple> missed;           ///< in gold, not extracted
  std::vector<Triple> spurious;         ///< extracted, not in gold
};

/// Scores `system` (events keyed by document id; documents absent from the
/// gold are ignored) against `gold`. `resolve` maps a gold name to an actor
/// id, or nullopt (the name then stays unmatched, as in score.py).
Evaluation evaluate(const std::vector<GoldDocument>& gold,
                    const std::map<std::string, std::vector<extract::Event>>& system,
                    const std::function<std::optional<std::string>(const std::string&)>& resolve);

/// Actor recall: the (document, gold actor) pairs of the gold's relations
/// whose actor the system recognised in that document (`actorgraph mentions`),
/// an upper bound of relation recall; as score.py computes it.
struct ActorRecall {
  std::size_t found = 0, gold = 0;
  std::vector<std::string> missed;  ///< "doc actor-id", sorted
  double recall() const { return gold ? double(found) / double(gold) : 0.0; }
};

/// `recognised` maps a document id to the actor ids found in it; `resolve`
/// as for evaluate().
ActorRecall actor_recall(const std::vector<GoldDocument>& gold,
                         const std::map<std::string, std::set<std::string>>& recognised,
                         const std::function<std::optional<std::string>(const std::string&)>& resolve);

}  // namespace actorgraph::graph
