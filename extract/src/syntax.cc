// The syntax view: the Link Grammar linkage of the pieces worth parsing, and
// the walks over it that argument assignment needs.
#include <algorithm>

#include "actorgraph/extract/stages.h"

namespace actorgraph::extract {

const Token& SyntaxView::tok(const SentenceAnalysis& a, std::size_t u) const { return a.tokens()[units[u].first]; }

const std::string& SyntaxView::tag_of(std::size_t t) const {
  static const std::string kNone;
  return parse.ok && t < unit_of.size() && unit_of[t] >= 0 ? parse.tags[unit_of[t]] : kNone;
}

bool SyntaxView::passive(int u) const {
  bool p = false;
  each_link(u, [&](const std::string& lab, int, bool left) {
    if (!left && (starts(lab, "Pv") || starts(lab, "Mv") || starts(lab, "Jv"))) p = true;
    return p;
  });
  return p;
}

int SyntaxView::subject(const SentenceAnalysis& a, int u, int depth) const {
  if (depth > 6 || !has(u)) return -1;
  int found = -1;
  each_link(u, [&](const std::string& lab, int o, bool left) {
    if (!left && lab[0] == 'S' && !starts(lab, "SJ") && !starts(lab, "SI")) found = o;
    else if (left && starts(lab, "SI")) found = o;
    return found >= 0;
  });
  if (found >= 0) return found;
  // Climb auxiliaries, infinitives, control verbs, verb coordination,
  // participle clauses ("..., calling on") and reduced relatives ("wording assigning").
  each_link(u, [&](const std::string& lab, int o, bool left) {
    if (!left && (starts(lab, "PP") || starts(lab, "Pv") || starts(lab, "Pg") || starts(lab, "Pa") ||
                  lab[0] == 'I' || starts(lab, "TO") || starts(lab, "VJ") || starts(lab, "Wg") ||
                  starts(lab, "MVg") || starts(lab, "MVi"))) {
      found = subject(a, o, depth + 1);
    } else if (left && starts(lab, "VJ")) {
      found = subject(a, o, depth + 1);
    } else if (!left && (starts(lab, "Mg") || starts(lab, "Mv"))) {
      found = o;
      // "a resolution at the Security Council supporting X": a participle after
      // a place phrase modifies the noun the phrase belongs to.
      each_link(o, [&](const std::string& l2, int prep, bool left2) {
        if (left2 || l2[0] != 'J') return false;
        const std::string& pf = tok(a, prep).fold;
        if (pf != "at" && pf != "in" && pf != "on") return false;
        each_link(prep, [&](const std::string& l3, int head, bool left3) {
          if (!left3 && starts(l3, "Mp")) found = head;
          return false;
        });
        return true;
      });
    }
    return found >= 0;
  });
  return found;
}

int SyntaxView::object(int u) const {
  int found = -1;
  each_link(u, [&](const std::string& lab, int o, bool left) {
    if (left && lab[0] == 'O') found = o;
    return found >= 0;
  });
  return found;
}

std::vector<int> SyntaxView::prep_objects(const SentenceAnalysis& a, int u, const std::vector<std::string>& preps,
                                          int depth) const {
  std::vector<int> out;
  if (depth > 2 || !has(u)) return out;
  each_link(u, [&](const std::string& lab, int p, bool left) {
    if (!left || !(starts(lab, "MV") || lab[0] == 'M' || starts(lab, "Pp") || lab[0] == 'J')) return false;
    if (std::find(preps.begin(), preps.end(), tok(a, p).fold) == preps.end()) return false;
    // "according to X" names a source, not an argument.
    if (units[p].first > 0 && a.tokens()[units[p].first - 1].fold == "according") return false;
    each_link(p, [&](const std::string& l2, int o, bool left2) {
      if (left2 && l2[0] == 'J') out.push_back(o);
      return false;
    });
    return false;
  });
  if (out.empty()) {
    // The preposition may hang off the object or a noun inside a
    // prepositional phrase: "reopens rail services to Germany",
    // "closes crossings with Serbia", "controls on its border with Austria".
    each_link(u, [&](const std::string& lab, int o, bool left) {
      if (left && (lab[0] == 'O' || lab[0] == 'J' || (depth > 0 && lab[0] == 'M')))
        for (int w : prep_objects(a, o, preps, depth + 1)) out.push_back(w);
      return !out.empty();
    });
  }
  return out;
}

bool SyntaxView::has_particle(const SentenceAnalysis& a, int u, const std::vector<std::string>& preps) const {
  bool found = false;
  each_link(u, [&](const std::string& lab, int p, bool left) {
    if (left && lab[0] == 'K' && std::find(preps.begin(), preps.end(), tok(a, p).fold) != preps.end()) found = true;
    return found;
  });
  return found;
}

int SyntaxView::passive_agent(const SentenceAnalysis& a, int u) const {
  auto v = prep_objects(a, u, {"by"});
  return v.empty() ? -1 : v.front();
}

int SyntaxView::host(const SentenceAnalysis& a, int u) const {
  int w = u;
  for (int step = 0; step < 5; ++step) {
    int next = -1, result = -1;
    each_link(w, [&](const std::string& lab, int o, bool left) {
      if (!left && starts(lab, "MX")) result = o;
      else if (!left && starts(lab, "SJ")) next = o;  // "X, the movement and an ally of Y"
      else if (!left && lab[0] == 'O') result = subject(a, o);
      else if (!left && (lab[0] == 'J' || lab[0] == 'M')) next = o;
      return result >= 0;
    });
    if (result >= 0) return result;
    if (next < 0) return -1;
    w = next;
  }
  return -1;
}

// Whether the conjunction u joins a lowercase common noun that is no actor.
bool SyntaxView::coordinates_a_common_noun(const SentenceAnalysis& a, int u) const {
  bool found = false;
  each_link(u, [&](const std::string& lab, int o, bool) {
    if (!starts(lab, "SJ") || units[o].mention >= 0) return false;
    const std::string& tag = parse.tags[o];
    found = !tok(a, o).capitalized && !tag.empty() && tag[0] == 'n';
    return found;
  });
  return found;
}

void SyntaxView::mentions_of(const SentenceAnalysis& a, int u, std::vector<int>& out, int depth) const {
  if (!has(u) || depth > 4) return;
  if (units[u].mention >= 0) {
    // "U.S. Secretary of State Hillary Clinton": an office right before a
    // name is that person's title, and the person is the argument; likewise
    // "the President of Colombia Juan Manuel Santos".
    const Mention& m = a.mentions[units[u].mention];
    const auto& tk = a.tokens();
    const bool of_title = m.first >= 2 && tk[m.first - 1].fold == "of" && tk[m.first - 2].capitalized;
    if ((m.composed || of_title) && m.actor.kind != "person" && static_cast<std::size_t>(u) + 1 < units.size() &&
        units[u + 1].mention >= 0 && a.mentions[units[u + 1].mention].actor.kind == "person") {
      out.push_back(units[u + 1].mention);
      return;
    }
    out.push_back(units[u].mention);
    return;
  }
  // A coordination is a list of actors only when every conjunct is one:
  // "refugees from Iraq and Syria" read as "[refugees] and [Syria]" is not.
  if (depth == 0 && coordinates_a_common_noun(a, u)) return;
  each_link(u, [&](const std::string& lab, int o, bool left) {
    if (starts(lab, "SJ")) mentions_of(a, o, out, depth + 1);
    // "strip President Otto Pérez": the title heads the name (G, GN).
    else if (left && lab[0] == 'G' && units[o].mention >= 0) out.push_back(units[o].mention);
    // "the President of Colombia Juan Manuel Santos": the title stands for the named person.
    else if (left && lab[0] == 'M' && tok(a, u).capitalized && tok(a, o).fold == "of")
      each_link(o, [&](const std::string& l2, int w, bool left2) {
        if (left2 && l2[0] == 'J' && units[w].mention >= 0 && a.mentions[units[w].mention].actor.kind == "person")
          out.push_back(units[w].mention);
        return false;
      });
    return false;
  });
}

namespace {

// The word the parser sees for a unit: a multi-word mention joined by '_'
// and capitalised (a proper noun), typographic quotes and dashes made ASCII
// (Link Grammar knows straight quotes only).
std::string parser_word(const SentenceAnalysis& a, const Unit& u) {
  const auto& tk = a.tokens();
  std::string w;
  for (std::size_t x = u.first; x < u.last; ++x) {
    if (x > u.first) w += '_';
    w += tk[x].text;
  }
  if (u.last - u.first > 1 && !w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
  if (w == "\xe2\x80\x9c" || w == "\xe2\x80\x9d") w = "\"";
  if (w == "\xe2\x80\x98" || w == "\xe2\x80\x99") w = "'";
  if (w == "\xe2\x80\x94" || w == "\xe2\x80\x93") w = "--";
  return w;
}

}  // namespace

void build_syntax(SentenceAnalysis& a, const LinkParser* parser) {
  const auto& tk = a.tokens();
  SyntaxView& v = a.syntax;
  v.unit_of.assign(tk.size(), -1);
  // A multi-word nominal mention is one proper-noun word; the dateline stays
  // out of the parse (its tokens have no unit).
  for (std::size_t t = a.dateline_end; t < tk.size();) {
    Unit u{t, t + 1, a.mention_at[t]};
    const int m = a.mention_at[t];
    if (m >= 0 && !a.mentions[m].adjectival && !a.mentions[m].pronoun) u.last = a.mentions[m].last;
    for (std::size_t x = u.first; x < u.last; ++x) v.unit_of[x] = static_cast<int>(v.units.size());
    v.units.push_back(u);
    t = u.last;
  }
  if (!parser) return;
  std::vector<std::string> words;
  for (const auto& u : v.units) words.push_back(parser_word(a, u));
  // Only the part of the sentence around its actors and triggers goes to
  // the parser, clause by clause in a long sentence (parse_pieces); the
  // rest costs time and adds nothing.
  std::vector<bool> anchors(words.size(), false);
  for (std::size_t u = 0; u < v.units.size(); ++u) anchors[u] = v.units[u].mention >= 0;
  for (const auto& tr : a.triggers)
    if (v.unit_of[tr.token] >= 0) anchors[v.unit_of[tr.token]] = true;
  v.pieces = parse_pieces(words, anchors);
  v.parse = parser->parse(words, v.pieces);
}

std::string trace_line(const SentenceAnalysis& a) {
  const auto& tk = a.tokens();
  const std::string& text = a.text();
  const SyntaxView& v = a.syntax;
  auto span = [&](std::size_t b, std::size_t e) { return text.substr(tk[b].begin, tk[e - 1].end - tk[b].begin); };
  const Sentence& s = *a.sentence;
  std::string line = "sentence: " + text.substr(s.begin, s.end - s.begin) + "\n  mentions:";
  for (const auto& m : a.mentions)
    line += " [" + span(m.first, m.last) + "=" + m.actor.id + (m.adjectival ? " adj" : "") + (m.pronoun ? " pron" : "") + "]";
  line += "\n  parsed:";
  for (std::size_t k = 0; k < v.pieces.size(); ++k) {
    line += k ? " |" : "";
    for (std::size_t u : v.pieces[k]) line += " " + span(v.units[u].first, v.units[u].last);
  }
  line += "\n  links:";
  auto word = [&](int u) { return span(v.units[u].first, v.units[u].last) + "." + v.parse.tags[u]; };
  for (const auto& l : v.parse.links) line += " " + l.label + "(" + word(l.left) + "," + word(l.right) + ")";
  line += "\n  triggers:";
  for (const auto& tr : a.triggers) line += " " + tk[tr.token].text + ":" + tr.pattern->relation + "/" + tr.pattern->pos;
  return line;
}

}  // namespace actorgraph::extract
