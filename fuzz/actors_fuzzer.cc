// ActorDictionary::load on arbitrary bytes: either it loads, or it throws
// DictionaryError naming "<name>:<line>: ...". Loaded entries are then
// looked up and resolved, as the extractor would.
#include <cstddef>
#include <cstdint>
#include <string>

#include "actorgraph/extract/actors.h"
#include "actorgraph/extract/text.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = actorgraph::fuzz::bytes(data, size);
  actorgraph::extract::ActorDictionary dict;
  if (!actorgraph::fuzz::loads(dict, input, "fuzz.tsv")) return 0;
  for (const auto& actor : dict.actors()) {
    if (dict.find_id(actor.id) == nullptr) __builtin_trap();
    (void)dict.describe(actor.id);
    for (const auto& alias : actor.aliases) (void)dict.find_alias(actorgraph::extract::fold(alias));
    (void)dict.resolve(actor.name);
  }
  (void)dict.resolve(input.substr(0, 64));
  (void)dict.max_alias_tokens();
  return 0;
}
