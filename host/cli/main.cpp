// retort: the command line. Parses arguments, resolves settings, configures
// logging, runs one command, and turns any Error into one line on stderr and
// the exit code SPEC §5 gives its kind.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "host/abi/abi_version.hpp"
#include "host/cli/arguments.hpp"
#include "host/cli/app.hpp"
#include "host/cli/command_table.hpp"
#include "host/cli/commands.hpp"
#include "host/config/url.hpp"
#include "host/errors/error.hpp"
#include "host/log/logger.hpp"

namespace {

// Secrets to mask in every line we print: the password of any URL we know.
std::vector<std::string> secrets_of(const std::string& url) {
  try {
    host::Url u = host::parse_url(url);
    if (!u.password.empty()) return {u.password};
  } catch (...) {
  }
  return {};
}

// A result that never reached stdout (a full disk, a closed pipe) must not
// pass for success: deploy scripts read it.
int with_output_flushed(int code) {
  std::cout.flush();
  if (std::cout.fail() && code == 0)
    throw host::Error(host::ExitCode::usage, std::string("cannot write the result to standard output: ") +
                                                 std::strerror(errno ? errno : EIO));
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  // A script or a long history going to a file or a pipe leaves in 64 KiB
  // writes rather than stdio's 4 KiB ones (bench/RESULTS.md).
  // Nor is it flushed by every log line: std::cerr is tied to std::cout,
  // which made `upgrade head --sql > file` one write per revision. Untied,
  // a script and its log sent to one file no longer interleave line by line
  // (docs/decisions.md); on a terminal both stay tied and in order.
  if (!::isatty(STDOUT_FILENO)) {
    // glibc ignores the size unless it is given the buffer too.
    static char stdout_buffer[std::size_t{1} << 16];
    std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
    std::cerr.tie(nullptr);
  }
  std::vector<std::string> secrets;
  try {
    host::Invocation inv = host::parse_arguments(std::vector<std::string>(argv + 1, argv + argc));
    if (inv.version) {
      std::cout << "retort " RETORT_VERSION " (plugin ABI " << host::host_abi_major() << "." << host::host_abi_minor()
                << ")\n";
      return 0;
    }
    if (inv.help) {
      std::cout << host::usage_text(inv.command);
      return with_output_flushed(0);
    }
    if (inv.command.empty()) {
      std::cout << host::usage_text();
      throw host::Error(host::ExitCode::usage, "no command given (see 'retort --help')");
    }
    // parse_arguments refused any name the table does not have.
    const host::Command& command = *host::find_command(inv.command);
    if (!(command.needs & host::READS_CONFIG)) return command.run_unconfigured(inv);
    if (inv.global.url) secrets = secrets_of(*inv.global.url);
    host::Settings settings = host::resolve_settings(inv.global, host::process_environment(), std::filesystem::current_path());
    secrets = secrets_of(settings.database_url);
    for (auto& scratch_secret : secrets_of(settings.scratch_url)) secrets.push_back(std::move(scratch_secret));
    host::logger().configure(host::parse_level(settings.log_level), settings.log_format == "json",
                             settings.log_file, secrets);
    host::App app(std::move(inv), std::move(settings));
    return with_output_flushed(app.invocation().targets ? host::cmd_fleet(app) : command.run(app));
  } catch (const host::Error& e) {
    host::logger().error(host::mask_secrets(e.what(), secrets));
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    host::logger().error(host::mask_secrets(std::string("internal error: ") + e.what(), secrets));
    return static_cast<int>(host::ExitCode::plugin);
  } catch (...) {
    // Only plugin code throws things that are not std::exception; ending
    // with a line beats std::terminate's SIGABRT.
    host::logger().error("internal error: an exception that is not a std::exception reached main (from a plugin?)");
    return static_cast<int>(host::ExitCode::plugin);
  }
}
