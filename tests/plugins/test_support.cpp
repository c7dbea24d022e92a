#include "test_support.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>

namespace plugin_tests {

fs::path fixture(std::string_view name) {
  std::string file(name);
  if (file.size() < 3 || file.substr(file.size() - 3) != ".so") file += ".so";
  return fs::path(PLUGIN_FIXTURE_DIR) / file;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TempDir::TempDir(const fs::path& root) {
  static std::atomic<int> counter{0};
  path_ = root /
          ("retort-plugins-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

fs::path TempDir::write(const std::string& name, const std::string& bytes) const {
  const fs::path file = path_ / name;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
  return file;
}

fs::path TempDir::link(const std::string& name, const fs::path& target) const {
  const fs::path file = path_ / name;
  fs::create_directories(file.parent_path());
  fs::create_symlink(target, file);
  return file;
}

fs::path memory_backed_root() {
  std::error_code ec;
  return fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
}

bool is_loaded(const fs::path& file) {
  void* handle = ::dlopen(file.c_str(), RTLD_LAZY | RTLD_NOLOAD);
  if (handle) ::dlclose(handle);  // drops only the reference NOLOAD took
  return handle != nullptr;
}

}  // namespace plugin_tests
