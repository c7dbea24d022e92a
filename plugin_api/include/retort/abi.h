/*
 * retort/abi.h: the stable C ABI between the retort host and its plugins.
 *
 * This header is the narrow waist of retort: the host is C++, plugins are
 * usually C++ (see retort/sdk/), and only what is declared here crosses
 * between them. It compiles as C99 and as any C++ standard.
 *
 * Rules that keep it stable (see plugin_api/README.md):
 *  - Every struct a side may grow starts with `struct_size`, set by whoever
 *    fills it in. A reader touches only the fields that fit in that size, so
 *    a plugin built against ABI 1.0 keeps working in a host of ABI 1.x.
 *  - WARNING: fields are only ever appended, at the end, in a new minor
 *    version, each marked with the version that added it. Never reorder,
 *    retype or remove a field: that is a new major version.
 *  - Arrays of growable structs are arrays of pointers, so the element size
 *    never matters.
 *  - Strings cross as (pointer, length) and are not NUL-terminated unless a
 *    field says so. Whoever owns a string is written next to it.
 *  - No C++ exception ever crosses: functions return RETORT_OK or
 *    RETORT_FAILED and describe a failure in a host-owned retort_error.
 *
 * A plugin is a shared object exporting one function, RETORT_ENTRY_SYMBOL,
 * that returns its descriptor, and holding a RETORT_PLUGIN_SECTION section
 * that describes it for `retort plugins inspect` without running any code.
 */
#ifndef RETORT_ABI_H
#define RETORT_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The ABI version. The major is bumped for any change that is not an append
 * at the end of a struct (the host then refuses plugins of another major);
 * the minor is bumped for each append. A host of minor M loads plugins of
 * any minor, reading only what their struct sizes say they have.
 */
#define RETORT_ABI_MAJOR 1
#define RETORT_ABI_MINOR 2

/* The one symbol every plugin exports: `retort_plugin_entry_fn`. */
#define RETORT_ENTRY_SYMBOL "retort_plugin_entry"
/* The ELF section holding the static description (RETORT_PLUGIN_NOTE). */
#define RETORT_PLUGIN_SECTION ".retort_plugin"

#define RETORT_OK 0
#define RETORT_FAILED 1

/* A borrowed string: `data` need not be NUL-terminated; `data` may be NULL
 * only when `size` is 0. Who owns it is said where it is used. */
typedef struct retort_str {
  const char *data;
  size_t size;
} retort_str;

/* What kind of failure a plugin reports. The values are retort's exit codes. */
typedef enum retort_error_kind {
  RETORT_ERROR_DATABASE = 1,     /* the database refused or the connection failed */
  RETORT_ERROR_USAGE = 2,        /* bad URL, option or operation for this dialect */
  RETORT_ERROR_PLUGIN = 3,       /* the plugin itself failed (bug, exception) */
  RETORT_ERROR_REVISION = 4,     /* a provider's revisions are malformed */
  RETORT_ERROR_LOCK_TIMEOUT = 5  /* the migration lock was not acquired in time */
} retort_error_kind;

/*
 * A failure report. The host owns the storage and sets `struct_size`; the
 * plugin writes the other fields (the SDK's retort::fail() does it). Strings
 * are NUL-terminated and truncated to fit.
 */
typedef struct retort_error {
  uint32_t struct_size;
  int32_t kind;             /* retort_error_kind */
  int32_t native_code;      /* the engine's error number, 0 if none */
  int32_t statement_index;  /* 0-based statement of a script that failed, -1 if unknown */
  char sqlstate[8];         /* five-character SQLSTATE, "" if unknown */
  char message[1024];       /* one line; must never contain a password */
  /* 1.2 and later */
  uint32_t flags;           /* RETORT_ERROR_FLAG_*: what the failure means for the connection */
} retort_error;

/* 1.2: the connection is unusable after this failure (the server went away,
 * the session was terminated): the host closes it instead of rolling back
 * or recording anything on it. A plugin of 1.1 or older never sets it; the
 * host then reads SQLSTATE class 08 (connection exception) the same way. */
