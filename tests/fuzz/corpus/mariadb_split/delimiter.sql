CREATE TABLE t (a VARCHAR(10), `b;c` INT);
INSERT INTO t VALUES ('x\';y', 1), ("q"";", 2); # hash comment;
DELIMITER //
CREATE PROCEDURE p() BEGIN
  IF 1 THEN SELECT 'a;b'; END IF;
  WHILE 0 DO SELECT 1; END WHILE;
END //
DELIMITER ;
/*! 50003 SELECT 1 */;
-- dash comment; here
SELECT 2
