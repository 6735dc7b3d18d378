/// @file
/// The event-coding schemes each relation type maps to (ONTOLOGY.md,
/// "Relations", columns "CAMEO root" and "PLOVER"): the one place the
/// exports look them up.
///
/// Threads: constant data; safe from any thread.
#pragma once

#include <string_view>

namespace actorgraph::exporter {

/// The codes of one relation type. Either may be empty: the structural
/// types (member_of, leader_of) have no CAMEO or PLOVER counterpart.
struct EventCodes {
  /// CAMEO root code(s) as in the ontology: "05", "05/06", "07/06",
  /// "18-20"; where the ontology names a finer code it follows in
  /// parentheses is dropped ("04 (045)" is "04").
  std::string_view cameo_root;
  /// PLOVER event type: "COOPERATE", "SUPPORT", "AID" ...; "proposes" maps
  /// to "AGREE/REQUEST" (either, by what is proposed).
  std::string_view plover;
};

/// The codes for a relation type; both empty for a type the ontology does
/// not list.
EventCodes event_codes(std::string_view relation);

}  // namespace actorgraph::exporter
