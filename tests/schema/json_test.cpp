// The JSON form: stable keys, and read back to the same schema.
#include "host/schema/schema_json.hpp"

#include <gtest/gtest.h>

#include "host/errors/error.hpp"

namespace {

using namespace host::schema;

Schema sample() {
  Schema s;
  s.tables = {{"t",
               {{"id", "integer", false, std::nullopt, true, ""},
                {"v", "numeric(10,2)", true, std::string("0"), false, ""},
                {"w", "integer", true, std::nullopt, false, "id * 2"},
                {"x", "integer", true, std::nullopt, false, "id * 3", true}},
               {"id"},
               {{"", {"v"}, "u", {"x"}, "", "SET NULL"}},
               {{"uq", {"v"}}},
               {{"ck", "v > 0"}}}};
  s.indexes = {{"ix", "t", {"lower(v)"}, true, "v > 1"}};
  s.views = {{"vw", "SELECT 1"}};
  s.enums = {{"mood", {"a", "b"}}};
  s.unmanaged = {{"trigger", "tr"}};
  sort_schema(s);
  return s;
}

TEST(SchemaJson, ReadsBackToTheSameSchema) { EXPECT_EQ(schema_from_json(nlohmann::json::parse(to_json(sample()).dump())), sample()); }

TEST(SchemaJson, EveryKeyIsPresentInAFixedOrder) {
  const auto j = to_json(sample());
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"format", "tables", "indexes", "views", "enums", "not_managed"}));
  const auto& column = j["tables"][0]["columns"][0];
  EXPECT_EQ(column.dump(), R"({"name":"id","type":"integer","nullable":false,"default":null,"autoincrement":true,"generated":null,"generated_storage":null})");
  EXPECT_EQ(j["tables"][0]["columns"][2]["generated_storage"], "stored");
  EXPECT_EQ(j["tables"][0]["columns"][3]["generated_storage"], "virtual");
  EXPECT_EQ(j["tables"][0]["foreign_keys"][0]["name"], nullptr);
}

TEST(SchemaJson, AMalformedDocumentIsAUsageErrorNamingWhere) {
  auto j = nlohmann::json::parse(to_json(sample()).dump());
  j["tables"][0]["columns"][0].erase("nullable");
  try {
    schema_from_json(j);
    FAIL() << "accepted a column without nullable";
  } catch (const host::Error& e) {
    EXPECT_EQ(e.code(), host::ExitCode::usage);
    EXPECT_NE(std::string(e.what()).find("nullable"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("table t"), std::string::npos) << e.what();
  }
  EXPECT_THROW(schema_from_json(nlohmann::json{{"format", "retort-schema/9"}}), host::Error);
}

// generated_storage came after the first documents: without it, a generated
// column is stored, as every generated column then was.
TEST(SchemaJson, ADocumentWithoutGeneratedStorageReadsAsStored) {
  auto j = nlohmann::json::parse(to_json(sample()).dump());
  for (auto& column : j["tables"][0]["columns"]) column.erase("generated_storage");
  const Schema read = schema_from_json(j);
  EXPECT_EQ(read.tables[0].columns[3].generated, "id * 3");
  EXPECT_FALSE(read.tables[0].columns[3].generated_virtual);
}

}  // namespace
