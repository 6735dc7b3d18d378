// Rendering through gvc: lay out the cgraph graph, render it to memory with
// gvRenderData, then hand the bytes to write_atomically so that a failed
// render never leaves a partial image behind.

#include <gvc.h>

#include <memory>
#include <string>

#include "actorgraph/export/diagram.h"
#include "actorgraph/export/writers.h"
#include "actorgraph/extract/error.h"
#include "graphviz_graph.h"

namespace actorgraph::exporter {
namespace {

// One context for the life of the process, created on first use under the
// Graphviz lock and deliberately never freed: Graphviz 2.43's pango text
// layout plugin keeps a pointer to the last font name, which lives in the
// context's font dictionary; freeing a context and creating another makes the
// next layout read freed memory (seen under AddressSanitizer). Reusing the
// context is also what Graphviz recommends, and it loads the plugins once.
GVC_t* shared_context() {
  static GVC_t* context = gvContext();
  return context;
}

struct RenderDataFree {
  void operator()(char* data) const { gvFreeRenderData(data); }
};

// Frees the layout before the graph is closed (declared after the graph).
class LayoutGuard {
 public:
  LayoutGuard(GVC_t* context, Agraph_t* graph) : context_(context), graph_(graph) {}
  ~LayoutGuard() { gvFreeLayout(context_, graph_); }
  LayoutGuard(const LayoutGuard&) = delete;
  LayoutGuard& operator=(const LayoutGuard&) = delete;

 private:
  GVC_t* context_;
  Agraph_t* graph_;
};

void render_shown(const graph::ActorGraph& graph, const std::string& path,
                  const std::string& format, const DiagramOptions& options) {
  const std::string layout = choose_layout(graph, options);
  std::unique_ptr<char, RenderDataFree> data;
  unsigned int length = 0;
  {
    detail::GraphvizScope scope;
    // gvContext() loads the plugins listed in the installed Graphviz config.
    GVC_t* context = shared_context();
    if (!context) throw ExportError(path + ": cannot render: no Graphviz context");
    detail::AgraphPtr g;
    try {
      g = detail::build_agraph(graph, nullptr, {layout, options.legend});
    } catch (const ExportError& error) {
      throw ExportError(path + ": cannot render: " + error.what());
    }
    if (gvLayout(context, g.get(), layout.c_str()) != 0) {
      throw ExportError(path + ": cannot lay out with \"" + layout +
                        "\": " + scope.errors("unknown layout engine"));
    }
    LayoutGuard laid_out(context, g.get());
    char* bytes = nullptr;
    if (gvRenderData(context, g.get(), format.c_str(), &bytes, &length) != 0) {
      if (bytes) gvFreeRenderData(bytes);
      throw ExportError(path + ": cannot render as \"" + format +
                        "\": " + scope.errors("unknown output format"));
    }
    data.reset(bytes);
  }
  // Written outside the Graphviz lock: the bytes are ours now.
  write_atomically(path, [&](std::ostream& out) {
    if (length > 0) out.write(data.get(), static_cast<std::streamsize>(length));
  });
}

}  // namespace

void render_file(const graph::ActorGraph& graph, const std::string& path, const std::string& format,
                 const DiagramOptions& options) {
  if (!options.filters()) return render_shown(graph, path, format, options);
  render_shown(filter_graph(graph, options), path, format, options);
}

void render_file(const graph::ActorGraph& graph, const std::string& path, const std::string& format,
                 const std::string& layout) {
  DiagramOptions options;
  options.layout = layout;
  render_file(graph, path, format, options);
}

}  // namespace actorgraph::exporter
