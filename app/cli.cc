#include "cli.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "actorgraph/extract/document.h"

namespace actorgraph::cli {

namespace {

using Clock = std::chrono::steady_clock;

/// The size in bytes of all input files (directories recursively), or 0 when
/// it cannot be known (stdin, an unreadable entry): the ETA is then left out.
std::uintmax_t total_input_bytes(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in == "-") return 0;
    if (fs::is_directory(in, ec)) {
      for (fs::recursive_directory_iterator it(in, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    } else {
      total += fs::file_size(in, ec);
    }
    if (ec) return 0;
  }
  return total;
}

/// Bytes this process has read through system calls (Linux: rchar in
/// /proc/self/io), or -1 where that is not available.
long long bytes_read_by_process() {
  std::ifstream io("/proc/self/io");
  std::string key;
  long long value = -1;
  while (io >> key >> value)
    if (key == "rchar:") return value;
  return -1;
}

std::string clock_text(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

/// The progress line on stderr: documents, sentences/s, elapsed time and,
/// when the input size is known, the estimated time left (from the bytes
/// read so far over the total). Redrawn at most four times a second.
class Progress {
 public:
  Progress(bool on, std::uintmax_t total_bytes, const extract::ExtractStats& stats)
      : on_(on), total_bytes_(total_bytes), stats_(stats), start_(Clock::now()), last_(start_),
        sentences_at_start_(stats.sentences), bytes_at_start_(on ? bytes_read_by_process() : -1) {}

  void document_done(std::size_t events) {
    ++documents_;
    events_ = events;
    if (!on_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    draw(now);
  }

  /// Draws the final state and ends the line.
  void finish() {
    if (!on_) return;
    if (drawn_) {
      draw(Clock::now());
      std::cerr << "\n";
    }
  }

  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  void draw(Clock::time_point now) {
    const double secs = std::chrono::duration<double>(now - start_).count();
    const std::size_t sentences = stats_.sentences - sentences_at_start_;
    std::string line = "\ractorgraph: " + std::to_string(documents_) + " documents, " +
                       std::to_string(sentences) + " sentences (" +
                       std::to_string(secs > 0 ? static_cast<long>(sentences / secs) : 0L) + "/s), " +
                       std::to_string(events_) + " relations, " + clock_text(secs) + " elapsed";
    if (total_bytes_ > 0 && bytes_at_start_ >= 0) {
      const long long read = bytes_read_by_process() - bytes_at_start_;
      const double done = std::min(1.0, static_cast<double>(std::max(0LL, read)) / static_cast<double>(total_bytes_));
      if (done > 0.01) line += ", ETA " + clock_text(secs / done - secs);
    }
    line += "   ";  // covers the tail of a longer previous line
    std::cerr << line << std::flush;
    drawn_ = true;
  }

  bool on_;
  std::uintmax_t total_bytes_;
  const extract::ExtractStats& stats_;
  Clock::time_point start_, last_;
  std::size_t sentences_at_start_;
  long long bytes_at_start_;
  std::size_t documents_ = 0, events_ = 0;
  bool drawn_ = false;
};

/// Extracts documents on `jobs` worker threads while the calling thread reads
/// them and hands their events out in input order.
///
/// A ring of `4 x jobs` slots holds the documents in flight (read, not yet
/// handed out): slot `seq % size` belongs to the reader until it is
/// published, then to the one worker that takes it, then, once done, to the
/// reader again, who hands the events out and reuses the slot. Memory is
/// bounded by the ring, not by the corpus. The mutex guards only the
/// counters and `done` flags; the handovers through it order the slot data.
class ParallelExtractor {
 public:
  ParallelExtractor(const extract::Extractor& extractor, unsigned jobs)
      : extractor_(extractor), slots_(4 * static_cast<std::size_t>(jobs)) {
    workers_.reserve(jobs);
    try {
      for (unsigned i = 0; i < jobs; ++i) workers_.emplace_back([this] { work(); });
    } catch (...) {
      stop();
      throw;
    }
  }
  ~ParallelExtractor() { stop(); }
  ParallelExtractor(const ParallelExtractor&) = delete;
  ParallelExtractor& operator=(const ParallelExtractor&) = delete;

  /// Reads every document with `next`, and calls `hand_out` with each
  /// document's events, in input order, on this thread.
  void run(const std::function<bool(extract::Document&)>& next,
           const std::function<void(std::vector<extract::Event>&)>& hand_out) {
    bool end = false;
    for (;;) {
      if (emitted_ < submitted_ && done(emitted_)) {
        emit(hand_out);
      } else if (!end && submitted_ - emitted_ < slots_.size()) {
        if (next(slots_[submitted_ % slots_.size()].doc)) {
          std::lock_guard lock(mutex_);
          ++submitted_;
          work_ready_.notify_one();
        } else {
          end = true;
        }
      } else if (emitted_ < submitted_) {
        std::unique_lock lock(mutex_);
        result_ready_.wait(lock, [&] { return slots_[emitted_ % slots_.size()].done; });
        lock.unlock();
        emit(hand_out);
      } else {
        return;
      }
    }
  }

 private:
  struct Slot {
    extract::Document doc;
    std::vector<extract::Event> events;
    std::exception_ptr error;
    bool done = false;
  };

  bool done(std::size_t seq) {
    std::lock_guard lock(mutex_);
    return slots_[seq % slots_.size()].done;
  }

  void emit(const std::function<void(std::vector<extract::Event>&)>& hand_out) {
    Slot& s = slots_[emitted_ % slots_.size()];
    if (s.error) std::rethrow_exception(s.error);
    std::vector<extract::Event> events = std::move(s.events);
    s.events.clear();
    {
      std::lock_guard lock(mutex_);
      s.done = false;
      ++emitted_;
    }
    hand_out(events);
  }

  void work() {
    for (;;) {
      std::size_t seq;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [&] { return stopping_ || taken_ < submitted_; });
        if (stopping_) return;
        seq = taken_++;
      }
      Slot& s = slots_[seq % slots_.size()];
      try {
        s.events = extractor_.extract(s.doc);
      } catch (...) {
        s.error = std::current_exception();
      }
      std::lock_guard lock(mutex_);
      s.done = true;
      result_ready_.notify_one();
    }
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& w : workers_)
      if (w.joinable()) w.join();
  }

