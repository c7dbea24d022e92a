#include "host/fleet/journal.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "host/errors/error.hpp"
#include "host/log/clock.hpp"

namespace host::fleet {
namespace {

using Json = nlohmann::json;
constexpr const char* kind = "retort-fleet";

std::FILE* open_or_fail(const std::filesystem::path& path, const char* mode) {
  std::FILE* file = std::fopen(path.c_str(), mode);
  if (!file) usage_error("cannot write the fleet journal " + path.string() + ": " + std::strerror(errno));
  return file;
}

// A row's target and state, or false for a line that is not a whole row.
bool read_row(const std::string& line, std::string& target, std::string& state) {
  const Json row = Json::parse(line, nullptr, false);
  if (!row.is_object()) return false;
  const auto t = row.find("target");
  const auto s = row.find("state");
  if (t == row.end() || s == row.end() || !t->is_string() || !s->is_string()) return false;
  target = t->get<std::string>();
  state = s->get<std::string>();
  return true;
}

bool ends_with_newline(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in || in.tellg() <= 0) return true;
  in.seekg(-1, std::ios::end);
  return in.get() == '\n';
}

}  // namespace

Journal::Journal(std::FILE* file, std::filesystem::path path) : file_(file), path_(std::move(path)) {}

Journal::Journal(Journal&& other) noexcept : file_(other.file_), path_(std::move(other.path_)) {
  other.file_ = nullptr;
}

Journal::~Journal() {
  if (file_) std::fclose(file_);
}

Journal Journal::start(const std::filesystem::path& path, const std::string& command) {
  Journal journal(open_or_fail(path, "w"), path);
  const Json header{{"journal", kind}, {"version", 1}, {"command", command}, {"started_at", utc_now_iso8601()}};
  if (!journal.write_line(header.dump(-1, ' ', false, Json::error_handler_t::replace)))
    usage_error("cannot write the fleet journal " + path.string() + ": " + std::strerror(errno));
  return journal;
}

Journal Journal::resume(const std::filesystem::path& path, const std::string& command, std::set<std::string>& done) {
  std::ifstream in(path);
  if (!in)
    usage_error("--resume: cannot read the fleet journal " + path.string() + ": " + std::strerror(errno) +
                " (a run without --resume writes it)");
  std::string line;
  Json header;
  if (std::getline(in, line)) header = Json::parse(line, nullptr, false);
  if (!header.is_object() || header.value("journal", "") != kind || !header["command"].is_string())
    usage_error("--resume: " + path.string() + " is not a retort fleet journal");
  const std::string recorded = header["command"];
  if (recorded != command)
    usage_error("--resume: the journal " + path.string() + " is of '" + recorded + "', not '" + command + "'");
  for (std::string target, state; std::getline(in, line);) {
    if (!read_row(line, target, state)) continue;
    if (state == state_name(State::ok)) done.insert(target);
    else done.erase(target);
  }
  Journal journal(open_or_fail(path, "a"), path);
  // A line torn by a kill has no newline: without one, the next record would
  // be glued to it and lost to the next --resume.
  if (!ends_with_newline(path) && !journal.write_line(""))
    usage_error("cannot write the fleet journal " + path.string() + ": " + std::strerror(errno));
  return journal;
}

bool Journal::record(const Outcome& o) {
  const Json row{{"target", o.target},
                 {"url", o.url},
                 {"state", state_name(o.state)},
                 {"exit_code", o.exit_code},
                 {"from", o.from},
                 {"to", o.to},
                 {"revisions", o.revisions},
                 {"duration_ms", static_cast<long long>(o.duration_ms)},
                 {"error", o.error},
                 {"note", o.note}};
  std::lock_guard<std::mutex> hold(mutex_);
  return write_line(row.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// One write per line, then to the disk: a kill -9 leaves whole lines and at
// most a torn last one, which resume() skips.
bool Journal::write_line(const std::string& line) {
  if (!file_) return false;
  const std::string text = line + "\n";
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size() || std::fflush(file_) != 0) return false;
  return ::fdatasync(::fileno(file_)) == 0;
}

}  // namespace host::fleet
