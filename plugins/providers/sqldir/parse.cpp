#include "parse.hpp"

#include "directive.hpp"
#include "script.hpp"
#include "values.hpp"

#include <retort/sdk/common.hpp>
#include <retort/sdk/spelling.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>

namespace sqldir {
namespace {

// Order matters twice: it indexes Parser::seen_at_, and it is the order the
// "expected ..." hint lists the names in.
enum class Key { revision, down_revision, message, branch_labels, depends_on, transactional, upgrade, downgrade };
constexpr std::array<std::string_view, 8> key_names = {
    "revision", "down_revision", "message", "branch_labels", "depends_on", "transactional", "upgrade", "downgrade"};
constexpr std::string_view all_key_names =
    "revision, down_revision, message, branch_labels, depends_on, transactional, upgrade, downgrade";

constexpr std::string_view id_rule = "1 to 64 of A-Z a-z 0-9 _";
constexpr std::string_view label_rule = retort::spelling::branch_label_rule;
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::optional<Key> key_named(std::string_view name) {
  for (std::size_t i = 0; i < key_names.size(); ++i)
    if (key_names[i] == name) return static_cast<Key>(i);
  return std::nullopt;
}

std::string_view name_of(Key key) { return key_names[static_cast<std::size_t>(key)]; }

std::string marker(Key key) { return "'-- retort:" + std::string(name_of(key)) + "'"; }

class Parser {
 public:
  Parser(std::string_view file, std::string_view content) : file_(file), content_(content) {}

  ParsedRevision parse() {
    if (content_.substr(0, utf8_bom.size()) == utf8_bom) content_.remove_prefix(utf8_bom.size());
    refuse_nul_bytes();

    std::size_t begin = 0;
    while (begin < content_.size()) {
      const auto newline = content_.find('\n', begin);
      const std::size_t next = newline == std::string_view::npos ? content_.size() : newline + 1;
      std::string_view text = content_.substr(begin, next - begin);
      if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      ++line_;
      on_line(text, begin, next);
      begin = next;
    }
    finish();
    return std::move(out_);
  }

 private:
  [[noreturn]] void fail_here(const std::string& what) const {
    throw retort::failure(std::string(file_) + ":" + std::to_string(line_) + ": " + what,
                          RETORT_ERROR_REVISION);
  }
  [[noreturn]] void fail_file(const std::string& what) const {
    throw retort::failure(std::string(file_) + ": " + what, RETORT_ERROR_REVISION);
  }

  void refuse_nul_bytes() {
    const auto nul = content_.find('\0');
    if (nul == std::string_view::npos) return;
    line_ = 1 + static_cast<std::size_t>(std::count(content_.begin(), content_.begin() + nul, '\n'));
    fail_here("NUL byte (not a text file?)");
  }

  std::size_t& seen_at(Key key) { return seen_at_[static_cast<std::size_t>(key)]; }

  void on_line(std::string_view text, std::size_t begin, std::size_t next) {
    const std::optional<Directive> d = directive_in(text);
    if (!d) {
      if (!seen_at(Key::upgrade) && !is_blank_or_comment(text)) fail_here("SQL before '-- retort:upgrade'");
      return;
    }
    const std::optional<Key> key = key_named(d->name);
    if (!key)
      fail_here("unknown directive " + shown(d->spelled) + " (expected " + std::string(all_key_names) + ")");
    if (*key == Key::upgrade || *key == Key::downgrade)
      on_marker(*key, d->value, begin, next);
    else
      on_header(*key, d->value);
  }

