// The plugin module: nothing but the export. Everything else lives in
// retort_sqlite_dialect so the tests link exactly the same code.
#include <sqlite/dialect.hpp>

// RETORT_SHIPPED_SCHEMES: the SCHEMES of retort_ship_plugin() in CMakeLists.txt.
RETORT_DIALECT_PLUGIN(retort::sqlite::sqlite_dialect, "sqlite", "0.1.0", RETORT_SHIPPED_SCHEMES)
