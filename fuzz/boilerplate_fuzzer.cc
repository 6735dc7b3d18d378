// Boilerplate::load on arbitrary bytes (the rules are ECMAScript regular
// expressions written by users): either it loads, or it throws
// DictionaryError naming "<name>:<line>: ...". Loaded rules are then applied
// to a short text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "actorgraph/extract/extractor.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = actorgraph::fuzz::bytes(data, size);
  actorgraph::extract::Boilerplate rules;
  if (!actorgraph::fuzz::loads(rules, input, "fuzz.txt")) return 0;
  (void)rules.furniture("Share this article\nRussia vetoed the draft.\nRead more\nAll rights reserved.");
  return 0;
}