#define RETORT_ERROR_FLAG_CONNECTION_LOST 0x1u

/* Receives text. `write` may be called many times; the data is valid only
 * during the call. The host implements it and it never fails. */
typedef struct retort_text_sink {
  void *context;
  void (*write)(void *context, const char *data, size_t size);
} retort_text_sink;

/* Receives one SQL statement per call (no trailing semicolon needed). */
typedef struct retort_statement_sink {
  void *context;
  void (*statement)(void *context, const char *data, size_t size);
} retort_statement_sink;

/* Receives query rows. values[i].data == NULL is SQL NULL. Borrowed for the
 * duration of the call only. */
typedef struct retort_row_sink {
  void *context;
  void (*row)(void *context, const retort_str *values, size_t count);
} retort_row_sink;

/* A key=value pair, both borrowed. */
typedef struct retort_option {
  retort_str key;
  retort_str value;
} retort_option;

/* ---------------------------------------------------------------------
 * Operations: what a revision asks for, rendered by the dialect.
 * --------------------------------------------------------------------- */

typedef enum retort_op_kind {
  RETORT_OP_CREATE_TABLE = 1,  /* table, columns */
  RETORT_OP_DROP_TABLE = 2,    /* table */
  RETORT_OP_ADD_COLUMN = 3,    /* table, columns[0] */
  RETORT_OP_DROP_COLUMN = 4,   /* table, name */
  RETORT_OP_ALTER_COLUMN = 5,  /* table, name, alter_* fields */
  RETORT_OP_RENAME_COLUMN = 6, /* table, name, new_name */
  RETORT_OP_RENAME_TABLE = 7,  /* table, new_name */
  RETORT_OP_CREATE_INDEX = 8,  /* table, name, index_columns, where */
  RETORT_OP_DROP_INDEX = 9,    /* table, name */
  RETORT_OP_EXECUTE = 10,      /* sql: a script of one or more statements */
  /* 1.2 and later: named table constraints. A dialect of an older minor
   * refuses these kinds as unknown (exit 2), which is the right answer. */
  RETORT_OP_ADD_FOREIGN_KEY = 11,  /* table, name, index_columns (its columns), references_table,
                                      references_columns, on_delete, on_update */
  RETORT_OP_DROP_FOREIGN_KEY = 12, /* table, name */
  RETORT_OP_ADD_UNIQUE = 13,       /* table, name, index_columns */
  RETORT_OP_DROP_UNIQUE = 14,      /* table, name */
  RETORT_OP_ADD_CHECK = 15,        /* table, name, check_sql */
  RETORT_OP_DROP_CHECK = 16,       /* table, name */
  /* 1.2 and later: the other objects a schema description holds. */
  RETORT_OP_CREATE_VIEW = 17,      /* table (the view's name), sql (its SELECT) */
  RETORT_OP_DROP_VIEW = 18,        /* table (the view's name) */
  RETORT_OP_CREATE_ENUM = 19,      /* name (the type's), index_columns (its labels, in order) */
  RETORT_OP_DROP_ENUM = 20,        /* name */
  /* 1.2: for an engine that alters tables by rebuilding them
   * (RETORT_DIALECT_REBUILDS_TABLES): table; columns and constraints, the
   * table as it becomes (as CREATE_TABLE); index_columns, the columns whose
   * values are copied over. Its indexes are gone afterwards: recreate them.
   * Other engines refuse it. */
  RETORT_OP_REBUILD_TABLE = 21
} retort_op_kind;

#define RETORT_COLUMN_NOT_NULL 0x1u
#define RETORT_COLUMN_PRIMARY_KEY 0x2u    /* several columns = composite key, ordered by key_position */
#define RETORT_COLUMN_AUTOINCREMENT 0x4u
#define RETORT_COLUMN_UNIQUE 0x8u
/* 1.2 and later, added after the rename hints: with generated_sql, the value
 * is computed when read and not stored (VIRTUAL). Without it a generated
 * column is STORED, as before the flag existed. An engine without virtual
 * columns (PostgreSQL before 18) refuses the statement. */
