// The plugin module: nothing but the export. Everything else lives in
// retort_sqlite_dialect so the tests link exactly the same code.
#include <retort_sqlite/dialect.hpp>

RETORT_DIALECT_PLUGIN(retort::sqlite::sqlite_dialect, "sqlite", "0.1.0", "sqlite")
