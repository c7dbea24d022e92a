// Helpers for the SQLite dialect tests: building ABI operations, collecting
// rendered statements, catching failures, and temporary folders.
#pragma once

#include <retort/sdk/dialect.hpp>

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sqlite_test {

inline retort_op make_op(int kind, std::string_view table = {}) {
  retort_op op{};
  op.struct_size = sizeof op;
  op.kind = kind;
  op.table = retort::str(table);
  op.alter_nullable = RETORT_ALTER_KEEP;
  op.alter_default_action = RETORT_DEFAULT_KEEP;
  return op;
}

inline retort_column make_column(std::string_view name, std::string_view type, uint32_t flags = 0) {
  retort_column c{};
  c.struct_size = sizeof c;
  c.name = retort::str(name);
  c.type = retort::str(type);
  c.flags = flags;
  return c;
}

/// Collects what a retort_statement_sink receives.
struct statement_collector {
  std::vector<std::string> statements;
  retort_statement_sink sink{this, [](void* self, const char* data, size_t size) {
                               static_cast<statement_collector*>(self)->statements.emplace_back(data, size);
                             }};
};

/// The failure `body` throws; a test failure if it throws none.
template <class Body>
retort::failure failure_of(Body&& body) {
  try {
    body();
  } catch (const retort::failure& f) {
    return f;
  }
  ADD_FAILURE() << "expected a retort::failure";
  return retort::failure("(none thrown)", 0);
}

/// A fresh folder, removed with everything in it at the end of the test.
class temp_dir {
 public:
  temp_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "retort-sqlite-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~temp_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(std::string_view name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// Changes the current directory for the scope of the object.
class current_dir {
 public:
  explicit current_dir(const std::filesystem::path& to) : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(to);
  }
  ~current_dir() { std::filesystem::current_path(saved_); }
  current_dir(const current_dir&) = delete;
  current_dir& operator=(const current_dir&) = delete;

 private:
  std::filesystem::path saved_;
};

}  // namespace sqlite_test
