-- retort:revision abcdef123456
CREATE TABLE early (id INT);
-- retort:upgrade
