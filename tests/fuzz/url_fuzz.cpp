// The one URL parser (host/config/url.hpp) and the masking that keeps a
// password out of every message: whatever the text, parse_url returns or
// throws a one-line usage error, and no masked form still holds the
// password as the URL spelled it.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "host/config/url.hpp"
#include "host/config/url_parts.hpp"
#include "host/errors/error.hpp"

namespace {

bool is_plain_scheme(std::string_view scheme) {
  if (scheme.empty() || !std::isalpha(static_cast<unsigned char>(scheme[0]))) return false;
  for (unsigned char c : scheme)
    if (!(std::isalnum(c) || c == '+' || c == '-' || c == '.')) return false;
  return true;
}

// The password as written between "user:" and "@" in `masked`: the whole
// point of masking is that this never survives. Only asked of URLs with a
// plain scheme, so a ":pw@" inside the scheme cannot be mistaken for it.
void require_masked(std::string_view input, const std::string& masked) {
  const auto parts = host::split_url_parts(input);
  if (!parts || !parts->password || parts->password->empty() || !is_plain_scheme(parts->scheme)) return;
  if (*parts->password == "***") return;  // already looks masked: masking it again changes nothing
  // Where the URL spells it twice (also in its path), the second is not the
  // password's place; main() masks every occurrence of the decoded password.
  const std::string spelled = ":" + std::string(*parts->password) + "@";
  if (input.find(spelled) != input.rfind(spelled)) return;
  FUZZ_REQUIRE(masked.find(spelled) == std::string::npos, input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  require_masked(input, host::mask_url(input));
  try {
    const host::Url url = host::parse_url(input);
    (void)host::connect_options(url);
    if (url.has_password) {
      // Masking replaces exactly the password: the masked URL parses the same, with ***.
      const host::Url masked = host::parse_url(host::mask_url(input));
      FUZZ_REQUIRE(masked.password == "***", input);
      FUZZ_REQUIRE(masked.host == url.host && masked.database == url.database, input);
    }
    if (!url.password.empty() && url.password.find('*') == std::string::npos) {
      // A long secret is masked wherever it occurs; a short one (which also
      // occurs inside words) at least in its own place in the URL.
      const std::string text = host::mask_secrets(std::string(input), {url.password});
      if (url.password.size() >= 8) FUZZ_REQUIRE(text.find(url.password) == std::string::npos, input);
      const std::string alone = host::mask_secrets(":" + url.password + "@", {url.password});
      FUZZ_REQUIRE(alone.find(url.password) == std::string::npos, input);
    }
  } catch (const host::Error& e) {
    FUZZ_REQUIRE(e.code() == host::ExitCode::usage, input);
    FUZZ_REQUIRE(fuzz::is_one_line(e.what()), input);
    require_masked(input, e.what());
  }
  // The file form (a dialect with RETORT_DIALECT_FILE_URL) fails the same way.
  try {
    (void)host::connect_options(host::parse_url(input, host::UrlForm::file));
  } catch (const host::Error& e) {
    FUZZ_REQUIRE(e.code() == host::ExitCode::usage, input);
    FUZZ_REQUIRE(fuzz::is_one_line(e.what()), input);
    require_masked(input, e.what());
  }
  return 0;
}
