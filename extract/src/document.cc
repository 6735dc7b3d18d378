#include "actorgraph/extract/document.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>
#include <utility>

#include "actorgraph/extract/detail/json.h"
#include "actorgraph/extract/text.h"

namespace actorgraph::extract {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSniffBytes = 8192;
constexpr char kStdinName[] = "<stdin>";

enum class Format { kJsonLines, kHtml, kText };

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), is_space);
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

Format format_of(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ascii_lower);
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
  return Format::kText;
}

// Text files are occasionally images, archives or compiled files that ended
// up in a corpus directory; their bytes would only produce noise.
bool looks_binary(std::string_view head) {
  if (head.find('\0') != std::string_view::npos) return true;
  std::size_t control = 0;
  for (unsigned char c : head)
    if ((c < 0x20 && !is_space(static_cast<char>(c))) || c == 0x7F) ++control;
  return control * 10 > head.size() * 3;
}

std::string reason(int err) { return err != 0 ? std::strerror(err) : "unknown error"; }

[[noreturn]] void throw_unreadable(const std::string& path, const std::string& why) {
  throw InputError(path + ": cannot read: " + why);
}

// Reads the rest of `in` onto `out`.
void read_all(std::istream& in, std::string& out, const std::string& name) {
  std::array<char, 65536> buffer;
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0)
    out.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw_unreadable(name, "I/O error");
}

// Lines of a stream, after a prefix that was already read from it (the bytes
// sniffed for binary content, or the white space before stdin's first '{').
class LineSource {
 public:
  LineSource(std::istream& in, std::string prefix) : in_(in), prefix_(std::move(prefix)) {}

  bool read(std::string& line) {
    if (pos_ < prefix_.size()) {
      const std::size_t nl = prefix_.find('\n', pos_);
      if (nl != std::string::npos) {
        line.assign(prefix_, pos_, nl - pos_);
        pos_ = nl + 1;
        return true;
      }
      line.assign(prefix_, pos_, std::string::npos);
      prefix_ = std::string();
      pos_ = 0;
      std::string rest;
      if (std::getline(in_, rest)) line += rest;
      return true;
    }
    return static_cast<bool>(std::getline(in_, line));
  }

  bool bad() const { return in_.bad(); }

 private:
  std::istream& in_;
  std::string prefix_;
  std::size_t pos_ = 0;
};

// Lists the regular files under `dir`, recursively; skips hidden entries and
// does not follow symbolic links to directories (no cycles).
void list_directory(const fs::path& dir, std::vector<fs::path>& files) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) throw_unreadable(dir.string(), ec.message());
  for (const fs::directory_iterator end; it != end;) {
    const fs::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    if (!name.empty() && name[0] != '.') {
      std::error_code type_ec;
      if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
        list_directory(entry.path(), files);
      } else if (entry.is_regular_file(type_ec)) {
        files.push_back(entry.path());
      }
    }
    it.increment(ec);
    if (ec) throw_unreadable(dir.string(), ec.message());
  }
}

// --- HTML ------------------------------------------------------------------

struct Entity {
  std::string_view name;
  std::string_view text;
};

