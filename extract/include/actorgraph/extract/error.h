/// @file
/// The one family of errors that actorgraph's libraries throw.
///
/// Library code never prints or exits: it throws one of these, and the CLI's
/// `main` catches them, prints one line and maps them to an exit code.
/// Messages name the file, the line and the offending text where there is
/// one, e.g. `actors.tsv:42: expected at least 3 tab-separated fields, got 2`.
#pragma once

#include <stdexcept>
#include <string>

namespace actorgraph {

/// Root of all actorgraph errors.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An input document, file or directory could not be read or is malformed.
class InputError : public Error {
 public:
  using Error::Error;
};

/// A dictionary or pattern file is malformed (file and line in the message).
class DictionaryError : public Error {
 public:
  using Error::Error;
};

/// An output could not be written.
class ExportError : public Error {
 public:
  using Error::Error;
};

/// Counted, recoverable problems (a bad JSON line, an unparseable sentence)
/// are reported through this callback rather than thrown. `kind` is a short
/// stable tag ("json", "utf8", "binary", "parse"); `message` names the file
/// and line. A null handler ignores warnings.
struct WarningSink {
  virtual ~WarningSink() = default;
  virtual void warn(const std::string& kind, const std::string& message) = 0;
};

}  // namespace actorgraph
