// DocumentReader over JSON Lines, text, HTML, directories and stdin.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "actorgraph/extract/document.h"
#include "actorgraph/extract/error.h"
#include "support.h"

namespace fs = std::filesystem;
using actorgraph::InputError;
using actorgraph::WarningSink;
using namespace actorgraph::extract;
using test_support::TempDir;

namespace {

// Collects warnings as "kind: message".
struct CollectingSink : WarningSink {
  std::vector<std::string> messages;
  void warn(const std::string& kind, const std::string& message) override {
    messages.push_back(kind + ": " + message);
  }
};


std::vector<Document> read_all(DocumentReader& reader) {
  std::vector<Document> docs;
  Document doc;
  while (reader.next(doc)) docs.push_back(doc);
  return docs;
}

// What the first next() of a fail_fast reader over `path` throws.
std::string fail_fast_error(const std::string& path) {
  ReaderOptions fail_fast;
  fail_fast.fail_fast = true;
  DocumentReader reader({path}, fail_fast);
  Document doc;
  try {
    reader.next(doc);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("JSON Lines: one document a line, bad lines warned and skipped", "[extract][document]") {
  TempDir dir;
  const std::string path = dir.write(
      "corpus.jsonl",
      "{\"id\": \"a\", \"date\": \"2015-09-14\", \"source\": \"wiki\", \"title\": \"T\", \"text\": \"Syria agreed.\"}\n"
      "{\"id\": \"b\"}\n"
      "\n"
      "   \n"
      "[1, 2]\n"
      "{\"id\": \"c\", \"text\": \"Russia said so.\", \"title\": null}\n"
      "{\"id\": 7, \"text\": \"x\"}\n"
      "{\"id\": \"d\", \"text\": \"x\", \"date\": 2015}\n"
      "{\"id\": \"\", \"text\": \"x\"}\n"
      "not json\n"
      "{\"id\": \"e\", \"text\": \"  \"}\n"
      "{\"id\": \"f\", \"text\": \"last line without newline\"}");
  CollectingSink sink;
  DocumentReader reader({path}, {}, &sink);
  const auto docs = read_all(reader);

  REQUIRE(docs.size() == 3);
  CHECK(docs[0].id == "a");
  CHECK(docs[0].date == "2015-09-14");
  CHECK(docs[0].source == "wiki");
  CHECK(docs[0].title == "T");
  CHECK(docs[0].text == "Syria agreed.");
  CHECK(docs[0].origin == path + ":1");
  CHECK(docs[1].id == "c");
  CHECK(docs[1].title.empty());
  CHECK(docs[1].origin == path + ":6");
  CHECK(docs[2].id == "f");
  CHECK(docs[2].origin == path + ":12");

  CHECK(sink.messages == std::vector<std::string>{
                             "json: " + path + ":2: expected a string field \"text\"",
                             "json: " + path + ":5: expected a JSON object, got an array",
                             "json: " + path + ":7: expected \"id\" to be a string, got a number",
                             "json: " + path + ":8: expected \"date\" to be a string, got a number",
                             "json: " + path + ":9: expected a non-empty \"id\"",
                             "json: " + path + ":10: expected a JSON object, got invalid JSON "
                                               "(Invalid value. at byte 1)",
                             "empty: " + path + ":11: empty text skipped",
                         });
  CHECK(reader.stats().documents == 3);
  CHECK(reader.stats().files == 1);
  CHECK(reader.stats().skipped.at("json") == 6);
  CHECK(reader.stats().skipped.at("empty") == 1);
}

TEST_CASE("JSON Lines: fail_fast throws the warning as an error", "[extract][document]") {
  TempDir dir;
  const std::string path = dir.write("c.jsonl",
                                     "{\"id\": \"a\", \"text\": \"ok\"}\n"
                                     "{\"id\": \"b\"}\n");
  ReaderOptions fail_fast;
  fail_fast.fail_fast = true;
  DocumentReader reader({path}, fail_fast);
  Document doc;
  REQUIRE(reader.next(doc));
  CHECK(doc.id == "a");
  CHECK_THROWS_WITH(reader.next(doc), path + ":2: expected a string field \"text\"");
  DocumentReader again({path}, fail_fast);
  REQUIRE(again.next(doc));
  CHECK_THROWS_AS(again.next(doc), InputError);
}

TEST_CASE("invalid UTF-8 is repaired and reported once per file", "[extract][document]") {
  TempDir dir;
  const std::string jsonl = dir.write("bad.jsonl",
                                      "{\"id\": \"a\", \"text\": \"Orb\xe1n\"}\n"
                                      "{\"id\": \"b\", \"text\": \"ok\"}\n"
                                      "{\"id\": \"c\", \"text\": \"x\xff\xfe y\"}\n");
  const std::string text = dir.write("bad.txt", "Caf\xe9 society");
  CollectingSink sink;
  DocumentReader reader({jsonl, text}, {}, &sink);
  const auto docs = read_all(reader);
  REQUIRE(docs.size() == 4);
  CHECK(docs[0].text == "Orb\xEF\xBF\xBDn");
  CHECK(docs[2].text == "x\xEF\xBF\xBD\xEF\xBF\xBD y");
  CHECK(docs[3].text == "Caf\xEF\xBF\xBD society");
  CHECK(sink.messages == std::vector<std::string>{
                             "utf8: " + jsonl + ": 3 invalid UTF-8 sequences replaced",
                             "utf8: " + text + ": 1 invalid UTF-8 sequences replaced",
                         });
  CHECK(reader.stats().invalid_utf8 == 4);
  CHECK(reader.stats().skipped.empty());

  CHECK(fail_fast_error(jsonl) == jsonl + ":1: 1 invalid UTF-8 sequences");
}

TEST_CASE("text files are one document named after the file", "[extract][document]") {
  TempDir dir;
  const std::string path = dir.write("syria-talks.2012.txt", "\xEF\xBB\xBFSyria agreed.\n\nRussia said so.\n");
  DocumentReader reader({path});
  const auto docs = read_all(reader);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == "syria-talks.2012");
  CHECK(docs[0].text == "Syria agreed.\n\nRussia said so.\n");
  CHECK(docs[0].origin == path);
}

TEST_CASE("binary and empty files are skipped with a warning", "[extract][document]") {
  TempDir dir;
  const std::string binary = dir.write("image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const std::string controls = dir.write("controls.txt", "\x01\x02\x03\x04 ab");
  const std::string empty = dir.write("empty.txt", "");
  const std::string blank = dir.write("blank.txt", " \n\n ");
  const std::string binary_jsonl = dir.write("x.jsonl", std::string("\0\0{", 3));
  CollectingSink sink;
  DocumentReader reader({binary, controls, empty, blank, binary_jsonl}, {}, &sink);
  CHECK(read_all(reader).empty());
  CHECK(sink.messages == std::vector<std::string>{
                             "binary: " + binary + ": binary file skipped",
                             "binary: " + controls + ": binary file skipped",
                             "empty: " + empty + ": empty text skipped",
                             "empty: " + blank + ": empty text skipped",
                             "binary: " + binary_jsonl + ": binary file skipped",
                         });
  CHECK(reader.stats().skipped.at("binary") == 3);
  CHECK(reader.stats().skipped.at("empty") == 2);
  CHECK(reader.stats().files == 5);

  // Without a sink, skipped files are still counted.
  DocumentReader quiet({binary, empty});
  CHECK(read_all(quiet).empty());
  CHECK(quiet.stats().skipped.at("binary") == 1);
  CHECK(quiet.stats().skipped.at("empty") == 1);

  CHECK(fail_fast_error(binary) == binary + ": binary file skipped");
}

TEST_CASE("directories are read recursively in sorted order", "[extract][document]") {
  TempDir dir;
  dir.write("corpus/b.txt", "B text");
  dir.write("corpus/a/z.txt", "Z text");
  dir.write("corpus/a.txt", "A text");
  dir.write("corpus/c.jsonl", "{\"id\": \"c1\", \"text\": \"one\"}\n{\"id\": \"c2\", \"text\": \"two\"}\n");
  dir.write("corpus/.hidden.txt", "hidden");
  dir.write("corpus/.git/config", "hidden");
  dir.write("corpus/d/e/page.HTML", "<p>deep</p>");
  const std::string single = dir.write("single.txt", "single");
  DocumentReader reader({dir.path.string() + "/corpus", single});
  std::vector<std::string> ids;
  for (const Document& d : read_all(reader)) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{"z", "a", "b", "c1", "c2", "page", "single"});
  CHECK(reader.stats().files == 6);
  CHECK(reader.stats().documents == 7);
}

TEST_CASE("missing inputs throw at construction, naming the path", "[extract][document]") {
  TempDir dir;
  const std::string ok = dir.write("ok.txt", "fine");
  const std::string missing = dir.path.string() + "/nope.jsonl";
  CHECK_THROWS_WITH(DocumentReader({ok, missing}), missing + ": cannot read: No such file or directory");
  CHECK_THROWS_AS(DocumentReader({missing}), InputError);

  // A file removed after construction fails when it is reached.
  const std::string vanishing = dir.write("vanishing.txt", "soon gone");
  DocumentReader reader({ok, vanishing});
  fs::remove(vanishing);
  Document doc;
  REQUIRE(reader.next(doc));
  CHECK_THROWS_WITH(reader.next(doc), vanishing + ": cannot read: No such file or directory");
}

TEST_CASE("HTML: main text without scripts and navigation", "[extract][document]") {
  const std::string html =
      "<!DOCTYPE html><html><head><title>Russia &amp; Syria | The Times</title>"
      "<style>p { color: red; }</style>"
      "<script>var s = \"</p><p>not text\"; if (a < b) {}</script></head>"
      "<body><nav><ul><li>Home</li><nav>inner</nav><li>World</li></ul></nav>"
      "<header>Support The Times!</header>"
      "<article><h1>Syria Ready to Join Talks</h1>"
      "<p class=\"lead\" data-x='a>b'>Syria has <b>agreed</b> to take part in\n  Moscow-mediated "
      "talks, the Russian&nbsp;Foreign Ministry said.<br>&#8220;We hope&#x2026;&#8221; it said; "
      "5 &lt; 6 &unknown; &#0;</p>"
      "<!-- <p>commented out</p> -->"
      "<aside>Read more</aside><noscript>Enable JS</noscript>"
      "<table><tr><td>cell one</td><td>cell two</td></tr></table>"
      "</article><footer>© 2012</footer></body></html>";
  const auto page = html_to_text(html);
  CHECK(page.title == "Russia & Syria | The Times");
  CHECK(page.text ==
        "Syria Ready to Join Talks\n\n"
        "Syria has agreed to take part in Moscow-mediated talks, the Russian Foreign Ministry said.\n\n"
        "\u201CWe hope\u2026\u201D it said; 5 < 6 &unknown; \uFFFD\n\n"
        "cell one cell two");

  CHECK(html_to_text("a < b <").text == "a < b <");
  CHECK(html_to_text("<p>unterminated <b").text == "unterminated");
  CHECK(html_to_text("<script>never closed").text.empty());

  TempDir dir;
  const std::string path = dir.write("page.htm", html);
  DocumentReader reader({path});
  const auto docs = read_all(reader);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == "page");
  CHECK(docs[0].title == "Russia & Syria | The Times");
  CHECK(docs[0].text == page.text);
}

TEST_CASE("stdin is JSON Lines or one text document", "[extract][document]") {
  std::istringstream jsonl("\n  \n{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"b\"}\n");
  ReaderOptions options;
  options.standard_input = &jsonl;
  CollectingSink sink;
  DocumentReader reader({"-"}, options, &sink);
  const auto docs = read_all(reader);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == "a");
  CHECK(docs[0].origin == "<stdin>:3");
  CHECK(sink.messages == std::vector<std::string>{"json: <stdin>:4: expected a string field \"text\""});

  std::istringstream text("\n Syria agreed. {not json}\n");
  options.standard_input = &text;
  DocumentReader text_reader({"-"}, options);
  const auto text_docs = read_all(text_reader);
  REQUIRE(text_docs.size() == 1);
  CHECK(text_docs[0].id == "stdin");
  CHECK(text_docs[0].origin == "<stdin>");
  CHECK(text_docs[0].text == "\n Syria agreed. {not json}\n");
}
