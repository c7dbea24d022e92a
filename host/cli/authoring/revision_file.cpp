#include "host/cli/authoring/revision_file.hpp"

#include <retort/sdk/text.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <random>
#include <sstream>

#include "host/cli/authoring/cpp_steps.hpp"
#include "host/cli/authoring/templates/templates.hpp"
#include "host/errors/error.hpp"

namespace host {
namespace {

constexpr std::size_t fresh_id_length = 12;
constexpr std::size_t longest_slug = 40;

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// Where a lambda's statements start in templates/revision.cpp.
constexpr const char* body_indent = "          ";

std::string sql_header(const Revision& r) {
  std::string h = "-- retort:revision " + r.id + "\n";
  if (!r.down_revisions.empty()) h += "-- retort:down_revision " + joined(r.down_revisions, ", ") + "\n";
  h += "-- retort:message " + r.message + "\n";
  if (!r.branch_labels.empty()) h += "-- retort:branch_labels " + joined(r.branch_labels, ", ") + "\n";
  if (!r.depends_on.empty()) h += "-- retort:depends_on " + joined(r.depends_on, ", ") + "\n";
  return h;
}

// The builder calls between retort::revision("id") and .upgrade(...).
std::string cpp_chain(const Revision& r) {
  std::string chain;
  auto call = [&](const char* name, const std::string& argument) {
    chain += std::string("        .") + name + "(" + cpp_string_literal(argument) + ")\n";
  };
  for (const auto& down : r.down_revisions) call("down", down);
  call("message", r.message);
  for (const auto& label : r.branch_labels) call("branch_label", label);
  for (const auto& dependency : r.depends_on) call("depends_on", dependency);
  return chain;
}

}  // namespace

std::string fresh_revision_id(const Graph& graph) {
  std::random_device device;
  std::uniform_int_distribution<int> digit(0, 15);
  for (;;) {
    std::string id;
    for (std::size_t i = 0; i < fresh_id_length; ++i) id += "0123456789abcdef"[digit(device)];
    if (!graph.find(id)) return id;
  }
}

std::string message_slug(std::string_view message) {
  std::vector<std::string> words(1);
  for (char c : message) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) words.back() += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    else if (!words.back().empty()) words.emplace_back();
  }
  std::string slug;
  for (const auto& word : words) {
    if (word.empty()) continue;
    std::size_t length = slug.size() + (slug.empty() ? 0 : 1) + word.size();
    if (length > longest_slug) {
      // A first word longer than the limit is cut; later ones end the slug.
      if (slug.empty()) slug = word.substr(0, longest_slug);
      break;
    }
    slug += (slug.empty() ? "" : "_") + word;
  }
  return slug;
}

std::string revision_file_name(const Revision& revision, RevisionLanguage language) {
  std::string slug = message_slug(revision.message);
  return revision.id + (slug.empty() ? "" : "_" + slug) + (language == RevisionLanguage::sql ? ".sql" : ".cpp");
}

std::string revision_file_text(const Revision& revision, RevisionLanguage language) {
  if (language == RevisionLanguage::sql)
    return fill_template(template_text("revision.sql"), {{"header", sql_header(revision)}});
  return cpp_revision_text(
      revision,
      std::string(body_indent) + "// op.create_table(\"orders\", {column(\"id\", \"bigint\").primary_key().autoincrement()});\n",
      std::string(body_indent) + "// op.drop_table(\"orders\");\n");
}

std::string cpp_revision_text(const Revision& revision, const std::string& upgrade_body,
                              const std::string& downgrade_body) {
  // A body of comments only leaves `op` unused, which compilers warn of.
  const auto with_op_used = [](const std::string& body) {
    std::istringstream lines(body);
    for (std::string line; std::getline(lines, line);) {
      const std::size_t code = line.find_first_not_of(' ');
      if (code != std::string::npos && line.compare(code, 2, "//") != 0) return body;
    }
    return body + body_indent + "static_cast<void>(op);\n";
  };
  return fill_template(template_text("revision.cpp"), {{"id", revision.id},
                                                       {"chain", cpp_chain(revision)},
                                                       {"upgrade", with_op_used(upgrade_body)},
                                                       {"downgrade", with_op_used(downgrade_body)}});
}

std::string sql_revision_text(const Revision& revision, const std::string& upgrade, const std::string& downgrade) {
  return sql_header(revision) + "-- retort:upgrade\n" + upgrade + "\n-- retort:downgrade\n" + downgrade;
}

std::string one_line(std::string_view text) { return retort::text::one_line(text); }

void write_new_file(const std::filesystem::path& path, const std::string& text) {
  // "x": fail if the file exists, atomically, so two writers never clobber.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wx"), &std::fclose);
  if (!file) {
    if (errno == EEXIST) usage_error(path.string() + " already exists; not overwriting it");
    usage_error("cannot create " + path.string() + ": " + std::strerror(errno));
  }
  if (std::fwrite(text.data(), 1, text.size(), file.get()) != text.size() || std::fflush(file.get()) != 0)
    usage_error("cannot write " + path.string() + ": " + std::strerror(errno));
}

}  // namespace host
