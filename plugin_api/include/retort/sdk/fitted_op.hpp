// retort/sdk/fitted_op.hpp: an operation read the one way abi.h allows,
// whatever ABI minor filled it in. The dialect adapter hands every dialect
// an operation through this, so no renderer reads past a struct's size or
// follows a null array.
#pragma once

#include <retort/sdk/common.hpp>
#include <retort/sdk/vocabulary.hpp>

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#pragma GCC visibility push(hidden)
namespace retort {

/// The sizes of retort_op and retort_column in ABI 1.0, to the end of their
/// last 1.0 field. Every field of 1.0 is required; a struct smaller than
/// this was never valid. These never follow later appends.
namespace abi_1_0 {
inline constexpr std::size_t op_size = offsetof(retort_op, alter_default_sql) + sizeof(retort_str);
inline constexpr std::size_t column_size = offsetof(retort_column, on_delete) + sizeof(retort_str);
}  // namespace abi_1_0

/// A copy of an operation laid out as this SDK declares it: fields that the
/// sender's struct_size does not cover are zero (absent), columns and a
/// CREATE_TABLE's constraints are copied the same way, and malformed arrays
/// are refused as plugin errors.
class fitted_op {
 public:
  explicit fitted_op(const retort_op& given, bool nested = false) : op_(fitted(given)) {
    const std::string kind(op_kind_name(op_.kind));
    if (given.struct_size < abi_1_0::op_size)
      throw failure("operation struct is " + std::to_string(given.struct_size) +
                        " bytes, smaller than the " + std::to_string(abi_1_0::op_size) + " of ABI 1.0",
                    RETORT_ERROR_PLUGIN);
    require_array(op_.columns, op_.column_count, kind + ": column array");
    require_array(op_.index_columns, op_.index_column_count, kind + ": index column array");
    require_array(op_.references_columns, op_.references_column_count, kind + ": referenced column array");
    require_array(op_.constraints, op_.constraint_count, kind + ": constraint array");
    columns_.reserve(op_.column_count);
    for (std::size_t i = 0; i < op_.column_count; ++i) {
      const retort_column* c = op_.columns[i];
      if (c == nullptr)
        throw failure(kind + ": column " + std::to_string(i + 1) + " is a null pointer", RETORT_ERROR_PLUGIN);
      if (c->struct_size < abi_1_0::column_size)
        throw failure(kind + ": column " + std::to_string(i + 1) + " struct is too small", RETORT_ERROR_PLUGIN);
      columns_.push_back(fitted(*c));
    }
    for (const retort_column& c : columns_) column_pointers_.push_back(&c);
    op_.columns = column_pointers_.empty() ? nullptr : column_pointers_.data();

    if (op_.constraint_count > 0 && (nested || (op_.kind != RETORT_OP_CREATE_TABLE && op_.kind != RETORT_OP_REBUILD_TABLE)))
      throw failure(kind + ": only create_table and rebuild_table carry constraints", RETORT_ERROR_USAGE);
    for (std::size_t i = 0; i < op_.constraint_count; ++i) {
      const retort_op* c = op_.constraints[i];
      if (c == nullptr)
        throw failure(kind + ": constraint " + std::to_string(i + 1) + " is a null pointer", RETORT_ERROR_PLUGIN);
      constraints_.emplace_back(*c, true);
      if (!is_table_constraint_kind(constraints_.back().get().kind))
        throw failure(kind + ": constraint " + std::to_string(i + 1) + " is a " +
                          std::string(op_kind_name(constraints_.back().get().kind)) +
                          ", not add_foreign_key, add_unique or add_check",
                      RETORT_ERROR_USAGE);
    }
    for (const fitted_op& c : constraints_) constraint_pointers_.push_back(&c.get());
    op_.constraints = constraint_pointers_.empty() ? nullptr : constraint_pointers_.data();
  }
  fitted_op(const fitted_op&) = delete;
  fitted_op& operator=(const fitted_op&) = delete;

  const retort_op& get() const noexcept { return op_; }

 private:
  template <class T>
  static void require_array(const T* data, std::size_t count, const std::string& what) {
    if (count > 0 && data == nullptr)
      throw failure(what + " is null but its count is " + std::to_string(count), RETORT_ERROR_PLUGIN);
  }

  retort_op op_;
  std::vector<retort_column> columns_;
  std::vector<const retort_column*> column_pointers_;
  std::deque<fitted_op> constraints_;  // a deque: its elements never move
  std::vector<const retort_op*> constraint_pointers_;
};

}  // namespace retort
#pragma GCC visibility pop
