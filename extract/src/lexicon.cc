// The word classes of data/lexicon.txt.
#include "actorgraph/extract/lexicon.h"

#include <fstream>
#include <map>
#include <set>
#include <vector>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/text.h"

namespace actorgraph::extract {

bool WordClass::suffix_of(std::string_view folded) const {
  for (const auto& w : words_)
    if (folded.ends_with(w)) return true;
  return false;
}

namespace {

std::map<std::string, WordClass*> classes_of(Lexicon& l) {
  return {{"negators", &l.negators},
          {"negating_verbs", &l.negating_verbs},
          {"hypothetical", &l.hypothetical},
          {"intended", &l.intended},
          {"conditionals", &l.conditionals},
          {"speech", &l.speech},
          {"hearsay", &l.hearsay},
          {"verb_group", &l.verb_group},
          {"determiners", &l.determiners},
          {"prepositions", &l.prepositions},
          {"non_actor_heads", &l.non_actor_heads},
          {"holder_suffixes", &l.holder_suffixes},
          {"place_holders", &l.place_holders},
          {"light_verbs", &l.light_verbs},
          {"author_participles", &l.author_participles},
          {"cancel_verbs", &l.cancel_verbs},
          {"pronouns_it", &l.pronouns_it},
          {"pronouns_he", &l.pronouns_he},
          {"pronouns_they", &l.pronouns_they},
          {"possessive_pronouns", &l.possessive_pronouns},
          {"bare_institutions", &l.bare_institutions},
          {"bare_forces", &l.bare_forces},
          {"collective_nouns", &l.collective_nouns},
          {"counts", &l.counts},
          {"title_links", &l.title_links},
          {"title_copulas", &l.title_copulas},
          {"leader_institutions", &l.leader_institutions}};
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

void Lexicon::load(std::istream& in, const std::string& name) {
  auto classes = classes_of(*this);
  std::set<std::string> seen;
  WordClass* current = nullptr;
  std::string line;
  std::size_t lineno = 0;
  auto fail = [&](const std::string& what) {
    throw DictionaryError(name + ":" + std::to_string(lineno) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++lineno;
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    std::string entries = t;
    if (line[0] == '$') {
      const auto eq = line.find('=');
      if (eq == std::string::npos) fail("expected '$name = entry | entry ...', got '" + t + "'");
      const std::string cls = trim(line.substr(1, eq - 1));
      const auto it = classes.find(cls);
      if (it == classes.end()) fail("unknown word class '$" + cls + "'");
      current = it->second;
      seen.insert(cls);
      entries = line.substr(eq + 1);
    } else if (line[0] != ' ' && line[0] != '\t') {
      fail("expected '$name = ...' or a continuation line starting with white space, got '" + t + "'");
    } else if (!current) {
      fail("a continuation line before any '$name ='");
    }
    std::vector<std::string> pieces;
    for (std::size_t b = 0;;) {
      const auto bar = entries.find('|', b);
      pieces.push_back(trim(entries.substr(b, bar == std::string::npos ? std::string::npos : bar - b)));
      if (bar == std::string::npos) break;
      b = bar + 1;
    }
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      // A list may open or close a line with its separator, and a class may
      // start its entries on the next line; an empty entry between two is a typo.
      if (pieces[i].empty()) {
        if (pieces.size() == 1 || i == 0 || i + 1 == pieces.size()) continue;
        fail("an empty entry in '" + t + "'");
      }
      current->add(fold(pieces[i]));
    }
  }
  for (const auto& [cls, ptr] : classes)
    if (!seen.count(cls) && ptr->words().empty())
      throw DictionaryError(name + ": the word class '$" + cls + "' is missing");
}

void Lexicon::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DictionaryError(path + ": cannot open");
  load(in, path);
}

}  // namespace actorgraph::extract
