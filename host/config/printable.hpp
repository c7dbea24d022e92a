// User input quoted in a message or a log line must not break its one line.
// Used by host/config's errors and host/log's text lines.
#pragma once

#include <string>
#include <string_view>

namespace host {

/// `text` with control characters written as \n, \r, \t or \xHH.
std::string printable(std::string_view text);

}  // namespace host