// The named entities news pages use; others are left as written.
constexpr std::array<Entity, 40> kEntities = {{
    {"amp", "&"},        {"lt", "<"},         {"gt", ">"},         {"quot", "\""},
    {"apos", "'"},       {"nbsp", " "},       {"ndash", "\u2013"}, {"mdash", "\u2014"},
    {"hellip", "\u2026"}, {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201C"},
    {"rdquo", "\u201D"}, {"sbquo", "\u201A"}, {"bdquo", "\u201E"}, {"laquo", "\u00AB"},
    {"raquo", "\u00BB"}, {"copy", "\u00A9"},  {"reg", "\u00AE"},   {"trade", "\u2122"},
    {"euro", "\u20AC"},  {"pound", "\u00A3"}, {"deg", "\u00B0"},   {"middot", "\u00B7"},
    {"bull", "\u2022"},  {"times", "\u00D7"}, {"shy", ""},         {"eacute", "\u00E9"},
    {"egrave", "\u00E8"}, {"aacute", "\u00E1"}, {"iacute", "\u00ED"}, {"oacute", "\u00F3"},
    {"uacute", "\u00FA"}, {"ntilde", "\u00F1"}, {"ccedil", "\u00E7"}, {"auml", "\u00E4"},
    {"ouml", "\u00F6"},  {"uuml", "\u00FC"},  {"szlig", "\u00DF"}, {"Eacute", "\u00C9"},
}};

// Elements whose whole content is not article text.
constexpr std::array<std::string_view, 10> kSkippedElements = {
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "iframe"};

// Elements that separate paragraphs.
constexpr std::array<std::string_view, 40> kBlockElements = {
    "p",       "div",     "br",         "h1",      "h2",      "h3",      "h4",     "h5",
    "h6",      "li",      "tr",         "article", "section", "title",   "ul",     "ol",
    "dl",      "dt",      "dd",         "table",   "thead",   "tbody",   "tfoot",  "caption",
    "blockquote", "main", "figure",     "figcaption", "hr",   "pre",     "address", "form",
    "fieldset", "details", "summary",   "body",    "head",    "html",    "center", "legend"};

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}


class HtmlScanner {
 public:
  explicit HtmlScanner(std::string_view html) : h_(html) {}

  HtmlText run() {
    while (i_ < h_.size()) {
      const char c = h_[i_];
      if (c == '<') {
        markup();
      } else if (c == '&') {
        entity();
      } else {
        character(std::string_view(&h_[i_], 1));
        ++i_;
      }
    }
    return {std::move(title_), std::move(text_)};
  }

 private:
  bool starts_with_at(std::size_t at, std::string_view s) const {
    return h_.substr(at, s.size()) == s;
  }

  // Position of "</name" (any case) at or after `from`, or npos.
  std::size_t find_closing(std::size_t from, std::string_view name) const {
    for (std::size_t at = h_.find("</", from); at != std::string_view::npos; at = h_.find("</", at + 2)) {
      std::size_t k = 0;
      while (k < name.size() && at + 2 + k < h_.size() && ascii_lower(h_[at + 2 + k]) == name[k]) ++k;
      if (k == name.size()) return at;
    }
    return std::string_view::npos;
  }

