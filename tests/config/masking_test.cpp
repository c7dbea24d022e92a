// SPEC §4: "A password is never printed" - not in masked URLs, not in errors.
#include <gtest/gtest.h>

#include "host/config/url.hpp"
#include "test_support.hpp"

namespace {

using host::mask_secrets;
using host::mask_url;
using host::parse_url;
using host::UrlForm;

void expect_no_trace_of(const std::string& text, const std::vector<std::string>& forms) {
  for (const auto& form : forms) {
    EXPECT_EQ(text.find(form), std::string::npos) << "'" << form << "' leaked in: " << text;
  }
}

TEST(MaskUrl, PasswordBecomesStars) {
  EXPECT_EQ(mask_url("postgresql://alice:s3cret@db:5432/shop?sslmode=require"),
            "postgresql://alice:***@db:5432/shop?sslmode=require");
  EXPECT_EQ(mask_url("mariadb://root:pw@[::1]:3306/shop"), "mariadb://root:***@[::1]:3306/shop");
}

TEST(MaskUrl, UrlWithoutPasswordIsUnchanged) {
  EXPECT_EQ(mask_url("postgresql://alice@db/shop"), "postgresql://alice@db/shop");
  EXPECT_EQ(mask_url("postgresql://db:5432/shop?x=a@b"), "postgresql://db:5432/shop?x=a@b");
  EXPECT_EQ(mask_url("sqlite:///shop.db"), "sqlite:///shop.db");
  EXPECT_EQ(mask_url(""), "");
}

TEST(MaskUrl, EmptyPasswordIsMaskedToo) {
  EXPECT_EQ(mask_url("postgresql://alice:@db/shop"), "postgresql://alice:***@db/shop");
}

TEST(MaskUrl, PercentEncodedPasswordIsMaskedWhole) {
  const auto masked = mask_url("postgresql://alice:p%40ss%3Aw@db/shop");
  EXPECT_EQ(masked, "postgresql://alice:***@db/shop");
}

TEST(MaskUrl, PasswordWithAtAndColonIsMaskedWhole) {
  EXPECT_EQ(mask_url("postgresql://alice:p@ss:w0rd@db/shop"), "postgresql://alice:***@db/shop");
}

TEST(MaskUrl, UnparsableUrlIsMaskedGenerously) {
  EXPECT_EQ(mask_url("postgresql://alice:s3cret@db:notaport/shop"),
            "postgresql://alice:***@db:notaport/shop");
  EXPECT_EQ(mask_url("postgresql://alice:se/cr?et@db/shop"), "postgresql://alice:***@db/shop");
  EXPECT_EQ(mask_url("postgresql://alice:s3 cret@db/shop"), "postgresql://alice:***@db/shop");
  EXPECT_EQ(mask_url("alice:s3cret@db"), "alice:***@db");
}

// Every malformed URL a user could plausibly write, each holding the same
// password in some spelling: neither the error nor mask_url may show it.
TEST(MaskUrl, PasswordNeverAppearsInParseErrors) {
  const std::vector<std::string> urls = {
      "postgresql://alice:Zq7SecretPw@db:notaport/shop",
      "postgresql://alice:Zq7SecretPw@db:0/shop",
      "postgresql://alice:Zq7SecretPw@db/sh%zzop",
      "postgresql://alice:Zq7SecretPw@db/shop?flag",
      "postgresql://alice:Zq7SecretPw@[::1/shop",
      "postgresql://alice:Zq7SecretPw@db/shop?a=%4",
      "postgresql://alice:Zq7Se/cretPw@db/shop",
      "postgresql://alice:Zq7Se?cretPw@db/shop",
      "postgresql://alice:Zq7Se cretPw@db/shop",
      "postgresql://alice:Zq7Se%ZZcretPw@db/shop",
      "postgresql://alice:Zq7Se@cr:etPw@db:x/shop",
      "postgresql://alice:Zq7SecretPw@db:5432:5433/shop",
      "sqlite://alice:Zq7SecretPw@host/shop.db",
      "postgresql:alice:Zq7SecretPw@db/shop",
      "1postgresql://alice:Zq7SecretPw@db/shop",
      "://alice:Zq7SecretPw@db/shop",
  };
  for (const auto& url : urls) {
    const UrlForm form = url.starts_with("sqlite:") ? UrlForm::file : UrlForm::server;
    const auto message = test_support::usage_error_of([&] { parse_url(url, form); });
    expect_no_trace_of(message, {"Zq7", "SecretPw", "cretPw"});
    expect_no_trace_of(mask_url(url), {"Zq7", "SecretPw", "cretPw"});
  }
}

TEST(MaskSecrets, EveryOccurrenceIsMasked) {
  EXPECT_EQ(mask_secrets("pw s3cret and s3cret again", {"s3cret"}), "pw *** and *** again");
}

TEST(MaskSecrets, PercentEncodedFormsAreMasked) {
  EXPECT_EQ(mask_secrets("url: u:p%40ss%2Fw@h, lower: p%40ss%2fw, raw: p@ss/w", {"p@ss/w"}),
            "url: u:***@h, lower: ***, raw: ***");
}

TEST(MaskSecrets, EmptySecretsAreIgnored) {
  EXPECT_EQ(mask_secrets("nothing to hide", {"", ""}), "nothing to hide");
  EXPECT_EQ(mask_secrets("nothing to hide", {}), "nothing to hide");
}

// Masking a short password inside words would garble the line and reveal
// the password to anyone comparing it with the driver's own message.
TEST(MaskSecrets, ShortSecretIsMaskedOnlyWhereItStandsAlone) {
  EXPECT_EQ(mask_secrets("postgresql://u:7@h:5437 accepting? 7", {"7"}), "postgresql://u:***@h:5437 accepting? ***");
  EXPECT_EQ(mask_secrets("user adm1n, password adm1n1 or adm1n", {"adm1n"}), "user ***, password adm1n1 or ***");
  EXPECT_EQ(mask_secrets("xx0123456789yy", {"0123456789"}), "xx***yy");
}

TEST(MaskSecrets, LongerSecretIsMaskedWholeBeforeAShorterOne) {
  EXPECT_EQ(mask_secrets("abc9ef abc9", {"abc9", "abc9ef"}), "*** ***");
}

TEST(MaskSecrets, MaskIsNotMaskedAgain) { EXPECT_EQ(mask_secrets("a*b", {"*"}), "a***b"); }

TEST(MaskSecrets, ParsedPasswordWithSpecialCharactersDisappears) {
  const auto url = parse_url("postgresql://alice:p%40ss%3Aw%21@db/shop");
  const auto message = "connect to " + url.text + " failed for password " + url.password;
  const auto masked = mask_secrets(message, {url.password});
  expect_no_trace_of(masked, {"p@ss:w!", "p%40ss%3Aw%21", "%40", "ss:w"});
}

// Issue 17: user and password `retort`, a database named retort_kr_1. The
// password is masked where it is one; the messages stay readable.
TEST(MaskSecrets, PasswordThatIsAWordIsNotMaskedInRetortsOwnWords) {
  EXPECT_EQ(mask_secrets("run 'retort stamp c00000000001' and then 'retort upgrade head'", {"retort"}),
            "run 'retort stamp c00000000001' and then 'retort upgrade head'");
  EXPECT_EQ(mask_secrets("postgresql: database \"retort_kr_1\" does not exist", {"retort"}),
            "postgresql: database \"retort_kr_1\" does not exist");
  EXPECT_EQ(mask_secrets("Unknown database 'retort_kr_1' (retort)", {"retort"}), "Unknown database 'retort_kr_1' (retort)");
}

TEST(MaskSecrets, PasswordThatIsAWordIsMaskedInAUrlWithTheUserItEquals) {
  EXPECT_EQ(mask_secrets("cannot connect to postgresql://retort:retort@127.0.0.1:5432/retort_kr_1: refused", {"retort"}),
            "cannot connect to postgresql://***:***@127.0.0.1:5432/retort_kr_1: refused");
  // mask_url ran first: the user is the secret still.
  EXPECT_EQ(mask_secrets("cannot connect to mariadb://retort:***@h/retort_kr_1", {"retort"}),
            "cannot connect to mariadb://***:***@h/retort_kr_1");
  // Another user stays visible.
  EXPECT_EQ(mask_secrets("postgresql://alice:retort@h/retort_kr_1", {"retort"}), "postgresql://alice:***@h/retort_kr_1");
}

TEST(MaskSecrets, PasswordInAnEchoedConnectionStringIsMasked) {
  EXPECT_EQ(mask_secrets("host=127.0.0.1 user=retort password=retort dbname=retort_kr_1", {"retort"}),
            "host=127.0.0.1 user=*** password=*** dbname=retort_kr_1");
  EXPECT_EQ(mask_secrets("invalid: host=h password='ret ort\\'s' dbname=retort", {"ret ort's"}),
            "invalid: host=h password='***' dbname=retort");
  EXPECT_EQ(mask_secrets("user=alice PASSWORD = s3cret", {"s3cret"}), "user=alice PASSWORD = ***");
}

TEST(MaskSecrets, AnyUrlPasswordInAMessageIsMasked) {
  EXPECT_EQ(mask_secrets("see postgresql://bob:hunter@db/x and mysql://u:p%40ss@h/y", {}),
            "see postgresql://bob:***@db/x and mysql://u:***@h/y");
}

TEST(MaskUrl, UserThatIsThePasswordIsMaskedToo) {
  EXPECT_EQ(mask_url("postgresql://retort:retort@127.0.0.1:5432/retort_kr_1"),
            "postgresql://***:***@127.0.0.1:5432/retort_kr_1");
  EXPECT_EQ(mask_url("postgresql://retort:s3cret@127.0.0.1/retort_kr_1"), "postgresql://retort:***@127.0.0.1/retort_kr_1");
}

}  // namespace

// The corpus of tests/fuzz/url found it: a short password a driver echoes as
// "user:pw@host", without the scheme, is still in its userinfo place.
TEST(MaskSecrets, PasswordInUserinfoWithoutASchemeIsMasked) {
  EXPECT_EQ(host::mask_secrets("could not connect to u:p@/var/run/postgresql", {"p"}),
            "could not connect to u:***@/var/run/postgresql");
  EXPECT_EQ(host::mask_secrets("as retort:retort@db, not retort_kr_1", {"retort"}),
            "as retort:***@db, not retort_kr_1");
}