#define RETORT_COLUMN_VIRTUAL 0x10u

/* A column definition. Every string is borrowed from the caller. */
typedef struct retort_column {
  uint32_t struct_size;
  retort_str name;
  retort_str type;              /* generic type (SPEC §3) or passed verbatim */
  uint32_t flags;               /* RETORT_COLUMN_* */
  retort_str default_sql;       /* SQL expression; empty: no default */
  retort_str references_table;  /* foreign key target; empty: none */
  retort_str references_column;
  retort_str on_delete;         /* e.g. CASCADE, SET NULL; empty: engine default */
  /* 1.2 and later */
  retort_str on_update;         /* as on_delete, for ON UPDATE */
  retort_str generated_sql;     /* a generated column's expression (stored, or computed when read
                                   with RETORT_COLUMN_VIRTUAL); empty: none */
  uint32_t key_position;        /* RETORT_COLUMN_PRIMARY_KEY: the column's place in the key, from 1,
                                   so a key's order need not be the table's; 0 in every key column
                                   (or a column of 1.1): the key takes its columns in table order */
  /* 1.2 and later, appended after the fields above: a models description's
   * rename hint, the column's former name (the host then renames it where
   * it would drop and add). Empty: none. Ignored in a revision's operations
   * and by dialects. */
  retort_str renamed_from;
} retort_column;

#define RETORT_OP_UNIQUE 0x1u         /* CREATE_INDEX */
#define RETORT_OP_IF_NOT_EXISTS 0x2u  /* CREATE_TABLE, CREATE_INDEX */
#define RETORT_OP_IF_EXISTS 0x4u      /* DROP_TABLE, DROP_INDEX */

#define RETORT_ALTER_KEEP (-1)  /* alter_nullable: leave as it is */
#define RETORT_DEFAULT_KEEP 0   /* alter_default_action values */
#define RETORT_DEFAULT_SET 1
#define RETORT_DEFAULT_DROP 2

/* One operation. Every string and array is borrowed from the caller for the
 * duration of the call that receives it. Unused fields are zero. */
typedef struct retort_op {
  uint32_t struct_size;
  int32_t kind;                         /* retort_op_kind */
  uint32_t flags;                       /* RETORT_OP_* */
  retort_str schema;                    /* empty: the connection's default */
  retort_str table;
  retort_str name;                      /* column or index name */
  retort_str new_name;                  /* RENAME_* */
  const retort_column *const *columns;  /* CREATE_TABLE, ADD_COLUMN */
  size_t column_count;
  const retort_str *index_columns;      /* CREATE_INDEX: column names or expressions */
  size_t index_column_count;
  retort_str where;                     /* CREATE_INDEX: partial index predicate */
  retort_str sql;                       /* EXECUTE */
  retort_str alter_type;                /* ALTER_COLUMN: new type; empty: keep */
  int32_t alter_nullable;               /* ALTER_COLUMN: 1 the column accepts NULL, 0 it is
                                           NOT NULL, RETORT_ALTER_KEEP unchanged */
  int32_t alter_default_action;         /* ALTER_COLUMN: RETORT_DEFAULT_* */
  retort_str alter_default_sql;         /* ALTER_COLUMN with RETORT_DEFAULT_SET */
  /* 1.2 and later */
  retort_str references_table;          /* ADD_FOREIGN_KEY: the referenced table, in `schema` */
  const retort_str *references_columns; /* ADD_FOREIGN_KEY: as many as index_columns */
  size_t references_column_count;
  retort_str on_delete;                 /* ADD_FOREIGN_KEY: one of the five actions; empty: */
  retort_str on_update;                 /*   the engine's default (NO ACTION) */
  retort_str check_sql;                 /* ADD_CHECK: a boolean SQL expression */
  /* CREATE_TABLE: ADD_FOREIGN_KEY, ADD_UNIQUE and ADD_CHECK operations that
   * the statement declares inside the table (their `table` is ignored; they
   * carry no constraints of their own). NULL when constraint_count is 0. */
  const struct retort_op *const *constraints;
  size_t constraint_count;
  /* 1.2 and later, appended after the fields above: CREATE_TABLE in a models
   * description, the table's former name (a rename hint, as a column's
   * renamed_from). Empty: none. Ignored in a revision's operations and by
   * dialects; the host refuses it on any other kind. */
  retort_str renamed_from;
} retort_op;

