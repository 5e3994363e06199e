import { describe, expect, it } from "vitest";
import { checkColumns } from "./checkColumns";

describe("checkColumns", () => {
  it.each([
    ["priority BETWEEN 0 AND 5", ["priority"]],
    ["length(title) > 0", ["title"]],
    ["status IN ('a', 'it''s') AND done = TRUE", ["status", "done"]],
    ['"select" IS NOT NULL AND `order` > [from]', ["select", "order", "from"]],
    ["tasks.estimate >= 0.5e3 AND x'00' IS NOT NULL", ["estimate"]],
    ["CAST(amount AS INTEGER) = amount COLLATE NOCASE", ["amount", "amount"]],
    ["coalesce(ends_at, starts_at) >= starts_at", ["ends_at", "starts_at", "starts_at"]],
    ["CASE WHEN kind = 'a' THEN size > 0 ELSE 1 END", ["kind", "size"]],
  ])("%s", (sql, columns) => {
    expect(checkColumns(sql)).toEqual(columns);
  });
});
