// extract (events JSON Lines on stdout), mentions (the actors of each
// document) and resolve (names to actors).
#include <iostream>
#include <memory>

#include "cli.h"

namespace actorgraph::cli {
namespace {

std::string json_string(const std::string& s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      o += buf;
    } else {
      o += static_cast<char>(c);
    }
  }
  return o + "\"";
}

}  // namespace

void add_extract_commands(CLI::App& app, Common& common, std::vector<Command>& out) {
  struct Extract {
    std::vector<std::string> inputs;
    bool trace = false;
  };
  auto x = std::make_shared<Extract>();
  auto* ext = app.add_subcommand("extract", "Print one events JSON Lines record per relation instance on stdout");
  ext->add_option("inputs", x->inputs, "Text, .jsonl or .html files, directories, or - for stdin")->required();
  ext->add_flag("--trace", x->trace, "Explain each candidate sentence on stderr: mentions, the pieces parsed, parse links, triggers");
  add_common(ext, common, true);
  out.push_back({ext, [x, &common] {
                   extract::Pipeline p(common.data);
                   if (x->trace) {
                     common.jobs = 1;  // trace lines from several workers would interleave
                     p.extractor->set_trace([](const std::string& s) { std::cerr << s << "\n"; });
                   }
                   std::ios::sync_with_stdio(false);
                   run_extraction(x->inputs, common, p,
                                  [&](const extract::Event& e) { std::cout << extract::to_json_line(e) << '\n'; });
                   std::cout.flush();
                   if (!std::cout) throw ExportError("<stdout>: write error");
                   return kExitOk;
                 }});

  auto m = std::make_shared<std::vector<std::string>>();
  auto* men = app.add_subcommand(
      "mentions", "Print one JSON line per document: the actors recognised in it after coreference, with counts");
  men->add_option("inputs", *m, "Text, .jsonl or .html files, directories, or - for stdin")->required();
  men->footer(
      "Output: {\"doc\": ID, \"actors\": [{\"id\": ..., \"name\": ..., \"kind\": ..., \"count\": N}]}, most "
      "mentioned first. The mentions, coreference and titles stages of extract, without triggers or parsing: "
      "the actors extract can relate (../shared/eval/score.py reads it for actor recall).");
  add_common(men, common, false);
  out.push_back({men, [m, &common] {
                   extract::DataOptions data = common.data;
                   data.parse = false;  // mentions need no parser
                   extract::Pipeline p(data);
                   extract::DocumentReader reader(*m, {}, &common.warnings);
                   extract::Document doc;
                   std::ios::sync_with_stdio(false);
                   while (reader.next(doc)) {
                     std::cout << "{\"doc\": " << json_string(doc.id) << ", \"actors\": [";
                     const char* sep = "";
                     for (const auto& c : p.extractor->actors_in(doc)) {
                       std::cout << sep << "{\"id\": " << json_string(c.actor.id) << ", \"name\": "
                                 << json_string(c.actor.name) << ", \"kind\": " << json_string(c.actor.kind)
                                 << ", \"count\": " << c.count << "}";
                       sep = ", ";
                     }
                     std::cout << "]}\n";
                   }
                   std::cout.flush();
                   if (!std::cout) throw ExportError("<stdout>: write error");
                   return kExitOk;
                 }});

  auto* res = app.add_subcommand("resolve", "Read names on stdin, print one lookup answer per name on stdout");
  res->add_flag("!--no-unknown", common.data.unknown_actors, "Answer null for names no dictionary knows");
  add_common(res, common, false);
  out.push_back({res, [&common] {
                   extract::Pipeline p(common.data, false);
                   std::string line;
                   while (std::getline(std::cin, line)) {
                     if (!line.empty() && line.back() == '\r') line.pop_back();
                     if (line.find_first_not_of(" \t") == std::string::npos) continue;
                     // The lookup answer of ONTOLOGY.md. "id", "name" and "kind" are the best
                     // reading (what score.py reads); an ambiguous name (several actors share
                     // the alias with equal rank) also lists every reading, best first:
                     //   {"query": "Khan", "id": "person/a-khan", "name": "A Khan", "kind": "person",
                     //    "candidates": [{"id": ..., "name": ..., "kind": ...}, ...]}
                     auto found = p.actors.candidates(line);
                     // A person-like name no dictionary knows: the `unknown` actor that
                     // extraction makes of the same words (unless --no-unknown).
                     if (found.empty() && common.data.unknown_actors)
                       if (auto u = p.actors.unknown_actor(line)) found.push_back(*u);
                     std::cout << "{\"query\": " << json_string(line) << ", ";
                     if (found.empty()) {
                       std::cout << "\"id\": null, \"name\": null, \"kind\": null}\n";
                       continue;
                     }
                     auto fields = [](const extract::ActorRef& r) {
                       return "\"id\": " + json_string(r.id) + ", \"name\": " + json_string(r.name) +
                              ", \"kind\": " + json_string(r.kind);
                     };
                     std::cout << fields(found.front());
                     if (found.size() > 1) {
                       std::cout << ", \"candidates\": [";
                       for (std::size_t i = 0; i < found.size(); ++i)
                         std::cout << (i ? ", {" : "{") << fields(found[i]) << "}";
                       std::cout << "]";
                     }
                     std::cout << "}\n";
                   }
                   return kExitOk;
                 }});
}

}  // namespace actorgraph::cli
