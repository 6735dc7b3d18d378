// Helpers shared by the test files: the bundled pipeline (loaded once), the
// shared evaluation folder, files and temporary folders, and running the CLI.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "actorgraph/extract/pipeline.h"
#include "actorgraph/graph/actor_graph.h"

namespace test_support {

// The types most tests build with; a test file says `using namespace
// test_support;` to have them and the helpers below.
using actorgraph::extract::ActorRef;
using actorgraph::extract::Event;
using actorgraph::graph::ActorGraph;

/// Actors the graph, export and query tests build events with.
inline const actorgraph::extract::ActorRef kRussia{"state/RUS", "Russia", "state", "RUS"};
inline const actorgraph::extract::ActorRef kSyria{"state/SYR", "Syria", "state", "SYR"};
inline const actorgraph::extract::ActorRef kAssad{"person/bashar-al-assad", "Bashar al-Assad", "person", "SYR"};
inline const actorgraph::extract::ActorRef kOpposition{"group/SYR-opposition", "Syrian opposition", "group", "SYR"};
inline const actorgraph::extract::ActorRef kIran{"state/IRN", "Iran", "state", "IRN"};
inline const actorgraph::extract::ActorRef kUsa{"state/USA", "United States", "state", "USA"};

/// An asserted event with evidence "<source> <trigger> <target>." starting at
/// code point `start` of document `doc`.
inline actorgraph::extract::Event make_event(const actorgraph::extract::ActorRef& source, const std::string& relation,
                                             const actorgraph::extract::ActorRef& target, const std::string& doc,
                                             const std::string& date, std::size_t start, const std::string& trigger) {
  actorgraph::extract::Event event;
  event.doc = doc;
  event.date = date;
  event.source = source;
  event.relation = relation;
  event.target = target;
  event.evidence.sentence = source.name + " " + trigger + " " + target.name + ".";
  event.evidence.start = start;
  event.evidence.end = start + event.evidence.sentence.size();
  event.evidence.trigger = trigger;
  return event;
}

/// The pipeline over the repository's data/, loaded once for all tests.
inline actorgraph::extract::Pipeline& bundled_pipeline() {
  static actorgraph::extract::Pipeline p([] {
    actorgraph::extract::DataOptions o;
    o.data_dir = std::string(ACTORGRAPH_SOURCE_DIR) + "/data";
    return o;
  }());
  return p;
}

/// ../shared beside the repository, or empty when this checkout has none.
inline std::string shared_dir() {
  std::error_code ec;
  const std::filesystem::path p(ACTORGRAPH_SHARED_DIR);
  return std::filesystem::is_directory(p / "corpus", ec) ? p.string() : std::string();
}

/// The shared folder for a test that needs it; when this checkout has none,
/// says on the test log and stdout that `test` is skipped and returns "".
inline std::string shared_dir_or_skip(const std::string& test) {
  std::string shared = shared_dir();
  if (shared.empty()) {
    WARN("skipped: ../shared is absent");
    std::cout << test << " skipped: ../shared is absent\n";
  }
  return shared;
}

/// The bytes of a file ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Writes `content` to `path`, creating its parent folders; returns `path`.
inline std::string write_file(const std::string& path, const std::string& content) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  std::ofstream out(path, std::ios::binary);
  out << content;
  return path;
}

struct CommandResult {
  int status = -1;  ///< exit code
  std::string out;  ///< stdout (stderr goes where the command line sends it)
};

/// Runs a shell command line and captures its stdout.
inline CommandResult run(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int st = pclose(pipe);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

/// As run(), for callers that want the output and the status apart.
inline std::string run(const std::string& command, int& status) {
  auto r = run(command);
  status = r.status;
  return r.out;
}

/// A fresh temporary directory, removed with the object.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "actorgraph-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& name) const { return (path / name).string(); }
  /// Writes `content` to `relative` inside (creating folders); returns the path.
  std::string write(const std::string& relative, const std::string& content) const {
    return write_file(*this / relative, content);
  }
};

}  // namespace test_support
