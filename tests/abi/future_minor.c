/*
 * A revision plugin built against a future ABI 1.9: every growable struct it
 * hands the host is the 1.0 struct with fields appended (as abi.h's rules
 * allow within a major), its struct_size says so, and its note and
 * descriptor say 1.9. A 1.x host must load and run it, reading only the
 * fields it knows. In turn it reads only what the host's struct_size covers
 * of the context the host passes: the appended field it would like to use
 * is absent from an older host's, and the plugin does without.
 *
 * Only the frozen 1.0 header is included; the 1.9 structs are spelled out
 * here, 1.0's fields first, in 1.0's order.
 */
#include <retort/abi.h>

#include <stddef.h>
#include <string.h>

#define TEXT(literal) { literal, sizeof(literal) - 1 }

__attribute__((section(RETORT_PLUGIN_SECTION), used)) const char retort_plugin_note[] =
    "retort-plugin abi=1.9 kind=provider name=future_minor version=1.9.0 features=verify";

typedef struct descriptor_1_9 {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  int32_t kind;
  const char *name;
  const char *version;
  const void *functions;
  /* 1.9 */
  const char *homepage;
  uint64_t capabilities;
} descriptor_1_9;

typedef struct provider_1_9 {
  uint32_t struct_size;
  int (*open)(retort_str, retort_provider_instance **, retort_error *);
  void (*close)(retort_provider_instance *);
  size_t (*revision_count)(const retort_provider_instance *);
  const void *(*revision_at)(const retort_provider_instance *, size_t);
  int (*run)(retort_provider_instance *, size_t, int32_t, const retort_migration_context *, retort_error *);
  /* 1.2 */
  int (*models)(retort_provider_instance *, const void *, retort_error *);
  /* 1.9 */
  int (*verify)(retort_provider_instance *, retort_error *);
} provider_1_9;

typedef struct revision_1_9 {
  uint32_t struct_size;
  retort_str id;
  const retort_str *down_revisions;
  size_t down_revision_count;
  const retort_str *branch_labels;
  size_t branch_label_count;
  const retort_str *depends_on;
  size_t depends_on_count;
  retort_str message;
  int32_t transactional;
  retort_str origin;
  /* 1.2 */
  uint32_t flags;
  /* 1.9 */
  retort_str author;
  int64_t created_unix;
} revision_1_9;

/* A later minor holds every earlier minor's appends before its own: the
 * fields 1.2 appended to retort_op and to the context are spelled out too. */
typedef struct op_1_9 {
  retort_op v1_0;  /* retort_op has no tail padding: its last field is a retort_str */
  /* 1.2 */
  retort_str references_table;
  const retort_str *references_columns;
  size_t references_column_count;
  retort_str on_delete;
  retort_str on_update;
  retort_str check_sql;
  const void *const *constraints;
  size_t constraint_count;
  retort_str renamed_from;
  /* 1.9 */
  retort_str comment;
} op_1_9;

typedef struct context_1_9 {
  retort_migration_context v1_0;
  /* 1.2 */
  uint32_t host_abi_minor;
  /* 1.9 */
  int32_t dry_run;
} context_1_9;

static const revision_1_9 the_revision = {
    sizeof(revision_1_9), TEXT("f19000000001"), NULL, 0, NULL, 0, NULL, 0, TEXT("created by a 1.9 plugin"),
    1, TEXT("tests/abi/future_minor.c"), 0, TEXT("someone in the future"), 4102444800};

static int the_instance;

static int open_provider(retort_str argument, retort_provider_instance **out, retort_error *err) {
  (void)argument;
  (void)err;
  *out = (retort_provider_instance *)&the_instance;
  return RETORT_OK;
}

static void close_provider(retort_provider_instance *instance) { (void)instance; }

static size_t revision_count(const retort_provider_instance *instance) {
  (void)instance;
  return 1;
}

static const void *revision_at(const retort_provider_instance *instance, size_t index) {
  (void)instance;
  return index == 0 ? &the_revision : NULL;
}

static int run(retort_provider_instance *instance, size_t index, int32_t direction,
               const retort_migration_context *ctx, retort_error *err) {
  op_1_9 op;
  int dry_run = 0;
  (void)instance;
  (void)index;
  /* The rule that keeps minors compatible, from the plugin's side. */
  if (ctx->struct_size >= offsetof(context_1_9, dry_run) + sizeof(int32_t))
    dry_run = ((const context_1_9 *)ctx)->dry_run;
  memset(&op, 0, sizeof op);
  op.v1_0.struct_size = sizeof op;
  op.v1_0.kind = RETORT_OP_EXECUTE;
  op.v1_0.sql = direction == RETORT_UPGRADE
                    ? (retort_str)TEXT("CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)")
                    : (retort_str)TEXT("DROP TABLE from_the_future");
  op.comment = (retort_str)TEXT("a field no 1.0 host reads");
  if (dry_run) return RETORT_OK;
  return ctx->op(ctx->host, &op.v1_0, err);
}

static int verify(retort_provider_instance *instance, retort_error *err) {
  (void)instance;
  (void)err;
  return RETORT_OK;
}

static const provider_1_9 functions = {sizeof(provider_1_9), open_provider, close_provider, revision_count,
                                       revision_at, run, NULL, verify};

static const descriptor_1_9 descriptor = {sizeof(descriptor_1_9), 1, 9, RETORT_PLUGIN_PROVIDER,
                                          "future_minor", "1.9.0", &functions, "https://example.invalid/",
                                          1};

__attribute__((visibility("default"))) const void *retort_plugin_entry(void) { return &descriptor; }
