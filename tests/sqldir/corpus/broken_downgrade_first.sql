-- retort:revision abcdef123456
-- retort:downgrade
DROP TABLE t;
-- retort:upgrade
CREATE TABLE t (id INT);