  void markup() {
    if (starts_with_at(i_, "<!--")) {
      const std::size_t end = h_.find("-->", i_ + 4);
      i_ = end == std::string_view::npos ? h_.size() : end + 3;
      return;
    }
    const std::size_t after = i_ + 1;
    if (after < h_.size() && (h_[after] == '!' || h_[after] == '?')) {  // doctype, processing instruction
      const std::size_t end = h_.find('>', after);
      i_ = end == std::string_view::npos ? h_.size() : end + 1;
      return;
    }
    const bool closing = after < h_.size() && h_[after] == '/';
    std::size_t p = after + (closing ? 1 : 0);
    if (p >= h_.size() || !is_ascii_alpha(h_[p])) {  // a literal '<'
      character("<");
      ++i_;
      return;
    }
    std::string name;
    while (p < h_.size() && (std::isalnum(static_cast<unsigned char>(h_[p])) || h_[p] == '-' || h_[p] == ':')) {
      if (name.size() < 32) name += ascii_lower(h_[p]);
      ++p;
    }
    // The end of the tag, skipping quoted attribute values.
    char quote = 0;
    for (; p < h_.size(); ++p) {
      const char c = h_[p];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (p >= h_.size()) {  // unterminated tag: drop the rest
      i_ = h_.size();
      return;
    }
    const bool self_closing = p > i_ && h_[p - 1] == '/';
    i_ = p + 1;
    tag(name, closing, self_closing);
    if (!closing && !self_closing && (name == "script" || name == "style")) {
      // Raw text: the content may contain '<' and must not be parsed as tags.
      const std::size_t end = find_closing(i_, name);
      i_ = end == std::string_view::npos ? h_.size() : end;
    }
  }

  void tag(const std::string& name, bool closing, bool self_closing) {
    if (skip_depth_ > 0) {
      if (name == skip_name_) {
        if (closing) {
          --skip_depth_;
        } else if (!self_closing) {
          ++skip_depth_;
        }
      }
      return;
    }
    if (!closing && !self_closing && one_of(name, kSkippedElements)) {
      skip_name_ = name;
      skip_depth_ = 1;
      return;
    }
    if (name == "title") in_title_ = !closing && !self_closing;
    if (one_of(name, kBlockElements)) {
      pending_break_ = true;
    } else if (name == "td" || name == "th") {
      pending_space_ = true;
    }
  }

  void entity() {
    const std::size_t start = i_ + 1;
    if (start < h_.size() && h_[start] == '#') {
      std::size_t p = start + 1;
      const bool hex = p < h_.size() && (h_[p] == 'x' || h_[p] == 'X');
      if (hex) ++p;
      std::uint32_t value = 0;
      const std::size_t digits_start = p;
      for (; p < h_.size(); ++p) {
        const char c = h_[p];
        int digit;
        if (c >= '0' && c <= '9') {
          digit = c - '0';
        } else if (hex && c >= 'a' && c <= 'f') {
          digit = c - 'a' + 10;
        } else if (hex && c >= 'A' && c <= 'F') {
          digit = c - 'A' + 10;
        } else {
          break;
        }
        value = std::min<std::uint32_t>(value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit), 0x110000);
      }
      if (p == digits_start) {
        character("&");
        ++i_;
        return;
      }
      if (p < h_.size() && h_[p] == ';') ++p;
      i_ = p;
      if (value == 0xA0 || value == ' ' || value == '\t' || value == '\n' || value == '\r') {
        character(" ");
      } else {
        std::string decoded;
        append_utf8(decoded, static_cast<char32_t>(value));
        character(decoded);
      }
      return;
    }
    std::size_t p = start;
    while (p < h_.size() && p - start < 10 && std::isalnum(static_cast<unsigned char>(h_[p]))) ++p;
    if (p < h_.size() && h_[p] == ';') {
      const std::string_view name = h_.substr(start, p - start);
      for (const Entity& e : kEntities) {
        if (e.name == name) {
          i_ = p + 1;
          if (!e.text.empty()) character(e.text);
          return;
        }
      }
    }
    character("&");
    ++i_;
  }

  // One piece of character data (a byte or a decoded entity).
  void character(std::string_view s) {
    if (skip_depth_ > 0) return;
    if (s.size() == 1 && is_space(s[0])) {
      pending_space_ = true;
      if (in_title_) title_space_ = true;
      return;
    }
    if (in_title_) {
      // The title is metadata, as in JSON Lines, not part of the body text.
      if (title_space_ && !title_.empty()) title_ += ' ';
      title_space_ = false;
      title_ += s;
      return;
    }
    if (!text_.empty()) {
      if (pending_break_) {
        text_ += "\n\n";
      } else if (pending_space_) {
        text_ += ' ';
      }
    }
    pending_break_ = false;
    pending_space_ = false;
    text_ += s;
  }

  std::string_view h_;
  std::size_t i_ = 0;
  std::string text_;
  std::string title_;
  bool pending_space_ = false;
  bool pending_break_ = false;
  bool in_title_ = false;
  bool title_space_ = false;
  std::string skip_name_;
  int skip_depth_ = 0;
};

}  // namespace

HtmlText html_to_text(std::string_view html) { return HtmlScanner(html).run(); }

// --- DocumentReader --------------------------------------------------------

struct DocumentReader::Impl {
  struct Source {
    std::string path;  // "-" for stdin
    Format format = Format::kText;
  };

  ReaderOptions options;
  WarningSink* warnings = nullptr;
  ReaderStats stats;
  std::vector<Source> sources;
  std::size_t next_source = 0;

