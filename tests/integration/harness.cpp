#include "harness.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace it {

Process spawn_process(const std::vector<std::string>& argv, const fs::path& cwd,
                      const std::map<std::string, std::string>& env) {
  int out_pipe[2], err_pipe[2];
  // Close-on-exec, so a child spawned concurrently by another thread does not
  // inherit these pipes and keep them open after this child has exited.
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::map<std::string, std::string> environment;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    auto eq = kv.find('=');
    if (eq != std::string::npos) environment[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  // Tests describe their whole configuration; nothing leaks in from outside.
  for (const char* k : {"RETORT_CONFIG", "RETORT_DATABASE_URL", "DATABASE_URL", "RETORT_PLUGIN_PATH",
                        "RETORT_LOG_LEVEL", "RETORT_LOG_FORMAT"})
    environment.erase(k);
  for (const auto& [k, v] : env) environment[k] = v;
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : environment) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp, args;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_copy = argv;
  for (auto& a : argv_copy) args.push_back(a.data());
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  }
  return Process(pid, out_pipe[0], err_pipe[0]);
}

Result run_process(const std::vector<std::string>& argv, const fs::path& cwd,
                   const std::map<std::string, std::string>& env) {
  return spawn_process(argv, cwd, env).finish();
}

Process::Process(Process&& other) noexcept
    : pid_(other.pid_), fds_{other.fds_[0], other.fds_[1]}, partial_(std::move(other.partial_)),
      finished_(other.finished_) {
  other.finished_ = true;
  other.fds_[0] = other.fds_[1] = -1;
}

Process::~Process() {
  if (finished_) return;
  ::kill(pid_, SIGKILL);
  for (int fd : fds_)
    if (fd >= 0) close(fd);
  int status = 0;
  waitpid(pid_, &status, 0);
}

void Process::send(int signal) const {
  if (!finished_) ::kill(pid_, signal);
}

void Process::pump(int timeout_ms) {
  pollfd fds[2] = {{fds_[0], POLLIN, 0}, {fds_[1], POLLIN, 0}};
  std::string* sinks[2] = {&partial_.out, &partial_.err};
  char buf[65536];
  while (fds_[0] >= 0 || fds_[1] >= 0) {
    for (int i = 0; i < 2; ++i) fds[i].fd = fds_[i];
    int ready = poll(fds, 2, timeout_ms);
    if (ready == 0) return;
    if (ready < 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else {
        close(fds[i].fd);
        fds_[i] = -1;
      }
    }
    if (timeout_ms >= 0) return;
  }
}

bool Process::wait_for_stderr(const std::string& text, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (partial_.err.find(text) == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || (fds_[0] < 0 && fds_[1] < 0)) return false;
    pump(static_cast<int>(left.count()));
  }
  return true;
}

Result Process::finish() {
  pump(-1);
  Result r = std::move(partial_);
  int status = 0;
  waitpid(pid_, &status, 0);
  finished_ = true;
  if (WIFEXITED(status)) r.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

fs::path build_dir() {
  const char* b = std::getenv("RETORT_BUILD_DIR");
  return b && *b ? b : RETORT_IT_BUILD_DIR;
}
fs::path source_dir() {
  const char* s = std::getenv("RETORT_SOURCE_DIR");
  return s && *s ? s : RETORT_IT_SOURCE_DIR;
}
fs::path retort_binary() { return build_dir() / "bin" / "retort"; }
fs::path shop_plugin() { return build_dir() / "revisions" / "retort_shop.so"; }

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path p = fs::temp_directory_path() / ("retort-it-" + std::to_string(rd()));
    if (fs::create_directory(p)) {
      path_ = p;
      fs::permissions(p, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}
TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream f(path, std::ios::binary);
  f << content;
  if (!f) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace it
