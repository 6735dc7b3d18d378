// actors --check: validates the user's own actor files on top of the bundled
// dictionary before a long run relies on them. actors --unknown: lists the
// person-like names a corpus uses that no dictionary knows.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "actorgraph/extract/actors.h"
#include "actorgraph/extract/document.h"
#include "actorgraph/extract/text.h"
#include "cli.h"

namespace actorgraph::cli {
namespace {

// One name or alias as the dictionary compares it: folded, without a
// leading article ("The Kremlin" and "Kremlin" are one key).
std::string name_key(const std::string& name) {
  std::string k = extract::fold(name);
  if (k.rfind("the ", 0) == 0) k.erase(0, 4);
  return k;
}

// Where a name was given for an actor.
struct Claim {
  std::string id;
  std::string kind;
  std::string origin;  // "file:line"
  bool checked;        // from a file under --check
};

using ClaimsByKey = std::map<std::string, std::vector<Claim>>;

void add_claims(const extract::ActorDictionary& dict, bool checked, ClaimsByKey& claims) {
  for (const auto& actor : dict.actors()) {
    auto add = [&](const std::string& name) {
      const std::string key = name_key(name);
      if (key.empty()) return;
      auto& list = claims[key];
      for (const auto& c : list)
        if (c.id == actor.id && c.origin == actor.origin) return;  // name repeated as an alias
      list.push_back({actor.id, actor.kind, actor.origin, checked});
    };
    add(actor.name);
    for (const auto& alias : actor.aliases) add(alias);
  }
}

}  // namespace

void add_actors_commands(CLI::App& app, Common& common, std::vector<Command>& out) {
  struct Actors {
    std::vector<std::string> check;
    std::vector<std::string> unknown;
  };
  auto a = std::make_shared<Actors>();
  auto* cmd = app.add_subcommand(
      "actors",
      "Check your own actor files (--check), or list the names your dictionaries lack in a corpus (--unknown)");
  auto* check = cmd->add_option("--check", a->check, "Actor files to check on top of the bundled ones (and --actors)")
                    ->expected(1, -1);
  auto* unknown = cmd->add_option("--unknown", a->unknown,
                                  "Inputs to read: prints the unknown actors found there by frequency, "
                                  "with an example sentence (count, name, id, sentence; tab-separated)")
                      ->expected(1, -1);
  check->excludes(unknown);
  add_common(cmd, common, false);
  out.push_back({cmd, [a, &common] {
                   if (a->check.empty() && a->unknown.empty())
                     throw CLI::ValidationError("actors", "give --check FILE... or --unknown INPUT...");
                   if (!a->unknown.empty()) {
                     extract::Pipeline p(common.data);
                     extract::DocumentReader reader(a->unknown, {}, &common.warnings);
                     extract::Document doc;
                     struct Seen {
                       std::size_t count = 0;
                       std::string name, sentence;
                     };
                     std::map<std::string, Seen> seen;
                     while (reader.next(doc)) {
                       for (const auto& sentence : p.tokenizer->split(doc.text)) {
                         for (const auto& m : p.extractor->mentions(sentence)) {
                           if (m.actor.kind != "unknown") continue;
                           Seen& s = seen[m.actor.id];
                           if (s.count++ == 0) {
                             s.name = m.actor.name;
                             s.sentence = doc.text.substr(sentence.begin, sentence.end - sentence.begin);
                             for (auto& c : s.sentence)
                               if (c == '\n' || c == '\t' || c == '\r') c = ' ';
                           }
                         }
                       }
                     }
                     std::vector<std::pair<std::string, const Seen*>> rows;
                     for (const auto& [id, s] : seen) rows.emplace_back(id, &s);
                     std::stable_sort(rows.begin(), rows.end(),
                                      [](const auto& x, const auto& y) { return x.second->count > y.second->count; });
                     for (const auto& [id, s] : rows)
                       std::cout << s->count << '\t' << s->name << '\t' << id << '\t' << s->sentence << '\n';
                     return kExitOk;
                   }
                   // Everything loaded together, as a run would: a syntax error or a
                   // kind that contradicts an earlier definition throws
                   // DictionaryError "file:line: ..." (exit 1 in main).
                   extract::DataOptions data = common.data;
                   const auto base_files = data.actor_files;
                   data.actor_files.insert(data.actor_files.end(), a->check.begin(), a->check.end());
                   const extract::Pipeline all(data, false);

                   // Each checked file alone, so that every name it adds, including
                   // to an actor defined elsewhere, is known by its own file:line.
                   extract::DataOptions base_data = common.data;
                   base_data.actor_files = base_files;
                   const extract::Pipeline base(base_data, false);
                   ClaimsByKey claims;
                   add_claims(base.actors, false, claims);
                   for (const auto& file : a->check) {
                     extract::ActorDictionary own;
                     own.load_file(file);
                     add_claims(own, true, claims);
                   }

                   std::size_t conflicts = 0;
                   for (const auto& [key, list] : claims) {
                     for (std::size_t i = 0; i < list.size(); ++i) {
                       for (std::size_t j = 0; j < i; ++j) {
                         const Claim& later = list[i];
                         const Claim& earlier = list[j];
                         if (!later.checked || later.id == earlier.id || later.kind != earlier.kind) continue;
                         ++conflicts;
                         std::cerr << "actorgraph: error: " << later.origin << ": '" << key << "' names "
                                   << later.id << ", but it already names " << earlier.id << " (a "
                                   << earlier.kind << " too) at " << earlier.origin << "\n";
                       }
                     }
                   }
                   if (conflicts > 0) {
                     std::cerr << "actorgraph: " << conflicts << (conflicts == 1 ? " conflict" : " conflicts")
                               << " in " << a->check.size() << (a->check.size() == 1 ? " file" : " files")
                               << "\n";
                     return kExitIo;
                   }
                   std::cout << "ok: " << all.actors.size() << " actors\n";
                   return kExitOk;
                 }});
}

}  // namespace actorgraph::cli
