// retort/sdk/models.hpp: declare the schema the application wants (its
// models) in C++ and ship it as a plugin, with the builders revisions use.
//
//   #include <retort/sdk/models.hpp>
//   using retort::column;
//
//   RETORT_MODELS_PLUGIN("shop_models", "1.0.0")
//
//   static retort::model users =
//       retort::table("users", {
//           column("id", "bigint").primary_key().autoincrement(),
//           column("email", "string(255)").not_null().renamed_from("mail"),
//           column("created_at", "datetime").not_null().default_sql("CURRENT_TIMESTAMP"),
//       })
//           .unique("uq_users_email", {"email"})
//           .index("ix_users_created_at", {"created_at"});
//
//   static retort::model orders =
//       retort::table("orders", {
//           column("id", "bigint").primary_key().autoincrement(),
//           column("user_id", "bigint").not_null(),
//           column("total", "numeric(10,2)").not_null(),
//       })
//           .foreign_key("fk_orders_user_id", {"user_id"}, "users", {"id"}).on_delete("CASCADE")
//           .check("ck_orders_total", "total >= 0")
//           .renamed_from("purchases");
//
//   static retort::model big_orders = retort::view("big_orders", "SELECT id FROM orders WHERE total > 100");
//   static retort::model mood = retort::enum_type("mood", {"happy", "sad"});
//
// The models are a description, never SQL: the host asks for them through
// the ABI (retort_provider_v1.models, 1.2) and receives the operations that
// would create them, as a dialect's introspect() describes a live schema, so
// one set of models serves every dialect. `retort diff --to models` and
// `retort revision --autogenerate` compare them with a database or with the
// revisions. renamed_from(...) on a table or a column is a rename hint:
// where the name changed, the host renames instead of dropping and adding;
// without a hint it never guesses.
#pragma once

#include <retort/sdk/common.hpp>
#include <retort/sdk/ops.hpp>
#include <retort/sdk/schema_out.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <variant>
#include <vector>

// Everything the SDK defines stays inside the plugin that includes it:
// without this, inline statics (the models registry, the descriptors)
// become process-wide "unique" symbols and two plugins would share them.
#pragma GCC visibility push(hidden)
namespace retort {

/// A table of the models: its columns, in-table constraints, indexes and an
/// optional rename hint. Made by retort::table(...); register it with a
/// retort::model.
class table_definition {
 public:
  table_definition(std::string name, std::vector<column> columns)
      : name_(std::move(name)), columns_(std::move(columns)) {}

  /// FOREIGN KEY (columns) REFERENCES references_table (references_columns),
  /// named `name`; on_delete / on_update right after it set its actions.
  table_definition& foreign_key(std::string name, std::vector<std::string> columns, std::string references_table,
                                std::vector<std::string> references_columns) {
    constraints_.push_back(::retort::foreign_key(std::move(name), std::move(columns), std::move(references_table),
                                                 std::move(references_columns)));
    foreign_key_last_ = true;
    return *this;
  }
  /// ON DELETE of the foreign_key(...) just before: CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION.
  table_definition& on_delete(std::string action) { return action_of_last_foreign_key("on_delete", action, true); }
  /// ON UPDATE of the foreign_key(...) just before.
  table_definition& on_update(std::string action) { return action_of_last_foreign_key("on_update", action, false); }
  /// UNIQUE (columns), named `name`.
  table_definition& unique(std::string name, std::vector<std::string> columns) {
    return constraint(::retort::unique(std::move(name), std::move(columns)));
  }
  /// CHECK (expression), named `name`.
  table_definition& check(std::string name, std::string expression) {
    return constraint(::retort::check(std::move(name), std::move(expression)));
  }
  /// Any named constraint made by retort::foreign_key, retort::unique or retort::check.
  table_definition& constraint(::retort::constraint c) {
    constraints_.push_back(std::move(c));
    foreign_key_last_ = false;
    return *this;
  }
  /// CREATE INDEX name ON this table (columns); unique and partial with `options`.
  table_definition& index(std::string name, std::vector<std::string> columns, index_options options = {}) {
    indexes_.push_back({std::move(name), std::move(columns), std::move(options)});
    foreign_key_last_ = false;
    return *this;
  }
  /// A rename hint: the table was called `old_name` before.
  table_definition& renamed_from(std::string old_name) {
    renamed_from_ = std::move(old_name);
    foreign_key_last_ = false;
    return *this;
  }

  const std::string& name() const noexcept { return name_; }
  /// Sends the table (CREATE_TABLE, with its constraints), then its indexes
  /// (CREATE_INDEX each) to `out`; what RETORT_MODELS_PLUGIN does with it.
  void describe(ops& out) const {
    if (!misuse_.empty()) throw failure("models: table " + name_ + ": " + misuse_, RETORT_ERROR_PLUGIN);
    out.create_table(name_, columns_, constraints_, renamed_from_);
    for (const auto& i : indexes_) out.create_index(i.name, name_, i.columns, i.options);
  }

 private:
  struct index_declaration {
    std::string name;
    std::vector<std::string> columns;
    index_options options;
  };

