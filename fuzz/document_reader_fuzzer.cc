// DocumentReader on arbitrary bytes given as standard input ("-"): JSON Lines
// when the first non-blank byte is '{', else one text document; then the
// same bytes through the HTML scanner. The reader may warn or, under
// fail_fast, throw InputError; anything else (a crash, a sanitizer report, an
// exception of another type) is a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "actorgraph/extract/document.h"
#include "actorgraph/extract/text.h"
#include "fuzz_support.h"

namespace {

struct CountingSink : actorgraph::WarningSink {
  void warn(const std::string&, const std::string& message) override {
    if (message.empty()) __builtin_trap();  // every warning names a place
    ++count;
  }
  std::size_t count = 0;
};

void read_all(std::string_view input, bool fail_fast) {
  std::istringstream in{std::string(input)};
  actorgraph::extract::ReaderOptions options;
  options.fail_fast = fail_fast;
  options.standard_input = &in;
  CountingSink sink;
  try {
    actorgraph::extract::DocumentReader reader({"-"}, options, &sink);
    actorgraph::extract::Document doc;
    while (reader.next(doc)) {
      // The reader promises valid UTF-8 and a non-blank text.
      std::string text = doc.text;
      if (actorgraph::extract::repair_utf8(text) != 0) __builtin_trap();
      if (doc.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) __builtin_trap();
      if (doc.id.empty() || doc.origin.empty()) __builtin_trap();
    }
  } catch (const actorgraph::InputError&) {
    if (!fail_fast) __builtin_trap();  // reading a string stream never fails otherwise
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = actorgraph::fuzz::bytes(data, size);
  read_all(input, false);
  read_all(input, true);
  const auto html = actorgraph::extract::html_to_text(input);
  (void)html;
  return 0;
}
