// Loading and indexing relation trigger patterns.
#include "actorgraph/extract/patterns.h"

#include <fstream>
#include <sstream>

#include "actorgraph/extract/error.h"
#include "actorgraph/extract/event.h"

namespace actorgraph::extract {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::vector<std::string> inflect(const std::string& w, const std::string& pos) {
  std::vector<std::string> out{w};
  if (w.empty()) return out;
  const char last = w.back();
  const bool sibilant = last == 's' || last == 'x' || last == 'z' || w.ends_with("ch") ||
                        w.ends_with("sh") || (last == 'o' && pos == "verb");
  const bool cons_y = last == 'y' && w.size() > 1 && !is_vowel(w[w.size() - 2]);
  // Third person / plural.
  if (cons_y) out.push_back(w.substr(0, w.size() - 1) + "ies");
  else if (sibilant) out.push_back(w + "es");
  else out.push_back(w + "s");
  if (pos != "verb") return out;
  // Past and participles.
  if (cons_y) {
    out.push_back(w.substr(0, w.size() - 1) + "ied");
  } else if (last == 'e') {
    out.push_back(w + "d");
  } else {
    out.push_back(w + "ed");
  }
  if (last == 'e' && !w.ends_with("ee")) out.push_back(w.substr(0, w.size() - 1) + "ing");
  else out.push_back(w + "ing");
  return out;
}

void PatternSet::load(std::istream& in, const std::string& name) {
  std::string line;
  std::size_t lineno = 0;
  auto fail = [&](const std::string& what) {
    throw DictionaryError(name + ":" + std::to_string(lineno) + ": " + what);
  };
  auto parse_role = [&](const std::string& text) {
    ArgumentRole r;
    if (text == "S") r.kind = ArgumentRole::Kind::Subject;
    else if (text == "O") r.kind = ArgumentRole::Kind::Object;
    else if (text == "POSS") r.kind = ArgumentRole::Kind::Possessor;
    else if (text == "HOST") r.kind = ArgumentRole::Kind::Host;
    else if (text == "CTX" || text == "-") r.kind = ArgumentRole::Kind::Context;
    else if (text.rfind("P:", 0) == 0 && text.size() > 2) {
      r.kind = ArgumentRole::Kind::Prep;
      r.preps = split(text.substr(2), '|');
    } else {
      fail("expected a role S, O, P:<prep>, POSS, HOST or CTX, got '" + text + "'");
    }
    return r;
  };
  while (std::getline(in, line)) {
    ++lineno;
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto f = split(t, '\t');
    std::vector<std::string> fields;
    for (auto& x : f)
      if (!trim(x).empty()) fields.push_back(trim(x));
    if (fields.size() < 5)
      fail("expected 5 tab-separated fields (relation, pos, trigger, source role, target role), got " +
           std::to_string(fields.size()));
    RelationPattern p;
    p.relation = fields[0];
    if (!is_relation_type(p.relation)) fail("unknown relation type '" + p.relation + "'");
    p.pos = fields[1];
    if (p.pos != "verb" && p.pos != "noun" && p.pos != "compound" && p.pos != "title" && p.pos != "title-of")
      fail("expected pos verb, noun, compound, title or title-of, got '" + p.pos + "'");
    auto forms = split(fields[2], '|');
    p.lemma = forms.front();
    p.source = parse_role(fields[3]);
    p.target = parse_role(fields[4]);
    p.origin = name + ":" + std::to_string(lineno);
    for (std::size_t i = 5; i < fields.size(); ++i) {
      const auto eq = fields[i].find('=');
      if (eq == std::string::npos) fail("expected option key=value, got '" + fields[i] + "'");
      const std::string k = fields[i].substr(0, eq), v = fields[i].substr(eq + 1);
      if (k == "mod") {
        if (v != "intended" && v != "hypothetical" && v != "reported")
          fail("mod must be intended, hypothetical or reported, got '" + v + "'");
        p.modality = v;
      } else if (k == "neg_as") {
        if (!is_relation_type(v)) fail("unknown relation type '" + v + "' in neg_as");
        p.negated_as = v;
      } else if (k == "obj") {
        p.object_word = v;
      } else if (k == "conf") {
        try {
          p.confidence = std::stod(v);
        } catch (...) {
          fail("conf must be a number, got '" + v + "'");
        }
      } else if (k == "default_source") {
        p.default_source = v;
      } else if (k == "orphan") {
        p.orphan_after = split(v, '|');
      } else if (k == "persons_only_in") {
        p.persons_only_in = split(v, '|');
      } else if (k == "leads") {
        p.leads = split(v, '|');
      } else {
        fail("unknown option '" + k + "' (expected mod, neg_as, obj, conf, default_source, orphan, persons_only_in or leads)");
      }
    }
    std::vector<std::string> all;
    for (std::size_t i = 0; i < forms.size(); ++i) {
      if (i == 0 && (p.pos == "verb" || p.pos == "noun")) {
        for (auto& x : inflect(forms[0], p.pos)) all.push_back(x);
      } else {
        all.push_back(forms[i]);
      }
    }
    patterns_.push_back(std::move(p));
    forms_.push_back(std::move(all));
  }
  index();
}

void PatternSet::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DictionaryError(path + ": cannot open");
  load(in, path);
}

void PatternSet::index() {
  by_form_.clear();
  for (std::size_t i = 0; i < patterns_.size(); ++i)
    for (const auto& form : forms_[i])
      by_form_[patterns_[i].pos + "\t" + form].push_back(&patterns_[i]);
}

const std::vector<const RelationPattern*>& PatternSet::lookup(std::string_view pos,
                                                              std::string_view word) const {
  static const std::vector<const RelationPattern*> kNone;
  std::string k(pos);
  k += '\t';
  k += word;
  auto it = by_form_.find(k);
  return it == by_form_.end() ? kNone : it->second;
}

}  // namespace actorgraph::extract
