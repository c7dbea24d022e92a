// The one exported entry of retort_postgresql.so (and its static note for
// `retort plugins inspect`). Everything else lives in the static library.
#include "postgresql/dialect.hpp"

RETORT_DIALECT_PLUGIN(retort::postgresql::dialect, "postgresql", "0.1.0", "postgresql,postgres")
