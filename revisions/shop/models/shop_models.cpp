// The shop bot's schema as its models: what the revisions in
// ../shop_revisions.cpp make at head, declared once with the models SDK.
// `retort check` with `models = build/revisions/retort_shop_models.so`
// holds the two to agreement; a change made here and not in a revision is
// what `retort revision --autogenerate` writes the next revision from.
//
// The names are the revisions' own: their indexes are named, and their
// uniques and foreign keys are declared on the column without a name (so
// the engine names them), exactly as the revisions declare them.
#include <retort/sdk/models.hpp>

using retort::column;

RETORT_MODELS_PLUGIN("shop_models", "1.0.0")

static retort::model users =
    retort::table("users", {
        column("id", "bigint").primary_key().autoincrement(),
        column("telegram_id", "bigint").not_null().unique(),
        column("username", "string(64)"),
        column("first_name", "string(128)").not_null(),
        column("last_name", "string(128)"),
        column("created_at", "datetime").not_null().default_sql("CURRENT_TIMESTAMP"),
        column("updated_at", "datetime").not_null().default_sql("CURRENT_TIMESTAMP"),
    })
        .index("ix_users_username", {"username"});

static retort::model categories =
    retort::table("categories", {
        column("id", "integer").primary_key().autoincrement(),
        column("name", "string(100)").not_null().unique(),
    });

// A product is delivered either as a file or as hidden text revealed after
// purchase; a hidden product is not listed.
static retort::model products =
    retort::table("products", {
        column("id", "integer").primary_key().autoincrement(),
        column("category_id", "integer").not_null().references("categories", "id").on_delete("CASCADE"),
        column("name", "string(200)").not_null(),
        column("description", "text"),
        column("price", "numeric(10,2)").not_null(),
        column("file_id", "string(255)"),
        column("hidden_content", "text"),
        column("created_at", "datetime").not_null().default_sql("CURRENT_TIMESTAMP"),
        column("is_hidden", "boolean").not_null().default_sql("FALSE"),
    })
        .index("ix_products_category_id", {"category_id"});

static retort::model purchases =
    retort::table("purchases", {
        column("id", "bigint").primary_key().autoincrement(),
        column("user_id", "bigint").not_null().references("users", "id").on_delete("CASCADE"),
        column("product_id", "integer").not_null().references("products", "id"),
        column("price_paid", "numeric(10,2)").not_null(),
        column("payment_id", "string(128)").not_null(),
        column("created_at", "datetime").not_null().default_sql("CURRENT_TIMESTAMP"),
    })
        .index("ix_purchases_user_id", {"user_id"})
        .index("ix_purchases_product_id", {"product_id"})
        .index("uq_purchases_payment_id", {"payment_id"}, {true, ""});