  const extract::Extractor& extractor_;
  std::vector<Slot> slots_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_ready_, result_ready_;
  bool stopping_ = false;
  std::size_t submitted_ = 0;  ///< documents published to the workers
  std::size_t taken_ = 0;      ///< documents a worker has started
  std::size_t emitted_ = 0;    ///< documents handed out (written by this thread only)
};

}  // namespace

const char* const kExitCodes =
    "Exit codes: 0 success; 1 input, data or output error; 2 usage error;\n"
    "3 finished, but with input problems under --strict (the output is written).";

void StderrWarnings::warn(const std::string& kind, const std::string& message) {
  ++counts_[kind];
  if (as_errors) std::cerr << "actorgraph: error: " << message << "\n";
  else if (!quiet) std::cerr << "actorgraph: warning: " << message << "\n";
}

std::size_t StderrWarnings::total() const {
  std::size_t n = 0;
  for (const auto& [k, v] : counts_) n += v;
  return n;
}

void add_common(CLI::App* cmd, Common& c, bool extraction) {
  cmd->add_option("--data", c.data.data_dir,
                  "Directory of the bundled data files (default: $ACTORGRAPH_DATA or the built-in one)");
  cmd->add_option("--actors", c.data.actor_files, "An extra actor dictionary file (repeatable)");
  if (extraction) {
    cmd->add_option("--patterns", c.data.pattern_files, "An extra relation pattern file (repeatable)");
    cmd->add_flag("!--no-parse", c.data.parse, "Skip Link Grammar: shallow pattern pass only (faster, less precise)");
    cmd->add_flag("!--no-unknown", c.data.unknown_actors,
                  "Do not make actors of kind unknown from person-like names no dictionary knows");
    cmd->add_option("--parse-seconds", c.data.parse_seconds, "Guard against pathological sentences: a parse gives up after 30 x this many seconds of process CPU time")
        ->capture_default_str();
    cmd->add_flag("--progress", c.progress, "Report progress on stderr (default when stderr is a terminal)");
    cmd->add_option("-j,--jobs", c.jobs,
                    "Extraction threads (default: one per hardware thread, here " +
                        std::to_string(std::max(1u, std::thread::hardware_concurrency())) +
                        "); the output is the same for any number")
        ->check(CLI::Range(1u, 1024u));
  }
  cmd->add_flag("--strict", c.strict,
                "Input problems (bad JSON lines, binary or empty files, invalid UTF-8) are errors: each is "
                "reported, the rest of the input is still processed and written, and the exit code is 3");
  cmd->add_flag("-q,--quiet", c.quiet, "Do not print warnings or the closing summary on stderr (errors still are)");
  cmd->footer(kExitCodes);
}

