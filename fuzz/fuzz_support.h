// Helpers shared by the fuzz targets: the bundled data directory, a string
// view over libFuzzer's bytes, and the load-or-named-error check of the
// data-file loaders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "actorgraph/extract/error.h"

namespace actorgraph::fuzz {

/// The repository's data/ (compiled in by fuzz/CMakeLists.txt).
inline std::string data_dir() { return ACTORGRAPH_FUZZ_DATA_DIR; }

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Loads `input` into `target` (an ActorDictionary, PatternSet, Boilerplate:
/// anything with load(std::istream&, const std::string& name)) under the
/// file name `name`. Returns whether it loaded; a DictionaryError that does
/// not start with "<name>:" (the file and line) is a finding and traps.
template <typename Loadable>
bool loads(Loadable& target, std::string_view input, const std::string& name) {
  std::istringstream in{std::string(input)};
  try {
    target.load(in, name);
  } catch (const actorgraph::DictionaryError& e) {
    if (std::string_view(e.what()).substr(0, name.size() + 1) != name + ":") __builtin_trap();
    return false;
  }
  return true;
}

}  // namespace actorgraph::fuzz
