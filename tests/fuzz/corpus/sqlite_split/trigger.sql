CREATE TABLE t (a TEXT, "b;c" INT, [d;e] INT, `f;g` INT);
INSERT INTO t VALUES ('it''s; fine', 1, 2, 3); -- comment; here
/* block; comment */
CREATE TRIGGER tr AFTER INSERT ON t BEGIN
  UPDATE t SET a = 'x;y' WHERE rowid = new.rowid;
  SELECT CASE WHEN 1 THEN 'END;' END;
END;
SELECT 1
