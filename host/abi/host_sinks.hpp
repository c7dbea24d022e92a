// The host's implementations of the ABI's sinks, handed to plugin calls.
//
// Invariant: a callback never throws into the plugin's frames. Anything that
// goes wrong inside one (std::bad_alloc, a plugin passing null data with a
// size) is remembered, later calls are ignored, and take() rethrows it once
// the plugin call has returned.
#pragma once

#include <retort/abi.h>

#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace host {

class SinkBase {
 protected:
  explicit SinkBase(std::string plugin) : plugin_(std::move(plugin)) {}
  /// Keeps the first failure; must be called from a catch block.
  void remember_current_exception() noexcept;
  /// Remembers a plugin error "PLUGIN: passed the host a null <what> of <size> <unit>".
  void remember_null_data(const char* what, std::size_t size, const char* unit) noexcept;
  /// Remembers a plugin error for a size no honest plugin passes.
  void remember_absurd_size(const char* what, std::size_t size, const char* unit) noexcept;
  bool failed() const noexcept { return static_cast<bool>(failure_); }
  void rethrow_if_failed() const;

 private:
  std::string plugin_;
  std::exception_ptr failure_;
};

/// Collects statements from render() and split().
class StatementCollector : private SinkBase {
 public:
  explicit StatementCollector(std::string plugin);
  const retort_statement_sink* sink() const noexcept { return &sink_; }
  std::vector<std::string> take();

 private:
  static void on_statement(void* self, const char* data, std::size_t size) noexcept;
  retort_statement_sink sink_;
  std::vector<std::string> statements_;
};

/// Collects the text quote_identifier() and quote_literal() write.
class TextCollector : private SinkBase {
 public:
  explicit TextCollector(std::string plugin);
  const retort_text_sink* sink() const noexcept { return &sink_; }
  std::string take();

 private:
  static void on_write(void* self, const char* data, std::size_t size) noexcept;
  retort_text_sink sink_;
  std::string text_;
};

using QueryRow = std::vector<std::optional<std::string>>;
/// A row as the plugin handed it over: views valid only during the call.
using QueryRowView = std::vector<std::optional<std::string_view>>;

/// Collects query() rows; a value with null data is SQL NULL.
class RowCollector : private SinkBase {
 public:
  /// With `each`, rows go to it as they come, as views into the plugin's
  /// buffers (nothing copied), and take() returns none.
  explicit RowCollector(std::string plugin, std::function<void(const QueryRowView&)> each = {});
  const retort_row_sink* sink() const noexcept { return &sink_; }
  std::vector<QueryRow> take();

 private:
  static void on_row(void* self, const retort_str* values, std::size_t count) noexcept;
  retort_row_sink sink_;
  std::function<void(const QueryRowView&)> each_;
  QueryRowView view_;  // reused from row to row
  std::vector<QueryRow> rows_;
};

}  // namespace host
