/// @file
/// The one date parser of the graph, the queries, the exports and the CLI:
/// ISO calendar dates checked with C++20 <chrono> (year_month_day::ok), so
/// that 2015-02-31 is rejected wherever a date is read.
///
/// Thread safety: pure functions.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace actorgraph::graph {

/// "YYYY-MM-DD" as a real calendar day; with `partial`, also "YYYY" and
/// "YYYY-MM" (standing for their first day). nullopt for anything else,
/// including days the month does not have (2015-02-31, 2015-02-29).
std::optional<std::chrono::year_month_day> parse_date(std::string_view text, bool partial = false);

/// Days since 1970-01-01 of parse_date(text, true) on the longest date
/// prefix of `text` (10, 7 or 4 characters); nullopt when it fails.
std::optional<long> day_number(std::string_view text);

/// The message for a date that is not "YYYY-MM-DD" and a real day:
/// `date "2015-02-31": expected YYYY-MM-DD`; empty when `text` is one.
std::string date_problem(std::string_view text);

/// Throws InputError with date_problem(text) when it is not empty.
void require_date(std::string_view text);

}  // namespace actorgraph::graph
