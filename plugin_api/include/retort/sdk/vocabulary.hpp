// retort/sdk/vocabulary.hpp: the words an operation is written in, read the
// same way by every dialect, provider and the host: the generic column
// types of SPEC §3, the referential actions of a foreign key, and the names
// of the operation kinds. One policy for all of them (golang-migrate's):
// don't correct user input; when in doubt, refuse and explain.
#pragma once

#include <retort/sdk/common.hpp>
#include <retort/sdk/text.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#pragma GCC visibility push(hidden)
namespace retort {

/// The generic column types of SPEC §3; `none` is an engine's own type.
enum class generic_type {
  none,
  integer, bigint, smallint, boolean, string, text, numeric, float_, double_,
  date, datetime, timestamp_tz, json, uuid, binary
};

/// A column type as written, read by the one grammar (see parse_type).
struct type_spec {
  generic_type generic = generic_type::none;
  std::string_view text;                    ///< trimmed; the verbatim type when generic is none
  std::array<std::string_view, 2> args{};   ///< the unsigned integer arguments, as written
  std::size_t arg_count = 0;
};

namespace detail {
struct generic_name {
  std::string_view name;
  generic_type type;
  std::size_t max_args;  // string(N): 1, numeric(P[,S]): 2, the rest none
};
constexpr std::array<generic_name, 15> generic_names{{
    {"integer", generic_type::integer, 0},   {"bigint", generic_type::bigint, 0},
    {"smallint", generic_type::smallint, 0}, {"boolean", generic_type::boolean, 0},
    {"string", generic_type::string, 1},     {"text", generic_type::text, 0},
    {"numeric", generic_type::numeric, 2},   {"float", generic_type::float_, 0},
    {"double", generic_type::double_, 0},    {"date", generic_type::date, 0},
    {"datetime", generic_type::datetime, 0}, {"timestamp_tz", generic_type::timestamp_tz, 0},
    {"json", generic_type::json, 0},         {"uuid", generic_type::uuid, 0},
    {"binary", generic_type::binary, 0},
}};
constexpr bool is_word_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
}  // namespace detail

/// Reads a column type. The rule, the same in every dialect:
///  - a generic name (case-insensitive), alone or followed by the
///    parenthesised unsigned integers it takes (`string(N)`, `numeric(P)`,
///    `numeric(P,S)`), whitespace around the tokens ignored, is generic;
///  - a generic name followed by a parenthesis that is not a list of
///    unsigned integers (`string(abc)`, `string()`, `numeric(10,`) is no
///    engine's type either: refused, naming it;
///  - anything else is the engine's own type and passes verbatim, trimmed:
///    `double precision`, `integer[]`, `VARCHAR(20)`, and a generic name with
///    integer arguments it does not take (`integer(11)`, `datetime(3)`),
///    which the engine judges (MariaDB reads both; PostgreSQL refuses the first);
///  - an empty type is refused.
inline type_spec parse_type(std::string_view written) {
  type_spec out;
  out.text = text::trim(written);
  const std::string_view t = out.text;
  if (t.empty()) throw failure("column type is empty", RETORT_ERROR_USAGE);
  std::size_t end = 0;
  while (end < t.size() && detail::is_word_char(t[end])) ++end;
  const detail::generic_name* generic = nullptr;
  for (const auto& g : detail::generic_names)
    if (text::iequals(t.substr(0, end), g.name)) generic = &g;
  if (!generic) return out;
  const std::string_view rest = text::trim(t.substr(end));
  if (rest.empty()) {
    out.generic = generic->type;
    return out;
  }
  if (rest.front() != '(') return out;  // "double precision", "integer[]"

  auto malformed = [&] {
    return failure("malformed arguments in column type \"" + std::string(t) +
                       "\" (a generic type takes unsigned integers in parentheses: string(N), "
                       "numeric(P,S))",
                   RETORT_ERROR_USAGE);
  };
  if (rest.back() != ')') throw malformed();
  std::string_view inner = rest.substr(1, rest.size() - 2);
  std::array<std::string_view, 3> args{};
  std::size_t count = 0;
  for (;;) {
    const std::size_t comma = inner.find(',');
    const std::string_view arg = text::trim(inner.substr(0, comma));
    if (arg.empty()) throw malformed();
    for (char c : arg)
      if (c < '0' || c > '9') throw malformed();
    if (count < args.size()) args[count] = arg;
    ++count;
    if (comma == std::string_view::npos) break;
    inner.remove_prefix(comma + 1);
  }
  if (count > generic->max_args) return out;  // an engine's own spelling
  out.generic = generic->type;
  out.arg_count = count;
  for (std::size_t i = 0; i < count; ++i) out.args[i] = args[i];
  return out;
}

/// How a dialect spells one generic type: `bare` written alone, `with_args`
/// the name put before "(args)" when arguments were given.
struct type_spelling {
  generic_type type;
  std::string_view bare;
  std::string_view with_args;
};

using type_spellings = std::array<type_spelling, 15>;

/// The SQL standard's words for the generic types; a dialect starts from
/// these and replaces what its engine spells otherwise (with_spellings).
inline constexpr type_spellings standard_type_spellings{{
    {generic_type::integer, "INTEGER", ""},           {generic_type::bigint, "BIGINT", ""},
    {generic_type::smallint, "SMALLINT", ""},         {generic_type::boolean, "BOOLEAN", ""},
    {generic_type::string, "VARCHAR", "VARCHAR"},     {generic_type::text, "TEXT", ""},
    {generic_type::numeric, "NUMERIC", "NUMERIC"},    {generic_type::float_, "REAL", ""},
    {generic_type::double_, "DOUBLE PRECISION", ""},  {generic_type::date, "DATE", ""},
    {generic_type::datetime, "TIMESTAMP", ""},
    {generic_type::timestamp_tz, "TIMESTAMP WITH TIME ZONE", ""},
    {generic_type::json, "JSON", ""},                 {generic_type::uuid, "UUID", ""},
    {generic_type::binary, "BLOB", ""},
}};

/// `base` with each of `overrides` put in place of its type's entry.
template <std::size_t N>
constexpr type_spellings with_spellings(type_spellings base, const type_spelling (&overrides)[N]) {
  for (const type_spelling& o : overrides)
    for (type_spelling& b : base)
      if (b.type == o.type) b = o;
  return base;
}

/// `written` in a dialect's spelling (`spellings` lists every generic type):
/// parse_type's rule, then the dialect's words; an engine's own type verbatim.
template <std::size_t N>
std::string spell_type(std::string_view written, const std::array<type_spelling, N>& spellings) {
  const type_spec t = parse_type(written);
  if (t.generic == generic_type::none) return std::string(t.text);
  for (const type_spelling& s : spellings) {
    if (s.type != t.generic) continue;
    if (t.arg_count == 0) return std::string(s.bare);
    std::string out(s.with_args);
    out += '(';
    for (std::size_t i = 0; i < t.arg_count; ++i) {
      if (i) out += ',';
      out += t.args[i];
    }
    return out + ')';
  }
  throw failure("the generic type \"" + std::string(t.text) + "\" has no spelling in this dialect",
                RETORT_ERROR_PLUGIN);
}

/// ABI 1.2 introspection: the generic type an engine's type reads back as,
/// the inverse of spell_type. `engine_type` is the engine's type in the
/// dialect's own rendering words (a dialect maps its catalogue's spelling,
/// PostgreSQL's "character varying(64)", to those words first: "VARCHAR(64)").
/// Compared case-insensitively with single spaces; arguments are kept
/// ("VARCHAR(64)" -> "string(64)"). When two generic types share a spelling
/// the first in `spellings` wins. Anything else comes back verbatim, so
/// what a generic type creates reads back as that generic type.
template <std::size_t N>
std::string generic_type_of(std::string_view engine_type, const std::array<type_spelling, N>& spellings) {
  const auto folded = [](std::string_view in) {
    std::string out;
    for (char c : text::trim(in)) {
      if (text::is_space(c)) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
    }
    return out;
  };
  const std::string type = folded(engine_type);
  const auto open = type.find('(');
  const std::string name = folded(std::string_view(type).substr(0, open));
  const std::string args = open == std::string::npos ? std::string() : type.substr(open);
  const auto name_of = [](generic_type t) {
    for (const detail::generic_name& g : detail::generic_names)
      if (g.type == t) return std::string(g.name);
    return std::string();
  };
  for (const type_spelling& s : spellings)  // a bare spelling with arguments of its own: CHAR(36)
    if (folded(s.bare) == type) return name_of(s.type);
  if (args.empty()) return std::string(text::trim(engine_type));
  // Only "(digits[,digits])" and nothing after it: "decimal(10,2) unsigned" is the engine's own.
  const bool plain_args = args.size() >= 3 && args.back() == ')' && [&] {
    for (std::size_t i = 1; i + 1 < args.size(); ++i)
      if (!((args[i] >= '0' && args[i] <= '9') || args[i] == ',' || args[i] == ' ')) return false;
    return true;
  }();
  if (!plain_args) return std::string(text::trim(engine_type));
  for (const type_spelling& s : spellings) {
    if (s.with_args.empty() || folded(s.with_args) != name) continue;
    std::string out = name_of(s.type);
    for (char c : args)
      if (c != ' ') out += c;
    return out;
  }
  return std::string(text::trim(engine_type));
}

/// ABI 1.2: the primary key's columns among `columns` (a create_table's,
/// a rebuild_table's), in key order: by key_position when the columns give
/// one, else in table order (a sender of 1.1, or a key whose order is the
/// table's). Positions must number the key's columns from 1, each once, and
/// only key columns may have one; anything else is refused, naming `subject`.
inline std::vector<const retort_column*> primary_key_columns(const retort_column* const* columns, std::size_t count,
                                                             std::string_view subject) {
  std::vector<const retort_column*> key;
  bool positioned = false;
  for (std::size_t i = 0; i < count; ++i) {
    const retort_column& c = *columns[i];
    if (c.flags & RETORT_COLUMN_PRIMARY_KEY) key.push_back(&c);
    else if (c.key_position != 0)
      throw failure(std::string(subject) + ": column " + std::string(c.name.data ? c.name.data : "", c.name.size) +
                        " has a key_position but is not in the primary key",
                    RETORT_ERROR_USAGE);
    positioned = positioned || c.key_position != 0;
  }
  if (!positioned) return key;
  std::vector<const retort_column*> ordered(key.size(), nullptr);
  for (const retort_column* c : key) {
    const std::uint32_t p = c->key_position;
    if (p == 0 || p > key.size() || ordered[p - 1])
      throw failure(std::string(subject) + ": the key_position of the primary key's columns must number them 1 to " +
                        std::to_string(key.size()) + ", each once",
                    RETORT_ERROR_USAGE);
    ordered[p - 1] = c;
  }
  return ordered;
}

/// ABI 1.2: a generated column's clause in the SQL standard's words, which
/// SQLite 3.31+, PostgreSQL 12+ and MariaDB 10.2+ all read:
/// " GENERATED ALWAYS AS (expr) STORED", " ... VIRTUAL" with
/// RETORT_COLUMN_VIRTUAL (SQLite, MariaDB, PostgreSQL 18+), or "" for an
/// ordinary column. The engine computes the value, so a default or
/// autoincrement with it is refused, naming `subject` ("create_table t: column t.c").
inline std::string generated_clause(const retort_column& c, std::string_view subject) {
  const std::string_view expression = text::trim(std::string_view(c.generated_sql.data ? c.generated_sql.data : "",
                                                                  c.generated_sql.data ? c.generated_sql.size : 0));
  if (expression.empty()) return {};
  if (c.default_sql.size > 0 || (c.flags & RETORT_COLUMN_AUTOINCREMENT))
    throw failure(std::string(subject) + ": a generated column has no default and no autoincrement: the engine computes it",
                  RETORT_ERROR_USAGE);
  return " GENERATED ALWAYS AS (" + std::string(expression) + ((c.flags & RETORT_COLUMN_VIRTUAL) ? ") VIRTUAL" : ") STORED");
}

/// The five referential actions of ON DELETE / ON UPDATE, in upper case with
/// single spaces; an empty `given` stays empty (the engine's default). Any
/// other text would be spliced into a statement, so it is refused with a
/// message that starts with `subject` (e.g. "create_table t: column t.u").
inline std::string referential_action(std::string_view given, std::string_view subject,
                                      std::string_view clause = "on_delete") {
  std::string words;
  for (char c : text::trim(given)) {
    if (!text::is_space(c))
      words += (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    else if (!words.empty() && words.back() != ' ')
      words += ' ';
  }
  if (words.empty()) return words;
  for (std::string_view known : {"CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"})
    if (words == known) return words;
  throw failure(std::string(subject) + " has " + std::string(clause) + " '" + std::string(given) +
                    "', not one of CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION",
                RETORT_ERROR_USAGE);
}

/// The text of a borrowed string of an operation; failure(PLUGIN) naming
/// `field` for null data with a size.
inline std::string_view op_text(retort_str s, std::string_view field) {
  if (s.data == nullptr && s.size != 0)
    throw failure("malformed string in " + std::string(field) + ": null data with size " + std::to_string(s.size),
                  RETORT_ERROR_PLUGIN);
  return view(s);
}

/// A required identifier of an operation: non-empty and without NUL bytes
/// (a NUL would silently end the statement where an engine reads it), or
/// failure(USAGE) "<context>: <what> is empty" / "... contains a NUL byte".
inline std::string_view op_name(retort_str s, std::string_view context, std::string_view what) {
  const std::string_view name = op_text(s, what);
  if (name.empty()) throw failure(std::string(context) + ": " + std::string(what) + " is empty", RETORT_ERROR_USAGE);
  if (name.find('\0') != std::string_view::npos)
    throw failure(std::string(context) + ": " + std::string(what) + " contains a NUL byte", RETORT_ERROR_USAGE);
  return name;
}

/// True for the kinds CREATE_TABLE may carry in its `constraints`.
constexpr bool is_table_constraint_kind(int kind) noexcept {
  return kind == RETORT_OP_ADD_FOREIGN_KEY || kind == RETORT_OP_ADD_UNIQUE || kind == RETORT_OP_ADD_CHECK;
}

/// The name of an operation kind as messages spell it ("create_table").
constexpr std::string_view op_kind_name(int kind) noexcept {
  switch (kind) {
    case RETORT_OP_CREATE_TABLE: return "create_table";
    case RETORT_OP_DROP_TABLE: return "drop_table";
    case RETORT_OP_ADD_COLUMN: return "add_column";
    case RETORT_OP_DROP_COLUMN: return "drop_column";
    case RETORT_OP_ALTER_COLUMN: return "alter_column";
    case RETORT_OP_RENAME_COLUMN: return "rename_column";
    case RETORT_OP_RENAME_TABLE: return "rename_table";
    case RETORT_OP_CREATE_INDEX: return "create_index";
    case RETORT_OP_DROP_INDEX: return "drop_index";
    case RETORT_OP_EXECUTE: return "execute";
    case RETORT_OP_ADD_FOREIGN_KEY: return "add_foreign_key";
    case RETORT_OP_DROP_FOREIGN_KEY: return "drop_foreign_key";
    case RETORT_OP_ADD_UNIQUE: return "add_unique";
    case RETORT_OP_DROP_UNIQUE: return "drop_unique";
    case RETORT_OP_ADD_CHECK: return "add_check";
    case RETORT_OP_DROP_CHECK: return "drop_check";
    case RETORT_OP_CREATE_VIEW: return "create_view";
    case RETORT_OP_DROP_VIEW: return "drop_view";
    case RETORT_OP_CREATE_ENUM: return "create_enum";
    case RETORT_OP_DROP_ENUM: return "drop_enum";
    case RETORT_OP_REBUILD_TABLE: return "rebuild_table";
    default: return "unknown operation";
  }
}

}  // namespace retort
#pragma GCC visibility pop
