#include "sql_files.hpp"

#include <retort/sdk/common.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
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
bool readable_entry(int folder, const std::string& name, unsigned char type) {
  if (type == DT_REG) return true;
  if (type != DT_LNK && type != DT_UNKNOWN) return false;
  struct stat info {};
  if (::fstatat(folder, name.c_str(), &info, 0) == 0) return S_ISREG(info.st_mode);
  return errno == ENOENT || errno == ENOTDIR;
}

std::string too_large(const std::string& path, unsigned long long size) {
  return path + ": larger than the 16 MiB limit for a revision file (" + std::to_string(size) + " bytes)";
}

int open_folder(const std::string& folder) {
  if (folder.empty()) usage_failure("sqldir needs a folder: revisions = FOLDER, or sqldir:FOLDER");
  std::error_code ec;
  const fs::file_status status = fs::status(folder, ec);
  if (ec) cannot_open_folder(folder, ec);
  if (!fs::is_directory(status))
    cannot_open_folder(folder, std::make_error_code(std::errc::not_a_directory));
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) cannot_open_folder(folder, std::error_code(errno, std::generic_category()));
  return fd;
}

ssize_t read_retrying(int fd, char* into, std::size_t size) {
  for (;;) {
    const ssize_t n = ::read(fd, into, size);
    if (n >= 0 || errno != EINTR) return n;
  }
}

// Sorted as std::sort(names) would, but on keys holding each name's first
// 16 bytes (as unsigned bytes, 0 past the end), so most comparisons touch
// neither the strings nor memcmp: with 10,000 files, sorting the names was
// a tenth of `retort heads` (bench/).
void sort_by_name(std::vector<std::string>& names) {
  struct Key {
    std::uint64_t high = 0, low = 0;
    std::size_t at = 0;
  };
  std::vector<Key> keys(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    auto byte = [&name](std::size_t k) -> std::uint64_t { return k < name.size() ? static_cast<unsigned char>(name[k]) : 0u; };
    for (std::size_t k = 0; k < 8; ++k) keys[i].high = keys[i].high << 8 | byte(k);
    for (std::size_t k = 8; k < 16; ++k) keys[i].low = keys[i].low << 8 | byte(k);
    keys[i].at = i;
  }
  std::sort(keys.begin(), keys.end(), [&names](const Key& a, const Key& b) {
    if (a.high != b.high) return a.high < b.high;
    if (a.low != b.low) return a.low < b.low;
    return names[a.at] < names[b.at];
  });
  std::vector<std::string> sorted;
  sorted.reserve(names.size());
  for (const Key& key : keys) sorted.push_back(std::move(names[key.at]));
  names = std::move(sorted);
}

class Listing {  // closes on every path out of the SqlFolder constructor
 public:
  explicit Listing(DIR* dir) : dir_(dir) {}
  ~Listing() {
    if (dir_) ::closedir(dir_);
  }
  Listing(const Listing&) = delete;
  Listing& operator=(const Listing&) = delete;
  DIR* get() const { return dir_; }

 private:
  DIR* dir_;
};

}  // namespace

Descriptor::~Descriptor() {
  if (fd_ >= 0) ::close(fd_);
}

SqlFolder::SqlFolder(const std::string& folder)
    : folder_(open_folder(folder)), folder_name_(folder), prefix_(folder.back() == '/' ? folder : folder + '/') {
  // readdir() rather than fs::directory_iterator, which builds and splits a
  // path per entry: with 10,000 files that was a third of `retort heads`
  // (bench/RESULTS.md). closedir() closes its descriptor, hence the dup().
  const int listed = ::dup(folder_.get());
  const Listing dir(listed < 0 ? nullptr : ::fdopendir(listed));
  if (!dir.get()) {
    const int failed = errno;
    if (listed >= 0) ::close(listed);
    cannot_open_folder(folder, std::error_code(failed, std::generic_category()));
  }
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir.get());
    if (!entry) {
      if (errno != 0) cannot_open_folder(folder, std::error_code(errno, std::generic_category()));
      break;
    }
    std::string name = entry->d_name;
    if (wanted_name(name) && readable_entry(folder_.get(), name, entry->d_type)) names_.push_back(std::move(name));
    else if (name.front() != '.') others_.push_back(entry->d_type == DT_DIR ? std::move(name) + '/' : std::move(name));
  }
  sort_by_name(names_);
}

std::string SqlFolder::read_file(const std::string& relative) const {
  // O_NONBLOCK: the listing saw a regular file, but if a FIFO has taken its
  // place since, reading must fail rather than wait for a writer.
  const Descriptor fd(::openat(folder_.get(), relative.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) usage_failure("cannot read '" + path_of(relative) + "': " + reason(errno));

  // A regular file's read() comes up short only at its end, which saves the
  // fstat() for its size and the last read() that would return 0. Most
  // revision files fit the first read, on the stack; a larger one goes on
  // into a string, up to one byte past the limit so it never grows unbounded.
  char first[32 * 1024];
  const ssize_t got = read_retrying(fd.get(), first, sizeof first);
  if (got < 0) usage_failure("cannot read '" + path_of(relative) + "': " + reason(errno));
  std::string content(first, static_cast<std::size_t>(got));
  if (content.size() < sizeof first) return content;
  std::size_t used = content.size();
  for (;;) {
    if (used == content.size()) {
      if (content.size() > max_file_size) break;
      content.resize(std::min(content.size() * 4, max_file_size + 1));
    }
    const ssize_t n = read_retrying(fd.get(), &content[used], content.size() - used);
    if (n < 0) usage_failure("cannot read '" + path_of(relative) + "': " + reason(errno));
    used += static_cast<std::size_t>(n);
    if (used < content.size()) break;
  }
  if (used > max_file_size) throw retort::failure(too_large(path_of(relative), used), RETORT_ERROR_REVISION);
  content.resize(used);
  return content;
}

std::optional<std::string> SqlFolder::read_if_present(const std::string& relative) const {
  // The link itself, not its target: a broken link is reported, as in the listing.
  struct stat info {};
  if (::fstatat(folder_.get(), relative.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT)
    return std::nullopt;
  return read_file(relative);
}

}  // namespace sqldir
