// The shop bot's schema, one revision per step of its history.
#include <retort/sdk/revision.hpp>

using retort::column;

RETORT_REVISION_PLUGIN("shop", "1.0.0")

static retort::registration create_users =
    retort::revision("3f1c2a9b7d10")
        .message("create users")
        .upgrade([](retort::ops& op) {
          op.create_table("users", {
              column("id", "bigint").primary_key().autoincrement(),
              column("telegram_id", "bigint").not_null().unique(),
              column("username", "string(64)"),
              column("first_name", "string(128)").not_null(),
              column("last_name", "string(128)"),
              column("created_at", "datetime").not_null().default_sql("CURRENT_TIMESTAMP"),
              column("updated_at", "datetime").not_null().default_sql("CURRENT_TIMESTAMP"),
          });
          op.create_index("ix_users_username", "users", {"username"});
        })
        // Dropping a table drops its indexes; dropping them first would fail
        // on MariaDB, where they back the foreign keys.
        .downgrade([](retort::ops& op) { op.drop_table("users"); });

static retort::registration create_catalogue =
    retort::revision("8a4e6b2c1f93")
        .down("3f1c2a9b7d10")
        .message("create categories and products")
        .upgrade([](retort::ops& op) {
          op.create_table("categories", {
              column("id", "integer").primary_key().autoincrement(),
              column("name", "string(100)").not_null().unique(),
          });
          // A product is delivered either as a file or as hidden text
          // revealed after purchase.
          op.create_table("products", {
              column("id", "integer").primary_key().autoincrement(),
              column("category_id", "integer").not_null().references("categories", "id").on_delete("CASCADE"),
              column("name", "string(200)").not_null(),
              column("description", "text"),
              column("price", "numeric(10,2)").not_null(),
              column("file_id", "string(255)"),
              column("hidden_content", "text"),
              column("created_at", "datetime").not_null().default_sql("CURRENT_TIMESTAMP"),
          });
          op.create_index("ix_products_category_id", "products", {"category_id"});
        })
        .downgrade([](retort::ops& op) {
          op.drop_table("products");
          op.drop_table("categories");
        });

static retort::registration create_purchases =
    retort::revision("c7d2e5f08b41")
        .down("8a4e6b2c1f93")
        .message("create purchases")
        .upgrade([](retort::ops& op) {
          op.create_table("purchases", {
              column("id", "bigint").primary_key().autoincrement(),
              column("user_id", "bigint").not_null().references("users", "id").on_delete("CASCADE"),
              column("product_id", "integer").not_null().references("products", "id"),
              column("price_paid", "numeric(10,2)").not_null(),
              column("payment_id", "string(128)").not_null(),
              column("created_at", "datetime").not_null().default_sql("CURRENT_TIMESTAMP"),
          });
          op.create_index("ix_purchases_user_id", "purchases", {"user_id"});
          op.create_index("ix_purchases_product_id", "purchases", {"product_id"});
        })
        .downgrade([](retort::ops& op) {
          op.drop_table("purchases");
        });

static retort::registration hide_products =
    retort::revision("5b9e1d3a6c72")
        .down("c7d2e5f08b41")
        .message("let products be hidden; payments are unique")
        .upgrade([](retort::ops& op) {
          op.add_column("products", column("is_hidden", "boolean").not_null().default_sql("FALSE"));
          op.create_index("uq_purchases_payment_id", "purchases", {"payment_id"}, {true, ""});
        })
        .downgrade([](retort::ops& op) {
          op.drop_index("uq_purchases_payment_id", "purchases");
          op.drop_column("products", "is_hidden");
        });
