// Atomic replacement of an output file: write a temporary file beside it,
// then rename(2) it over the target, which POSIX makes atomic within one
// file system. Readers see the old file or the new one, never a torn one.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
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

}  // namespace

void write_atomically(const std::string& path,
                      const std::function<void(std::ostream&)>& fill) {
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  auto fail = [&](const std::string& why) -> void {
    std::remove(temp.c_str());
    throw ExportError(path + ": cannot write: " + why);
  };

  std::ofstream out;
  errno = 0;
  out.open(temp, std::ios::binary | std::ios::trunc);
  if (!out) fail(reason(errno, "cannot create a temporary file"));

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

  errno = 0;
  out.flush();
  if (!out) fail(reason(errno, "write failed"));
  out.close();
  if (!out) fail(reason(errno, "close failed"));
  if (const int error = sync_file(temp); error != 0) fail(reason(error, "fsync failed"));
  if (std::rename(temp.c_str(), path.c_str()) != 0) fail(reason(errno, "rename failed"));
}

}  // namespace actorgraph::exporter
