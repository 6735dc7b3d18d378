// Events JSON Lines -> ActorGraph.

#include "actorgraph/graph/events_io.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>

namespace actorgraph::graph {

std::size_t add_events(ActorGraph& graph, std::istream& in, const std::string& name,
                       WarningSink* warnings) {
  std::size_t added = 0;
  std::size_t number = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++number;
    std::string_view text(line);
    if (number == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = name + ":" + std::to_string(number);
    try {
      const extract::Event event = extract::event_from_json(text, where);
      graph.add(event);
      ++added;
    } catch (const InputError& error) {
      // event_from_json names `where` itself; add() names only the document.
      std::string message = error.what();
      if (message.compare(0, where.size() + 1, where + ":") != 0) message = where + ": " + message;
      if (warnings) warnings->warn("json", message);
    }
  }
  if (in.bad()) throw InputError(name + ": read error after line " + std::to_string(number));
  return added;
}

void add_events_file(ActorGraph& graph, const std::string& path, WarningSink* warnings) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw InputError(path + ": cannot open: is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    throw InputError(path + ": cannot open: " +
                     (error ? std::string(std::strerror(error)) : std::string("unknown error")));
  }
  add_events(graph, in, path, warnings);
}

}  // namespace actorgraph::graph
