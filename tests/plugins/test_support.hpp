// Helpers shared by the plugin tests: where the fixtures are, scratch
// folders, and catching a host::Error to look at its code and message.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "host/errors/error.hpp"

namespace plugin_tests {

namespace fs = std::filesystem;

/// PLUGIN_FIXTURE_DIR/NAME.so (NAME may already end in .so).
fs::path fixture(std::string_view name);

/// The bytes of a file.
std::string read_file(const fs::path& file);

/// A scratch folder removed with everything in it when the test ends.
class TempDir {
 public:
  /// In `root`; by default the system's temporary folder.
  explicit TempDir(const fs::path& root = fs::temp_directory_path());
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  /// Writes `bytes` to path()/name and returns that path.
  fs::path write(const std::string& name, const std::string& bytes) const;
  /// Links path()/name to `target` and returns the link. Links rather than
  /// copies: the loader then sees the very fixture file, never a copy whose
  /// inode a later copy could reuse.
  fs::path link(const std::string& name, const fs::path& target) const;

 private:
  fs::path path_;
};

struct Caught {
  host::ExitCode code = host::ExitCode::ok;
  std::string message;
};

/// Runs `body`, expecting a host::Error; what it carried, or a test failure.
template <class Body>
Caught catch_error(Body&& body) {
  try {
    body();
  } catch (const host::Error& e) {
    return Caught{e.code(), e.what()};
  }
  ADD_FAILURE() << "expected a host::Error";
  return {};
}

/// Where to write many small files quickly: /dev/shm when there is one, as
/// rewriting a file on a disk file system can cost milliseconds each time.
fs::path memory_backed_root();

/// True if the dynamic loader already has `file` loaded in this process.
bool is_loaded(const fs::path& file);

}  // namespace plugin_tests
