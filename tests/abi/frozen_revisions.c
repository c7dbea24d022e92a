/*
 * A revision plugin as it was written when ABI 1.0 was current: plain C99,
 * built against nothing but the frozen copy of that header (abi_1_0/), every
 * struct filled in by hand, no SDK. Every later 1.x host must load and run
 * it unchanged; tests/abi/abi_test.sh applies it to SQLite with the built
 * retort.
 *
 * Two revisions: a1000000000a creates frozen_items, a1000000000b adds a
 * price column and inserts one row whose name comes from `-x item=NAME`
 * (default "first"), exercising the host's x_argument callback.
 */
#include <retort/abi.h>

#include <stdio.h>
#include <string.h>

#if RETORT_ABI_MAJOR != 1 || RETORT_ABI_MINOR != 0
#error "this plugin must be built against the frozen ABI 1.0 header only"
#endif

#define TEXT(literal) { literal, sizeof(literal) - 1 }
#define EXPORTED __attribute__((visibility("default")))

RETORT_PLUGIN_NOTE("provider", "frozen_1_0", "1.0.0", "");

static const retort_str second_parents[] = {TEXT("a1000000000a")};

static const retort_revision revisions[2] = {
    {sizeof(retort_revision), TEXT("a1000000000a"), NULL, 0, NULL, 0, NULL, 0,
     TEXT("create frozen_items"), 1, TEXT("tests/abi/frozen_revisions.c")},
    {sizeof(retort_revision), TEXT("a1000000000b"), second_parents, 1, NULL, 0, NULL, 0,
     TEXT("add price"), 1, TEXT("tests/abi/frozen_revisions.c")},
};

/* The provider needs no state; a non-NULL instance is all open() must give. */
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
  return 2;
}

static const retort_revision *revision_at(const retort_provider_instance *instance, size_t index) {
  (void)instance;
  return index < 2 ? &revisions[index] : NULL;
}

static int emit(const retort_migration_context *ctx, retort_op *op, retort_error *err) {
  op->struct_size = sizeof(retort_op);
  return ctx->op(ctx->host, op, err);
}

static int create_items(const retort_migration_context *ctx, retort_error *err) {
  retort_column id, name;
  const retort_column *columns[2];
  retort_op op;
  memset(&id, 0, sizeof id);
  id.struct_size = sizeof id;
  id.name = (retort_str)TEXT("id");
  id.type = (retort_str)TEXT("integer");
  id.flags = RETORT_COLUMN_PRIMARY_KEY | RETORT_COLUMN_AUTOINCREMENT;
  memset(&name, 0, sizeof name);
  name.struct_size = sizeof name;
  name.name = (retort_str)TEXT("name");
  name.type = (retort_str)TEXT("string(50)");
  name.flags = RETORT_COLUMN_NOT_NULL;
  columns[0] = &id;
  columns[1] = &name;
  memset(&op, 0, sizeof op);
  op.kind = RETORT_OP_CREATE_TABLE;
  op.table = (retort_str)TEXT("frozen_items");
  op.columns = columns;
  op.column_count = 2;
  return emit(ctx, &op, err);
}

static int drop_items(const retort_migration_context *ctx, retort_error *err) {
  retort_op op;
  memset(&op, 0, sizeof op);
  op.kind = RETORT_OP_DROP_TABLE;
  op.table = (retort_str)TEXT("frozen_items");
  return emit(ctx, &op, err);
}

static int add_price(const retort_migration_context *ctx, retort_error *err) {
  retort_column price;
  const retort_column *columns[1];
  retort_op op;
  retort_str item = TEXT("first");
  char insert[200];
  int length;

  memset(&price, 0, sizeof price);
  price.struct_size = sizeof price;
  price.name = (retort_str)TEXT("price");
  price.type = (retort_str)TEXT("numeric(10,2)");
  columns[0] = &price;
  memset(&op, 0, sizeof op);
  op.kind = RETORT_OP_ADD_COLUMN;
  op.table = (retort_str)TEXT("frozen_items");
  op.columns = columns;
  op.column_count = 1;
  if (emit(ctx, &op, err) != RETORT_OK) return RETORT_FAILED;

  /* The test passes a plain word; a real plugin would quote through SQL. */
  ctx->x_argument(ctx->host, (retort_str)TEXT("item"), &item);
  length = snprintf(insert, sizeof insert, "INSERT INTO frozen_items (name, price) VALUES ('%.*s', 9.5)",
                    (int)(item.size < 100 ? item.size : 100), item.data);
  memset(&op, 0, sizeof op);
  op.kind = RETORT_OP_EXECUTE;
  op.sql.data = insert;
  op.sql.size = (size_t)length;
  return emit(ctx, &op, err);
}

static int drop_price(const retort_migration_context *ctx, retort_error *err) {
  retort_op op;
  memset(&op, 0, sizeof op);
  op.kind = RETORT_OP_EXECUTE;
  op.sql = (retort_str)TEXT("DELETE FROM frozen_items");
  if (emit(ctx, &op, err) != RETORT_OK) return RETORT_FAILED;
  memset(&op, 0, sizeof op);
  op.kind = RETORT_OP_DROP_COLUMN;
  op.table = (retort_str)TEXT("frozen_items");
  op.name = (retort_str)TEXT("price");
  return emit(ctx, &op, err);
}

static int run(retort_provider_instance *instance, size_t index, int32_t direction,
               const retort_migration_context *ctx, retort_error *err) {
  (void)instance;
  if (index == 0) return direction == RETORT_UPGRADE ? create_items(ctx, err) : drop_items(ctx, err);
  if (index == 1) return direction == RETORT_UPGRADE ? add_price(ctx, err) : drop_price(ctx, err);
  err->kind = RETORT_ERROR_PLUGIN;
  snprintf(err->message, sizeof err->message, "frozen_1_0 has no revision %zu", index);
  return RETORT_FAILED;
}

static const retort_provider_v1 functions = {
    sizeof(retort_provider_v1), open_provider, close_provider, revision_count, revision_at, run};

static const retort_plugin_descriptor descriptor = {
    sizeof(retort_plugin_descriptor), RETORT_ABI_MAJOR, RETORT_ABI_MINOR, RETORT_PLUGIN_PROVIDER,
    "frozen_1_0", "1.0.0", &functions};

EXPORTED const retort_plugin_descriptor *retort_plugin_entry(void) { return &descriptor; }