/* ---------------------------------------------------------------------
 * Dialect plugins: one per database engine, chosen by URL scheme.
 * --------------------------------------------------------------------- */

/* 1.2: where introspect() describes a schema. Both callbacks copy what they
 * need before returning; a non-OK return from `object` ends introspect()
 * with that error. */
typedef struct retort_schema_sink {
  uint32_t struct_size;
  void *context;
  int (*object)(void *context, const retort_op *op, retort_error *err);
  /* kind: "trigger", "function", "sequence", "procedure", "event", "type", ... */
  void (*unmanaged)(void *context, retort_str kind, retort_str name);
} retort_schema_sink;

/* An open connection, owned by the dialect until disconnect(). */
typedef struct retort_connection retort_connection;

/*
 * How to connect. The host parses the URL once (one parser, fuzzed) and
 * passes its parts as options, so a dialect never parses URLs:
 *   url.user, url.password, url.host, url.port (decimal, absent: default),
 *   url.database (for sqlite: the file path as given, or ":memory:"),
 *   param.NAME for every ?NAME=value of the URL (percent-decoded),
 *   and host settings by their config name: lock_timeout (seconds, decimal;
 *   also how long a reader should wait for a busy database) and
 *   version_table_schema (when set).
 * An absent part has no option. All strings are borrowed for the call.
 */
typedef struct retort_connect_params {
  uint32_t struct_size;
  retort_str url;                  /* the full URL, password included: never echo it */
  const retort_option *options;
  size_t option_count;
} retort_connect_params;

/*
 * What a dialect does. Every function returning int returns RETORT_OK or
 * RETORT_FAILED with `err` filled. Rendering functions need no connection:
 * offline mode uses them alone.
 */
