{{header}}
-- retort:upgrade
-- The SQL that applies this revision, sent to the database as written.

-- retort:downgrade
-- The SQL that reverts it.
