// The plugin's one exported entry point; everything else is in the
// retort_mariadb_dialect library, which the tests link too.
#include "mariadb/dialect.hpp"

// RETORT_SHIPPED_SCHEMES: the SCHEMES of retort_ship_plugin() in CMakeLists.txt.
RETORT_DIALECT_PLUGIN(retort::mariadb::mariadb_dialect, "mariadb", "0.1.0", RETORT_SHIPPED_SCHEMES)
