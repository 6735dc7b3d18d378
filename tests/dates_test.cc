// The one date parser (graph/dates.h): real calendar days only, the same
// message from the query filter and from `export --since`.

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "actorgraph/extract/error.h"
#include "actorgraph/graph/dates.h"
#include "actorgraph/graph/query.h"
#include "support.h"

namespace graph = actorgraph::graph;

TEST_CASE("dates are real calendar days", "[graph][dates]") {
  using namespace std::chrono;
  CHECK(graph::parse_date("2015-02-28") == year_month_day{year(2015), month(2), day(28)});
  CHECK(graph::parse_date("2016-02-29"));
  CHECK_FALSE(graph::parse_date("2015-02-29"));
  CHECK_FALSE(graph::parse_date("2015-02-31"));
  CHECK_FALSE(graph::parse_date("2015-04-31"));
  CHECK_FALSE(graph::parse_date("2015-13-01"));
  CHECK_FALSE(graph::parse_date("2015-2-3"));
  CHECK_FALSE(graph::parse_date("2015"));
  CHECK(graph::parse_date("2015", true) == year_month_day{year(2015), month(1), day(1)});
  CHECK(graph::parse_date("2015-03", true));
  CHECK(graph::day_number("1970-01-02") == 1);
  CHECK(graph::day_number("2012-01-16T10:00") == graph::day_number("2012-01-16"));
  CHECK_FALSE(graph::day_number("2015-02-31"));
}

TEST_CASE("2015-02-31 is rejected with the value named", "[graph][dates]") {
  CHECK(graph::date_problem("2015-02-31") == "date \"2015-02-31\": expected YYYY-MM-DD");
  CHECK(graph::date_problem("2015-02-28").empty());
  graph::QueryFilter f;
  f.since = "2015-02-31";
  CHECK_THROWS_WITH(graph::validate(f), "date \"2015-02-31\": expected YYYY-MM-DD");
}

TEST_CASE("query and export reject 2015-02-31 alike", "[cli][dates]") {
  using test_support::run;
  const std::string bin = ACTORGRAPH_BINARY;
  const std::string graph_file = std::string(ACTORGRAPH_SOURCE_DIR) + "/tests/snapshots/examples.events.jsonl";
  const auto q = run(bin + " query " + graph_file + " blocs --since 2015-02-31 2>&1");
  CHECK(q.status != 0);
  CHECK(q.out.find("date \"2015-02-31\": expected YYYY-MM-DD") != std::string::npos);
  const auto x = run(bin + " export " + graph_file + " -o - --format dot --since 2015-02-31 2>&1");
  CHECK(x.status != 0);
  CHECK(x.out.find("date \"2015-02-31\": expected YYYY-MM-DD") != std::string::npos);
}
