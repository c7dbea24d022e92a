--retort:revision ab12cd34ef56
--retort:down_revision 7c7c7c7c7c7c
--retort:transactional false
--retort:upgrade
CREATE INDEX CONCURRENTLY users_name ON users (name);
