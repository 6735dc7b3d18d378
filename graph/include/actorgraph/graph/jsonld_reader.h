/// @file
/// Reading back the JSON-LD graph that exporter::write_jsonld writes
/// (ONTOLOGY.md, "In the JSON-LD graph"), and loading a graph file of either
/// kind the CLI accepts (JSON-LD or events JSON Lines).
///
/// What is read:
/// - Actor nodes ("@type" containing "Actor"): "@id" (relative to the base
///   https://actorgraph.org/actor/, percent-encoding undone), name,
///   alternateName, kind, country, and sameAs (a Wikidata entity IRI, stored
///   as its Q-id). The direct statements on actors ("supplies": [...]) are
///   derived from the Relation nodes and are not read.
/// - Relation nodes ("@type" "Relation"): source, target, relationType,
///   negated and every evidence node (document, sentence, start, end, date,
///   trigger, modality, confidence, attributedTo, item). Each evidence node
///   becomes one relation instance added with ActorGraph::add(), so count,
///   firstDate, lastDate, polarity and the modality counts are recomputed
///   from the evidence; where the stored values disagree with the recomputed
///   ones a warning of kind "jsonld" is reported.
///   An evidence node without "confidence" gets a NaN confidence, which the
///   writer leaves out again (it writes only finite confidences).
///
/// Guarantee: for a graph `g` written by write_jsonld, reading the file into
/// an empty graph and writing it again gives identical bytes.
///
/// Errors: the whole document is parsed and checked before the graph is
/// touched, so on an InputError the graph is unchanged. Messages name the
/// file, the place in the document (a JSON path such as
/// "@graph[12].evidence[0].start", or the line and column of a syntax error)
/// and what was expected.
///
/// Thread safety: the functions change only the graph they are given.
#pragma once

#include <istream>
#include <string>

#include "actorgraph/extract/error.h"
#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::graph {

/// Adds the actors and relations of a JSON-LD graph read from `in` to
/// `graph`, then calls graph.finalize(). `name` is used in messages
/// ("name: @graph[3]: expected ..."); `warnings` may be null. Throws
/// InputError when the stream is not a JSON object with an "@graph" array
/// of actor and relation nodes, when a relation's type is not one of the 20
/// types, or when a field has the wrong JSON type; nodes of other types are
/// skipped with a "jsonld" warning.
void read_jsonld(std::istream& in, const std::string& name, ActorGraph& graph,
                 WarningSink* warnings = nullptr);

/// As read_jsonld, from the file at `path`. Throws InputError
/// "<path>: cannot open: <reason>" when the file cannot be opened.
void read_jsonld_file(const std::string& path, ActorGraph& graph, WarningSink* warnings = nullptr);

/// What a graph file holds, as load_graph_file decides it.
enum class GraphFileFormat { jsonld, events };

/// Decides the format of a graph file from its content: the first
/// non-blank line (after a UTF-8 BOM) must start with '{'; when that line is
/// a complete JSON object without "@context" or "@graph" the file is events
/// JSON Lines, otherwise (a pretty-printed document, or a one-line object
/// with "@context"/"@graph") it is JSON-LD. An empty or blank file is decided
/// by its extension (.jsonl and .ndjson: events; anything else: JSON-LD).
/// Throws InputError "<path>: cannot open: ..." or "<path>: expected a
/// JSON-LD graph or events JSON Lines (a '{'), got ...".
GraphFileFormat detect_graph_file(const std::string& path);

/// Loads a graph file into `graph`: JSON-LD through read_jsonld_file, events
/// JSON Lines through add_events_file (bad lines are "json" warnings), as
/// detect_graph_file decides; then finalizes the graph.
void load_graph_file(const std::string& path, ActorGraph& graph, WarningSink* warnings = nullptr);

}  // namespace actorgraph::graph
