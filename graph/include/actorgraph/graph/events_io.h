/// @file
/// Reading events JSON Lines (ONTOLOGY.md, "Record formats") into an
/// ActorGraph, e.g. to rebuild a graph from a previous `extract` run.
///
/// A line that does not parse as an event is a recoverable problem: it is
/// reported to the WarningSink with kind "json" and a message
/// "<file>:<line>: expected ..." and skipped. Blank lines are ignored.
///
/// Thread safety: the functions change only the graph they are given.
#pragma once

#include <cstddef>
#include <istream>
#include <string>

#include "actorgraph/extract/error.h"
#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::graph {

/// Adds every event of a JSON Lines stream to `graph`. `name` is used in
/// messages ("name:line: ..."); `warnings` may be null. Returns the number of
/// events added. Throws InputError "name: read error" if the stream fails
/// other than at its end, and whatever the sink throws (a strict sink may
/// turn warnings into errors).
std::size_t add_events(ActorGraph& graph, std::istream& in, const std::string& name,
                       WarningSink* warnings);

/// As add_events, from the file at `path`. Throws InputError
/// "<path>: cannot open: <reason>" when the file cannot be opened.
void add_events_file(ActorGraph& graph, const std::string& path, WarningSink* warnings);

}  // namespace actorgraph::graph