void run_extraction(const std::vector<std::string>& inputs, Common& c, extract::Pipeline& p,
                    const std::function<void(const extract::Event&)>& sink,
                    const std::function<bool(const extract::Document&)>& skip) {
  extract::DocumentReader reader(inputs, {}, &c.warnings);
  const auto& es = p.extractor->stats();
  const std::size_t sentences_before = es.sentences;
  Progress progress(!c.quiet && (c.progress || isatty(STDERR_FILENO)), total_input_bytes(inputs), es);
  std::size_t events = 0;
  auto hand_out = [&](std::vector<extract::Event>& evs) {
    events += evs.size();
    for (const auto& e : evs) sink(e);
    progress.document_done(events);
  };

  std::size_t skipped = 0;
  auto next = [&](extract::Document& doc) {
    while (reader.next(doc)) {
      if (!skip || !skip(doc)) return true;
      ++skipped;
    }
    return false;
  };

  const unsigned jobs = c.jobs ? c.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (jobs == 1) {
    extract::Document doc;
    while (next(doc)) {
      auto evs = p.extractor->extract(doc);
      hand_out(evs);
    }
  } else {
    ParallelExtractor workers(*p.extractor, jobs);
    workers.run(next, hand_out);
  }
  progress.finish();
  if (c.quiet) return;
  const auto& rs = reader.stats();
  const double seconds = progress.elapsed();
  std::cerr << "actorgraph: " << rs.documents << " documents read from " << rs.files << " files";
  for (const auto& [why, n] : rs.skipped) std::cerr << ", " << n << " skipped (" << why << ")";
  if (skipped) std::cerr << ", " << skipped << " skipped (already merged)";
  std::cerr << "; " << es.sentences << " sentences, " << es.candidate_sentences
            << " with actors and triggers (" << es.parsed << " parsed, " << es.fallback << " shallow); "
            << es.events << " relations";
  if (c.warnings.total()) {
    std::cerr << "; " << c.warnings.label() << ":";
    for (const auto& [k, n] : c.warnings.counts()) std::cerr << " " << k << " " << n;
  }
  char timing[96];
  std::snprintf(timing, sizeof timing, "; %.1f s, %.0f sentences/s, %u %s", seconds,
                seconds > 0 ? static_cast<double>(es.sentences - sentences_before) / seconds : 0.0, jobs,
                jobs == 1 ? "job" : "jobs");
  std::cerr << timing << "\n";
}

void make_parent_dirs(const std::string& path) {
  if (path.empty()) return;
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
}

void print_summary(const graph::ActorGraph& g, std::ostream& os) {
  const auto& gr = g.graph();
  os << g.num_actors() << " actors, " << g.num_relations() << " relations\n";
  std::map<std::string, std::size_t> kinds;
  for (auto v : boost::make_iterator_range(boost::vertices(gr))) ++kinds[gr[v].kind];
  os << "actors:";
  for (const auto& [k, n] : kinds) os << " " << k << " " << n;
  os << "\nrelations (source -> relation -> target, count):\n";
  std::vector<std::pair<std::size_t, std::string>> lines;
  for (auto e : boost::make_iterator_range(boost::edges(gr))) {
    const auto& r = gr[e];
    lines.emplace_back(r.count, "  " + gr[boost::source(e, gr)].name + " -> " + (r.negated ? "not " : "") +
                                    r.relation + " -> " + gr[boost::target(e, gr)].name + " (" +
                                    std::to_string(r.count) + ")");
  }
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < lines.size() && i < 25; ++i) os << lines[i].second << "\n";
  if (lines.size() > 25) os << "  ... " << lines.size() - 25 << " more\n";
}

}  // namespace actorgraph::cli
