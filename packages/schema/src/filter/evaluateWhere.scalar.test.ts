import { describe, expect, it } from "vitest";
import { evaluateWhere } from "./evaluateWhere";
import { tasksTable } from "./testFixtures";
import { MAY_FIRST, taskRow } from "./testRows";

type Case = [
  name: string,
  where: Record<string, unknown>,
  row: Record<string, unknown>,
  expected: boolean | null,
];

function run(cases: Case[]) {
  it.each(cases)("%s", (_name, where, row, expected) => {
    expect(evaluateWhere(tasksTable, where, taskRow(row))).toBe(expected);
  });
}

const MAY_FIRST_MS = MAY_FIRST.getTime();

describe("equality and NULL", () => {
  run([
    ["bare value = match", { title: "Fix bug" }, {}, true],
    ["bare value = is case-sensitive", { title: "fix bug" }, {}, false],
    ["bare value on NULL column → UNKNOWN", { priority: 2 }, { priority: null }, null],
    ["bare null → IS NULL (true)", { priority: null }, { priority: null }, true],
    ["bare null → IS NULL (false)", { priority: null }, {}, false],
    ["missing key in row counts as NULL", { priority: null }, { priority: undefined }, true],
    ["eq null → IS NULL", { priority: { eq: null } }, { priority: null }, true],
    ["ne null → IS NOT NULL (false)", { priority: { ne: null } }, { priority: null }, false],
    ["ne null → IS NOT NULL (true)", { priority: { $ne: null } }, {}, true],
    ["eq value", { priority: { eq: 2 } }, {}, true],
    ["ne value, different", { priority: { ne: 3 } }, {}, true],
    ["ne value, same", { priority: { ne: 2 } }, {}, false],
    ["ne value on NULL → UNKNOWN", { priority: { ne: 3 } }, { priority: null }, null],
    ["int equals real by value", { priority: 2.0, score: { eq: 1.5 } }, {}, true],
    ["boolean false = row false", { done: false }, {}, true],
    ["boolean true = row 1", { done: true }, { done: 1 }, true],
    ["boolean false = row 0", { done: { $eq: false } }, { done: 0 }, true],
    ["date = Date", { dueAt: new Date(MAY_FIRST_MS) }, {}, true],
    ["date = epoch ms", { dueAt: MAY_FIRST_MS }, {}, true],
    ["date = ISO date", { dueAt: "2024-05-01" }, {}, true],
    ["date = ISO date-time with offset", { dueAt: "2024-05-01T02:00:00+02:00" }, {}, true],
    ["row date as epoch ms", { dueAt: MAY_FIRST }, { dueAt: MAY_FIRST_MS }, true],
    [
      "row date as ISO text (row sent as JSON)",
      { dueAt: { gte: MAY_FIRST } },
      { dueAt: MAY_FIRST.toISOString() },
      true,
    ],
    ["invalid Date in row is NULL", { dueAt: null }, { dueAt: new Date(Number.NaN) }, true],
    ["NaN in row is NULL", { score: { exists: false } }, { score: Number.NaN }, true],
    ["uuid equality", { projectId: "p1" }, {}, true],
    ["enum equality", { stage: "todo" }, {}, true],
    ["empty operator object → TRUE", { priority: {} }, { priority: null }, true],
  ]);
});

