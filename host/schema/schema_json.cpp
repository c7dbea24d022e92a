#include "host/schema/schema_json.hpp"

#include "host/errors/error.hpp"

namespace host::schema {
namespace {

using ojson = nlohmann::ordered_json;

ojson text_or_null(const std::string& text) { return text.empty() ? ojson(nullptr) : ojson(text); }

ojson column_json(const Column& c) {
  return ojson{{"name", c.name},
               {"type", c.type},
               {"nullable", c.nullable},
               {"default", c.default_sql ? ojson(*c.default_sql) : ojson(nullptr)},
               {"autoincrement", c.autoincrement},
               {"generated", text_or_null(c.generated)},
               {"generated_storage", c.generated.empty() ? ojson(nullptr)
                                                         : ojson(c.generated_virtual ? "virtual" : "stored")}};
}

ojson table_json(const Table& t) {
  ojson columns = ojson::array(), fks = ojson::array(), uniques = ojson::array(), checks = ojson::array();
  for (const Column& c : t.columns) columns.push_back(column_json(c));
  for (const ForeignKey& f : t.foreign_keys)
    fks.push_back(ojson{{"name", text_or_null(f.name)},
                        {"columns", f.columns},
                        {"references_table", f.references_table},
                        {"references_columns", f.references_columns},
                        {"on_delete", text_or_null(f.on_delete)},
                        {"on_update", text_or_null(f.on_update)}});
  for (const Unique& u : t.uniques) uniques.push_back(ojson{{"name", text_or_null(u.name)}, {"columns", u.columns}});
  for (const Check& c : t.checks) checks.push_back(ojson{{"name", text_or_null(c.name)}, {"expression", c.expression}});
  return ojson{{"name", t.name},           {"columns", columns}, {"primary_key", t.primary_key},
               {"foreign_keys", fks},      {"uniques", uniques}, {"checks", checks}};
}

[[noreturn]] void malformed(const std::string& where, const std::string& what) {
  usage_error("schema JSON: " + where + ": " + what + " (see docs/schema.md)");
}

const nlohmann::json& member(const nlohmann::json& object, const char* key, const std::string& where) {
  if (!object.is_object() || !object.contains(key)) malformed(where, std::string("lacks \"") + key + "\"");
  return object.at(key);
}

std::string text(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto& v = member(object, key, where);
  if (v.is_null()) return {};
  if (!v.is_string()) malformed(where + "." + key, "is not a string");
  return v.get<std::string>();
}

std::vector<std::string> texts(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto& v = member(object, key, where);
  if (!v.is_array()) malformed(where + "." + key, "is not a list");
  std::vector<std::string> out;
  for (const auto& item : v) {
    if (!item.is_string()) malformed(where + "." + key, "holds something that is not a string");
    out.push_back(item.get<std::string>());
  }
  return out;
}

bool flag(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto& v = member(object, key, where);
  if (!v.is_boolean()) malformed(where + "." + key, "is not true or false");
  return v.get<bool>();
}

const nlohmann::json& list(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto& v = member(object, key, where);
  if (!v.is_array()) malformed(where + "." + key, "is not a list");
  return v;
}

Table table_from(const nlohmann::json& j, const std::string& where) {
  Table t;
  t.name = text(j, "name", where);
  const std::string at = where + " " + t.name;
  for (const auto& c : list(j, "columns", at)) {
    Column column;
    column.name = text(c, "name", at);
    column.type = text(c, "type", at + "." + column.name);
    column.nullable = flag(c, "nullable", at + "." + column.name);
    const auto& d = member(c, "default", at + "." + column.name);
    if (!d.is_null()) column.default_sql = text(c, "default", at + "." + column.name);
    column.autoincrement = flag(c, "autoincrement", at + "." + column.name);
    column.generated = text(c, "generated", at + "." + column.name);
    // Absent in documents written before it: a generated column was stored.
    if (c.contains("generated_storage")) {
      const std::string storage = text(c, "generated_storage", at + "." + column.name);
      if (!storage.empty() && storage != "stored" && storage != "virtual")
        malformed(at + "." + column.name + ".generated_storage", "is not \"stored\", \"virtual\" or null");
      column.generated_virtual = !column.generated.empty() && storage == "virtual";
    }
    t.columns.push_back(std::move(column));
  }
  t.primary_key = texts(j, "primary_key", at);
  for (const auto& f : list(j, "foreign_keys", at))
    t.foreign_keys.push_back(ForeignKey{text(f, "name", at), texts(f, "columns", at), text(f, "references_table", at),
                                        texts(f, "references_columns", at), text(f, "on_delete", at),
                                        text(f, "on_update", at)});
  for (const auto& u : list(j, "uniques", at)) t.uniques.push_back(Unique{text(u, "name", at), texts(u, "columns", at)});
  for (const auto& c : list(j, "checks", at)) t.checks.push_back(Check{text(c, "name", at), text(c, "expression", at)});
  return t;
}

}  // namespace

nlohmann::ordered_json to_json(const Schema& schema) {
  ojson tables = ojson::array(), indexes = ojson::array(), views = ojson::array(), enums = ojson::array(),
        unmanaged = ojson::array();
  for (const Table& t : schema.tables) tables.push_back(table_json(t));
  for (const Index& i : schema.indexes)
    indexes.push_back(ojson{{"name", i.name},
                            {"table", i.table},
                            {"entries", i.entries},
                            {"unique", i.unique},
                            {"where", text_or_null(i.where)}});
  for (const View& v : schema.views) views.push_back(ojson{{"name", v.name}, {"definition", v.definition}});
  for (const EnumType& e : schema.enums) enums.push_back(ojson{{"name", e.name}, {"labels", e.labels}});
  for (const Unmanaged& u : schema.unmanaged) unmanaged.push_back(ojson{{"kind", u.kind}, {"name", u.name}});
  return ojson{{"format", json_format}, {"tables", tables},   {"indexes", indexes},
               {"views", views},        {"enums", enums},     {"not_managed", unmanaged}};
}

Schema schema_from_json(const nlohmann::json& json) {
  if (!json.is_object() || !json.contains("format") || json.at("format") != json_format)
    malformed("the document", std::string("is not \"format\": \"") + json_format + "\"");
  Schema s;
  for (const auto& t : list(json, "tables", "the document")) s.tables.push_back(table_from(t, "table"));
  for (const auto& i : list(json, "indexes", "the document"))
    s.indexes.push_back(Index{text(i, "name", "index"), text(i, "table", "index"), texts(i, "entries", "index"),
                              flag(i, "unique", "index"), text(i, "where", "index")});
  for (const auto& v : list(json, "views", "the document"))
    s.views.push_back(View{text(v, "name", "view"), text(v, "definition", "view")});
  for (const auto& e : list(json, "enums", "the document"))
    s.enums.push_back(EnumType{text(e, "name", "enum"), texts(e, "labels", "enum")});
  for (const auto& u : list(json, "not_managed", "the document"))
    s.unmanaged.push_back(Unmanaged{text(u, "kind", "not_managed"), text(u, "name", "not_managed")});
  sort_schema(s);
  return s;
}

}  // namespace host::schema
