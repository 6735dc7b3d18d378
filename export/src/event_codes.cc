// The CAMEO and PLOVER columns of ONTOLOGY.md's relation table, in the
// table's order. Kept beside the exports that print them (TSV event table)
// rather than in extract/, which knows nothing of coding schemes.

#include "actorgraph/export/event_codes.h"

namespace actorgraph::exporter {
namespace {

struct Row {
  std::string_view relation;
  EventCodes codes;
};

constexpr Row kCodes[] = {
    {"ally_of", {"05/06", "COOPERATE"}},
    {"supports", {"05", "SUPPORT"}},
    {"supplies", {"07/06", "AID"}},
    {"mediates", {"04", "CONSULT"}},
    {"meets", {"04", "CONSULT"}},
    {"cooperates_with", {"05/06", "COOPERATE"}},
    {"agrees", {"03/08", "AGREE"}},
    {"calls_on", {"02/10", "REQUEST"}},
    {"proposes", {"03", "AGREE/REQUEST"}},
    {"opposes", {"11/12", "REJECT"}},
    {"rejects", {"12", "REJECT"}},
    {"criticizes", {"11", "ACCUSE"}},
    {"accuses", {"11", "ACCUSE"}},
    {"vetoes", {"12", "REJECT"}},
    {"threatens", {"13", "THREATEN"}},
    {"sanctions", {"16", "SANCTION"}},
    {"attacks", {"18-20", "ASSAULT"}},
    {"protests_against", {"14", "PROTEST"}},
    {"member_of", {"", ""}},
    {"leader_of", {"", ""}},
};

}  // namespace

EventCodes event_codes(std::string_view relation) {
  for (const Row& row : kCodes) {
    if (row.relation == relation) return row.codes;
  }
  return {};
}

}  // namespace actorgraph::exporter
