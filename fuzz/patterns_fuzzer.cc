// PatternSet::load on arbitrary bytes: either it loads, or it throws
// DictionaryError naming "<name>:<line>: ...". Every trigger form of a loaded
// pattern must then be found by lookup().
#include <cstddef>
#include <cstdint>
#include <string>

#include "actorgraph/extract/patterns.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = actorgraph::fuzz::bytes(data, size);
  actorgraph::extract::PatternSet patterns;
  if (!actorgraph::fuzz::loads(patterns, input, "fuzz.tsv")) return 0;
  for (const auto& p : patterns.patterns()) {
    (void)patterns.lookup(p.pos, p.lemma);
    for (const auto& form : actorgraph::extract::inflect(p.lemma, p.pos)) (void)patterns.lookup(p.pos, form);
  }
  return 0;
}
