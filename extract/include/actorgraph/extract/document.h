/// @file
/// A news document as it enters the pipeline, and the readers that stream
/// documents from plain text, JSON Lines, HTML, directories and stdin.
///
/// Thread safety: a DocumentReader is used by one thread at a time;
/// Documents are plain values.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/extract/error.h"

namespace actorgraph::extract {

/// One document: the unit that evidence refers to.
struct Document {
  std::string id;      ///< stable id: JSON `id`, else the file name without extension
  std::string date;    ///< ISO 8601 date when known, else empty
  std::string source;  ///< publisher or feed, may be empty
  std::string title;   ///< may be empty
  std::string text;    ///< UTF-8 body (repaired if the input was not valid UTF-8)
  std::string origin;  ///< where it came from, "file" or "file:line", for messages
};

/// What a reader counted; the CLI prints it at the end of a run.
struct ReaderStats {
  std::size_t documents = 0;              ///< documents handed out
  std::size_t files = 0;                  ///< files opened
  std::map<std::string, std::size_t> skipped;  ///< reason -> count
  std::size_t invalid_utf8 = 0;           ///< invalid UTF-8 sequences replaced
};

struct ReaderOptions {
  /// Stop at the first recoverable input problem (bad JSON line, binary or
  /// empty file, invalid UTF-8): next() throws an InputError carrying the
  /// warning's message. Off, the problem is warned about and reading goes
  /// on. (The CLI's --strict does not stop: it reads on and exits with 3.)
  bool fail_fast = false;
  /// The stream read for the input "-"; null means std::cin. Not owned.
  std::istream* standard_input = nullptr;
};

/// Streams documents from a list of inputs without holding the corpus in
/// memory: plain text files (one document each, id from the file name),
/// `.jsonl` files (one document a line, FORMAT.md), `.html`/`.htm` files,
/// directories (recursively, in sorted order) and `-` for stdin (JSON Lines
/// when its first non-blank character is `{`, else one text document).
///
/// Inputs are read in the order given. A directory contributes its regular
/// files, recursively, sorted by path; names starting with `.` (".git",
/// ".DS_Store") are skipped there, and symbolic links to directories are not
/// followed. Files are recognised by extension, case-insensitively:
/// `.jsonl`/`.ndjson` are JSON Lines, `.html`/`.htm` HTML (see html_to_text),
/// anything else is one text document whose id is the file name without its
/// extension. A file that looks binary (a NUL byte or over 30% control bytes
/// in its first 8 KiB) is skipped.
///
/// JSON Lines: each non-blank line an object with string "id" (non-empty)
/// and "text", optional string (or null) "date", "source", "title". `origin`
/// is "file:line" ("<stdin>:line" for stdin).
///
/// Warnings (kind: message), each also counted in stats().skipped except
/// "utf8", where the text is repaired and kept:
///   json:   "file:line: expected ..." (the line is skipped)
///   binary: "file: binary file skipped"
///   empty:  "file: empty text skipped" / "file:line: empty text skipped"
///   utf8:   "file: N invalid UTF-8 sequences replaced", once per file
///
/// Throws InputError "path: cannot read: reason" from the constructor for an
/// input path that does not exist, cannot be accessed or is a directory that
/// cannot be listed, and from next() if a listed file has become unreadable.
/// Under `options.fail_fast` next() throws InputError with the warning message
/// instead of warning (for invalid UTF-8 in JSON Lines: "file:line: N invalid
/// UTF-8 sequences" at the first offending line).
class DocumentReader {
 public:
  /// Checks and expands the inputs (see the class comment); `warnings` may be
  /// null (warnings are dropped) and must outlive the reader.
  DocumentReader(std::vector<std::string> inputs, ReaderOptions options = {},
                 WarningSink* warnings = nullptr);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  /// Fills `doc` with the next document; returns false at the end. Throws
  /// InputError as described in the class comment.
  bool next(Document& doc);

  const ReaderStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The main text of an HTML page, extracted by a simple scanner (no DOM).
struct HtmlText {
  std::string title;  ///< contents of <title>, entities decoded, white space collapsed
  std::string text;   ///< paragraphs separated by a blank line
};

/// Drops comments and the contents of <script>, <style>, <nav>, <header>,
/// <footer>, <aside>, <noscript>, <template>, <svg> and <iframe>; block tags
/// (p, div, br, h1-h6, li, tr, article, section, title, ...) become paragraph
/// breaks; other white space collapses to one space; the common named
/// entities and numeric ones (&#NNN; &#xHH;) are decoded. Never throws on
/// malformed markup; does not repair invalid UTF-8.
HtmlText html_to_text(std::string_view html);

}  // namespace actorgraph::extract
