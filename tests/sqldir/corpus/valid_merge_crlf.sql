-- retort:revision 7c7c7c7c7c7c
-- retort:down_revision 1a2b3c4d5e6f, 0f9e8d7c6b5a
-- retort:message merge

-- retort:upgrade

-- retort:downgrade