  // Registration runs while the plugin is loaded, where nothing can be
  // reported: a misuse is kept and reported when the models are described.
  table_definition& action_of_last_foreign_key(const char* what, std::string& action, bool on_delete) {
    if (!foreign_key_last_) {
      if (misuse_.empty()) misuse_ = std::string(what) + "(\"" + action + "\") must follow foreign_key(...)";
      return *this;
    }
    if (on_delete)
      constraints_.back().on_delete(std::move(action));
    else
      constraints_.back().on_update(std::move(action));
    return *this;
  }

  std::string name_, renamed_from_, misuse_;
  std::vector<column> columns_;
  std::vector<::retort::constraint> constraints_;
  std::vector<index_declaration> indexes_;
  bool foreign_key_last_ = false;
};

/// A view of the models: its name and SELECT. Made by retort::view(...).
class view_definition {
 public:
  view_definition(std::string name, std::string select) : name_(std::move(name)), select_(std::move(select)) {}
  const std::string& name() const noexcept { return name_; }
  /// Sends CREATE_VIEW to `out`.
  void describe(ops& out) const { out.create_view(name_, select_); }

 private:
  std::string name_, select_;
};

/// A named enum type of the models (PostgreSQL's CREATE TYPE ... AS ENUM).
/// Made by retort::enum_type(...).
class enum_definition {
 public:
  enum_definition(std::string name, std::vector<std::string> labels)
      : name_(std::move(name)), labels_(std::move(labels)) {}
  const std::string& name() const noexcept { return name_; }
  /// Sends CREATE_ENUM to `out`.
  void describe(ops& out) const { out.create_enum(name_, labels_); }

 private:
  std::string name_;
  std::vector<std::string> labels_;
};

/// A table with `columns`, declared as a revision's create_table declares
/// one; add constraints, indexes and a rename hint with its methods.
inline table_definition table(std::string name, std::vector<column> columns) {
  return table_definition(std::move(name), std::move(columns));
}
/// CREATE VIEW name AS select.
inline view_definition view(std::string name, std::string select) {
  return view_definition(std::move(name), std::move(select));
}
/// An enum type with `labels`, in order.
inline enum_definition enum_type(std::string name, std::vector<std::string> labels) {
  return enum_definition(std::move(name), std::move(labels));
}

using declared_model = std::variant<table_definition, view_definition, enum_definition>;

/// Every model registered in this shared object, in registration order (a
/// deque: registrations arrive one by one at load time, see revision.hpp).
inline std::deque<declared_model>& registered_models() {
  static std::deque<declared_model> all;
  return all;
}

/// Registers a declaration when the plugin is loaded:
/// `static retort::model users = retort::table(...)...;`
struct model {
  model(table_definition t) { registered_models().emplace_back(std::move(t)); }  // NOLINT: implicit by design
  model(view_definition v) { registered_models().emplace_back(std::move(v)); }   // NOLINT: implicit by design
  model(enum_definition e) { registered_models().emplace_back(std::move(e)); }   // NOLINT: implicit by design
};

namespace detail {

// A provider with no revisions whose `models` describes registered_models().
// Nothing is opened: the instance is a token the host hands back.
struct models_provider {
  static retort_provider_instance* token() {
    static char instance;
    return reinterpret_cast<retort_provider_instance*>(&instance);
  }
  static int open(retort_str, retort_provider_instance** out, retort_error* err) {
    return guard(err, [&] { *out = token(); });
  }
  static void close(retort_provider_instance*) {}
  static std::size_t count(const retort_provider_instance*) { return 0; }
  static const retort_revision* at(const retort_provider_instance*, std::size_t) { return nullptr; }
  static int run(retort_provider_instance*, std::size_t, std::int32_t, const retort_migration_context*,
                 retort_error* err) {
    return guard(err, [] { throw failure("a models plugin has no revisions to run", RETORT_ERROR_PLUGIN); });
  }
  static int models(retort_provider_instance*, const retort_schema_sink* out, retort_error* err) {
    return guard(err, [&] {
      if (out == nullptr) throw failure("models: a null sink", RETORT_ERROR_PLUGIN);
      schema_out sink(out);
      for (const auto& declared : registered_models())
        std::visit([&](const auto& d) { d.describe(sink.ops()); }, declared);
    });
  }

  static const retort_plugin_descriptor* descriptor(const char* name, const char* version) {
    static const retort_provider_v1 functions{sizeof(retort_provider_v1), &open, &close, &count, &at, &run,
                                              &models};
    static const retort_plugin_descriptor d{sizeof(retort_plugin_descriptor), RETORT_ABI_MAJOR,
                                            RETORT_ABI_MINOR, RETORT_PLUGIN_PROVIDER, name, version,
                                            &functions};
    return &d;
  }
};

}  // namespace detail
}  // namespace retort
#pragma GCC visibility pop

/// Exports the models registered in this shared object as a models plugin:
/// a provider with no revisions whose `models` function describes them.
#define RETORT_MODELS_PLUGIN(name, version)                                          \
  RETORT_PLUGIN_NOTE("provider", name, version, "");                                 \
  RETORT_EXPORT const retort_plugin_descriptor* retort_plugin_entry(void) {          \
    return ::retort::detail::models_provider::descriptor(name, version);             \
  }
