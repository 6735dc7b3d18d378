// The actorgraph binary end to end: subcommands, outputs checked by real
// clients (rdflib, Graphviz dot), exit codes, and eval agreeing with score.py.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <rapidjson/document.h>
#include <unistd.h>

#include "support.h"

namespace fs = std::filesystem;
using test_support::run;

namespace {

const std::string kBin = ACTORGRAPH_BINARY;
const std::string kExamples = std::string(ACTORGRAPH_SOURCE_DIR) + "/examples/news";

bool have(const std::string& tool) { return run("command -v " + tool + " >/dev/null 2>&1").status == 0; }

}  // namespace

TEST_CASE("every subcommand has --help", "[cli]") {
  for (const char* sub : {"", " build", " extract", " resolve", " merge", " eval"}) {
    const auto r = run(kBin + sub + " --help");
    INFO(sub);
    CHECK(r.status == 0);
    CHECK(r.out.find("Exit codes") != std::string::npos);
  }
}

TEST_CASE("usage errors exit 2, missing inputs exit 1 naming the path", "[cli]") {
  CHECK(run(kBin + " --no-such-flag 2>/dev/null").status == 2);
  CHECK(run(kBin + " 2>/dev/null").status == 2);
  CHECK(run(kBin + " build 2>/dev/null").status == 2);
  const auto r = run(kBin + " extract /nonexistent/news.jsonl 2>&1");
  CHECK(r.status == 1);
  CHECK(r.out.find("/nonexistent/news.jsonl") != std::string::npos);
}

TEST_CASE("extract writes only JSON Lines events on stdout", "[cli]") {
  const auto r = run(kBin + " extract " + kExamples + " 2>/dev/null");
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  std::string line;
  std::size_t n = 0;
  while (std::getline(lines, line)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    INFO(line);
    REQUIRE_FALSE(d.HasParseError());
    for (const char* k : {"doc", "date", "source", "relation", "target", "negated", "modality", "attributed_to", "evidence"})
      CHECK(d.HasMember(k));
    CHECK(d["evidence"]["sentence"].GetStringLength() > 0);
    ++n;
  }
  CHECK(n > 10);
}

TEST_CASE("extract --trace shows what the parser was shown and what it linked", "[cli]") {
  const fs::path dir = fs::temp_directory_path() / ("actorgraph-trace-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string input = (dir / "t.txt").string();
  std::ofstream(input) << "On Monday, Russia vetoed a resolution on Syria, saying the text was unbalanced.\n";
  const auto r = run(kBin + " extract --trace --jobs 1 " + input + " 2>&1 >/dev/null");
  fs::remove_all(dir);
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("sentence: On Monday, Russia vetoed a resolution on Syria") != std::string::npos);
  CHECK(r.out.find("mentions: [Russia=state/RUS] [Syria=state/SYR]") != std::string::npos);
  // The leading and trailing pieces without actors or triggers are left out.
  CHECK(r.out.find("parsed: Russia vetoed a resolution on Syria .") != std::string::npos);
  CHECK(r.out.find("(Russia.") != std::string::npos);  // a link from Russia
  CHECK(r.out.find("triggers: vetoed:vetoes/verb") != std::string::npos);
}

TEST_CASE("resolve answers one line per name", "[cli]") {
  const auto r = run("printf 'Assad\\nthe Kremlin\\nno such actor\\nReyaad Khan\\n' | " + kBin + " resolve");
  REQUIRE(r.status == 0);
  CHECK(r.out ==
        "{\"query\": \"Assad\", \"id\": \"person/bashar-al-assad\", \"name\": \"Bashar al-Assad\", \"kind\": \"person\"}\n"
        "{\"query\": \"the Kremlin\", \"id\": \"state/RUS\", \"name\": \"Russia\", \"kind\": \"state\"}\n"
        "{\"query\": \"no such actor\", \"id\": null, \"name\": null, \"kind\": null}\n"
        "{\"query\": \"Reyaad Khan\", \"id\": \"unknown/reyaad-khan\", \"name\": \"Reyaad Khan\", \"kind\": \"unknown\"}\n");
  // --no-unknown answers null for names no dictionary knows.
  const auto off = run("printf 'Reyaad Khan\\n' | " + kBin + " resolve --no-unknown");
  CHECK(off.out == "{\"query\": \"Reyaad Khan\", \"id\": null, \"name\": null, \"kind\": null}\n");
}

