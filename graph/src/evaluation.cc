// The evaluation: the arithmetic of ../shared/eval/score.py, in C++.
#include "actorgraph/graph/evaluation.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>

#include "actorgraph/extract/error.h"

namespace actorgraph::graph {
namespace {

// score.py's norm(): lower case, curly apostrophe made straight, spaces collapsed.
std::string norm(const std::string& s) {
  std::string r;
  std::string_view v(s);
  std::string tmp;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v.compare(i, 3, "\xe2\x80\x99") == 0) {
      tmp += '\'';
      i += 2;
    } else {
      tmp += v[i];
    }
  }
  // Python's str.lower() on ASCII; non-ASCII letters in gold names are
  // already lower case or match the resolver's own answer verbatim.
  bool space = true;
  for (char c : tmp) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!space) r += ' ';
      space = true;
    } else {
      r += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      space = false;
    }
  }
  if (!r.empty() && r.back() == ' ') r.pop_back();
  return r;
}

using Key = std::tuple<std::string, std::string, std::string, bool>;

Key key(std::string s, const std::string& r, std::string t, bool negated) {
  if (extract::relation_symmetric(r) && t < s) std::swap(s, t);
  return {s, r, t, negated};
}

void count(const std::set<Key>& g, const std::set<Key>& s, Counts& c) {
  for (const auto& k : s) (g.count(k) ? c.tp : c.fp)++;
  for (const auto& k : g) c.fn += s.count(k) ? 0 : 1;
}

}  // namespace

std::vector<GoldDocument> read_gold(std::istream& in, const std::string& name) {
  std::vector<GoldDocument> out;
  std::string line;
  std::size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = name + ":" + std::to_string(lineno);
    rapidjson::Document d;
    d.Parse(line.c_str(), line.size());
    if (d.HasParseError() || !d.IsObject()) throw InputError(where + ": expected a JSON object");
    if (!d.HasMember("id") || !d["id"].IsString()) throw InputError(where + ": expected a string \"id\"");
    if (!d.HasMember("relations") || !d["relations"].IsArray())
      throw InputError(where + ": expected an array \"relations\"");
    GoldDocument g;
    g.id = d["id"].GetString();
    for (const auto& r : d["relations"].GetArray()) {
      if (!r.IsObject() || !r.HasMember("source") || !r["source"].IsString() || !r.HasMember("relation") ||
          !r["relation"].IsString() || !r.HasMember("target") || !r["target"].IsString())
        throw InputError(where + ": expected relations with string source, relation and target");
      GoldRelation gr{r["source"].GetString(), r["relation"].GetString(), r["target"].GetString()};
      if (r.HasMember("negated") && r["negated"].IsBool()) gr.negated = r["negated"].GetBool();
      if (r.HasMember("modality") && r["modality"].IsString()) gr.modality = r["modality"].GetString();
      g.relations.push_back(std::move(gr));
    }
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<GoldDocument> read_gold_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read");
  return read_gold(in, path);
}

namespace {

/// Gold names to actor ids, "?gold:<normalised name>" for names the resolver
/// does not know (as score.py's gid), each name resolved once.
class GoldIds {
 public:
  explicit GoldIds(const std::function<std::optional<std::string>(const std::string&)>& resolve)
      : resolve_(resolve) {}
  std::string operator()(const std::string& name) {
    const std::string n = norm(name);
    auto it = ids_.find(n);
    if (it == ids_.end()) it = ids_.emplace(n, resolve_(name)).first;
    return it->second ? *it->second : "?gold:" + n;
  }

 private:
  const std::function<std::optional<std::string>(const std::string&)>& resolve_;
  std::map<std::string, std::optional<std::string>> ids_;
};

}  // namespace

ActorRecall actor_recall(const std::vector<GoldDocument>& gold,
                         const std::map<std::string, std::set<std::string>>& recognised,
                         const std::function<std::optional<std::string>(const std::string&)>& resolve) {
  GoldIds gid(resolve);
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& g : gold)
    for (const auto& r : g.relations) pairs.insert({g.id, gid(r.source)}), pairs.insert({g.id, gid(r.target)});
  ActorRecall out;
  out.gold = pairs.size();
  for (const auto& [doc, id] : pairs) {
    auto it = recognised.find(doc);
    if (it != recognised.end() && it->second.count(id)) ++out.found;
    else out.missed.push_back(doc + " " + id);
  }
  return out;
}

Evaluation evaluate(const std::vector<GoldDocument>& gold,
                    const std::map<std::string, std::vector<extract::Event>>& system,
                    const std::function<std::optional<std::string>(const std::string&)>& resolve) {
  Evaluation ev;
  GoldIds gid(resolve);
  std::set<std::string> names;
  for (const auto& g : gold)
    for (const auto& r : g.relations) names.insert(r.source), names.insert(r.target);
  for (const auto& n : names)
    if (!resolve(n)) ev.unresolved.push_back(n);

  static const std::vector<extract::Event> kNone;
  for (const auto& g : gold) {
    std::set<Key> gs, ss;
    for (const auto& r : g.relations) gs.insert(key(gid(r.source), r.relation, gid(r.target), r.negated));
    auto it = system.find(g.id);
    for (const auto& e : it == system.end() ? kNone : it->second)
      ss.insert(key(e.source.id, e.relation, e.target.id, e.negated));
    count(gs, ss, ev.strict);
    auto pol = [](const std::set<Key>& in) {
      std::set<Key> out;
      for (const auto& [s, r, t, n] : in) out.insert({s, std::string(1, extract::relation_polarity(r)), t, n});
      return out;
    };
    count(pol(gs), pol(ss), ev.polarity);
    auto pairs = [](const std::set<Key>& in) {
      std::set<Key> out;
      for (const auto& [s, r, t, n] : in)
        if (!n) out.insert({std::min(s, t), "", std::max(s, t), false});
      return out;
    };
    count(pairs(gs), pairs(ss), ev.unlabeled);
    for (const auto& [s, r, t, n] : gs)
      if (!ss.count({s, r, t, n})) ev.missed.emplace_back(g.id, s, r, t, n);
    for (const auto& [s, r, t, n] : ss)
      if (!gs.count({s, r, t, n})) ev.spurious.emplace_back(g.id, s, r, t, n);
  }
  return ev;
}

}  // namespace actorgraph::graph
