#include "host/abi/checksum.hpp"

#include <openssl/evp.h>

#include <charconv>
#include <stdexcept>

#include <retort/sdk/common.hpp>

namespace host {

std::string normalize_sql(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  std::string line;
  std::size_t pending_blank = 0;
  bool started = false;
  auto flush_line = [&] {
    std::size_t end = line.find_last_not_of(" \t\f\v");
    line.resize(end == std::string::npos ? 0 : end + 1);
    if (line.empty()) {
      if (started) ++pending_blank;
    } else {
      if (started) out.append(pending_blank + 1, '\n');
      pending_blank = 0;
      out += line;
      started = true;
    }
    line.clear();
  };
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\r') {
      if (i + 1 < sql.size() && sql[i + 1] == '\n') ++i;
      flush_line();
    } else if (c == '\n') {
      flush_line();
    } else {
      line += c;
    }
  }
  flush_line();
  return out;
}

namespace {

// Fetched once: with OpenSSL 3, EVP_DigestInit_ex(EVP_sha256()) looks the
// algorithm up in the provider store on every call, 6,000 instructions each,
// twice per revision (bench/RESULTS.md). Never freed: it lives as long as
// the process.
const EVP_MD* sha256() {
  static const EVP_MD* md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
  }();
  return md;
}

}  // namespace

struct ChecksumBuilder::State {
  EVP_MD_CTX* ctx = nullptr;
  std::string pending;  ///< the fields of the operation being added, hashed at its end
};

ChecksumBuilder::ChecksumBuilder() : state_(std::make_unique<State>()) {
  state_->ctx = EVP_MD_CTX_new();
  if (!state_->ctx || EVP_DigestInit_ex(state_->ctx, sha256(), nullptr) != 1)
    throw std::runtime_error("cannot initialise SHA-256");
}

ChecksumBuilder::~ChecksumBuilder() {
  if (state_ && state_->ctx) EVP_MD_CTX_free(state_->ctx);
}
ChecksumBuilder::ChecksumBuilder(ChecksumBuilder&&) noexcept = default;
ChecksumBuilder& ChecksumBuilder::operator=(ChecksumBuilder&&) noexcept = default;

// Each field is length-prefixed so no two different operation lists can
// serialise to the same bytes.
// The bytes are collected and hashed once per operation: snprintf and an
// EVP_DigestUpdate per field made checksums half of `upgrade --sql`.
void ChecksumBuilder::field(std::string_view value) {
  char prefix[24];
  const auto end = std::to_chars(prefix, prefix + sizeof prefix - 1, value.size()).ptr;
  *end = ':';
  state_->pending.append(prefix, end + 1);
  state_->pending.append(value);
}

void ChecksumBuilder::add(const retort_op& op) {
  state_->pending.clear();
  add_fields(op);
  EVP_DigestUpdate(state_->ctx, state_->pending.data(), state_->pending.size());
}

// What ABI 1.2 added is hashed only where it is set, behind a name of its
// own, so every operation of an older revision keeps the checksum that was
// recorded for it. renamed_from is not hashed at all: a rename hint means
// something only in a models description, and changes nothing a revision runs.
void ChecksumBuilder::add_fields(const retort_op& op) {
  using retort::view;
  field("op");
  field(std::to_string(op.kind));
  field(std::to_string(op.flags));
  field(view(op.schema));
  field(view(op.table));
  field(view(op.name));
  field(view(op.new_name));
  for (std::size_t i = 0; i < op.column_count; ++i) {
    const retort_column& c = *op.columns[i];
    field("column");
    field(view(c.name));
    field(view(c.type));
    field(std::to_string(c.flags));
    field(view(c.default_sql));
    field(view(c.references_table));
    field(view(c.references_column));
    field(view(c.on_delete));
    if (c.on_update.size) {
      field("on_update");
      field(view(c.on_update));
    }
    if (c.generated_sql.size) {
      field("generated");
      field(view(c.generated_sql));
    }
  }
  for (std::size_t i = 0; i < op.index_column_count; ++i) field(view(op.index_columns[i]));
  field(view(op.where));
  field(normalize_sql(view(op.sql)));
  field(view(op.alter_type));
  field(std::to_string(op.alter_nullable));
  field(std::to_string(op.alter_default_action));
  field(view(op.alter_default_sql));
  if (op.references_table.size || op.references_column_count) {
    field("references");
    field(view(op.references_table));
    for (std::size_t i = 0; i < op.references_column_count; ++i) field(view(op.references_columns[i]));
  }
  if (op.on_delete.size || op.on_update.size) {
    field("actions");
    field(view(op.on_delete));
    field(view(op.on_update));
  }
  if (op.check_sql.size) {
    field("check");
    field(normalize_sql(view(op.check_sql)));
  }
  for (std::size_t i = 0; i < op.constraint_count; ++i) {
    field("constraint");
    add_fields(*op.constraints[i]);
  }
}

std::string ChecksumBuilder::finish() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(state_->ctx, digest, &size);
  static const char* hex = "0123456789abcdef";
  std::string out(checksum_prefix);
  for (unsigned i = 0; i < size; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  EVP_DigestInit_ex(state_->ctx, sha256(), nullptr);
  return out;
}

}  // namespace host
