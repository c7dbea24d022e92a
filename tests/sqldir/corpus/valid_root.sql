-- retort:revision 1a2b3c4d5e6f
-- retort:message create users

-- retort:upgrade
CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- retort:downgrade
DROP TABLE users;
