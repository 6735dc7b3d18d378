// Atomic replacement of an output file: write a temporary file beside it,
// then rename(2) it over the target, which POSIX makes atomic within one
// file system. Readers see the old file or the new one, never a torn one.
//
// An interrupted run (SIGINT, SIGTERM, SIGHUP) must not leave the temporary
// file behind either: every temporary file in flight is listed in a fixed
// table that a signal handler can walk without allocating, and the handler
// unlinks them before letting the signal take its default course.

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>

#include "actorgraph/export/writers.h"
#include "actorgraph/extract/error.h"

namespace actorgraph::exporter {
namespace {

std::string reason(int error, const char* fallback) {
  return error ? std::string(std::strerror(error)) : std::string(fallback);
}

// Flushes the file's data to the device before the rename so that a crash
// cannot leave the new name pointing at an empty file. Linux accepts fsync
// on a descriptor opened read-only.
int sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  const int result = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  // Some file systems (e.g. certain FUSE or virtual ones) do not support
  // fsync; that does not make the write itself fail.
  return result == EINVAL || result == EROFS ? 0 : result;
}

// --- Temporary files in flight ----------------------------------------------
//
// The handler may only use async-signal-safe calls, so the paths live in
// static, fixed-size slots rather than in std::strings. A slot's state is
// claimed (kFree -> kFilling) by a writer, filled, then published (kActive);
// the handler unlinks only published slots. A path that does not fit, or a
// write beyond kSlots at once, is simply not listed: the file is still
// replaced atomically, only an interruption could then leave it behind.

constexpr std::size_t kSlots = 64;
enum SlotState : int { kFree = 0, kFilling = 1, kActive = 2 };

struct Slot {
  std::atomic<int> state{kFree};
  char path[PATH_MAX] = {};
};

std::array<Slot, kSlots> slots;

constexpr std::array<int, 3> kCleanupSignals = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temporaries_and_reraise(int signal_number) {
  const int saved_errno = errno;
  for (Slot& slot : slots)
    if (slot.state.load(std::memory_order_acquire) == kActive) ::unlink(slot.path);
  // Then die as the signal would have killed us: the parent (a shell, a CI
  // runner) sees "terminated by SIGTERM", not an ordinary exit. The signal
  // is blocked while the handler runs, so it is delivered on return.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  ::sigaction(signal_number, &default_action, nullptr);
  ::raise(signal_number);
  errno = saved_errno;
}

// Installs the handler for the signals that are at their default action; a
// program that ignores SIGHUP (nohup) or handles SIGINT itself keeps that.
// Checked on every write rather than once, so that a handler is in place
// even if the program reset a signal to its default after an earlier write
// (three sigaction calls are nothing next to writing a file).
void install_handlers() {
  for (const int signal_number : kCleanupSignals) {
    struct sigaction old_action {};
    if (::sigaction(signal_number, nullptr, &old_action) != 0) continue;
    if ((old_action.sa_flags & SA_SIGINFO) != 0 || old_action.sa_handler != SIG_DFL) continue;
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_reraise;
    sigemptyset(&action.sa_mask);
    for (const int other : kCleanupSignals) sigaddset(&action.sa_mask, other);
    action.sa_flags = SA_RESTART;
    ::sigaction(signal_number, &action, nullptr);
  }
}

// Lists a temporary file for the handler for as long as it exists.
class TemporaryListing {
 public:
  explicit TemporaryListing(const std::string& path) {
    install_handlers();
    if (path.size() >= PATH_MAX) return;
    for (Slot& s : slots) {
      int expected = kFree;
      if (!s.state.compare_exchange_strong(expected, kFilling, std::memory_order_acquire)) continue;
      std::memcpy(s.path, path.c_str(), path.size() + 1);
      s.state.store(kActive, std::memory_order_release);
      slot_ = &s;
      return;
    }
  }
  ~TemporaryListing() {
    if (slot_ != nullptr) slot_->state.store(kFree, std::memory_order_release);
  }
  TemporaryListing(const TemporaryListing&) = delete;
  TemporaryListing& operator=(const TemporaryListing&) = delete;

 private:
  Slot* slot_ = nullptr;
};

}  // namespace

void write_atomically(const std::string& path,
                      const std::function<void(std::ostream&)>& fill) {
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  // Listed before the file exists, unlisted only after it is gone (renamed
  // or removed): a signal in between finds at most a name that is absent.
  const TemporaryListing listing(temp);
  auto fail = [&](const std::string& why) -> void {
    std::remove(temp.c_str());
    throw ExportError(path + ": cannot write: " + why);
  };

  std::ofstream out;
  errno = 0;
  out.open(temp, std::ios::binary | std::ios::trunc);
  if (!out) fail(reason(errno, "cannot create a temporary file"));

  errno = 0;
  try {
    fill(out);
  } catch (const ExportError&) {
    // Already says what failed; keep its message.
    out.close();
    std::remove(temp.c_str());
    throw;
  } catch (const std::exception& error) {
    out.close();
    fail(error.what());
  } catch (...) {
    out.close();
    std::remove(temp.c_str());
    throw;
  }

  // A write that failed inside fill (disk full, file size limit) left errno
  // set; take it before anything else can overwrite it.
  if (!out) fail(reason(errno, "write failed"));
  errno = 0;
  out.flush();
  if (!out) fail(reason(errno, "write failed"));
  out.close();
  if (!out) fail(reason(errno, "close failed"));
  if (const int error = sync_file(temp); error != 0) fail(reason(error, "fsync failed"));
  if (std::rename(temp.c_str(), path.c_str()) != 0) fail(reason(errno, "rename failed"));
}

}  // namespace actorgraph::exporter
