// Tokenizer::split, fold, repair_utf8 and codepoint_offset on arbitrary
// bytes, with the bundled abbreviations. Checks the offsets the evidence
// relies on: sentences and tokens lie within the text, in order.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "actorgraph/extract/text.h"
#include "fuzz_support.h"

namespace {
std::unique_ptr<actorgraph::extract::Tokenizer> tokenizer;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  tokenizer = std::make_unique<actorgraph::extract::Tokenizer>(
      actorgraph::extract::Abbreviations::load_file(actorgraph::fuzz::data_dir() + "/abbreviations.txt"));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = actorgraph::fuzz::bytes(data, size);
  std::size_t last_end = 0;
  for (const auto& s : tokenizer->split(text)) {
    if (s.begin > s.end || s.end > text.size() || s.begin < last_end) __builtin_trap();
    last_end = s.end;
    std::size_t token_end = s.begin;
    for (const auto& t : s.tokens) {
      if (t.begin > t.end || t.begin < token_end || t.end > s.end) __builtin_trap();
      token_end = t.end;
    }
  }
  const std::string folded = actorgraph::extract::fold(text);
  std::string copy(folded);
  if (actorgraph::extract::repair_utf8(copy) != 0) __builtin_trap();  // fold() yields valid UTF-8
  std::string repaired(text);
  actorgraph::extract::repair_utf8(repaired);
  std::string again(repaired);
  if (actorgraph::extract::repair_utf8(again) != 0 || again != repaired) __builtin_trap();
  if (actorgraph::extract::codepoint_offset(text, size + 5) > size) __builtin_trap();
  return 0;
}
