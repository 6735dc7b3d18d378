/// @file
/// The JSON form of query results (query.h), as `actorgraph query --json`
/// prints them: one object {"query": <name>, "filter": {...}, ...} per
/// result, pretty-printed with two-space indents, members in a fixed order,
/// empty dates as null. Each function takes the filter the result was
/// computed with and returns the text (no trailing newline).
///
/// Thread safety: the functions only read their arguments.
#pragma once

#include <string>
#include <string_view>

#include "actorgraph/graph/query.h"

namespace actorgraph::graph {

/// `query` names the list: "supporters" or "opponents".
std::string to_json(std::string_view query, const QueryFilter& filter, const StanceList& list);
std::string to_json(const QueryFilter& filter, const Stance& stance);            ///< "stance"
std::string to_json(const QueryFilter& filter, const RelationList& list);        ///< "relations"
std::string to_json(const QueryFilter& filter, const NeighbourList& list);       ///< "neighbours"
std::string to_json(const QueryFilter& filter, const PathResult& path);          ///< "path"
std::string to_json(const QueryFilter& filter, const Blocs& blocs);              ///< "blocs"
std::string to_json(const QueryFilter& filter, const Centrality& centrality);    ///< "central"
std::string to_json(const QueryFilter& filter, const Timeline& timeline);        ///< "timeline"

}  // namespace actorgraph::graph
