// retort.ini through the whole settings resolution (host/config/settings.hpp):
// the reader works on a file, so each input is written to one scratch file
// per process first. Whatever the bytes, the result is settings or a
// one-line usage error, never a crash, and never the password of a URL the
// file holds.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_check.hpp"
#include "host/config/settings.hpp"
#include "host/config/url.hpp"
#include "host/errors/error.hpp"

namespace {

const std::filesystem::path& scratch_file() {
  static const std::filesystem::path file = [] {
    const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                         ("retort-config-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    return folder / "retort.ini";
  }();
  return file;
}

// The password of the database_url line, as the file spells it, if any.
std::string spelled_password(std::string_view input) {
  const auto key = input.find("database_url");
  if (key == std::string_view::npos) return {};
  const auto end = input.find('\n', key);
  const std::string_view line = input.substr(key, end == std::string_view::npos ? input.npos : end - key);
  const auto scheme = line.find("://");
  const auto at = line.rfind('@');
  if (scheme == std::string_view::npos || at == std::string_view::npos || at < scheme) return {};
  const auto colon = line.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return {};
  return std::string(line.substr(colon + 1, at - colon - 1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
    out.write(input.data(), static_cast<std::streamsize>(input.size()));
  }
  host::CommandLine command_line;
  command_line.config_file = scratch_file().string();
  const host::Environment nothing = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  try {
    const host::Settings s = host::resolve_settings(command_line, nothing, scratch_file().parent_path());
    FUZZ_REQUIRE(s.lock_timeout > 0, input);
  } catch (const host::Error& e) {
    const std::string_view message = e.what();
    FUZZ_REQUIRE(e.code() == host::ExitCode::usage, input);
    FUZZ_REQUIRE(fuzz::is_one_line(message), input);
    // Checked only when the file spells the password once, in the URL: text
    // repeated elsewhere in the file is no longer only a password.
    const std::string password = spelled_password(input);
    if (password.size() >= 4 && input.find(password) == input.rfind(password))
      FUZZ_REQUIRE(message.find(":" + password + "@") == std::string_view::npos, input);
  }
  return 0;
}
