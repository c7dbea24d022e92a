-- Adds products. Reviewed by the shop team.
--
   -- retort:revision products_v1
-- retort:down_revision 0f9e8d7c6b5a
-- retort:message add products

-- retort:upgrade
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  price NUMERIC(10, 2) NOT NULL  -- in the shop's currency
);
/* seed */ INSERT INTO products VALUES (1, 9.99);
-- retort:downgrade
-- irreversible: products are kept