typedef struct retort_dialect_v1 {
  uint32_t struct_size;
  /* URL schemes this dialect answers, NULL-terminated, static storage. */
  const char *const *schemes;
  /* 1 if DDL rolls back with its transaction (SQLite, PostgreSQL). */
  int32_t transactional_ddl;
  /* Offline scripts: statements that open and close a transaction; static. */
  const char *begin_sql;
  const char *commit_sql;

  /* Connection. `*out` belongs to the dialect; release it with disconnect(). */
  int (*connect)(const retort_connect_params *params, retort_connection **out,
                 retort_error *err);
  void (*disconnect)(retort_connection *conn);
  /* Runs a script of one or more statements. */
  int (*execute)(retort_connection *conn, retort_str sql, retort_error *err);
  /* Runs one statement and passes every row, all values as text, to `rows`. */
  int (*query)(retort_connection *conn, retort_str sql, const retort_row_sink *rows,
               retort_error *err);
  int (*begin)(retort_connection *conn, retort_error *err);
  int (*commit)(retort_connection *conn, retort_error *err);
  int (*rollback)(retort_connection *conn, retort_error *err);
  /* The migration lock named `key`, held by this connection until unlock()
   * or disconnect(); RETORT_ERROR_LOCK_TIMEOUT when it is not acquired in time.
   *   key              an ASCII name of at most 64 bytes, the same for every
   *                    process that migrates the same database
   *   timeout_seconds  how long to wait: finite and >= 0 (the host passes
   *                    nothing else; a dialect refuses anything else as
   *                    RETORT_ERROR_USAGE); 0 tries once without waiting */
  int (*lock)(retort_connection *conn, retort_str key, double timeout_seconds,
              retort_error *err);
  int (*unlock)(retort_connection *conn, retort_str key, retort_error *err);
  /* *exists = 1 if the table exists, else 0; *exists is untouched on failure.
   *   schema  empty: the schema unqualified names resolve in (PostgreSQL's
   *           current_schema(), MariaDB's DATABASE(), SQLite's main)
   *   table   the name as the engine stores it (the engine's own rule for case) */
  int (*table_exists)(retort_connection *conn, retort_str schema, retort_str table,
                      int *exists, retort_error *err);

  /* Renders an operation into one or more statements, each passed to `out`. */
  int (*render)(const retort_op *op, const retort_statement_sink *out, retort_error *err);
  /* Splits a script into statements, honouring the dialect's quoting. */
  int (*split)(retort_str script, const retort_statement_sink *out, retort_error *err);
  void (*quote_identifier)(retort_str name, const retort_text_sink *out);
  void (*quote_literal)(retort_str value, const retort_text_sink *out);

  /* 1.1 */
  /* Asks the server to stop the statement `conn` is running, if any, so that
   * SIGINT/SIGTERM need not wait for a long statement to end. The host calls
   * it from another thread than the one inside execute() or query() on
   * `conn`, only while such a call is in progress, never concurrently with
   * disconnect() and never from a signal handler. The interrupted call then
   * fails as any failed statement does. RETORT_OK means the request was
   * sent, not that the statement stopped. NULL (or a table of ABI 1.0, whose
   * struct_size ends before it): the dialect cannot cancel, and the host
   * waits for the statement to end. */
  int (*cancel)(retort_connection *conn, retort_error *err);

  /* 1.2 and later */
  /* RETORT_DIALECT_*: what the engine does that the host must know of. */
  uint32_t capabilities;
  /* An SQL expression, static storage, for the current UTC time as ISO 8601
   * text with milliseconds ("2026-12-04T03:34:31.123Z"), as retort_history's
   * started_at holds it: offline scripts record when they are applied. NULL
   * (or a table of 1.1): scripts record when they were generated. */
  const char *utc_now_sql;
  /* Reads the live schema `schema` (empty: the schema unqualified names
   * resolve in: PostgreSQL's current_schema(), MariaDB's DATABASE(),
   * SQLite's main; the host passes it empty) and describes it to `out` as the operations that would
   * create it, in no particular order: one CREATE_TABLE per table (columns
   * with their types as the engine reports them, generic where SPEC's
   * generic types name them; the primary key as RETORT_COLUMN_PRIMARY_KEY
   * with each column's key_position;
   * named foreign keys, uniques and checks as `constraints`), one
   * CREATE_INDEX per index that no constraint owns (index_columns: column
   * names, or expressions as the engine prints them; `where` for a partial
   * index), CREATE_VIEW and CREATE_ENUM. retort's own tables are left out
   * (`skip`, the version and history table names, case as stored). What the
   * dialect does not read (triggers, functions, sequences owned by no
   * column, ...) goes to out->unmanaged by kind and name, never silently
   * nowhere. NULL (a table of 1.1 or a dialect that cannot): the host
   * refuses every command that needs a schema, naming the plugin. */
  int (*introspect)(retort_connection *conn, retort_str schema, const retort_str *skip,
                    size_t skip_count, const retort_schema_sink *out, retort_error *err);
  /* 1.2 and later. For a dialect with RETORT_DIALECT_SESSION_LOCK: whether
   * lock() on this connection excludes every other session of the database.
   * Writes nothing to `why` when it does; otherwise one line saying why not
   * (a Galera node, whose lock is local to it; a connection pooler that may
   * run the next transaction on another server session). The host then
   * takes the lease-table lock instead, unless `lock = advisory` forces
   * this one. NULL: the host trusts the lock, after checking that a second
   * session cannot take it at the same time. */
  int (*session_lock_doubt)(retort_connection *conn, const retort_text_sink *why, retort_error *err);
} retort_dialect_v1;


/* 1.2: lock() takes a lock that belongs to the server session (an advisory
 * lock, GET_LOCK), which a transaction pooler or a multi-primary cluster may
 * not hold for the connection. Without it the lock is the database's own
 * (SQLite's write lock) and needs no such check. */
