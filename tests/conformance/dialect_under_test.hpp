// A built dialect plugin, loaded through retort/abi.h as the host loads it,
// and driven with the SDK's own operation builder.
#pragma once

#include <retort/abi.h>
#include <retort/sdk/revision.hpp>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace conformance {

/// What rendering gave: the statements, or the refusal.
struct rendered {
  bool ok = false;
  std::vector<std::string> statements;
  int kind = 0;  ///< retort_error_kind when refused
  std::string message;
};

using write_fn = std::function<void(retort::ops&)>;
using option_list = std::vector<std::pair<std::string, std::string>>;

/// An open connection; disconnects when it goes.
class live_session {
 public:
  live_session(const retort_dialect_v1& d, retort_connection* c) : d_(d), c_(c) {}
  ~live_session() { d_.disconnect(c_); }
  live_session(const live_session&) = delete;
  live_session& operator=(const live_session&) = delete;
  /// Runs `sql`; "" when it succeeded, else the error's message.
  std::string execute(const std::string& sql);
  /// The first column of the first row `sql` gives; throws std::runtime_error.
  std::string scalar(const std::string& sql);

 private:
  const retort_dialect_v1& d_;
  retort_connection* c_;
};

class dialect_under_test {
 public:
  dialect_under_test(std::string name, const std::string& file);
  const std::string& name() const { return name_; }
  const retort_dialect_v1& functions() const { return *functions_; }

  /// Runs `write` with a migration context whose every operation this
  /// dialect renders, as the host's collect step does.
  rendered render(const write_fn& write) const;
  /// The same with a context as another host fills it in (`host` and `op`
  /// are this object's).
  rendered render(const write_fn& write, retort_migration_context ctx) const;
  /// Renders one hand-built operation.
  rendered render(const retort_op& op) const;
  /// Connects with the host's connect options; throws std::runtime_error.
  std::unique_ptr<live_session> connect(const option_list& options) const;

 private:
  std::string name_;
  const retort_dialect_v1* functions_ = nullptr;
};

/// Every dialect this build made, in the order sqlite, postgresql, mariadb.
const std::vector<dialect_under_test>& built_dialects();

}  // namespace conformance
