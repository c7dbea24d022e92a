// The static note's format (retort/abi.h) and the words for an ABI mismatch.
#include <gtest/gtest.h>

#include "host/abi/plugin_note.hpp"

#include <retort/abi.h>

// The ABI this host speaks, as its messages spell it.
#define HOST_ABI RETORT_STRINGIFY(RETORT_ABI_MAJOR) "." RETORT_STRINGIFY(RETORT_ABI_MINOR)

namespace plugin_tests {
namespace {

using host::parse_plugin_note;

std::string why(std::string_view text) {
  std::string reason;
  EXPECT_FALSE(parse_plugin_note(text, reason));
  return reason;
}

TEST(PluginNote, ParsesTheFormatAbiHDocuments) {
  std::string reason;
  const auto note = parse_plugin_note(
      "retort-plugin abi=1.0 kind=dialect name=sqlite version=0.1.0 schemes=sqlite", reason);
  ASSERT_TRUE(note) << reason;
  EXPECT_EQ(note->abi_major, 1);
  EXPECT_EQ(note->abi_minor, 0);
  EXPECT_EQ(note->kind, "dialect");
  EXPECT_EQ(note->name, "sqlite");
  EXPECT_EQ(note->version, "0.1.0");
  EXPECT_EQ(note->schemes, std::vector<std::string>{"sqlite"});
}

TEST(PluginNote, SplitsSchemesAndIgnoresWordsItDoesNotKnow) {
  std::string reason;
  const auto note = parse_plugin_note(
      "retort-plugin abi=1.7 kind=dialect future=yes flag name=pg version=2 schemes=postgresql,,postgres",
      reason);
  ASSERT_TRUE(note) << reason;
  EXPECT_EQ(note->abi_minor, 7);
  EXPECT_EQ(note->schemes, (std::vector<std::string>{"postgresql", "postgres"}));
}

TEST(PluginNote, RefusesWhatIsNotANote) {
  EXPECT_EQ(why(""), "its .retort_plugin section does not start with 'retort-plugin'");
  EXPECT_EQ(why("retort-plugins abi=1.0"), "its .retort_plugin section does not start with 'retort-plugin'");
  EXPECT_EQ(why("retort-plugin kind=dialect name=a version=1"), "its note has no abi");
  EXPECT_EQ(why("retort-plugin abi=1 kind=dialect name=a version=1"), "its note has a malformed abi '1'");
  EXPECT_EQ(why("retort-plugin abi=1.x kind=dialect name=a version=1"), "its note has a malformed abi '1.x'");
  EXPECT_EQ(why("retort-plugin abi=99999999999.0 kind=dialect name=a version=1"),
            "its note has a malformed abi '99999999999.0'");
  EXPECT_EQ(why("retort-plugin abi=-1.0 kind=dialect name=a version=1"), "its note has a malformed abi '-1.0'");
  EXPECT_EQ(why("retort-plugin abi=1.0 name=a version=1"), "its note has no kind");
  EXPECT_EQ(why("retort-plugin abi=1.0 kind=engine name=a version=1"), "its note has an unknown kind 'engine'");
  EXPECT_EQ(why("retort-plugin abi=1.0 kind=provider version=1"), "its note has no name");
  EXPECT_EQ(why("retort-plugin abi=1.0 kind=provider name=a"), "its note has no version");
}

TEST(PluginNote, AbiMismatchNamesFileAndBothVersions) {
  EXPECT_TRUE(host::abi_compatible(1));
  EXPECT_FALSE(host::abi_compatible(2));
  EXPECT_FALSE(host::abi_compatible(0));
  EXPECT_EQ(host::abi_mismatch_message("/x/y.so", 2, 0),
            "plugin /x/y.so was built for retort ABI 2.0, but this retort speaks ABI " HOST_ABI " (it loads plugins of ABI 1.x): "
            "rebuild it against retort ABI 1.x");
}

}  // namespace
}  // namespace plugin_tests
