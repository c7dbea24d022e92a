-- retort:revision 1a2b3c4d5e6f
-- retort:down_revision 0f9e8d7c6b5a, 99aa
-- retort:message create users
-- retort:branch_labels shop
-- retort:depends_on 9a8b7c6d5e4f
-- retort:transactional false

-- retort:upgrade
CREATE TABLE users (id INTEGER PRIMARY KEY);

-- retort:downgrade
DROP TABLE users;
