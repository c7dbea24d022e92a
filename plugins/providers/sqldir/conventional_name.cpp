#include "conventional_name.hpp"

#include "values.hpp"

#include <retort/sdk/common.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace sqldir {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string spaced(std::string_view title) {
  std::string message(title);
  std::replace(message.begin(), message.end(), '_', ' ');
  return message;
}

[[noreturn]] void refuse(std::string_view path, const std::string& why) {
  throw retort::failure(std::string(path) + ": " + why, RETORT_ERROR_REVISION);
}

void check_id_length(std::string_view path, const ConventionalName& name) {
  if (!is_revision_id(name.id))
    refuse(path, "version '" + name.version_text + "' is too long for a revision id (at most 64 characters)");
}

// "1", "1.10", "2_3": digits separated by single '.' or '_'. Empty: not one.
Version flyway_version(std::string_view text) {
  Version version;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && is_digit(text[i])) continue;
    if (i == begin || (i < text.size() && text[i] != '.' && text[i] != '_')) return {};
    version.emplace_back(text.substr(begin, i - begin));
    begin = i + 1;
  }
  return version;
}

// "{digits}_{title}": a revision whose version and id are the digits.
std::optional<ConventionalName> versioned_by_digits(std::string_view path, std::string_view text, Layout layout,
                                                    Role role) {
  const std::size_t digits = static_cast<std::size_t>(
      std::find_if(text.begin(), text.end(), [](char c) { return !is_digit(c); }) - text.begin());
  if (digits == 0 || digits == text.size() || text[digits] != '_') return std::nullopt;
  const std::string version(text.substr(0, digits));
  ConventionalName name{layout, role, {version}, version, version, spaced(text.substr(digits + 1))};
  check_id_length(path, name);
  return name;
}

std::optional<ConventionalName> golang_migrate_name(std::string_view path, std::string_view file_name) {
  Role role;
  std::string_view rest = file_name;
  if (ends_with(rest, ".up.sql")) {
    role = Role::upgrade;
    rest.remove_suffix(7);
  } else if (ends_with(rest, ".down.sql")) {
    role = Role::downgrade;
    rest.remove_suffix(9);
  } else {
    return std::nullopt;
  }
  return versioned_by_digits(path, rest, Layout::golang_migrate, role);
}

std::optional<ConventionalName> flyway_name(std::string_view path, std::string_view file_name) {
  if (file_name.size() < 2 || !ends_with(file_name, ".sql")) return std::nullopt;
  if (file_name.substr(0, 3) == "R__") {
    const std::string_view description = file_name.substr(3, file_name.size() - 3 - 4);
    return ConventionalName{Layout::flyway, Role::repeatable, {}, "", repeatable_id(description), spaced(description)};
  }
  const char prefix = file_name.front();
  if (prefix != 'V' && prefix != 'U') return std::nullopt;

  std::string_view rest = file_name.substr(1, file_name.size() - 1 - 4);
  const std::size_t separator = rest.find("__");
  if (separator == std::string_view::npos) return std::nullopt;
  const std::string_view version_text = rest.substr(0, separator);
  Version version = flyway_version(version_text);
  if (version.empty()) return std::nullopt;

  std::string id = "V" + std::string(version_text);
  std::replace(id.begin(), id.end(), '.', '_');
  ConventionalName name{Layout::flyway, prefix == 'V' ? Role::upgrade : Role::downgrade, std::move(version),
                        std::string(version_text), std::move(id), spaced(rest.substr(separator + 2))};
  check_id_length(path, name);
  return name;
}

std::string_view last_component(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view without_leading_zeros(std::string_view digits) {
  const auto first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? std::string_view() : digits.substr(first);
}

}  // namespace

std::optional<ConventionalName> conventional_name(std::string_view path) {
  const std::string_view file_name = last_component(path);
  if (auto name = golang_migrate_name(path, file_name)) return name;
  return flyway_name(path, file_name);
}

std::optional<ConventionalName> numbered_name(std::string_view path, Layout layout) {
  std::string_view file_name = last_component(path);
  if (!ends_with(file_name, ".sql")) return std::nullopt;
  file_name.remove_suffix(4);
  return versioned_by_digits(path, file_name, layout, Role::upgrade);
}

std::optional<ConventionalName> diesel_name(std::string_view folder_path) {
  const std::string_view folder_name = last_component(folder_path);
  const std::size_t separator = folder_name.find('_');
  if (separator == std::string_view::npos) return std::nullopt;
  const std::string_view version_text = folder_name.substr(0, separator);
  if (version_text.empty() || !is_digit(version_text.front()) ||
      !std::all_of(version_text.begin(), version_text.end(), [](char c) { return is_digit(c) || c == '-'; }))
    return std::nullopt;

  std::string digits(version_text);
  digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
  ConventionalName name{Layout::diesel, Role::upgrade, {digits}, std::string(version_text), digits,
                        spaced(folder_name.substr(separator + 1))};
  check_id_length(folder_path, name);
  return name;
}

std::string repeatable_id(std::string_view description) {
  constexpr std::string_view prefix = "R__";
  constexpr std::size_t longest = 64, kept = 52;  // 3 + 52 + '_' + 8 hex digits = 64
  std::string mapped(description);
  for (char& c : mapped)
    if (!(is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')) c = '_';
  if (prefix.size() + mapped.size() <= longest) return std::string(prefix) + mapped;
  std::uint32_t hash = 2166136261u;
  for (const char c : description) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  static constexpr char hex[] = "0123456789abcdef";
  std::string suffix = "_";
  for (int shift = 28; shift >= 0; shift -= 4) suffix += hex[(hash >> shift) & 0xfu];
  return std::string(prefix) + mapped.substr(0, kept) + suffix;
}

int compare_versions(const Version& a, const Version& b) {
  // Digits of any length: compared as text once leading zeros are gone, so a
  // 30-digit version cannot overflow anything.
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::string_view x = i < a.size() ? without_leading_zeros(a[i]) : std::string_view();
    const std::string_view y = i < b.size() ? without_leading_zeros(b[i]) : std::string_view();
    if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
    if (const int c = x.compare(y); c != 0) return c < 0 ? -1 : 1;
  }
  return 0;
}

std::string_view layout_name(Layout layout) {
  switch (layout) {
    case Layout::golang_migrate: return "golang-migrate";
    case Layout::flyway: return "Flyway";
    case Layout::diesel: return "Diesel";
    case Layout::goose: return "goose";
    case Layout::dbmate: return "dbmate";
  }
  return "unknown";
}

}  // namespace sqldir
