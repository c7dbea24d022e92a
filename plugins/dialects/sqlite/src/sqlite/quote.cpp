#include <sqlite/quote.hpp>

namespace retort::sqlite {
namespace {

std::string quote_doubling(std::string_view text, char quote) {
  std::string out;
  out.reserve(text.size() + 2);
  out += quote;
  for (char c : text) {
    out += c;
    if (c == quote) out += quote;
  }
  out += quote;
  return out;
}

}  // namespace

std::string quote_identifier(std::string_view name) { return quote_doubling(name, '"'); }

std::string quote_literal(std::string_view value) { return quote_doubling(value, '\''); }

}  // namespace retort::sqlite
