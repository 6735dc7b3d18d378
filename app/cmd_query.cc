// query: registered by its owner; nothing is registered until it lands.
#include "cli.h"

namespace actorgraph::cli {

void add_query_commands(CLI::App&, Common&, std::vector<Command>&) {}

}  // namespace actorgraph::cli
