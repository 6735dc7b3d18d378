// The triggers stage: the words of a sentence that match a relation pattern,
// and whether the sentence is worth a parse.
#include <algorithm>
#include <set>
#include <string_view>

#include "actorgraph/extract/stages.h"

namespace actorgraph::extract {
namespace {

// How far (in tokens) from a trigger its two actors may be for the sentence
// to be worth a parse. Measured on ../shared/corpus (docs/performance.md):
// 10 loses no relation and skips a quarter of the parses, 8 loses two.
constexpr std::size_t kReach = 10;

}  // namespace

std::vector<Trigger> find_triggers(const SentenceAnalysis& a, const Knowledge& k) {
  const auto& tk = a.tokens();
  std::vector<Trigger> out;
  for (std::size_t t = a.dateline_end; t < tk.size(); ++t) {
    if (!tk[t].word) continue;
    if (a.mention_at[t] >= 0) {
      // Compounds are mentions that are also triggers: "Moscow-mediated".
      const auto h = tk[t].fold.rfind('-');
      if (a.mentions[a.mention_at[t]].adjectival && h != std::string::npos)
        for (const auto* p : k.patterns.lookup("compound", tk[t].fold.substr(h + 1))) out.push_back({t, p});
      continue;
    }
    for (const char* pos : {"verb", "noun"}) {
      for (const auto* p : k.patterns.lookup(pos, tk[t].fold)) out.push_back({t, p});
      // Two-word triggers ("air strike", "arms sale") end at their head word.
      if (t > 0 && tk[t - 1].word && a.mention_at[t - 1] < 0)
        for (const auto* p : k.patterns.lookup(pos, tk[t - 1].fold + " " + tk[t].fold)) out.push_back({t, p});
    }
  }
  return out;
}

bool worth_parsing(const SentenceAnalysis& a) {
  // A relation needs two different actors: with fewer, the parse cannot
  // add anything (the titles still count).
  std::size_t nominal = 0;
  std::set<std::string_view> distinct;
  for (const auto& m : a.mentions) {
    nominal += m.adjectival ? 0 : 1;
    distinct.insert(m.actor.id);
  }
  if (distinct.size() < 2 || nominal == 0) return false;
  // ... and the parse only reads links near a trigger: at least one trigger
  // must have two different actors within kReach tokens (cheap before dear:
  // on ../shared/corpus this skips a quarter of the parses and no relation).
  auto in_reach = [&](const Trigger& tr) {
    std::set<std::string_view> near;
    bool nominal_near = false;
    for (const auto& m : a.mentions) {
      const std::size_t gap =
          m.last <= tr.token ? tr.token + 1 - m.last : (m.first > tr.token ? m.first - tr.token : 0);
      if (gap > kReach) continue;
      near.insert(m.actor.id);
      nominal_near = nominal_near || !m.adjectival;
    }
    return near.size() >= 2 && nominal_near;
  };
  return std::any_of(a.triggers.begin(), a.triggers.end(), in_reach);
}

}  // namespace actorgraph::extract
