// The one exported entry of retort_postgresql.so (and its static note for
// `retort plugins inspect`). Everything else lives in the static library.
#include "postgresql/dialect.hpp"

// RETORT_SHIPPED_SCHEMES: the SCHEMES of retort_ship_plugin() in CMakeLists.txt.
RETORT_DIALECT_PLUGIN(retort::postgresql::postgresql_dialect, "postgresql", "0.1.0", RETORT_SHIPPED_SCHEMES)