describe("in / nin", () => {
  run([
    ["in [] → FALSE", { priority: { in: [] } }, {}, false],
    ["in [] on NULL → FALSE", { priority: { in: [] } }, { priority: null }, false],
    ["nin [] → TRUE", { priority: { nin: [] } }, {}, true],
    ["nin [] on NULL → TRUE", { priority: { $nin: [] } }, { priority: null }, true],
    ["in hit", { priority: { in: [1, 2] } }, {}, true],
    ["in miss", { priority: { in: [1, 3] } }, {}, false],
    ["in on NULL → UNKNOWN", { priority: { in: [1, 2] } }, { priority: null }, null],
    ["nin hit → FALSE", { priority: { nin: [1, 2] } }, {}, false],
    ["nin miss → TRUE", { priority: { nin: [1, 3] } }, {}, true],
    ["nin on NULL → UNKNOWN", { priority: { nin: [1] } }, { priority: null }, null],
    ["in with mixed date forms", { dueAt: { in: [0, "2024-05-01T00:00:00Z"] } }, {}, true],
    ["in with booleans", { done: { in: [true] } }, { done: 1 }, true],
    ["in with enum members", { stage: { in: ["doing", "done"] } }, {}, false],
    ["in with strings is exact", { title: { in: ["fix bug", "Fix bug "] } }, {}, false],
  ]);
});

describe("comparisons", () => {
  run([
    ["gt true", { priority: { gt: 1 } }, {}, true],
    ["gt equal → false", { priority: { gt: 2 } }, {}, false],
    ["gte equal → true", { priority: { gte: 2 } }, {}, true],
    ["lt", { priority: { lt: 2 } }, {}, false],
    ["lte", { priority: { $lte: 2 } }, {}, true],
    ["comparison on NULL → UNKNOWN", { priority: { gt: 0 } }, { priority: null }, null],
    ["two operators AND-ed", { priority: { gt: 1, lt: 2 } }, {}, false],
    ["real fractions", { score: { gt: 1.25, lt: 1.75 } }, {}, true],
    ["negative numbers", { score: { lt: 0 } }, { score: -0.5 }, true],
    ["date gt Date", { dueAt: { gt: new Date("2024-04-30T23:59:59.999Z") } }, {}, true],
    ["date lte ISO", { dueAt: { lte: "2024-04-30" } }, {}, false],
    ["date gte epoch ms", { dueAt: { gte: MAY_FIRST_MS } }, {}, true],
    ["booleans compare as 0/1", { done: { gt: false } }, { done: true }, true],
    ["strings: uppercase sorts before lowercase (BINARY)", { title: { lt: "a" } }, { title: "Z" }, true],
    ["strings: prefix is smaller", { title: { lt: "abc" } }, { title: "ab" }, true],
    ["strings: é (U+00E9) after z", { title: { gt: "z" } }, { title: "é" }, true],
    [
      "strings: astral after U+FFFD (UTF-8 order, not UTF-16)",
      { title: { gt: "\uFFFD" } },
      { title: "😀" },
      true,
    ],
    ["strings: astral after U+E000", { title: { lt: "😀" } }, { title: "\uE000" }, true],
    ["strings: astral vs astral", { title: { lt: "😁" } }, { title: "😀" }, true],
    ["enum compares as text", { stage: { gt: "doing" } }, { stage: "todo" }, true],
  ]);
});

describe("exists", () => {
  run([
    ["exists true on value", { priority: { exists: true } }, {}, true],
    ["exists true on NULL", { priority: { exists: true } }, { priority: null }, false],
    ["exists false on NULL", { priority: { $exists: false } }, { priority: null }, true],
    ["exists false on value", { priority: { exists: false } }, {}, false],
    ["exists on a JSON column", { meta: { exists: false } }, { meta: null }, true],
  ]);
});

