// Words that may appear bare in a CHECK expression without naming a column: SQLite's keywords,
// literals, type names (for CAST) and collation names.
const NOT_COLUMNS = new Set(
  `ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY
  CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE
  CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO DROP
  EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM
  FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT
  INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING
  NOTNULL NULL NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY
  RAISE RANGE RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK
  ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE
  UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT TRUE FALSE INTEGER INT TEXT REAL
  BLOB NUMERIC NOCASE BINARY RTRIM ROWID OID _ROWID_`
    .split(/\s+/)
    .filter(Boolean),
);

const WORD = /[A-Za-z_]/;
const WORD_REST = /[A-Za-z0-9_$]/;

/**
 * Column identifiers a CHECK expression uses: bare words that are not keywords, function names or
 * qualifiers (`t.` in `t.col`), plus quoted identifiers. Literals and parameters are skipped.
 *
 * @example
 * checkColumns(`priority BETWEEN 0 AND 5 AND length("title") > 0`); // ["priority", "title"]
 */
export function checkColumns(sql: string): string[] {
  const found: string[] = [];
  let i = 0;
  const nextNonSpace = (from: number): string => {
    let j = from;
    while (j < sql.length && /\s/.test(sql.charAt(j))) j++;
    return sql.charAt(j);
  };
  while (i < sql.length) {
    const char = sql.charAt(i);
    if (char === "'") {
      i = skipQuoted(sql, i, "'");
    } else if (char === '"' || char === "`" || char === "[") {
      const close = char === "[" ? "]" : char;
      const end = skipQuoted(sql, i, close);
      const name = sql.slice(i + 1, end - 1).replaceAll(close + close, close);
      if (nextNonSpace(end) !== "." && nextNonSpace(end) !== "(") found.push(name);
      i = end;
    } else if (/[0-9]/.test(char) || (char === "." && /[0-9]/.test(sql.charAt(i + 1)))) {
      while (i < sql.length && /[0-9A-Za-z_.]/.test(sql.charAt(i))) i++;
    } else if ((char === ":" || char === "@" || char === "$") && WORD.test(sql.charAt(i + 1))) {
      i++;
      while (i < sql.length && WORD_REST.test(sql.charAt(i))) i++;
    } else if (WORD.test(char)) {
      const start = i;
      while (i < sql.length && WORD_REST.test(sql.charAt(i))) i++;
      const word = sql.slice(start, i);
      const next = nextNonSpace(i);
      const isBlob = (word === "x" || word === "X") && sql.charAt(i) === "'";
      if (!isBlob && next !== "(" && next !== "." && !NOT_COLUMNS.has(word.toUpperCase())) found.push(word);
    } else {
      i++;
    }
  }
  return found;
}

/** Index just past the quoted token starting at `start` (a doubled quote is an escaped one). */
function skipQuoted(sql: string, start: number, close: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql.charAt(i) === close) {
      if (close !== "]" && sql.charAt(i + 1) === close) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}
