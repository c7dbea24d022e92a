// The checksum contract (docs/checksums.md): insensitive to line endings and
// trailing white space, sensitive to every token, and stable: the golden
// values below fail the test if the algorithm changes without becoming "v2:".
#include <retort/abi.h>
#include "host/abi/checksum.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

retort_str s(const std::string& text) { return retort_str{text.data(), text.size()}; }

// An operation with the defaults every SDK and the sqldir provider send.
retort_op blank(int kind) {
  retort_op op{};
  op.struct_size = sizeof op;
  op.kind = kind;
  op.alter_nullable = RETORT_ALTER_KEEP;
  return op;
}

std::string checksum_of_sql(const std::string& sql) {
  retort_op op = blank(RETORT_OP_EXECUTE);
  op.sql = s(sql);
  host::ChecksumBuilder builder;
  builder.add(op);
  return builder.finish();
}

// CREATE TABLE users (id bigint primary key, name string(100) not null),
// then CREATE INDEX ix_users_name ON users (name): the golden operation list.
std::string users_checksum(const std::string& name_type = "string(100)", const std::string& index_column = "name") {
  const std::string id = "id", bigint = "bigint", name = "name", users = "users", ix = "ix_users_name";
  retort_column id_column{};
  id_column.struct_size = sizeof id_column;
  id_column.name = s(id);
  id_column.type = s(bigint);
  id_column.flags = RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_NOT_NULL;
  retort_column name_column{};
  name_column.struct_size = sizeof name_column;
  name_column.name = s(name);
  name_column.type = s(name_type);
  name_column.flags = RETORT_COLUMN_NOT_NULL;
  const retort_column* columns[] = {&id_column, &name_column};

  retort_op create = blank(RETORT_OP_CREATE_TABLE);
  create.table = s(users);
  create.columns = columns;
  create.column_count = 2;
  retort_str index_columns[] = {s(index_column)};
  retort_op index = blank(RETORT_OP_CREATE_INDEX);
  index.table = s(users);
  index.name = s(ix);
  index.index_columns = index_columns;
  index.index_column_count = 1;

  host::ChecksumBuilder builder;
  builder.add(create);
  builder.add(index);
  return builder.finish();
}

const std::string users_sql = "CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  name VARCHAR(100) NOT NULL\n);";

TEST(NormalizeSql, LineEndingsBecomeLineFeeds) {
  EXPECT_EQ(host::normalize_sql("a\r\nb\rc\nd"), "a\nb\nc\nd");
}

TEST(NormalizeSql, TrailingWhiteSpaceIsRemovedFromEveryLine) {
  EXPECT_EQ(host::normalize_sql("a \t\nb\f\v\n  c  "), "a\nb\n  c");
}

TEST(NormalizeSql, LeadingAndTrailingBlankLinesAreDroppedInnerOnesKept) {
  EXPECT_EQ(host::normalize_sql("\n  \r\n\ta\n\n\nb\n \n\n"), "\ta\n\n\nb");
  EXPECT_EQ(host::normalize_sql(" \n\t\r\n"), "");
}

TEST(Checksum, IsInsensitiveToLineEndingsAndTrailingWhiteSpace) {
  const std::string lf = checksum_of_sql(users_sql);
  std::string crlf, padded;
  for (char c : users_sql) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  for (char c : users_sql) padded += c == '\n' ? std::string(" \t\n") : std::string(1, c);
  EXPECT_EQ(checksum_of_sql(crlf), lf);
  EXPECT_EQ(checksum_of_sql(padded), lf);
  EXPECT_EQ(checksum_of_sql("\n\n" + users_sql + "\r\n\r\n   \n"), lf);
}

TEST(Checksum, ChangesWithAnyTokenOfTheSql) {
  const std::string original = checksum_of_sql(users_sql);
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"INTEGER", "BIGINT"}, {"100", "101"}, {"NOT NULL", "NULL"}, {"users", "Users"}, {"(", " ("},
           {"CREATE", "create"}}) {
    std::string changed = users_sql;
    changed.replace(changed.find(from), from.size(), to);
    EXPECT_NE(checksum_of_sql(changed), original) << from << " -> " << to;
  }
  EXPECT_NE(checksum_of_sql(users_sql + "\nDROP TABLE x;"), original);
  EXPECT_NE(checksum_of_sql("  " + users_sql), original) << "leading indentation counts";
}

TEST(Checksum, ChangesWithAnyFieldOfAnOperation) {
  const std::string original = users_checksum();
  EXPECT_NE(users_checksum("string(101)"), original);
  EXPECT_NE(users_checksum("string(100)", "id"), original);
}

TEST(Checksum, FieldsAreLengthPrefixedSoBoundariesCount) {
  auto rename = [](const std::string& table, const std::string& new_name) {
    retort_op op = blank(RETORT_OP_RENAME_TABLE);
    op.table = s(table);
    op.new_name = s(new_name);
    host::ChecksumBuilder builder;
    builder.add(op);
    return builder.finish();
  };
  EXPECT_NE(rename("ab", "c"), rename("a", "bc"));
}

TEST(Checksum, NothingToRunHasTheChecksumOfNoBytes) {
  host::ChecksumBuilder builder;
  EXPECT_EQ(builder.finish(), "v1:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

// Golden values: if one of these fails, the algorithm changed. Revisions
// applied by earlier releases would then all look changed to `check`; a new
// normalisation must get a new prefix (docs/checksums.md) instead.
TEST(Checksum, GoldenValuesAreStable) {
  EXPECT_EQ(checksum_of_sql(users_sql), "v1:0e79384d28be0e2452e50bf45f21d4a02545689c17e810ba3459d78ea2ba66f3");
  EXPECT_EQ(users_checksum(), "v1:57ef9e14589fe534980ca0c74c90ecdd64b24f0203bd13570a1c5856c6ea72ee");
}

TEST(Checksum, BuilderStartsAfreshAfterFinish) {
  retort_op op = blank(RETORT_OP_EXECUTE);
  op.sql = s(users_sql);
  host::ChecksumBuilder builder;
  builder.add(op);
  const std::string first = builder.finish();
  builder.add(op);
  EXPECT_EQ(builder.finish(), first);
}

}  // namespace
