// Per-stage micro-benchmarks of the extraction pipeline on real news text:
// tokenise, match actors, parse, extract a document, merge events, export
// JSON-LD. The corpus is ../shared/corpus/{reportedly,dev}.jsonl, or the
// JSON Lines / text files named by $ACTORGRAPH_BENCH_CORPUS (separated by
// ':'), else examples/news.
//
// Each benchmark reports items/s in its unit (sentences, documents, events)
// and, where it makes sense, bytes/s of input text.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "actorgraph/export/writers.h"
#include "actorgraph/extract/document.h"
#include "actorgraph/extract/pipeline.h"
#include "actorgraph/graph/actor_graph.h"

namespace {

namespace ax = actorgraph::extract;
namespace fs = std::filesystem;

std::vector<std::string> corpus_files() {
  std::vector<std::string> files;
  if (const char* env = std::getenv("ACTORGRAPH_BENCH_CORPUS")) {
    std::string list = env;
    for (std::size_t b = 0; b <= list.size();) {
      const auto e = std::min(list.find(':', b), list.size());
      if (e > b) files.push_back(list.substr(b, e - b));
      b = e + 1;
    }
    return files;
  }
  const fs::path shared = fs::path(ACTORGRAPH_SHARED_DIR) / "corpus";
  for (const char* name : {"reportedly.jsonl", "dev.jsonl"})
    if (fs::exists(shared / name)) files.push_back((shared / name).string());
  if (files.empty()) files.push_back(std::string(ACTORGRAPH_SOURCE_DIR) + "/examples/news");
  return files;
}

/// Everything the benchmarks share, loaded once: the pipeline, the corpus,
/// its sentences, the words of the sentences the extractor would parse, and
/// the events of the whole corpus.
struct Fixture {
  ax::Pipeline pipeline;
  std::vector<ax::Document> documents;
  std::size_t text_bytes = 0;
  std::vector<ax::Sentence> sentences;
  /// Sentences with two or more actor mentions, as words for the parser:
  /// multi-word mentions joined into one proper-noun word, as the extractor does.
  std::vector<std::vector<std::string>> parse_inputs;
  std::vector<ax::Event> events;

  Fixture() : pipeline([] {
    ax::DataOptions o;
    o.data_dir = std::string(ACTORGRAPH_SOURCE_DIR) + "/data";
    return o;
  }()) {
    ax::DocumentReader reader(corpus_files());
    ax::Document d;
    while (reader.next(d)) documents.push_back(d);
    for (const auto& doc : documents) {
      text_bytes += doc.text.size();
      for (auto& s : pipeline.tokenizer->split(doc.text)) sentences.push_back(std::move(s));
    }
    for (const auto& s : sentences) {
      const auto ms = pipeline.extractor->mentions(s);
      if (ms.size() < 2) continue;
      std::vector<std::string> words;
      std::size_t m = 0;
      for (std::size_t t = 0; t < s.tokens.size();) {
        while (m < ms.size() && ms[m].last <= t) ++m;
        if (m < ms.size() && ms[m].first == t && !ms[m].adjectival) {
          std::string w;
          for (std::size_t x = ms[m].first; x < ms[m].last; ++x) w += (x > t ? "_" : "") + s.tokens[x].text;
          words.push_back(w);
          t = ms[m].last;
        } else {
          words.push_back(s.tokens[t].text);
          ++t;
        }
      }
      parse_inputs.push_back(std::move(words));
    }
    for (const auto& doc : documents) {
      auto evs = pipeline.extractor->extract(doc);
      events.insert(events.end(), evs.begin(), evs.end());
    }
    std::cerr << "corpus: " << documents.size() << " documents, " << sentences.size() << " sentences, "
              << parse_inputs.size() << " with 2+ mentions, " << events.size() << " events, " << text_bytes
              << " bytes of text\n";
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_Tokenise(benchmark::State& state) {
  auto& f = fixture();
  std::size_t sentences = 0;
  for (auto _ : state)
    for (const auto& d : f.documents) {
      auto s = f.pipeline.tokenizer->split(d.text);
      sentences += s.size();
      benchmark::DoNotOptimize(s.data());
    }
  state.SetItemsProcessed(static_cast<int64_t>(sentences));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.text_bytes));
  state.SetLabel("items = sentences");
}

void BM_MatchActors(benchmark::State& state) {
  auto& f = fixture();
  for (auto _ : state)
    for (const auto& s : f.sentences) {
      auto m = f.pipeline.extractor->mentions(s);
      benchmark::DoNotOptimize(m.data());
    }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.sentences.size()));
  state.SetLabel("items = sentences");
}

void BM_Parse(benchmark::State& state) {
  auto& f = fixture();
  if (!f.pipeline.parser) {
    state.SkipWithError("no parser");
    return;
  }
  std::size_t ok = 0, n = 0;
  for (auto _ : state)
    for (const auto& words : f.parse_inputs) {
      const auto p = f.pipeline.parser->parse(words);
      ok += p.ok;
      ++n;
    }
  state.SetItemsProcessed(static_cast<int64_t>(n));
  state.counters["linked"] = n ? static_cast<double>(ok) / static_cast<double>(n) : 0.0;
  state.SetLabel("items = sentences with 2+ actors");
}

void BM_ExtractDocument(benchmark::State& state) {
  auto& f = fixture();
  std::size_t sentences = 0;
  for (auto _ : state)
    for (const auto& d : f.documents) {
      const std::size_t before = f.pipeline.extractor->stats().sentences;
      auto evs = f.pipeline.extractor->extract(d);
      sentences += f.pipeline.extractor->stats().sentences - before;
      benchmark::DoNotOptimize(evs.data());
    }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.documents.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.text_bytes));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.SetLabel("items = documents");
}

void BM_MergeEvents(benchmark::State& state) {
  auto& f = fixture();
  for (auto _ : state) {
    actorgraph::graph::ActorGraph g;
    for (const auto& e : f.events) g.add(e);
    g.finalize();
    benchmark::DoNotOptimize(g.num_relations());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.events.size()));
  state.SetLabel("items = events");
}

void BM_ExportJsonLd(benchmark::State& state) {
  auto& f = fixture();
  actorgraph::graph::ActorGraph g;
  for (const auto& e : f.events) g.add(e);
  g.finalize();
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    actorgraph::exporter::write_jsonld(g, out);
    bytes += out.str().size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.events.size()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetLabel("items = events, bytes = JSON-LD written");
}

BENCHMARK(BM_Tokenise)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatchActors)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_ExtractDocument)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_MergeEvents)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExportJsonLd)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
