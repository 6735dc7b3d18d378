// Helpers shared by the fuzz targets: the bundled data directory and a
// string view over libFuzzer's bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace actorgraph::fuzz {

/// The repository's data/ (compiled in by fuzz/CMakeLists.txt).
inline std::string data_dir() { return ACTORGRAPH_FUZZ_DATA_DIR; }

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace actorgraph::fuzz
