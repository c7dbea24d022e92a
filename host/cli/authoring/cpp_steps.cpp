#include "host/cli/authoring/cpp_steps.hpp"

#include <retort/sdk/text.hpp>

#include <cstdint>
#include <stdexcept>

#include "host/errors/error.hpp"

namespace host {
namespace {

using Kind = schema::Step::Kind;

// The length (2 to 4) of the well-formed UTF-8 sequence starting at `at`
// (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF), or 0.
std::size_t utf8_sequence(std::string_view s, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the second byte's range
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead == 0xE0) length = 3, low = 0xA0;
  else if (lead == 0xED) length = 3, high = 0x9F;
  else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
  else if (lead == 0xF0) length = 4, low = 0x90;
  else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
  else if (lead == 0xF4) length = 4, high = 0x8F;
  else return 0;
  if (at + length > s.size() || byte(at + 1) < low || byte(at + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  return length;
}

// U+202A..U+202E and U+2066..U+2069, which reorder how the source reads
// (compilers warn of them: "trojan source").
bool is_bidi_control(std::string_view sequence) {
  if (sequence.size() != 3 || static_cast<unsigned char>(sequence[0]) != 0xE2) return false;
  const auto second = static_cast<unsigned char>(sequence[1]), third = static_cast<unsigned char>(sequence[2]);
  return (second == 0x80 && third >= 0xAA && third <= 0xAE) || (second == 0x81 && third >= 0xA6 && third <= 0xA9);
}

// Three octal digits: unlike \x, an octal escape never takes in a digit after it.
std::string octal_escape(unsigned char c) {
  return std::string{'\\', static_cast<char>('0' + (c >> 6)), static_cast<char>('0' + ((c >> 3) & 7)),
                     static_cast<char>('0' + (c & 7))};
}

std::string literal_list(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + cpp_string_literal(items[i]);
  return out + "}";
}

// A `// ...` line for free text: one line, and never ending in a backslash
// (or the trigraph ??/ that was one before C++17), which would splice the
// next line into the comment.
std::string comment_line(const std::string& indent, const std::string& text) {
  std::string line = indent + "// " + retort::text::one_line(text);
  if (line.back() == '\\' || line.compare(line.size() - 3, 3, "?\?/") == 0) line += '.';
  return line + "\n";
}

// Whether `t`'s primary key takes its columns in another order than the
// table's: only then do its columns say their place (.primary_key(n)).
bool key_out_of_table_order(const schema::Table& t) {
  std::vector<std::string> in_table_order;
  for (const auto& c : t.columns)
    for (const auto& k : t.primary_key)
      if (k == c.name) in_table_order.push_back(k);
  return in_table_order != t.primary_key;
}

// `key_position`: the column's place in the primary key, from 1; 0 when not
// in it. A key column is NOT NULL whatever `c.nullable` says, as
// step_render makes it; .primary_key() says so.
std::string column_expression(const schema::Column& c, std::uint32_t key_position, bool positioned) {
  std::string out = "retort::column(" + cpp_string_literal(c.name) + ", " + cpp_string_literal(c.type) + ")";
  if (key_position > 0) out += positioned ? ".primary_key(" + std::to_string(key_position) + ")" : ".primary_key()";
  else if (!c.nullable) out += ".not_null()";
  if (c.autoincrement) out += ".autoincrement()";
  if (c.default_sql) out += ".default_sql(" + cpp_string_literal(*c.default_sql) + ")";
  if (!c.generated.empty())
    out += (c.generated_virtual ? ".generated_virtual(" : ".generated(") + cpp_string_literal(c.generated) + ")";
  return out;
}

std::string foreign_key_expression(const schema::ForeignKey& f) {
  std::string out = "retort::foreign_key(" + cpp_string_literal(f.name) + ", " + literal_list(f.columns) + ", " +
                    cpp_string_literal(f.references_table) + ", " + literal_list(f.references_columns) + ")";
  if (!f.on_delete.empty()) out += ".on_delete(" + cpp_string_literal(f.on_delete) + ")";
  if (!f.on_update.empty()) out += ".on_update(" + cpp_string_literal(f.on_update) + ")";
  return out;
}
std::string unique_expression(const schema::Unique& u) {
  return "retort::unique(" + cpp_string_literal(u.name) + ", " + literal_list(u.columns) + ")";
}
std::string check_expression(const schema::Check& c) {
  return "retort::check(" + cpp_string_literal(c.name) + ", " + cpp_string_literal(c.expression) + ")";
}

// op.create_table("t", {columns...}, {constraints...}); one element a line.
std::string create_table(const schema::Table& t, const std::string& indent) {
  const std::string inner = indent + "    ";
  const bool positioned = key_out_of_table_order(t);
  std::string out = indent + "op.create_table(" + cpp_string_literal(t.name) + ", {\n";
  for (const auto& c : t.columns) {
    std::uint32_t position = 0;
    for (std::size_t k = 0; k < t.primary_key.size(); ++k)
      if (t.primary_key[k] == c.name) position = static_cast<std::uint32_t>(k + 1);
    out += inner + column_expression(c, position, positioned) + ",\n";
  }
  std::vector<std::string> constraints;  // step_render's order: foreign keys, uniques, checks
  for (const auto& f : t.foreign_keys) constraints.push_back(foreign_key_expression(f));
  for (const auto& u : t.uniques) constraints.push_back(unique_expression(u));
  for (const auto& c : t.checks) constraints.push_back(check_expression(c));
  if (constraints.empty()) return out + indent + "});\n";
  out += indent + "}, {\n";
  for (const auto& c : constraints) out += inner + c + ",\n";
  return out + indent + "});\n";
}

std::string alteration(const schema::Step& s) {
  std::string out = "retort::alteration()";
  if (s.change_type) out += ".type(" + cpp_string_literal(s.column.type) + ")";
  if (s.change_nullable) out += s.column.nullable ? ".nullable(true)" : ".nullable(false)";
  if (s.change_default)
    out += s.column.default_sql ? ".default_sql(" + cpp_string_literal(*s.column.default_sql) + ")" : ".drop_default()";
  return out;
}

std::string index_options(const schema::Index& i) {
  if (!i.unique && i.where.empty()) return "";
  return std::string(", retort::index_options{") + (i.unique ? "true" : "false") + ", " +
         cpp_string_literal(i.where) + "}";
}

// op.NAME(arguments);
std::string call(const std::string& indent, const std::string& name, const std::string& arguments) {
  return indent + "op." + name + "(" + arguments + ");\n";
}

std::string statement(const schema::Step& s, const std::string& indent) {
  const auto lit = [](const std::string& text) { return cpp_string_literal(text); };
  switch (s.kind) {
    case Kind::create_table: return create_table(s.definition, indent);
    case Kind::drop_table: return call(indent, "drop_table", lit(s.table));
    case Kind::add_column: return call(indent, "add_column", lit(s.table) + ", " + column_expression(s.column, 0, false));
    case Kind::drop_column: return call(indent, "drop_column", lit(s.table) + ", " + lit(s.name));
    case Kind::alter_column:
      return call(indent, "alter_column", lit(s.table) + ", " + lit(s.column.name) + ", " + alteration(s));
    case Kind::create_index:
      return call(indent, "create_index", lit(s.index.name) + ", " + lit(s.index.table) + ", " +
                                              literal_list(s.index.entries) + index_options(s.index));
    case Kind::drop_index:
      return call(indent, "drop_index", lit(s.name) + (s.table.empty() ? "" : ", " + lit(s.table)));
    case Kind::add_foreign_key:
      return call(indent, "add_constraint", lit(s.table) + ", " + foreign_key_expression(s.foreign_key));
    case Kind::drop_foreign_key: return call(indent, "drop_foreign_key", lit(s.table) + ", " + lit(s.name));
    case Kind::add_unique: return call(indent, "add_constraint", lit(s.table) + ", " + unique_expression(s.unique));
    case Kind::drop_unique: return call(indent, "drop_unique", lit(s.table) + ", " + lit(s.name));
    case Kind::add_check: return call(indent, "add_constraint", lit(s.table) + ", " + check_expression(s.check));
    case Kind::drop_check: return call(indent, "drop_check", lit(s.table) + ", " + lit(s.name));
    case Kind::create_view: return call(indent, "create_view", lit(s.view.name) + ", " + lit(s.view.definition));
    case Kind::drop_view: return call(indent, "drop_view", lit(s.table));
    case Kind::create_enum:
      return call(indent, "create_enum", lit(s.enum_type.name) + ", " + literal_list(s.enum_type.labels));
    case Kind::drop_enum: return call(indent, "drop_enum", lit(s.enum_type.name));
    case Kind::rename_table: return call(indent, "rename_table", lit(s.table) + ", " + lit(s.name));
    case Kind::rename_column: return call(indent, "rename_column", lit(s.table) + ", " + lit(s.name) + ", " + lit(s.column.name));
    case Kind::rebuild_table:
      usage_error("rebuild table " + s.table +
                  ": the change needs a table rebuild (the engine alters tables only by rebuilding them), which a "
                  "portable C++ revision cannot express; write this revision in the .sql form (--template sqldir)");
  }
  throw std::logic_error("cpp_statements: a step kind with no C++ form: " + schema::describe(s));
}

}  // namespace

std::string cpp_string_literal(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const std::size_t length = utf8_sequence(text, i);
      if (length > 0 && !is_bidi_control(text.substr(i, length))) {
        out += text.substr(i, length);
        i += length;
        continue;
      }
      out += octal_escape(byte);  // each byte of a bidi control or of what is not UTF-8
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') out += {'\\', c};
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '?' && !out.empty() && out.back() == '?') out += "\\?";
    else if (byte < 0x20 || byte == 0x7F) out += octal_escape(byte);
    else out += c;
    ++i;
  }
  return out + "\"";
}

std::string cpp_statements(const std::vector<schema::Step>& steps, const std::string& indent) {
  std::string out;
  for (const auto& s : steps) {
    if (!s.destroys.empty()) out += comment_line(indent, "destroys: " + s.destroys);
    out += statement(s, indent);
  }
  return out;
}

}  // namespace host