describe("substring operators (contains, startsWith, endsWith, regex)", () => {
  run([
    ["contains", { title: { contains: "bug" } }, {}, true],
    ["contains is case-sensitive", { title: { contains: "Bug" } }, {}, false],
    ["mode insensitive", { title: { contains: "BUG", mode: "insensitive" } }, {}, true],
    ["mode default is sensitive", { title: { contains: "BUG", mode: "default" } }, {}, false],
    ["$regex + $options i", { title: { $regex: "FIX", $options: "i" } }, {}, true],
    ["regex is a plain substring, not a RegExp", { title: { regex: "F.x" } }, {}, false],
    ["startsWith", { title: { startsWith: "Fix" } }, {}, true],
    ["startsWith miss", { title: { startsWith: "bug" } }, {}, false],
    ["endsWith", { title: { endsWith: "bug" } }, {}, true],
    ["endsWith insensitive", { title: { endsWith: "BUG", mode: "insensitive" } }, {}, true],
    ["% is literal (hit)", { title: { contains: "0%" } }, { title: "100% done" }, true],
    ["% is literal (miss)", { title: { contains: "%" } }, { title: "100 done" }, false],
    ["_ is literal (hit)", { title: { contains: "a_b" } }, { title: "xa_by" }, true],
    ["_ is literal (miss)", { title: { contains: "a_" } }, { title: "ab" }, false],
    ["backslash is literal", { title: { contains: "\\d" } }, { title: "C:\\dir" }, true],
    ["backslash does not escape", { title: { contains: "\\%" } }, { title: "%" }, false],
    ["empty pattern matches every string", { title: { contains: "" } }, { title: "" }, true],
    ["empty startsWith", { title: { startsWith: "" } }, {}, true],
    ["NULL → UNKNOWN", { stage: { contains: "" } }, { stage: null }, null],
    [
      "NULL → UNKNOWN (insensitive)",
      { stage: { endsWith: "o", mode: "insensitive" } },
      { stage: null },
      null,
    ],
    [
      "non-ASCII is not folded: É vs é",
      { title: { contains: "é", mode: "insensitive" } },
      { title: "ÉCOLE" },
      false,
    ],
    [
      "non-ASCII exact still matches",
      { title: { contains: "É", mode: "insensitive" } },
      { title: "École" },
      true,
    ],
    ["ß is not SS", { title: { contains: "SS", mode: "insensitive" } }, { title: "straße" }, false],
    [
      "ASCII folds around non-ASCII",
      { title: { contains: "ÉCOLE", options: "i" } },
      { title: "Écolé" },
      false,
    ],
    ["ASCII part folds", { title: { startsWith: "ÉC", mode: "insensitive" } }, { title: "Écolé" }, true],
    ["Turkish İ untouched", { title: { contains: "i", mode: "insensitive" } }, { title: "İ" }, false],
    ["astral characters", { title: { contains: "😀b" } }, { title: "a😀b" }, true],
    ["several substring operators AND-ed", { title: { startsWith: "F", endsWith: "x" } }, {}, false],
    ["on enum", { stage: { contains: "od" } }, {}, true],
    ["on uuid", { projectId: { startsWith: "p" } }, {}, true],
  ]);
});

describe("combinators", () => {
  run([
    ["empty where → TRUE", {}, {}, true],
    ["and [] → TRUE", { and: [] }, {}, true],
    ["or [] → FALSE", { or: [] }, {}, false],
    ["not {} → FALSE", { not: {} }, {}, false],
    ["not not", { not: { not: { title: "Fix bug" } } }, {}, true],
    ["not UNKNOWN → UNKNOWN", { not: { priority: 1 } }, { priority: null }, null],
    ["and [UNKNOWN, TRUE] → UNKNOWN", { and: [{ priority: 1 }, { done: false }] }, { priority: null }, null],
    ["and [UNKNOWN, FALSE] → FALSE", { and: [{ priority: 1 }, { done: true }] }, { priority: null }, false],
    ["or [UNKNOWN, TRUE] → TRUE", { or: [{ priority: 1 }, { done: false }] }, { priority: null }, true],
    ["or [UNKNOWN, FALSE] → UNKNOWN", { $or: [{ priority: 1 }, { done: true }] }, { priority: null }, null],
    ["keys are AND-ed", { title: "Fix bug", done: true }, {}, false],
    [
      "nested",
      { or: [{ and: [{ done: false }, { not: { priority: { lt: 2 } } }] }, { title: "x" }] },
      {},
      true,
    ],
    ["$and / $not aliases", { $and: [{ $not: { done: true } }] }, {}, true],
    ["not over a NULL test is never UNKNOWN", { not: { priority: null } }, { priority: null }, false],
  ]);
});
