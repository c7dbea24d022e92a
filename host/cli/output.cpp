#include "host/cli/output.hpp"

#include <iostream>

namespace host {

void print_json(const Json& doc) {
  // Plugins may hand us bytes that are not UTF-8; replace them rather than fail.
  std::cout << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace host
