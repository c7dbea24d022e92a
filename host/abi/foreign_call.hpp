// Calling plugin code the ABI says never throws. The SDK's guard keeps that
// promise, but a plugin written against abi.h alone may let a C++ exception
// out of its function; it is stopped at the first host frame and becomes an
// Error(plugin) naming the plugin and the call, instead of unwinding through
// the host as if it were one of ours (or terminating the process, when it
// is not even a std::exception).
#pragma once

#include <exception>
#include <string>
#include <string_view>

#include "host/errors/error.hpp"

namespace host {

template <class Call>
decltype(auto) call_plugin(std::string_view plugin, std::string_view operation, Call&& call) {
  const auto escaped = [&](const std::string& what) {
    std::string line = std::string(plugin) + ": " + std::string(operation) +
                       " let a C++ exception escape through the C ABI (" + what + ")";
    for (char& c : line)  // one line, whatever the plugin's text held
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return line;
  };
  try {
    return call();
  } catch (const Error&) {
    throw;  // the host's own, from a callback that already reported it
  } catch (const std::exception& e) {
    plugin_error(escaped(e.what()));
  } catch (...) {
    plugin_error(escaped("not a std::exception"));
  }
}

}  // namespace host
