#include "dbmate.hpp"

#include "directive.hpp"
#include "lines.hpp"
#include "script.hpp"
#include "values.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace sqldir {
namespace {

enum class Direction { up, down };

struct Marker {
  Direction direction;
  std::string_view options;  // the rest of the line, trimmed
};

// "--", optional spaces, "migrate:up" or "migrate:down", then the end of the
// line or spaces and options. dbmate reads markers only at a line's start.
std::optional<Marker> marker_on(std::string_view line) {
  if (line.substr(0, 2) != "--") return std::nullopt;
  std::string_view rest = trim(line.substr(2));
  constexpr std::string_view prefix = "migrate:";
  if (rest.substr(0, prefix.size()) != prefix) return std::nullopt;
  rest.remove_prefix(prefix.size());
  for (const auto& [word, direction] :
       {std::pair{std::string_view("up"), Direction::up}, std::pair{std::string_view("down"), Direction::down}}) {
    if (rest.substr(0, word.size()) != word) continue;
    const std::string_view after = rest.substr(word.size());
    if (!after.empty() && horizontal_space.find(after.front()) == std::string_view::npos) return std::nullopt;
    return Marker{direction, trim(after)};
  }
  return std::nullopt;
}

std::string spelled(Direction direction) {
  return direction == Direction::up ? "'-- migrate:up'" : "'-- migrate:down'";
}

struct Section {
  std::size_t line = 0;  // of its marker; 0: the file has none
  std::size_t begin = 0, end = 0;
  bool transactional = true;
};

class DbmateReader {
 public:
  DbmateReader(std::string_view path, std::string_view text) : path_(path), text_(text) {}

  std::vector<ConventionalFile> read(const ConventionalName& name) {
    for_each_line(text_, [this](const Line& line) { on_line(line); });
    if (!up_.line)
      refuse_file(path_, "no " + spelled(Direction::up) + " line (a dbmate migration starts its upgrade with it)");
    current_->end = text_.size();

    std::vector<ConventionalFile> files;
    files.push_back(file_of(up_, name));
    if (down_.line) {
      ConventionalName down_name = name;
      down_name.role = Role::downgrade;
      files.push_back(file_of(down_, down_name));
    }
    return files;
  }

 private:
  void on_line(const Line& line) {
    const std::optional<Marker> marker = marker_on(line.text);
    if (!marker) {
      if (!current_ && !is_blank_or_comment(line.text))
        refuse_line(path_, line.number, "SQL before " + spelled(Direction::up));
      return;
    }
    Section& section = marker->direction == Direction::up ? up_ : down_;
    if (section.line)
      refuse_line(path_, line.number,
                  "second " + spelled(marker->direction) + " (first at line " + std::to_string(section.line) + ")");
    if (marker->direction == Direction::down && !up_.line)
      refuse_line(path_, line.number, spelled(Direction::down) + " before " + spelled(Direction::up));
    if (current_) current_->end = line.begin;
    current_ = &section;
    section.line = line.number;
    section.begin = line.next;
    section.transactional = transactional_option(marker->options, line);
  }

  // Options are words KEY:VALUE. Only transaction is read; any other is
  // refused, since ignoring it could run the migration unlike dbmate would.
  bool transactional_option(std::string_view options, const Line& line) const {
    bool transactional = true;
    while (!(options = trim(options)).empty()) {
      const std::size_t end = std::min(options.find_first_of(horizontal_space), options.size());
      const std::string_view option = options.substr(0, end);
      if (option == "transaction:false")
        transactional = false;
      else if (option != "transaction:true")
        refuse_line(path_, line.number,
                    "unknown dbmate option " + shown(option) + " (expected transaction:false or transaction:true)");
      options.remove_prefix(end);
    }
    return transactional;
  }

  ConventionalFile file_of(const Section& section, const ConventionalName& name) const {
    return ConventionalFile{std::string(path_),
                            name,
                            std::string(trim_blank_lines(text_.substr(section.begin, section.end - section.begin))),
                            {},
                            section.transactional};
  }

  std::string_view path_;
  std::string_view text_;
  Section up_, down_;
  Section* current_ = nullptr;  // the section being read; nullptr before the up marker
};

}  // namespace

bool has_dbmate_marker(std::string_view content) {
  return any_line(without_bom(content), [](const Line& line) { return marker_on(line.text).has_value(); });
}

std::vector<ConventionalFile> dbmate_migration(std::string_view path, std::string_view content) {
  const std::optional<ConventionalName> name = numbered_name(path, Layout::dbmate);
  if (!name) refuse_file(path, "a dbmate migration (it has '-- migrate:' lines) must be named {version}_{title}.sql");
  return DbmateReader(path, migration_text(path, content)).read(*name);
}

}  // namespace sqldir