TEST_CASE("build on the examples writes JSON-LD that rdflib reads and DOT that dot renders", "[cli][export]") {
  test_support::TempDir dir;
  const auto r = run(kBin + " build " + kExamples + " -o " + (dir / "g.jsonld") + " --dot " + (dir / "g.dot") +
                     " --svg " + (dir / "g.svg") + " 2>/dev/null");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("actors") != std::string::npos);
  REQUIRE(fs::file_size(dir / "g.jsonld") > 0);
  REQUIRE(fs::file_size(dir / "g.svg") > 0);
  if (have("dot")) {
    CHECK(run("dot -Tsvg " + (dir / "g.dot") + " -o /dev/null").status == 0);
  } else {
    WARN("skipped the dot check: Graphviz dot is not installed");
  }
  if (run("/usr/bin/python3 -c 'import rdflib' 2>/dev/null").status == 0) {
    const auto q = run("/usr/bin/python3 -c \"import rdflib,sys; g=rdflib.Graph(); g.parse(sys.argv[1], format='json-ld'); "
                       "print(len(g))\" " + (dir / "g.jsonld"));
    REQUIRE(q.status == 0);
    CHECK(std::stoul(q.out) > 50);
  } else {
    WARN("skipped the rdflib check: /usr/bin/python3 has no rdflib");
  }
}

TEST_CASE("merge of extracted events equals build", "[cli]") {
  test_support::TempDir dir;
  REQUIRE(run(kBin + " extract " + kExamples + " > " + (dir / "ev.jsonl") + " 2>/dev/null").status == 0);
  REQUIRE(run(kBin + " merge " + (dir / "ev.jsonl") + " -o " + (dir / "m.jsonld") + " >/dev/null 2>&1").status == 0);
  REQUIRE(run(kBin + " build " + kExamples + " -o " + (dir / "b.jsonld") + " >/dev/null 2>&1").status == 0);
  std::ifstream a(dir / "m.jsonld"), b(dir / "b.jsonld");
  std::stringstream sa, sb;
  sa << a.rdbuf();
  sb << b.rdbuf();
  CHECK(sa.str() == sb.str());
}

TEST_CASE("eval prints exactly what score.py prints", "[cli][eval]") {
  const std::string shared = test_support::shared_dir();
  if (shared.empty() || run("command -v python3 >/dev/null").status != 0) {
    WARN("skipped: ../shared or python3 is absent");
    std::cout << "eval agreement test skipped: ../shared or python3 is absent\n";
    return;
  }
  const std::string args = " " + shared + "/corpus/dev.jsonl " + shared + "/eval/gold-dev.jsonl";
  const auto ours = run(kBin + " eval -q" + args);
  const auto theirs = run("python3 " + shared + "/eval/score.py " + kBin + args + " 2>/dev/null");
  REQUIRE(ours.status == 0);
  REQUIRE(theirs.status == 0);
  CHECK(ours.out == theirs.out);
  std::cout << ours.out;
}

TEST_CASE("actors --unknown lists the names the dictionaries lack, by frequency", "[cli][actors]") {
  test_support::TempDir dir;
  {
    std::ofstream f(dir / "a.txt");
    f << "Britain said Reyaad Khan had joined the group. Reyaad Khan was killed in Syria.\n\n"
         "Officials said Ruhul Amin was with him. The Commission of Human Rights asked questions.\n";
  }
  const auto r = run(kBin + " actors --unknown " + (dir / "a.txt") + " 2>/dev/null");
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("2\tReyaad Khan\tunknown/reyaad-khan\tBritain said Reyaad Khan had joined the group.\n", 0) == 0);
  CHECK(r.out.find("1\tRuhul Amin\tunknown/ruhul-amin\t") != std::string::npos);
  CHECK(r.out.find("Human Rights") == std::string::npos);
  CHECK(r.out.find("\tBritain\t") == std::string::npos);
  CHECK(run(kBin + " actors 2>/dev/null").status == 2);
}
