/// @file
/// Read-only writers of the actor graph: JSON-LD (RapidJSON), DOT (cgraph),
/// diagrams (gvc: SVG, PNG, PDF), GraphML (Boost write_graphml), a Neo4j
/// import folder (CSV + Cypher) and an event table (TSV), and the atomic
/// file replacement they all use.
///
/// None of them changes the graph. Each writer to a path writes a temporary
/// file beside it and renames it into place, so a failed or interrupted run
/// leaves any previous file intact. They throw ExportError naming the path.
///
/// Output is deterministic: every writer walks actors sorted by id and
/// relations sorted by (source, relation, target, negated), whether or not
/// the graph was finalized, so the same set of events gives the same bytes.
///
/// Filters (DiagramOptions, diagram.h) make a filtered copy; the DOT and
/// diagram writers apply them themselves, the others are given the copy.
///
/// Threads: the writers only read the graph. The Graphviz-based ones
/// (to_dot, write_dot_file, render_file) serialise on one internal lock,
/// since Graphviz keeps global state; its messages are captured into the
/// ExportError rather than printed.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "actorgraph/export/diagram.h"
#include "actorgraph/graph/actor_graph.h"

namespace actorgraph::exporter {

/// Writes through `fill` into `path` atomically (temporary file + rename).
/// Throws ExportError naming the path if it cannot be written.
///
/// The temporary file is `path + ".tmp.<pid>"` in the same directory; it is
/// flushed, checked, fsync'ed and renamed over `path`. On any failure it is
/// removed and `path` keeps its previous content. Errors: ExportError
/// "<path>: cannot write: <reason>" (reason from errno, e.g. "No space left
/// on device", "Not a directory", or the what() of a std::exception thrown
/// by `fill`); an ExportError thrown by `fill` is passed on unchanged.
///
/// Interruption: each call installs a handler for SIGINT, SIGTERM and
/// SIGHUP (only for those still at their default action; a program's own
/// handler or an ignored signal is left alone). While a temporary file
/// exists it is listed for that handler, which unlinks every listed file
/// (async-signal-safe) and then re-raises the signal with its default action,
/// so an interrupted run leaves neither a partial file nor a changed `path`.
/// Up to 64 writes in flight at once are listed.
///
/// Threads: may be called from several threads for different paths.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill);

/// JSON-LD 1.1 with an inline @context (ONTOLOGY.md shape).
///
/// {"@context": {...}, "@graph": [actors..., relations...]}, pretty-printed
/// with a final newline. Vocabulary: @vocab https://actorgraph.org/ns#;
/// actor ids are relative to "@base" https://actorgraph.org/actor/
/// ("state/RUS"); relation nodes are
/// https://actorgraph.org/relation/<source>/<type>/<target>[/negated].
/// Actors: "@type" ["Actor", schema class by kind], kind, name
/// (schema:name), alternateName (schema:alternateName), country, sameAs
/// (Wikidata entity IRI) and, for each plain edge (RelationEdge::plain()),
/// the direct statement `"<type>": [{"@id": "<target>"}]` (symmetric types
/// on both actors). Relations: "@type" "Relation", source, target,
/// relationType (the property IRI), polarity, negated, modality, count,
/// firstDate, lastDate (xsd:date) and evidence (prov:wasDerivedFrom) nodes
/// with document, sentence, start, end, date, trigger, modality, confidence,
/// attributedTo (prov:wasAttributedTo, an actor IRI), item. Empty values are
/// left out.
void write_jsonld(const graph::ActorGraph& graph, std::ostream& out);
void write_jsonld_file(const graph::ActorGraph& graph, const std::string& path);

/// Graphviz DOT built with cgraph: node shape by kind, edge colour by polarity,
/// label "relation ×count"; negated edges dashed, hypothetical dotted.
///
/// `options` filters first (filter_graph) and picks the layout
/// (choose_layout), which is stored as the graph's `layout` attribute so
/// that any Graphviz command lays the file out the same way.
/// Nodes are named by actor id, labelled with the name, tooltip id and
/// country; edges carry the key "<relation>" or "not <relation>" and the
/// first evidence sentence as tooltip. Graph: for `dot` rankdir=TB,
/// overlap=false; for the force-directed engines overlap=prism, sep=+14,
/// pack=true; splines=true. Shapes: state box, person ellipse, igo hexagon,
/// group octagon, force box3d, bloc tripleoctagon, anything else plaintext.
/// Edge colours: + #2e7d32, - #c62828, 0 #1565c0, . #757575; penwidth
/// 1 + ln(count), at most 6; symmetric relations have arrowheads at both
/// ends. With `options.legend`, a subgraph "cluster_legend" shows the kinds
/// and the polarities and line styles that occur, and the width scale.
/// Throws ExportError "DOT: ..." if cgraph fails, InputError from the filters.
std::string to_dot(const graph::ActorGraph& graph, const DiagramOptions& options = {});
void write_dot_file(const graph::ActorGraph& graph, const std::string& path,
                    const DiagramOptions& options = {});

/// Renders the graph through gvc to `format` ("svg", "png", "pdf") at
/// `path`, drawn as to_dot() draws it: filters, lays out (choose_layout),
/// renders to memory, then writes atomically. Throws ExportError
/// "<path>: cannot lay out with \"<layout>\": ..." or
/// "<path>: cannot render as \"<format>\": ..." with Graphviz's own
/// message. Keeps one Graphviz context (plugins loaded once) for the life of
/// the process.
void render_file(const graph::ActorGraph& graph, const std::string& path,
                 const std::string& format, const DiagramOptions& options);
/// As above with no filter; `layout` empty chooses (choose_layout).
void render_file(const graph::ActorGraph& graph, const std::string& path,
                 const std::string& format = "svg", const std::string& layout = "");

/// GraphML through boost::write_graphml with dynamic_properties. Nodes
/// ("n0", "n1" ... in actor id order) carry id, name, kind, country,
/// wikidata and aliases (joined by "; "); edges (in relation order) carry
/// relation, polarity, negated (boolean), count (long), evidence_count
/// (long), first_date, last_date, modality (RelationEdge::modality()) and
/// sentence (the first evidence sentence by date). Empty values are written
/// as empty strings, so every element has every key.
void write_graphml(const graph::ActorGraph& graph, std::ostream& out);
void write_graphml_file(const graph::ActorGraph& graph, const std::string& path);

/// The three files of a Neo4j import, written into `dir` (created if
/// missing), each atomically:
/// - nodes.csv, header `id:ID,name,kind,country,wikidata,aliases:string[],:LABEL`;
///   labels "Actor;<Kind>" (State, Force, Person, IGO, Group, Bloc,
///   Unknown).
/// - relationships.csv, header `:START_ID,:END_ID,:TYPE,count:int,
///   negated:boolean,polarity,first_date:date,last_date:date,modality,
///   sentences:string[]`; :TYPE is the relation in upper case (SUPPLIES),
///   the same for negated edges, which negated:boolean tells apart.
/// - load.cypher: LOAD CSV WITH HEADERS + MERGE on (Actor.id) and on
///   (source, type, target, negated), so it loads incrementally.
/// Fields are quoted as RFC 4180 wants (a field holding a comma, quote or
/// line break is quoted, quotes doubled). Arrays are joined by ';' (the
/// neo4j-admin `--array-delimiter` default); a ';' inside an alias or
/// sentence is written as ',' and line breaks as spaces, so that elements
/// never split. Throws ExportError naming the file.
void write_neo4j_dir(const graph::ActorGraph& graph, const std::string& dir);
void write_neo4j_nodes(const graph::ActorGraph& graph, std::ostream& out);
void write_neo4j_relationships(const graph::ActorGraph& graph, std::ostream& out);
void write_neo4j_cypher(std::ostream& out);

/// The event table: tab-separated, a header line, then one row per evidence
/// record: date, source_id, source_name, source_country, relation,
/// cameo_root, plover (event_codes()), target_id, target_name,
/// target_country, negated (true/false), modality, doc, sentence. Tabs,
/// line breaks and other control characters in text become spaces. Rows
/// are ordered by (date, doc, start, end, source, relation, target,
/// negated); symmetric relations appear once, as stored.
void write_event_table(const graph::ActorGraph& graph, std::ostream& out);
void write_event_table_file(const graph::ActorGraph& graph, const std::string& path);

}  // namespace actorgraph::exporter
