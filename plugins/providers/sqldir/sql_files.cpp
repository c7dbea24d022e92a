#include "sql_files.hpp"

#include <retort/sdk/common.hpp>

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

bool readable_kind(fs::file_type type) {
  // not_found: a broken symbolic link (status() follows links); see header.
  return type == fs::file_type::regular || type == fs::file_type::not_found;
}

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

  std::vector<std::pair<std::string, std::string>> found;  // file name, path
  fs::directory_iterator it(folder, ec);
  if (ec) cannot_open_folder(folder, ec);
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) cannot_open_folder(folder, ec);
    std::string name = it->path().filename().string();
    if (!wanted_name(name)) continue;
    std::error_code ignored;  // a not_found status is an answer, not an error here
    if (!readable_kind(it->status(ignored).type())) continue;
    found.emplace_back(std::move(name), (fs::path(folder) / it->path().filename()).string());
  }
  if (ec) cannot_open_folder(folder, ec);

  std::sort(found.begin(), found.end());
  std::vector<std::string> paths;
  paths.reserve(found.size());
  for (auto& f : found) paths.push_back(std::move(f.second));
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
  }
  if (used > max_file_size) throw retort::failure(too_large(path, used), RETORT_ERROR_REVISION);
  content.resize(used);
  return content;
}

}  // namespace sqldir
