// ISO dates through <chrono>: the fields are read as digits, then
// year_month_day::ok() decides whether the day exists.
#include "actorgraph/graph/dates.h"

#include "actorgraph/extract/error.h"

namespace actorgraph::graph {
namespace {

std::optional<unsigned> digits(std::string_view text, std::size_t pos, std::size_t len) {
  if (pos + len > text.size()) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<std::chrono::year_month_day> parse_date(std::string_view text, bool partial) {
  const bool full = text.size() == 10 && text[4] == '-' && text[7] == '-';
  const bool shaped = full || (partial && (text.size() == 4 || (text.size() == 7 && text[4] == '-')));
  if (!shaped) return std::nullopt;
  const auto year = digits(text, 0, 4);
  const auto month = text.size() >= 7 ? digits(text, 5, 2) : std::optional<unsigned>(1);
  const auto day = full ? digits(text, 8, 2) : std::optional<unsigned>(1);
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(static_cast<int>(*year)), std::chrono::month(*month),
                                         std::chrono::day(*day)};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<long> day_number(std::string_view text) {
  // Evidence dates may carry a time or a partial tail ("2012-01-16T10:00");
  // the longest date prefix counts, as it always has.
  const std::size_t length = text.size() >= 10 ? 10 : text.size() >= 7 ? 7 : 4;
  const auto date = parse_date(text.substr(0, length), true);
  if (!date) return std::nullopt;
  return std::chrono::sys_days(*date).time_since_epoch().count();
}

std::string date_problem(std::string_view text) {
  if (parse_date(text)) return {};
  return "date \"" + std::string(text) + "\": expected YYYY-MM-DD";
}

void require_date(std::string_view text) {
  if (auto problem = date_problem(text); !problem.empty()) throw InputError(problem);
}

}  // namespace actorgraph::graph
