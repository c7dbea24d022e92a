// sqldir/sql_files.hpp: the file-system side of sqldir, kept apart from the
// parser so the parser stays a pure function. Failures name the path and the
// operating system's reason.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sqldir {

/// The largest revision file read: 16 MiB. A hand-written migration is far
/// smaller; anything this big is a dump or the wrong file, and reading it
/// would only delay the error.
inline constexpr std::size_t max_file_size = std::size_t{16} << 20;

/// Closes the file descriptor it holds (-1: none) when destroyed.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor();
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

/// The `*.sql` files directly in a folder, sorted by file name, and their
/// contents. As a shell's `*.sql` would, it skips names starting with '.'
/// (editor lock files); it also skips directories and special files. A
/// broken symbolic link is kept, so that reading it reports the problem
/// instead of a revision silently going missing.
///
/// The folder stays open while the object lives and files are opened
/// relative to it: a folder of 10,000 files costs three system calls a file
/// (open, read, close), not a path walk and an fstat() besides (bench/).
/// read() may be called from several threads at once.
class SqlFolder {
 public:
  /// Throws retort::failure, kind RETORT_ERROR_USAGE, when `folder` is empty,
  /// missing, not a folder or unreadable.
  explicit SqlFolder(const std::string& folder);

  std::size_t size() const { return names_.size(); }
  /// The folder joined with the file name, as messages and origins spell it.
  std::string path(std::size_t index) const { return prefix_ + names_[index]; }
  /// The whole content of file `index`. Throws retort::failure: kind
  /// RETORT_ERROR_USAGE when it cannot be read, RETORT_ERROR_REVISION when
  /// it is larger than max_file_size.
  std::string read(std::size_t index) const { return read_file(names_[index]); }

  /// The folder joined with `relative` ("2019-02-26-002946_create_users/up.sql").
  std::string path_of(const std::string& relative) const { return prefix_ + relative; }
  /// The content of the file at `relative`, inside a subfolder of this one
  /// (a Diesel migration's up.sql); nullopt when there is no such file.
  /// Fails as read() does.
  std::optional<std::string> read_if_present(const std::string& relative) const;

  /// The folder as given, for messages.
  const std::string& folder() const { return folder_name_; }
  /// The other entries, not starting with '.', in no particular order; a
  /// folder's name ends in '/'. What a folder of another layout holds.
  const std::vector<std::string>& others() const { return others_; }

 private:
  std::string read_file(const std::string& relative) const;

  Descriptor folder_;
  std::string folder_name_;
  std::string prefix_;  // the folder, ending in '/'
  std::vector<std::string> names_;
  std::vector<std::string> others_;
};

}  // namespace sqldir
