// The whole extract stage on arbitrary text: the bundled dictionaries,
// patterns, boilerplate and abbreviations, with the Link Grammar parser
// (built once: loading its dictionary takes a second). Inputs are capped at
// 1 KiB and the parser at sentences of 12 words: a parse of 40 words takes
// up to a second under ASan, which held the first 10-minute run to 182
// inputs. Short sentences still go through the parser and the mapping of
// its links; longer ones through the shallow pass, as in production.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "actorgraph/extract/pipeline.h"
#include "fuzz_support.h"

namespace {
std::unique_ptr<actorgraph::extract::Pipeline> pipeline;
constexpr std::size_t kMaxInput = 1024;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  actorgraph::extract::DataOptions options;
  options.data_dir = actorgraph::fuzz::data_dir();
  options.parse = true;
  options.parse_max_words = 12;
  pipeline = std::make_unique<actorgraph::extract::Pipeline>(options);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInput) return 0;
  actorgraph::extract::Document doc;
  doc.id = "fuzz";
  doc.origin = "fuzz";
  doc.date = "2024-01-01";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  actorgraph::extract::repair_utf8(doc.text);  // as the reader hands it over
  for (const auto& event : pipeline->extractor->extract(doc)) {
    if (event.source.id.empty() || event.target.id.empty()) __builtin_trap();
    // Evidence spans are code point offsets into the document.
    if (event.evidence.start > event.evidence.end ||
        event.evidence.end > actorgraph::extract::codepoint_offset(doc.text, doc.text.size()))
      __builtin_trap();
  }
  return 0;
}
