-- retort:revision abcdef123456
-- retort:donw_revision 1a2b3c4d5e6f
-- retort:upgrade
SELECT 1;