#define RETORT_DIALECT_SESSION_LOCK 0x1u
/* 1.2: the URL names a file, not a server: SCHEME:///relative.db,
 * SCHEME:////absolute.db, SCHEME://:memory: (or SCHEME://) for an in-memory
 * database; no user, host or port. The host passes the path as url.database,
 * ":memory:" for memory. Without it the URL is [user[:password]@]host[:port]/database. */
#define RETORT_DIALECT_FILE_URL 0x2u
/* 1.2: the engine alters most of a table only by rebuilding it (SQLite):
 * a planned change to an existing table other than adding a column or
 * dropping a column or an index needs a rebuild, which the host plans. */
#define RETORT_DIALECT_REBUILDS_TABLES 0x4u
/* 1.2: `DROP DATABASE name WITH (FORCE)` ends the database's other sessions
 * and drops it. The host drops its scratch databases so: behind a connection
 * pooler the pooled server session outlives retort's connection, and a plain
 * DROP DATABASE is refused while it lasts. */
#define RETORT_DIALECT_DROP_DATABASE_FORCE 0x8u

/* ---------------------------------------------------------------------
 * Revision providers: compiled revisions, or a folder of .sql files.
 * --------------------------------------------------------------------- */

/* An opened provider, owned by the provider until close(). */
typedef struct retort_provider_instance retort_provider_instance;

/* One revision's metadata. Owned by the provider instance; valid until close(). */
typedef struct retort_revision {
  uint32_t struct_size;
  retort_str id;
  const retort_str *down_revisions;   /* none: a root; two or more: a merge */
  size_t down_revision_count;
  const retort_str *branch_labels;
  size_t branch_label_count;
  const retort_str *depends_on;
  size_t depends_on_count;
  retort_str message;
  int32_t transactional;              /* 0: run outside a transaction */
  retort_str origin;                  /* where it is defined (file), for messages */
  /* 1.2 and later, appended */
  uint32_t flags;                     /* RETORT_REVISION_*; 0 (or a record whose struct_size
                                         ends before it): an ordinary, versioned revision */
} retort_revision;

/* 1.2, appended: a repeatable revision (Flyway's R__ files). It has no
 * version: no down revisions, dependencies or branch labels, and no
 * revision names it. The host keeps it out of the graph (never a root or a
 * head, never in the version table) and runs its upgrade at the end of
 * every `upgrade head`/`heads` whose checksum differs from the one its
 * latest successful run recorded (or that never ran), in the order the
 * providers list them; its downgrade is never run. A host older than this
 * field reads such a record as an ordinary root, a second head beside any
 * other revision, so `upgrade head` refuses there (exit 4). */
#define RETORT_REVISION_REPEATABLE 0x1u

#define RETORT_UPGRADE 1
#define RETORT_DOWNGRADE (-1)

/*
 * What a running revision can ask of the host. Implemented by the host;
 * valid only during provider run().
 */
typedef struct retort_migration_context {
  uint32_t struct_size;
  void *host;                 /* pass back as the first argument */
  retort_str dialect;         /* "sqlite", "postgresql", "mariadb" */
  int32_t offline;            /* 1 under --sql */
  retort_str revision_id;
  /* Queues an operation; fails (err filled) if the dialect cannot render it. */
  int (*op)(void *host, const retort_op *op, retort_error *err);
  /* A -x KEY=VALUE value: returns 1 and sets *value (host-owned, valid for
   * the run) when the key was given, else 0. */
  int (*x_argument)(void *host, retort_str key, retort_str *value);
  /* 1.2 and later */
  /* The host's RETORT_ABI_MINOR. A context whose struct_size ends before
   * this field comes from a host of 1.1 or older, which would drop what 1.2
   * added to an operation (constraints, on_update): the SDK refuses to send
   * those to it rather than let their meaning change. */
  uint32_t host_abi_minor;
} retort_migration_context;

