// The actor knowledge base: loading, indexing and name resolution.
#include "actorgraph/extract/actors.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <unordered_set>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/text.h"

namespace actorgraph::extract {
namespace {

const std::unordered_set<std::string> kKinds = {"state", "force", "person", "igo",
                                                "group", "bloc", "unknown"};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Names are compared folded, and a leading article never matters:
// "the Kremlin" and "Kremlin" are one key.
std::string key_of(std::string_view name) {
  std::string k = fold(name);
  if (k.rfind("the ", 0) == 0) k.erase(0, 4);
  return k;
}

bool valid_date(const std::string& d) {
  static const std::regex re(R"(^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$)");
  return d.empty() || std::regex_match(d, re);
}

// Kind order used to break ties between actors that share an alias: the
// more specific reading of a bare name in news first.
int kind_rank(const std::string& kind) {
  static const char* const kOrder[] = {"person", "state", "igo", "group", "bloc", "force"};
  for (int i = 0; i < 6; ++i)
    if (kind == kOrder[i]) return i;
  return 6;
}

}  // namespace

struct ActorDictionary::Impl {
  std::vector<Actor> actors;
  std::unordered_map<std::string, std::size_t> by_id;
  std::unordered_map<std::string, std::vector<std::size_t>> by_alias;
  std::unordered_map<std::string, std::size_t> by_adjective;
  std::unordered_map<std::string, Agent> agents;
  std::size_t max_tokens = 1;

