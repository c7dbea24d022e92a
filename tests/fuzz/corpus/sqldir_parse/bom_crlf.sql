-- retort:revision a
-- retort:upgrade
SELECT 1;