  // The JSON Lines input being read, if any.
  std::unique_ptr<std::ifstream> file;
  std::unique_ptr<LineSource> lines;
  std::string name;  // for messages: the path, or "<stdin>"
  std::size_t line_number = 0;
  std::size_t file_invalid_utf8 = 0;
  std::string line;  // reused: lines may be very long

  void report(const std::string& kind, const std::string& message, bool skipped) {
    if (options.fail_fast) throw InputError(message);
    if (skipped) ++stats.skipped[kind];
    if (warnings != nullptr) warnings->warn(kind, message);
  }

  void report_utf8(const std::string& where, std::size_t count) {
    stats.invalid_utf8 += count;
    const std::string n = std::to_string(count);
    if (options.fail_fast) throw InputError(where + ": " + n + " invalid UTF-8 sequences");
    if (warnings != nullptr) warnings->warn("utf8", where + ": " + n + " invalid UTF-8 sequences replaced");
  }

  bool next(Document& doc) {
    for (;;) {
      if (lines) {
        if (next_line(doc)) return true;
        finish_lines();
        continue;
      }
      if (next_source == sources.size()) return false;
      if (open(sources[next_source++], doc)) return true;
    }
  }

  // Opens a source; returns true if it was a whole-file document now in `doc`.
  bool open(const Source& source, Document& doc) {
    ++stats.files;
    std::string head;
    std::istream* in = nullptr;
    Format format = source.format;
    if (source.path == "-") {
      in = options.standard_input != nullptr ? options.standard_input : &std::cin;
      name = kStdinName;
      // JSON Lines when the first non-blank character is '{'.
      for (int c; (c = in->peek()) != std::char_traits<char>::eof() && is_space(static_cast<char>(c));)
        head += static_cast<char>(in->get());
      format = in->peek() == '{' ? Format::kJsonLines : Format::kText;
      if (in->bad()) throw_unreadable(name, "I/O error");
    } else {
      name = source.path;
      errno = 0;
      file = std::make_unique<std::ifstream>(source.path, std::ios::binary);
      if (!*file) throw_unreadable(name, reason(errno));
      in = file.get();
      head.resize(kSniffBytes);
      in->read(head.data(), static_cast<std::streamsize>(head.size()));
      head.resize(static_cast<std::size_t>(in->gcount()));
      if (in->bad()) throw_unreadable(name, "I/O error");
      if (looks_binary(head)) {
        file.reset();
        report("binary", name + ": binary file skipped", true);
        return false;
      }
    }

    if (format == Format::kJsonLines) {
      in->clear(in->rdstate() & std::ios::badbit);
      line_number = 0;
      file_invalid_utf8 = 0;
      lines = std::make_unique<LineSource>(*in, std::move(head));
      return false;
    }

    std::string content = std::move(head);
    read_all(*in, content, name);
    file.reset();
    if (source.path == "-" && looks_binary(std::string_view(content).substr(0, kSniffBytes))) {
      report("binary", name + ": binary file skipped", true);
      return false;
    }
    Document result;
    if (format == Format::kHtml) {
      HtmlText html = html_to_text(content);
      result.text = std::move(html.text);
      result.title = std::move(html.title);
    } else {
      result.text = std::move(content);
      if (result.text.compare(0, 3, "\xEF\xBB\xBF") == 0) result.text.erase(0, 3);
    }
    result.id = source.path == "-" ? "stdin" : fs::path(source.path).stem().string();
    result.origin = name;
    const std::size_t invalid = repair_utf8(result.text) + repair_utf8(result.title) + repair_utf8(result.id);
    if (invalid > 0) report_utf8(name, invalid);
    if (is_blank(result.text)) {
      report("empty", name + ": empty text skipped", true);
      return false;
    }
    doc = std::move(result);
    ++stats.documents;
    return true;
  }

