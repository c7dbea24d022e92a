// retort/sdk/revision.hpp: write revisions in C++ and ship them as a plugin.
//
//   #include <retort/sdk/revision.hpp>
//   using retort::column;
//
//   RETORT_REVISION_PLUGIN("shop", "1.0.0")
//
//   static retort::registration create_users =
//       retort::revision("1a2b3c4d5e6f")
//           .message("create users")
//           .upgrade([](retort::ops& op) {
//             op.create_table("users", {
//                 column("id", "bigint").primary_key().autoincrement(),
//                 column("username", "string(64)").not_null().unique(),
//             });
//           })
//           .downgrade([](retort::ops& op) { op.drop_table("users"); });
//
// A revision only describes operations; the host renders them for the
// database's dialect and either runs them or prints them (--sql).
#pragma once

#include <retort/sdk/common.hpp>
#include <retort/sdk/ops.hpp>
#include <retort/sdk/vocabulary.hpp>

#include <cstddef>
#include <deque>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Everything the SDK defines stays inside the plugin that includes it:
// without this, inline statics (the revision registry, the descriptors)
// become process-wide "unique" symbols and two plugins would share them.
#pragma GCC visibility push(hidden)
namespace retort {

using migration_fn = std::function<void(ops&)>;

/// A revision, described fluently; register it with a retort::registration.
class revision {
 public:
  explicit revision(std::string id) : id_(std::move(id)) {}
  /// The parent; call again (or pass several) for a merge. None: a root.
  revision& down(std::string parent) { down_.push_back(std::move(parent)); return *this; }
  revision& down(std::initializer_list<std::string> parents) {
    down_.insert(down_.end(), parents);
    return *this;
  }
  revision& message(std::string text) { message_ = std::move(text); return *this; }
  revision& branch_label(std::string label) { labels_.push_back(std::move(label)); return *this; }
  revision& depends_on(std::string id) { depends_.push_back(std::move(id)); return *this; }
  /// false: runs outside a transaction (e.g. CREATE INDEX CONCURRENTLY).
  revision& transactional(bool yes) { transactional_ = yes; return *this; }
  revision& upgrade(migration_fn fn) { upgrade_ = std::move(fn); return *this; }
  revision& downgrade(migration_fn fn) { downgrade_ = std::move(fn); return *this; }

 private:
  friend struct detail_access;
  std::string id_, message_;
  std::vector<std::string> down_, labels_, depends_;
  bool transactional_ = true;
  migration_fn upgrade_, downgrade_;
};

/// Every revision registered in this shared object, in registration order.
/// A deque: registrations arrive one by one at load time, and a vector
/// would move every revision each time it grew (bench/: 4% of a 10,000-
/// revision plugin's start-up, and a third of its memory at the peak).
inline std::deque<revision>& registered_revisions() {
  static std::deque<revision> all;
  return all;
}

/// Registers a revision when the plugin is loaded: `static retort::registration r = ...;`
struct registration {
  registration(revision r) { registered_revisions().push_back(std::move(r)); }  // NOLINT: implicit by design
};

struct detail_access {
  static const std::string& id(const revision& r) { return r.id_; }
  static const std::string& message(const revision& r) { return r.message_; }
  static const std::vector<std::string>& down(const revision& r) { return r.down_; }
  static const std::vector<std::string>& labels(const revision& r) { return r.labels_; }
  static const std::vector<std::string>& depends(const revision& r) { return r.depends_; }
  static bool transactional(const revision& r) { return r.transactional_; }
  static const migration_fn& upgrade(const revision& r) { return r.upgrade_; }
  static const migration_fn& downgrade(const revision& r) { return r.downgrade_; }
};

namespace detail {

// The ABI view of registered_revisions(), built when the host opens the
// provider; the strings point into the registry, which lives as long as the
// shared object.
struct compiled_provider {
  std::vector<retort_str> items;  // every list of every revision, end to end
  std::vector<retort_revision> revisions;

  compiled_provider() {
    const auto& all = registered_revisions();
    std::size_t item_count = 0;
    for (const auto& r : all)
      item_count += detail_access::down(r).size() + detail_access::labels(r).size() + detail_access::depends(r).size();
    items.reserve(item_count);  // never grows past this, so the pointers below stay valid
    revisions.reserve(all.size());
    for (const auto& r : all) {
      retort_revision abi{};
      abi.struct_size = sizeof abi;
      abi.id = str(detail_access::id(r));
      abi.message = str(detail_access::message(r));
      abi.transactional = detail_access::transactional(r) ? 1 : 0;
      abi.flags = 0;  // 1.2: a compiled revision is never repeatable (RETORT_REVISION_REPEATABLE)
      auto list = [&](const std::vector<std::string>& v, const retort_str** data, std::size_t* count) {
        const std::size_t first = items.size();
        for (const auto& s : v) items.push_back(str(s));
        *data = v.empty() ? nullptr : items.data() + first;
        *count = v.size();
      };
      list(detail_access::down(r), &abi.down_revisions, &abi.down_revision_count);
      list(detail_access::labels(r), &abi.branch_labels, &abi.branch_label_count);
      list(detail_access::depends(r), &abi.depends_on, &abi.depends_on_count);
      revisions.push_back(abi);
    }
  }

  static int open(retort_str, retort_provider_instance** out, retort_error* err) {
    return guard(err, [&] { *out = reinterpret_cast<retort_provider_instance*>(new compiled_provider()); });
  }
  static void close(retort_provider_instance* p) { delete reinterpret_cast<compiled_provider*>(p); }
  static std::size_t count(const retort_provider_instance* p) {
    return reinterpret_cast<const compiled_provider*>(p)->revisions.size();
  }
  static const retort_revision* at(const retort_provider_instance* p, std::size_t i) {
    const auto* self = reinterpret_cast<const compiled_provider*>(p);
    return i < self->revisions.size() ? &self->revisions[i] : nullptr;
  }
  static int run(retort_provider_instance*, std::size_t i, std::int32_t direction,
                 const retort_migration_context* ctx, retort_error* err) {
    return guard(err, [&] {
      const auto& all = registered_revisions();
      if (i >= all.size()) throw failure("no revision at that index", RETORT_ERROR_PLUGIN);
      const migration_fn& fn = direction == RETORT_UPGRADE ? detail_access::upgrade(all[i])
                                                           : detail_access::downgrade(all[i]);
      if (!fn) return;  // nothing to do in this direction
      ops o(ctx);
      fn(o);
    });
  }

  static const retort_plugin_descriptor* descriptor(const char* name, const char* version) {
    // models: none (a models plugin is made by RETORT_MODELS_PLUGIN, models.hpp)
    static const retort_provider_v1 functions{sizeof(retort_provider_v1), &open, &close, &count, &at, &run,
                                              nullptr};
    static const retort_plugin_descriptor d{sizeof(retort_plugin_descriptor), RETORT_ABI_MAJOR,
                                            RETORT_ABI_MINOR, RETORT_PLUGIN_PROVIDER, name, version,
                                            &functions};
    return &d;
  }
};

}  // namespace detail
}  // namespace retort
#pragma GCC visibility pop

/// Exports the revisions registered in this shared object as a provider plugin.
#define RETORT_REVISION_PLUGIN(name, version)                                        \
  RETORT_PLUGIN_NOTE("provider", name, version, "");                                     \
  RETORT_EXPORT const retort_plugin_descriptor* retort_plugin_entry(void) {          \
    return ::retort::detail::compiled_provider::descriptor(name, version);           \
  }
