#include "sql_files.hpp"

#include <retort/sdk/common.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <utility>

namespace fs = std::filesystem;

namespace sqldir {
namespace {

[[noreturn]] void usage_failure(const std::string& what) { throw retort::failure(what, RETORT_ERROR_USAGE); }

std::string reason(int error_number) { return std::generic_category().message(error_number); }

[[noreturn]] void cannot_open_folder(const std::string& folder, const std::error_code& ec) {
  usage_failure("cannot open sqldir folder '" + folder + "': " + ec.message());
}

bool wanted_name(const std::string& name) {
  constexpr std::string_view extension = ".sql";
  return name.size() > extension.size() && name.front() != '.' &&
         name.compare(name.size() - extension.size(), extension.size(), extension) == 0;
}

// readdir() says what most entries are; only a symbolic link, or a file
// system that does not fill d_type, costs a stat(). Like fs::status, the
// link is followed, and a missing target (ENOENT, ENOTDIR) counts as
// not_found, which is kept (see the header).
bool readable_entry(const std::string& prefix, const std::string& name, unsigned char type) {
  if (type == DT_REG) return true;
  if (type != DT_LNK && type != DT_UNKNOWN) return false;
  struct stat info {};
  if (::stat((prefix + name).c_str(), &info) == 0) return S_ISREG(info.st_mode);
  return errno == ENOENT || errno == ENOTDIR;
}

class Folder {  // closes on every path out of list_sql_files
 public:
  explicit Folder(DIR* dir) : dir_(dir) {}
  ~Folder() {
    if (dir_) ::closedir(dir_);
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  DIR* get() const { return dir_; }

 private:
  DIR* dir_;
};

class Descriptor {  // closes on every path out of read_sql_file
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string too_large(const std::string& path, unsigned long long size) {
  return path + ": larger than the 16 MiB limit for a revision file (" + std::to_string(size) + " bytes)";
}

}  // namespace

std::vector<std::string> list_sql_files(const std::string& folder) {
  if (folder.empty()) usage_failure("sqldir needs a folder: revisions = FOLDER, or sqldir:FOLDER");

  std::error_code ec;
  const fs::file_status status = fs::status(folder, ec);
  if (ec) cannot_open_folder(folder, ec);
  if (!fs::is_directory(status))
    cannot_open_folder(folder, std::make_error_code(std::errc::not_a_directory));

  // readdir() rather than fs::directory_iterator, which builds and splits a
  // path per entry: with 10,000 files that was a third of `retort heads`
  // (bench/RESULTS.md).
  const Folder dir(::opendir(folder.c_str()));
  if (!dir.get()) cannot_open_folder(folder, std::error_code(errno, std::generic_category()));
  const std::string prefix = folder.back() == '/' ? folder : folder + '/';
  std::vector<std::string> names;
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir.get());
    if (!entry) {
      if (errno != 0) cannot_open_folder(folder, std::error_code(errno, std::generic_category()));
      break;
    }
    std::string name = entry->d_name;
    if (wanted_name(name) && readable_entry(prefix, name, entry->d_type)) names.push_back(std::move(name));
  }

  std::sort(names.begin(), names.end());
  std::vector<std::string> paths;
  paths.reserve(names.size());
  for (const auto& name : names) paths.push_back(prefix + name);
  return paths;
}

std::string read_sql_file(const std::string& path) {
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) usage_failure("cannot read '" + path + "': " + reason(errno));

  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) usage_failure("cannot read '" + path + "': " + reason(errno));
  if (static_cast<unsigned long long>(info.st_size) > max_file_size)
    throw retort::failure(too_large(path, static_cast<unsigned long long>(info.st_size)), RETORT_ERROR_REVISION);

  // Read up to one byte past the limit: a file that grew since fstat() is
  // still refused, and the buffer never grows without bound.
  std::string content;
  content.resize(static_cast<std::size_t>(info.st_size) + 1);
  std::size_t used = 0;
  for (;;) {
    if (used == content.size()) {
      if (content.size() > max_file_size) break;
      content.resize(std::min(content.size() * 2 + 4096, max_file_size + 1));
    }
    const ssize_t n = ::read(fd.get(), &content[used], content.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      usage_failure("cannot read '" + path + "': " + reason(errno));
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
    // A regular file's read comes up short only at its end: saves the
    // second read() per file that would return 0 (10,000 files, 10,000 calls).
    if (S_ISREG(info.st_mode) && used < content.size()) break;
  }
  if (used > max_file_size) throw retort::failure(too_large(path, used), RETORT_ERROR_REVISION);
  content.resize(used);
  return content;
}

}  // namespace sqldir