  void finish_lines() {
    if (lines->bad()) throw_unreadable(name, "I/O error");
    lines.reset();
    file.reset();
    if (file_invalid_utf8 > 0 && !options.fail_fast) {
      if (warnings != nullptr)
        warnings->warn("utf8", name + ": " + std::to_string(file_invalid_utf8) +
                                   " invalid UTF-8 sequences replaced");
    }
    file_invalid_utf8 = 0;
  }

  // The next valid document of the current JSON Lines input.
  bool next_line(Document& doc) {
    while (lines->read(line)) {
      ++line_number;
      if (line_number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
      if (is_blank(line)) continue;
      const std::string where = name + ":" + std::to_string(line_number);
      if (parse_line(where, doc)) return true;
    }
    return false;
  }

  bool bad_line(const std::string& where, const std::string& expected) {
    report("json", where + ": " + expected, true);
    return false;
  }

  bool parse_line(const std::string& where, Document& doc) {
    if (line.find('\0') != std::string::npos)
      return bad_line(where, "expected a JSON object, got a NUL byte");
    // In situ: strings stay in the line buffer. Iterative: deeply nested
    // input cannot exhaust the stack. Default flags accept invalid UTF-8,
    // which is repaired below.
    rapidjson::Document json;
    json.ParseInsitu<rapidjson::kParseIterativeFlag>(line.data());
    if (json.HasParseError()) {
      return bad_line(where, std::string("expected a JSON object, got invalid JSON (") +
                                 rapidjson::GetParseError_En(json.GetParseError()) + " at byte " +
                                 std::to_string(json.GetErrorOffset()) + ")");
    }
    if (!json.IsObject())
      return bad_line(where, std::string("expected a JSON object, got ") + detail::json_type_name(json));

    Document result;
    auto field = [&](const char* key, std::string& out, bool required) -> bool {
      const auto it = json.FindMember(key);
      if (it == json.MemberEnd() || (!required && it->value.IsNull())) {
        if (required) return bad_line(where, std::string("expected a string field \"") + key + "\"");
        return true;
      }
      if (!it->value.IsString()) {
        return bad_line(where, std::string("expected \"") + key + "\" to be a string, got " +
                                   detail::json_type_name(it->value));
      }
      out.assign(it->value.GetString(), it->value.GetStringLength());
      return true;
    };
    if (!field("id", result.id, true) || !field("text", result.text, true) ||
        !field("date", result.date, false) || !field("source", result.source, false) ||
        !field("title", result.title, false))
      return false;
    if (result.id.empty()) return bad_line(where, "expected a non-empty \"id\"");

    const std::size_t invalid = repair_utf8(result.id) + repair_utf8(result.text) +
                                repair_utf8(result.date) + repair_utf8(result.source) +
                                repair_utf8(result.title);
    if (invalid > 0) {
      if (options.fail_fast) report_utf8(where, invalid);
      stats.invalid_utf8 += invalid;
      file_invalid_utf8 += invalid;
    }
    if (is_blank(result.text)) {
      report("empty", where + ": empty text skipped", true);
      return false;
    }
    result.origin = where;
    doc = std::move(result);
    ++stats.documents;
    return true;
  }
};

DocumentReader::DocumentReader(std::vector<std::string> inputs, ReaderOptions options,
                               WarningSink* warnings)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->warnings = warnings;
  for (std::string& input : inputs) {
    if (input == "-") {
      impl_->sources.push_back({std::move(input), Format::kText});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (status.type() == fs::file_type::not_found || status.type() == fs::file_type::none)
      throw_unreadable(input, ec ? ec.message() : std::string("No such file or directory"));
    if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      list_directory(input, files);
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) impl_->sources.push_back({f.string(), format_of(f)});
      continue;
    }
    if (::access(input.c_str(), R_OK) != 0) throw_unreadable(input, reason(errno));
    const Format format = format_of(input);
    impl_->sources.push_back({std::move(input), format});
  }
}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::next(Document& doc) { return impl_->next(doc); }

const ReaderStats& DocumentReader::stats() const { return impl_->stats; }

}  // namespace actorgraph::extract
