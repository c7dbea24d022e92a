#include "host/abi/host_sinks.hpp"

#include "host/errors/error.hpp"

namespace host {

namespace {

// A size past these is not text a plugin meant to hand over but a broken
// length; refusing it is the only way not to read far past its buffer.
constexpr std::size_t max_text = 64u << 20;  // as a raw SQL script (host/run/owned_op.cpp)
constexpr std::size_t max_row_values = 100000;

}  // namespace

void SinkBase::remember_absurd_size(const char* what, std::size_t size, const char* unit) noexcept {
  try {
    throw Error(ExitCode::plugin, plugin_ + ": passed the host a " + what + " of " + std::to_string(size) + " " +
                                      unit + ", more than it accepts");
  } catch (...) {
    remember_current_exception();
  }
}

void SinkBase::remember_current_exception() noexcept {
  if (!failure_) failure_ = std::current_exception();
}

void SinkBase::remember_null_data(const char* what, std::size_t size, const char* unit) noexcept {
  try {
    throw Error(ExitCode::plugin, plugin_ + ": passed the host a null " + what + " of " +
                                      std::to_string(size) + " " + unit);
  } catch (...) {
    remember_current_exception();
  }
}

void SinkBase::rethrow_if_failed() const {
  if (failure_) std::rethrow_exception(failure_);
}

StatementCollector::StatementCollector(std::string plugin)
    : SinkBase(std::move(plugin)), sink_{this, &StatementCollector::on_statement} {}

void StatementCollector::on_statement(void* context, const char* data, std::size_t size) noexcept {
  auto* self = static_cast<StatementCollector*>(context);
  if (self->failed()) return;
  if (!data && size) return self->remember_null_data("string", size, "bytes");
  if (size > max_text) return self->remember_absurd_size("statement", size, "bytes");
  try {
    self->statements_.emplace_back(data ? data : "", size);
  } catch (...) {
    self->remember_current_exception();
  }
}

std::vector<std::string> StatementCollector::take() {
  rethrow_if_failed();
  return std::move(statements_);
}

TextCollector::TextCollector(std::string plugin)
    : SinkBase(std::move(plugin)), sink_{this, &TextCollector::on_write} {}

void TextCollector::on_write(void* context, const char* data, std::size_t size) noexcept {
  auto* self = static_cast<TextCollector*>(context);
  if (self->failed()) return;
  if (!data && size) return self->remember_null_data("string", size, "bytes");
  if (size > max_text || self->text_.size() + size > max_text) return self->remember_absurd_size("text", size, "bytes");
  try {
    if (size) self->text_.append(data, size);
  } catch (...) {
    self->remember_current_exception();
  }
}

std::string TextCollector::take() {
  rethrow_if_failed();
  return std::move(text_);
}

RowCollector::RowCollector(std::string plugin, std::function<void(const QueryRowView&)> each)
    : SinkBase(std::move(plugin)), sink_{this, &RowCollector::on_row}, each_(std::move(each)) {}

void RowCollector::on_row(void* context, const retort_str* values, std::size_t count) noexcept {
  auto* self = static_cast<RowCollector*>(context);
  if (self->failed()) return;
  if (!values && count) return self->remember_null_data("row", count, "values");
  if (count > max_row_values) return self->remember_absurd_size("row", count, "values");
  for (std::size_t i = 0; i < count; ++i)
    if (values[i].size > max_text) return self->remember_absurd_size("value", values[i].size, "bytes");
  try {
    if (self->each_) {
      self->view_.assign(count, std::nullopt);
      for (std::size_t i = 0; i < count; ++i)
        if (values[i].data) self->view_[i] = std::string_view(values[i].data, values[i].size);
      self->each_(self->view_);
      return;
    }
    QueryRow row;
    row.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (values[i].data) row.emplace_back(std::string(values[i].data, values[i].size));
      else row.emplace_back(std::nullopt);
    }
    self->rows_.push_back(std::move(row));
  } catch (...) {
    self->remember_current_exception();
  }
}

std::vector<QueryRow> RowCollector::take() {
  rethrow_if_failed();
  return std::move(rows_);
}

}  // namespace host
