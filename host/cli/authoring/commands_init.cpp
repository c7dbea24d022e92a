// init: scaffold a project in DIR from the embedded templates. It reads no
// configuration (there is none yet) and never connects to a database.
#include <iostream>

#include "host/cli/authoring/commands.hpp"
#include "host/cli/authoring/revision_file.hpp"
#include "host/cli/authoring/templates/templates.hpp"
#include "host/cli/output.hpp"
#include "host/errors/error.hpp"

namespace host {
namespace fs = std::filesystem;
namespace {

struct ProjectFile {
  fs::path path;  ///< relative to DIR
  std::string text;
};

// The folder's name made a CMake target and plugin name: lowercase
// [a-z0-9_], never empty.
std::string project_name(const fs::path& dir) {
  fs::path absolute = fs::absolute(dir).lexically_normal();
  std::string base = absolute.filename().string();
  if (base.empty()) base = absolute.parent_path().filename().string();
  std::string name;
  for (char c : base) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') name += static_cast<char>(c - 'A' + 'a');
    else name += alnum ? c : '_';
  }
  return name.empty() ? "app" : name;
}

std::vector<ProjectFile> sqldir_project() {
  return {{"retort.ini", std::string(template_text("sqldir/retort.ini"))}};
}

std::vector<ProjectFile> cpp_project(const fs::path& dir) {
  std::string name = project_name(dir);
  // "_revisions" keeps the target clear of CMake's reserved names (test, all, install).
  std::map<std::string, std::string> values = {{"name", name}, {"target", name + "_revisions"}};
  values["id"] = fresh_revision_id(Graph(std::vector<Revision>{}));
  auto fill = [&](const char* file) { return fill_template(template_text(file), values); };
  return {{"CMakeLists.txt", fill("cpp/CMakeLists.txt")},
          {"src/plugin.cpp", fill("cpp/plugin.cpp")},
          {fs::path("src/revisions") / (values["id"] + "_create_example.cpp"), fill("cpp/example_revision.cpp")},
          {"retort.ini", fill("cpp/retort.ini")}};
}

}  // namespace

int cmd_init(const Invocation& invocation) {
  const fs::path dir = invocation.arguments.at(0);
  const std::string kind = invocation.template_name.value_or("sqldir");
  if (kind != "sqldir" && kind != "cpp") usage_error("--template must be sqldir or cpp, not '" + kind + "'");
  if (fs::exists(dir / "retort.ini"))
    usage_error((dir / "retort.ini").string() + " already exists; not initialising " + dir.string() + " again");

  std::vector<ProjectFile> files = kind == "cpp" ? cpp_project(dir) : sqldir_project();
  // Check every file first, so a refusal leaves the folder as it was.
  for (const auto& file : files)
    if (fs::exists(dir / file.path)) usage_error((dir / file.path).string() + " already exists; not overwriting it");

  std::vector<std::string> written;
  std::error_code error;
  auto make_folder = [&](const fs::path& folder) {
    fs::create_directories(folder, error);
    if (error) usage_error("cannot create " + folder.string() + ": " + error.message());
  };
  if (kind == "sqldir") {
    make_folder(dir / "migrations");
    written.push_back((dir / "migrations").string() + "/");
  }
  for (const auto& file : files) {
    make_folder((dir / file.path).parent_path());
    write_new_file(dir / file.path, file.text);
    written.push_back((dir / file.path).string());
  }
  if (invocation.json) print_json(Json{{"template", kind}, {"files", written}});
  else
    for (const auto& path : written) std::cout << path << "\n";
  return 0;
}

}  // namespace host
