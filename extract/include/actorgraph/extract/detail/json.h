/// @file
/// Internal to actorgraph (not part of the API): what the JSON readers of the
/// extract and graph libraries share. Includes RapidJSON.
#pragma once

#include <rapidjson/document.h>

namespace actorgraph::detail {

/// The kind of a JSON value as messages name it: "expected a string, got a
/// number".
inline const char* json_type_name(const rapidjson::Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "a boolean";
    case rapidjson::kObjectType: return "an object";
    case rapidjson::kArrayType: return "an array";
    case rapidjson::kStringType: return "a string";
    case rapidjson::kNumberType: return "a number";
  }
  return "a value";
}

}  // namespace actorgraph::detail
