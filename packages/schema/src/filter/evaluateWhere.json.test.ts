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

const twoItems = [
  { sku: "A", qty: 1, price: 2 },
  { sku: "B", qty: 5, price: 3 },
];

describe("includes / includesAny (enumArray and scalar arrays)", () => {
  run([
    ["includes one present", { flags: { includes: ["urgent"] } }, {}, true],
    ["includes all required", { flags: { includes: ["urgent", "blocked"] } }, {}, false],
    [
      "includes all present",
      { flags: { $includes: ["urgent", "blocked"] } },
      { flags: ["blocked", "urgent"] },
      true,
    ],
    ["includes [] → TRUE", { flags: { includes: [] } }, {}, true],
    ["includes [] on NULL → TRUE", { flags: { includes: [] } }, { flags: null }, true],
    ["includes on NULL → UNKNOWN", { flags: { includes: ["urgent"] } }, { flags: null }, null],
    ["includes on [] → FALSE", { flags: { includes: ["urgent"] } }, { flags: [] }, false],
    ["includesAny hit", { flags: { includesAny: ["later", "urgent"] } }, {}, true],
    ["includesAny miss", { flags: { includesAny: ["later"] } }, {}, false],
    ["includesAny [] → FALSE", { flags: { includesAny: [] } }, {}, false],
    ["includesAny [] on NULL → FALSE", { flags: { includesAny: [] } }, { flags: null }, false],
    ["includesAny on NULL → UNKNOWN", { flags: { includesAny: ["urgent"] } }, { flags: null }, null],
    ["numbers by value", { scores: { includes: [2.0, 3] } }, {}, true],
    ["string tags exact", { scores: { includesAny: [4] } }, {}, false],
  ]);
});

describe("JSON element equality on untyped JSON (json_each semantics)", () => {
  const mixed = [1, "two", false, null, { a: 1 }, [3], 2.5];
  run([
    ["true matches a JSON 1 (booleans are 1/0)", { meta: { includes: [true] } }, { meta: mixed }, true],
    ["false matches JSON false", { meta: { includes: [false] } }, { meta: mixed }, true],
    ["0 matches JSON false", { meta: { includes: [0] } }, { meta: mixed }, true],
    ["number never equals text", { meta: { includes: ["1"] } }, { meta: mixed }, false],
    ["string exact", { meta: { includes: ["two"] } }, { meta: mixed }, true],
    ["real by value", { meta: { includesAny: [2.5, 9] } }, { meta: mixed }, true],
    ["object element is its JSON text", { meta: { includes: ['{"a":1}'] } }, { meta: mixed }, true],
    ["array element is its JSON text", { meta: { includes: ["[3]"] } }, { meta: mixed }, true],
    ["non-array JSON counts as []: includes", { meta: { includes: ["import"] } }, {}, false],
    ["non-array JSON counts as []: includes []", { meta: { includes: [] } }, {}, true],
    ["non-array JSON counts as []: length 0", { meta: { length: 0 } }, { meta: "scalar" }, true],
  ]);
});

describe("length", () => {
  run([
    ["length n", { scores: { length: 3 } }, {}, true],
    ["length miss", { scores: { length: 2 } }, {}, false],
    ["length operators", { scores: { length: { gte: 2, lt: 4 } } }, {}, true],
    ["$length with in", { scores: { $length: { in: [0, 1] } } }, {}, false],
    ["length of [] is 0", { flags: { length: 0 } }, { flags: [] }, true],
    ["length on NULL → UNKNOWN", { flags: { length: 0 } }, { flags: null }, null],
    ["length with nin [] on NULL → TRUE", { flags: { length: { nin: [] } } }, { flags: null }, true],
  ]);
});

describe("element object conditions", () => {
  run([
    ["one element matches all", { items: { sku: "A", qty: { gte: 2 } } }, {}, true],
    ["no element matches all", { items: { sku: "A", qty: { gte: 3 } } }, {}, false],
    [
      "conditions must hold on the same element",
      { items: { sku: "A", qty: { gte: 5 } } },
      { items: twoItems },
      false,
    ],
    ["another element matches", { items: { sku: "B", qty: { gte: 5 } } }, { items: twoItems }, true],
    ["NULL column → UNKNOWN", { items: { sku: "A" } }, { items: null }, null],
    ["empty array → FALSE", { items: { sku: "A" } }, { items: [] }, false],
    ["missing field is NULL", { items: { size: { exists: false } } }, { items: [{ sku: "A" }] }, true],
    [
      "missing field is NULL (element conditions on any)",
      { meta: { note: { exists: false } } },
      { meta: [{}] },
      true,
    ],
    [
      "NULL field → UNKNOWN → element does not match",
      { items: { qty: { lt: 10 } } },
      { items: [{ sku: "A" }] },
      false,
    ],
    ["boolean field", { items: { fragile: true } }, {}, true],
    ["date field vs Date", { items: { shippedAt: { gte: MAY_FIRST } } }, {}, true],
    [
      "date field not yet parsed (ISO text)",
      { items: { shippedAt: "2024-05-01" } },
      { items: [{ shippedAt: MAY_FIRST.toISOString() }] },
      true,
    ],
    [
      "date field: ms operand vs ISO text",
      { items: { shippedAt: { lt: MAY_FIRST.getTime() + 1 } } },
      { items: [{ shippedAt: MAY_FIRST.toISOString() }] },
      true,
    ],
    [
      "date field stored as a number sorts below any text (SQL class order)",
      { items: { shippedAt: { lt: 0 } } },
      { items: [{ shippedAt: 5 }] },
      true,
    ],
    ["enum field", { items: { size: { in: ["S", "M"] } } }, {}, true],
    ["nested object field exists", { items: { dims: { exists: true } } }, {}, true],
    ["substring on element field", { items: { sku: { contains: "a", mode: "insensitive" } } }, {}, true],
    ["with other operators", { items: { length: 1, sku: "A" } }, {}, true],
    ["with other operators (miss)", { items: { length: 2, sku: "A" } }, {}, false],
    [
      "non-object elements never match",
      { meta: { kind: { exists: false } } },
      { meta: [1, "x", null, [1]] },
      false,
    ],
    [
      "untyped JSON element fields",
      { meta: { kind: "a", n: { gt: 1 } } },
      { meta: [{ kind: "a", n: 2 }] },
      true,
    ],
    ["untyped: JSON true equals 1", { meta: { ok: 1 } }, { meta: [{ ok: true }] }, true],
    [
      "untyped: substring on a number is FALSE",
      { meta: { n: { contains: "1" } } },
      { meta: [{ n: 1 }] },
      false,
    ],
    ["untyped: container field is JSON text", { meta: { o: '{"x":1}' } }, { meta: [{ o: { x: 1 } }] }, true],
    [
      "untyped: Date operand is ISO text",
      { meta: { includes: [new Date(0)] } },
      { meta: ["1970-01-01T00:00:00.000Z"] },
      true,
    ],
    ["not over element conditions", { not: { items: { sku: "Z" } } }, {}, true],
  ]);
});

describe("null checks on JSON columns", () => {
  run([
    ["null → IS NULL", { items: null }, { items: null }, true],
    ["eq null", { scores: null, items: { eq: null } }, { items: [] }, false],
    ["ne null", { items: { ne: null } }, { items: [] }, true],
    ["object-shaped column exists", { meta: { exists: true } }, {}, true],
  ]);
});