  void on_header(Key key, std::string_view value) {
    if (seen_at(Key::upgrade))
      fail_here(marker(key) + " after '-- retort:upgrade' (line " + std::to_string(seen_at(Key::upgrade)) +
                "); header directives go above it");
    if (seen_at(key))
      fail_here("duplicate " + marker(key) + " (first at line " + std::to_string(seen_at(key)) + ")");
    seen_at(key) = line_;

    switch (key) {
      case Key::revision:
        if (!is_revision_id(value))
          fail_here("invalid revision id " + shown(value) + " (expected " + std::string(id_rule) + ")");
        out_.id = value;
        break;
      case Key::down_revision:
        out_.down_revisions = list_of(key, value, &is_revision_id, "invalid revision id ", id_rule);
        break;
      case Key::branch_labels:
        out_.branch_labels = list_of(key, value, &is_branch_label, "invalid branch label ", label_rule);
        break;
      case Key::depends_on:
        // A dependency may name a branch label as well as a revision id, and
        // labels are the wider of the two shapes.
        out_.depends_on = list_of(key, value, &is_branch_label, "invalid depends_on item ",
                                  "a revision id or branch label: " + std::string(label_rule));
        break;
      case Key::message:
        out_.message = value;
        break;
      case Key::transactional: {
        const std::optional<bool> flag = parse_flag(value);
        if (!flag)
          fail_here("invalid transactional value " + shown(value) +
                    " (expected true, false, yes, no, 1 or 0)");
        out_.transactional = *flag;
        break;
      }
      case Key::upgrade:
      case Key::downgrade:
        break;  // markers, handled by on_marker()
    }
  }

  std::vector<std::string> list_of(Key key, std::string_view value, bool (*valid)(std::string_view),
                                   const std::string& invalid, std::string_view rule) {
    std::optional<std::vector<std::string>> items = split_list(value);
    if (!items) fail_here("empty item in " + std::string(name_of(key)) + " " + shown(value));
    for (auto it = items->begin(); it != items->end(); ++it) {
      if (!valid(*it))
        fail_here(invalid + shown(*it) +
                  (key == Key::down_revision ? " in down_revision" : "") + " (expected " + std::string(rule) + ")");
      if (std::find(items->begin(), it, *it) != it)
        fail_here(shown(*it) + " listed twice in " + std::string(name_of(key)));
    }
    return std::move(*items);
  }

  void on_marker(Key key, std::string_view value, std::size_t begin, std::size_t next) {
    if (!value.empty()) fail_here(marker(key) + " takes no value, found " + shown(value));
    if (seen_at(key))
      fail_here("second " + marker(key) + " (first at line " + std::to_string(seen_at(key)) + ")");
    if (key == Key::downgrade && !seen_at(Key::upgrade)) fail_here("'-- retort:downgrade' before '-- retort:upgrade'");
    seen_at(key) = line_;
    if (key == Key::upgrade) {
      upgrade_begin_ = next;
    } else {
      upgrade_end_ = begin;
      downgrade_begin_ = next;
    }
  }

  void finish() {
    if (!seen_at(Key::revision)) fail_file("no '-- retort:revision' line");
    if (!seen_at(Key::upgrade)) fail_file("no '-- retort:upgrade' line");
    const std::size_t upgrade_end = seen_at(Key::downgrade) ? upgrade_end_ : content_.size();
    out_.upgrade = trim_blank_lines(content_.substr(upgrade_begin_, upgrade_end - upgrade_begin_));
    if (seen_at(Key::downgrade)) out_.downgrade = trim_blank_lines(content_.substr(downgrade_begin_));
  }

  std::string_view file_;
  std::string_view content_;
  std::size_t line_ = 0;                 // 1-based number of the line being read
  std::array<std::size_t, 8> seen_at_{};  // line of each key's directive; 0: not seen
  std::size_t upgrade_begin_ = 0;        // offsets into content_ of the two scripts
  std::size_t upgrade_end_ = 0;
  std::size_t downgrade_begin_ = 0;
  ParsedRevision out_;
};

}  // namespace

ParsedRevision parse_sql_revision(std::string_view file_name, std::string_view content) {
  return Parser(file_name, content).parse();
}

bool has_retort_directive(std::string_view content) {
  // The BOM would hide a directive on the first line from directive_in().
  if (content.substr(0, utf8_bom.size()) == utf8_bom) content.remove_prefix(utf8_bom.size());
  while (!content.empty()) {
    const auto newline = content.find('\n');
    if (directive_in(content.substr(0, newline))) return true;
    if (newline == std::string_view::npos) break;
    content.remove_prefix(newline + 1);
  }
  return false;
}

}  // namespace sqldir
