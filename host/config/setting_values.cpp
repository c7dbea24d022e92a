#include "host/config/setting_values.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "host/config/printable.hpp"
#include "host/errors/error.hpp"

namespace host {
namespace {

std::string lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace

std::optional<bool> parsed_boolean(std::string_view text) {
  const std::string word = lowercase(text);
  if (word == "true" || word == "yes" || word == "1") return true;
  if (word == "false" || word == "no" || word == "0") return false;
  return std::nullopt;
}

std::optional<double> parsed_positive_number(std::string_view text) {
  double number = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, number);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  if (!std::isfinite(number) || number <= 0) return std::nullopt;
  return number;
}

std::optional<std::string> parsed_choice(std::string_view text,
                                         const std::vector<std::string>& choices) {
  std::string word = lowercase(text);
  if (std::find(choices.begin(), choices.end(), word) == choices.end()) return std::nullopt;
  return word;
}

std::string alternatives(const std::vector<std::string>& choices) {
  std::string list;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) list += i + 1 == choices.size() ? " or " : ", ";
    list += choices[i];
  }
  return list;
}

void invalid_value(const std::string& location, const std::string& name, std::string_view value,
                   const std::string& expected) {
  const std::string prefix = location.empty() ? "" : location + ": ";
  usage_error(prefix + "invalid value '" + printable(value) + "' for " + name + ": expected " +
              expected);
}

}  // namespace host
