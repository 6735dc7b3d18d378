#!/bin/sh
# Builds bench/query_bench.cc against the libraries of a build tree and runs
# it; the figures go to stdout as a Markdown table (docs/query-benchmark.md).
#   bench/query-bench.sh [BUILD_DIR] [-- query_bench options]
# BUILD_DIR defaults to build-query; the `actorgraph` target must be built
# there first (it builds the three libraries).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build-query"}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
for lib in export/libactorgraph_export.a graph/libactorgraph_graph.a extract/libactorgraph_extract.a; do
  [ -f "$build/$lib" ] || { echo "query-bench.sh: $build/$lib is missing: build the actorgraph target first" >&2; exit 1; }
done
# shellcheck disable=SC2046
g++ -std=c++20 -O2 -DNDEBUG -I"$root/graph/include" -I"$root/extract/include" -I"$root/export/include" \
  "$root/bench/query_bench.cc" "$build/export/libactorgraph_export.a" "$build/graph/libactorgraph_graph.a" \
  "$build/extract/libactorgraph_extract.a" $(pkg-config --libs icu-uc icu-i18n link-grammar libcgraph libgvc) \
  -o "$build/query_bench"
exec "$build/query_bench" "$@"