typedef struct retort_provider_v1 {
  uint32_t struct_size;
  /* Opens the provider. `argument` is what follows "name:" in the config, or
   * the folder for sqldir, or empty; `*out` is released with close(). */
  int (*open)(retort_str argument, retort_provider_instance **out, retort_error *err);
  void (*close)(retort_provider_instance *instance);
  size_t (*revision_count)(const retort_provider_instance *instance);
  const retort_revision *(*revision_at)(const retort_provider_instance *instance,
                                        size_t index);
  /* Runs revision `index` in `direction` (RETORT_UPGRADE / RETORT_DOWNGRADE),
   * emitting its operations through ctx->op. */
  int (*run)(retort_provider_instance *instance, size_t index, int32_t direction,
             const retort_migration_context *ctx, retort_error *err);

  /* 1.2 and later, appended after the fields above */
  /* Describes the provider's models, the schema the application wants, to
   * `out` as introspect() describes a live one: one CREATE_TABLE per table
   * (columns, the primary key as RETORT_COLUMN_PRIMARY_KEY, named foreign
   * keys, uniques and checks as `constraints`), then CREATE_INDEX,
   * CREATE_VIEW and CREATE_ENUM; never as SQL, so one set of models serves
   * every dialect. A CREATE_TABLE and its columns may carry renamed_from
   * (rename hints). `instance` is open; nothing else of the provider is
   * called meanwhile. Strings are borrowed for the `object` call only.
   * NULL (or a table whose struct_size ends before it): the provider has no
   * models; the host refuses to use it as models, naming the file. */
  int (*models)(retort_provider_instance *instance, const retort_schema_sink *out, retort_error *err);
} retort_provider_v1;

/* ---------------------------------------------------------------------
 * The entry point.
 * --------------------------------------------------------------------- */

typedef enum retort_plugin_kind {
  RETORT_PLUGIN_DIALECT = 1,   /* functions: retort_dialect_v1 */
  RETORT_PLUGIN_PROVIDER = 2   /* functions: retort_provider_v1 */
} retort_plugin_kind;

/* Static storage in the plugin; the host reads it, never writes or frees it. */
/* struct_size, abi_major and abi_minor stay the first fields in every major
 * version, so a host can always explain a mismatch. */
typedef struct retort_plugin_descriptor {
  uint32_t struct_size;
  uint16_t abi_major;          /* RETORT_ABI_MAJOR the plugin was built with */
  uint16_t abi_minor;
  int32_t kind;                /* retort_plugin_kind */
  const char *name;            /* NUL-terminated, e.g. "sqlite" */
  const char *version;         /* NUL-terminated, the plugin's own version */
  const void *functions;       /* retort_dialect_v1* or retort_provider_v1* */
} retort_plugin_descriptor;

/* The exported entry: returns the descriptor; must not fail or throw. */
typedef const retort_plugin_descriptor *(*retort_plugin_entry_fn)(void);

/*
 * The static description `retort plugins inspect` and the host's plugin
 * search read from the file without loading it: a NUL-terminated string in
 * RETORT_PLUGIN_SECTION, words separated by single spaces:
 *   "retort-plugin abi=1.0 kind=dialect name=sqlite version=0.1.0 schemes=sqlite"
 * `schemes` (comma-separated) is present for dialects only. Put one
 * RETORT_PLUGIN_NOTE(...) in a plugin; the SDK's export macros do.
 */
/* `retain` keeps the section under -Wl,--gc-sections, which `used` alone
 * does not (GCC 11+, Clang 13+). */
#if defined(__has_attribute)
#if __has_attribute(retain)
#define RETORT_RETAIN_ __attribute__((retain))
#endif
#endif
#ifndef RETORT_RETAIN_
#define RETORT_RETAIN_
#endif
#define RETORT_STRINGIFY_(x) #x
#define RETORT_STRINGIFY(x) RETORT_STRINGIFY_(x)
#define RETORT_PLUGIN_NOTE(kind_word, name, version, extra)                             \
  __attribute__((section(RETORT_PLUGIN_SECTION), used)) RETORT_RETAIN_ const char                     \
      retort_plugin_note[] = "retort-plugin abi=" RETORT_STRINGIFY(RETORT_ABI_MAJOR) "." \
      RETORT_STRINGIFY(RETORT_ABI_MINOR) " kind=" kind_word " name=" name " version=" version extra

#ifdef __cplusplus
}
#endif

#endif /* RETORT_ABI_H */