  void index_alias(const std::string& name, std::size_t idx) {
    const std::string k = key_of(name);
    if (k.empty()) return;
    auto& v = by_alias[k];
    if (std::find(v.begin(), v.end(), idx) == v.end()) v.push_back(idx);
    max_tokens = std::max<std::size_t>(max_tokens, std::count(k.begin(), k.end(), ' ') + 4);
  }
};

ActorDictionary::ActorDictionary() : impl_(std::make_unique<Impl>()) {}
ActorDictionary::~ActorDictionary() = default;
ActorDictionary::ActorDictionary(ActorDictionary&&) noexcept = default;
ActorDictionary& ActorDictionary::operator=(ActorDictionary&&) noexcept = default;

void ActorDictionary::load(std::istream& in, const std::string& name) {
  std::string line;
  std::size_t lineno = 0;
  auto fail = [&](const std::string& what) {
    throw DictionaryError(name + ":" + std::to_string(lineno) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto fields = split(line, '\t');
    if (fields[0] == "@agent") {
      if (fields.size() < 3)
        fail("expected '@agent<TAB>nouns<TAB>class[<TAB>suffix]', got " +
             std::to_string(fields.size()) + " fields");
      const std::string cls = trim(fields[2]);
      if (cls != "state" && cls != "force" && cls != "group")
        fail("agent class must be state, force or group, got '" + cls + "'");
      const std::string suffix = fields.size() > 3 ? trim(fields[3]) : "";
      if (cls != "state" && suffix.empty()) fail("a " + cls + " agent needs a name suffix");
      for (const auto& noun : split(fields[1], '|')) {
        const std::string k = key_of(trim(noun));
        if (k.empty()) continue;
        impl_->agents[k] = Agent{k, cls, suffix};
      }
      continue;
    }
    if (fields.size() < 3)
      fail("expected at least 3 tab-separated fields (id, kind, name), got " +
           std::to_string(fields.size()));
    Actor a;
    a.id = trim(fields[0]);
    a.kind = trim(fields[1]);
    a.name = trim(fields[2]);
    a.origin = name + ":" + std::to_string(lineno);
    if (a.id.empty() || a.id.find('/') == std::string::npos)
      fail("expected an id of the form kind/name, got '" + a.id + "'");
    if (!kKinds.count(a.kind)) fail("unknown kind '" + a.kind + "'");
    if (a.name.empty()) fail("empty preferred name");
    for (std::size_t i = 3; i < fields.size(); ++i) {
      const std::string f = trim(fields[i]);
      if (f.empty()) continue;
      const auto eq = f.find('=');
      if (eq == std::string::npos) fail("expected key=value, got '" + f + "'");
      const std::string key = f.substr(0, eq), value = f.substr(eq + 1);
      if (key == "country") {
        a.country = value;
      } else if (key == "wikidata") {
        if (value.size() < 2 || value[0] != 'Q') fail("expected a Wikidata id Q..., got '" + value + "'");
        a.wikidata = value;
      } else if (key == "alias") {
        for (auto& s : split(value, '|'))
          if (!trim(s).empty()) a.aliases.push_back(trim(s));
      } else if (key == "adj") {
        for (auto& s : split(value, '|'))
          if (!trim(s).empty()) a.adjectives.push_back(trim(s));
      } else if (key == "role") {
        auto p = split(value, ':');
        if (p.size() != 4) fail("expected role=relation:target:start:end, got '" + value + "'");
        if (p[0] != "leader_of" && p[0] != "member_of")
          fail("role relation must be leader_of or member_of, got '" + p[0] + "'");
        if (!valid_date(p[2]) || !valid_date(p[3])) fail("expected dates YYYY[-MM[-DD]] in '" + value + "'");
        a.roles.push_back(Role{p[0], p[1], p[2], p[3]});
      } else {
        fail("unknown key '" + key + "' (expected country, wikidata, alias, adj or role)");
      }
    }
    if (auto it = impl_->by_id.find(a.id); it != impl_->by_id.end()) {
      // A later file may extend an actor it does not own: aliases and roles add up.
      Actor& old = impl_->actors[it->second];
      for (auto& s : a.aliases) old.aliases.push_back(s);
      for (auto& s : a.adjectives) old.adjectives.push_back(s);
      for (auto& r : a.roles) old.roles.push_back(r);
      const std::size_t idx = it->second;
      for (auto& s : a.aliases) impl_->index_alias(s, idx);
      for (auto& s : a.adjectives) impl_->by_adjective.emplace(key_of(s), idx);
      continue;
    }
    const std::size_t idx = impl_->actors.size();
    impl_->by_id.emplace(a.id, idx);
    impl_->index_alias(a.name, idx);
    for (auto& s : a.aliases) impl_->index_alias(s, idx);
    for (auto& s : a.adjectives) impl_->by_adjective.emplace(key_of(s), idx);
    impl_->actors.push_back(std::move(a));
  }
  if (in.bad()) throw DictionaryError(name + ": read error");
}

void ActorDictionary::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DictionaryError(path + ": cannot open");
  load(in, path);
}

std::size_t ActorDictionary::size() const { return impl_->actors.size(); }

const Actor* ActorDictionary::find_id(std::string_view id) const {
  auto it = impl_->by_id.find(std::string(id));
  return it == impl_->by_id.end() ? nullptr : &impl_->actors[it->second];
}

std::optional<ActorRef> ActorDictionary::describe(std::string_view id) const {
  if (const Actor* a = find_id(id)) return a->ref();
  // Composed ids are "<kind>/<ISO3>-<suffix>" (see compose()).
  const auto slash = id.find('/');
  const auto dash = id.find('-', slash);
  if (slash == std::string_view::npos || dash == std::string_view::npos || dash != slash + 4) return std::nullopt;
  const std::string code(id.substr(slash + 1, 3));
  const Actor* state = find_id("state/" + code);
  if (!state) return std::nullopt;
  for (const auto& [noun, agent] : impl_->agents) {
    if (agent.kind == id.substr(0, slash) && agent.suffix == id.substr(dash + 1)) {
      ActorRef r = compose(*state, agent);
      if (r.id == id) return r;
    }
  }
  return std::nullopt;
}

std::vector<const Actor*> ActorDictionary::find_alias(std::string_view folded) const {
  std::vector<const Actor*> out;
  std::string k(folded);
  if (k.rfind("the ", 0) == 0) k.erase(0, 4);
  auto it = impl_->by_alias.find(k);
  if (it == impl_->by_alias.end()) return out;
  for (auto idx : it->second) out.push_back(&impl_->actors[idx]);
  // Exact preferred-name matches first, then by kind, then by id: stable.
  std::stable_sort(out.begin(), out.end(), [&](const Actor* a, const Actor* b) {
    const bool pa = key_of(a->name) == k, pb = key_of(b->name) == k;
    if (pa != pb) return pa;
    if (kind_rank(a->kind) != kind_rank(b->kind)) return kind_rank(a->kind) < kind_rank(b->kind);
    return a->id < b->id;
  });
  return out;
}

const Actor* ActorDictionary::find_adjective(std::string_view folded) const {
  auto it = impl_->by_adjective.find(std::string(folded));
  return it == impl_->by_adjective.end() ? nullptr : &impl_->actors[it->second];
}

const Agent* ActorDictionary::find_agent(std::string_view folded) const {
  auto it = impl_->agents.find(std::string(folded));
  return it == impl_->agents.end() ? nullptr : &it->second;
}

std::size_t ActorDictionary::max_alias_tokens() const { return impl_->max_tokens; }

const std::vector<Actor>& ActorDictionary::actors() const { return impl_->actors; }

ActorRef ActorDictionary::compose(const Actor& state, const Agent& agent) const {
  if (agent.kind == "state") return state.ref();
  const std::string code = state.country.empty() ? state.id.substr(state.id.find('/') + 1)
                                                 : state.country;
  const std::string adjective = state.adjectives.empty() ? state.name : state.adjectives.front();
  return ActorRef{agent.kind + "/" + code + "-" + agent.suffix, adjective + " " + agent.suffix,
                  agent.kind, state.country};
}

std::optional<ActorRef> ActorDictionary::resolve(std::string_view name) const {
  const std::string k = key_of(name);
  if (k.empty()) return std::nullopt;
  if (auto hits = find_alias(k); !hits.empty()) return hits.front()->ref();
  // "<adjective or state name> <agent noun>": try every split point.
  for (std::size_t sp = k.find(' '); sp != std::string::npos; sp = k.find(' ', sp + 1)) {
    const std::string head = k.substr(0, sp), tail = k.substr(sp + 1);
    const Agent* agent = find_agent(tail);
    if (!agent) continue;
    const Actor* state = find_adjective(head);
    if (!state) {
      for (const Actor* a : find_alias(head))
        if (a->kind == "state") { state = a; break; }
    }
    if (state) return compose(*state, *agent);
  }
  return std::nullopt;
}

std::string default_data_dir() {
  if (const char* env = std::getenv("ACTORGRAPH_DATA"); env && *env) return env;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(ACTORGRAPH_SOURCE_DATA_DIR, ec)) return ACTORGRAPH_SOURCE_DATA_DIR;
  return ACTORGRAPH_INSTALL_DATA_DIR;
}

}  // namespace actorgraph::extract
