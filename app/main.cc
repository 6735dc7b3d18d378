// actorgraph: news text in, a knowledge graph of political actors out.
//
// The CLI only parses options, wires the stages and maps errors to exit
// codes; all work happens in the extract, graph and export libraries. Each
// subcommand is in its own cmd_*.cc.
#include <iostream>

#include "cli.h"

int main(int argc, char** argv) {
  using namespace actorgraph::cli;
  CLI::App app{"actorgraph: turns news text into a knowledge graph of political actors and the\n"
               "relations between them (ONTOLOGY.md), with evidence on every edge."};
  app.footer(kExitCodes);
  app.require_subcommand(1);
  Common common;
  std::vector<Command> commands;
  add_build_commands(app, common, commands);
  add_extract_commands(app, common, commands);
  add_eval_commands(app, common, commands);
  add_query_commands(app, common, commands);
  add_export_commands(app, common, commands);
  add_actors_commands(app, common, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  common.warnings.quiet = common.quiet;
  common.warnings.as_errors = common.strict;
  int rc = kExitOk;
  try {
    for (const auto& c : commands)
      if (c.app->parsed()) rc = c.run();
  } catch (const CLI::Error& e) {
    std::cerr << "actorgraph: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "actorgraph: error: " << e.what() << "\n";
    return kExitIo;
  }
  if (rc == kExitOk && common.strict && common.warnings.total() > 0) return kExitWarnings;
  return rc;
}
