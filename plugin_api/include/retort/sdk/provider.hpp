// retort/sdk/provider.hpp: write a revision provider (a source of revisions
// other than compiled ones, like sqldir) as a C++ class.
//
//   class my_provider : public retort::provider { ... };
//   RETORT_PROVIDER_PLUGIN(my_provider, "mysource", "1.0.0")
#pragma once

#include <retort/sdk/common.hpp>

#include <cstdint>
#include <memory>
#include <string_view>

// Everything the SDK defines stays inside the plugin that includes it:
// without this, inline statics (the revision registry, the descriptors)
// become process-wide "unique" symbols and two plugins would share them.
#pragma GCC visibility push(hidden)
namespace retort {

/// One opened source of revisions. The retort_revision records it returns
/// must stay valid (and their strings alive) until it is destroyed.
class provider {
 public:
  virtual ~provider() = default;
  virtual std::size_t revision_count() const = 0;
  virtual const retort_revision* revision_at(std::size_t index) const = 0;
  /// Emits revision `index`'s operations in `direction` through ctx->op.
  virtual void run(std::size_t index, std::int32_t direction, const retort_migration_context& ctx) = 0;
};

namespace detail {

template <class Provider>
struct provider_adapter {
  static provider& self(retort_provider_instance* p) { return *reinterpret_cast<provider*>(p); }
  static const provider& self(const retort_provider_instance* p) {
    return *reinterpret_cast<const provider*>(p);
  }
  static int open(retort_str argument, retort_provider_instance** out, retort_error* err) {
    return guard(err, [&] {
      std::unique_ptr<provider> p = std::make_unique<Provider>(view(argument));
      *out = reinterpret_cast<retort_provider_instance*>(p.release());
    });
  }
  static void close(retort_provider_instance* p) {
    retort_error ignored{};
    guard(&ignored, [&] { delete reinterpret_cast<provider*>(p); });
  }
  static std::size_t count(const retort_provider_instance* p) { return self(p).revision_count(); }
  static const retort_revision* at(const retort_provider_instance* p, std::size_t i) {
    return i < self(p).revision_count() ? self(p).revision_at(i) : nullptr;
  }
  static int run(retort_provider_instance* p, std::size_t i, std::int32_t direction,
                 const retort_migration_context* ctx, retort_error* err) {
    return guard(err, [&] { self(p).run(i, direction, *ctx); });
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

/// Exports `Class` (a retort::provider constructible from std::string_view).
#define RETORT_PROVIDER_PLUGIN(Class, name, version)                                 \
  RETORT_PLUGIN_NOTE("provider", name, version, "");                                     \
  RETORT_EXPORT const retort_plugin_descriptor* retort_plugin_entry(void) {          \
    return ::retort::detail::provider_adapter<Class>::descriptor(name, version);     \
  }
