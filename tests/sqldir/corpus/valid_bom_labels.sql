-- retort:revision 0f9e8d7c6b5a
-- retort:branch_labels shop, shop-core
-- retort:depends_on 1a2b3c4d5e6f
-- retort:upgrade
CREATE TABLE categories (id INTEGER PRIMARY KEY);
-- retort:downgrade
DROP TABLE categories;
