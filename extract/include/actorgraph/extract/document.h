/// @file
/// A news document as it enters the pipeline, and the readers that stream
/// documents from plain text, JSON Lines, HTML, directories and stdin.
///
/// Thread safety: a DocumentReader is used by one thread at a time;
/// Documents are plain values.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
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
};

struct ReaderOptions {
  bool strict = false;  ///< turn recoverable input problems into InputError
};

/// Streams documents from a list of inputs without holding the corpus in
/// memory: plain text files (one document each, id from the file name),
/// `.jsonl` files (one document a line, FORMAT.md), `.html`/`.htm` files,
/// directories (recursively, in sorted order) and `-` for stdin (JSON Lines
/// when its first non-blank character is `{`, else one text document).
///
/// Throws InputError for a missing or unreadable path; bad lines, binary
/// files and broken encodings become warnings (errors under `strict`).
class DocumentReader {
 public:
  DocumentReader(std::vector<std::string> inputs, ReaderOptions options = {},
                 WarningSink* warnings = nullptr);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  /// Fills `doc` with the next document; returns false at the end.
  bool next(Document& doc);

  const ReaderStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::extract
