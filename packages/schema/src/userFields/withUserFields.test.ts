import { getTableConfig, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { v } from "../builders/v";
import { compileSchema } from "../compile/compileSchema";
import { schema } from "../schema";
import { table } from "../table";
import type { UserFields } from "./UserField";
import { UserFieldError } from "./UserFieldError";
import { withUserFields } from "./withUserFields";

const app = schema({
  projects: table({ id: v.uuid(), name: v.string().notNull(), owner: v.one("users") }),
});

const fields = {
  plan: { type: "string", defaultValue: "free" },
  nickname: { type: "string", required: false },
  credits: { type: "number", defaultValue: 10, required: false },
  seats: { type: "number", bigint: true },
  beta: { type: "boolean", defaultValue: false },
  trialEndsAt: { type: "date", defaultValue: new Date(5000) },
  settings: { type: "json", defaultValue: { theme: "dark" } },
  tags: { type: "string[]", defaultValue: [] },
  scores: { type: "number[]" },
  tier: { type: ["basic", "gold"], defaultValue: "basic" },
  referral: { type: "string", defaultValue: () => "none", unique: true },
  region: { type: "string", fieldName: "homeRegion", index: true },
} as const satisfies UserFields;

describe("withUserFields", () => {
  const users = withUserFields(app, fields).model.tables.users!;

  it("appends one users column per field, named fieldName ?? key with a snake_case SQL name", () => {
    const names = Object.keys(users.columns);
    expect(names.slice(0, 11)).toEqual(Object.keys(app.model.tables.users!.columns));
    expect(names.slice(11)).toEqual([
      "plan",
      "nickname",
      "credits",
      "seats",
      "beta",
      "trialEndsAt",
      "settings",
      "tags",
      "scores",
      "tier",
      "referral",
      "homeRegion",
    ]);
    expect(users.columns.trialEndsAt?.sqlName).toBe("trial_ends_at");
    expect(users.columns.homeRegion?.sqlName).toBe("home_region");
  });

  it("maps Better Auth types to the DSL's storage types", () => {
    const types = Object.fromEntries(Object.values(users.columns).map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      plan: "string",
      credits: "real",
      seats: "int",
      beta: "boolean",
      trialEndsAt: "date",
      settings: "json",
      tags: "json",
      scores: "json",
      tier: "enum",
    });
    expect(users.columns.tier?.enumValues).toEqual(["basic", "gold"]);
    expect(users.columns.tags?.json).toEqual({ kind: "array", element: { kind: "string" } });
  });

  it("is NOT NULL only for a required field with a literal default", () => {
    const notNull = Object.values(users.columns)
      .slice(11)
      .filter((c) => c.notNull)
      .map((c) => c.name);
    // credits has a default but required: false; referral's default is a function; nickname/seats have none.
    expect(notNull).toEqual(["plan", "beta", "trialEndsAt", "settings", "tags", "tier"]);
  });

  it("turns a literal default into the SQL default and a function into a runtime default", () => {
    expect(users.columns.plan).toMatchObject({ hasSqlDefault: true, sqlDefault: "free" });
    expect(users.columns.trialEndsAt?.sqlDefault).toEqual(new Date(5000));
    expect(users.columns.referral?.hasSqlDefault).toBe(false);
    expect(users.columns.referral?.defaultFn?.()).toBe("none");
    expect(users.columns.referral?.unique).toBe("users_referral_unique");
    expect(users.columns.homeRegion?.index).toBe("users_home_region_idx");
  });

  it("compiles to Drizzle columns with the right type, default and nullability", () => {
    const compiled = compileSchema(withUserFields(app, fields));
    const columns = new Map(getTableConfig(compiled.tables.users!).columns.map((c) => [c.name, c]));
    const plan = columns.get("plan")!;
    expect([plan.getSQLType(), plan.notNull, sqlText(plan)]).toEqual(["text", true, "'free'"]);
    const credits = columns.get("credits")!;
    expect([credits.getSQLType(), credits.notNull, sqlText(credits)]).toEqual(["real", false, "10"]);
    const nickname = columns.get("nickname")!;
    expect([nickname.notNull, nickname.hasDefault]).toEqual([false, false]);
    expect(sqlText(columns.get("trial_ends_at")!)).toBe("5000");
    expect(sqlText(columns.get("settings")!)).toBe(`'{"theme":"dark"}'`);
    expect(sqlText(columns.get("beta")!)).toBe("0");
    expect(columns.get("referral")?.isUnique).toBe(true);
    expect(compiled.zod.users.insert.parse({ id: "u1", name: "A", email: "a@x.io" })).not.toHaveProperty(
      "plan",
    );
  });

  it("returns the same schema without fields, and the same result for the same fields object", () => {
    expect(withUserFields(app, undefined)).toBe(app);
    expect(withUserFields(app, {})).toBe(app);
    const extended = withUserFields(app, fields);
    expect(withUserFields(app, fields)).toBe(extended);
    expect(withUserFields(extended, fields)).toBe(extended);
    expect(app.model.tables.users?.columns).not.toHaveProperty("plan");
  });

  it("is deterministic: equal fields give equal models", () => {
    const a = withUserFields(app, { plan: { type: "string", defaultValue: "free" } });
    const b = withUserFields(app, { plan: { type: "string", defaultValue: "free" } });
    expect(a).not.toBe(b);
    expect(fingerprint(a.model)).toBe(fingerprint(b.model));
  });

  it("merges fields when applied to a schema it made", () => {
    const once = withUserFields(app, { plan: { type: "string" } });
    const twice = withUserFields(once, { seats: { type: "number" } });
    expect(Object.keys(twice.model.tables.users!.columns).slice(11)).toEqual(["plan", "seats"]);
    expect(twice.tables).toBe(app.tables);
  });

  it("keeps relations to users working", () => {
    const model = withUserFields(app, fields).model;
    expect(model.tables.projects?.columns.ownerId?.references).toEqual({ table: "users", column: "id" });
  });
});

describe("withUserFields errors", () => {
  const cases: [string, UserFields, string][] = [
    ["unknown type", { bad: { type: "bigint" as "string" } }, 'bad: unknown type string "bigint"'],
    ["built-in column", { email: { type: "string" } }, 'email: "email" is a built-in users field'],
    ["admin column", { role: { type: "string" } }, 'role: "role" is a built-in users field'],
    ["relation", { sessions: { type: "json" } }, 'sessions: "sessions" is a built-in users field'],
    [
      "fieldName onto a built-in",
      { plan: { type: "string", fieldName: "banned" } },
      'plan: "banned" is a built-in users field',
    ],
    [
      "SQL name of a built-in",
      { email_verified: { type: "boolean" } },
      'email_verified: its SQL column "email_verified" is the one of the built-in users field "emailVerified"',
    ],
    [
      "two fields, one column",
      { plan: { type: "string" }, tier: { type: "string", fieldName: "plan" } },
      'tier: its column "plan" (SQL "plan") is also the column of the additional field "plan"',
    ],
    [
      "references",
      { orgId: { type: "string", references: { model: "orgs", field: "id" } } },
      "orgId: references are not supported",
    ],
    [
      "default of the wrong type",
      { credits: { type: "number", defaultValue: "ten" } },
      'credits: defaultValue string "ten" is not a finite number',
    ],
    [
      "default outside the enum",
      { tier: { type: ["basic", "gold"], defaultValue: "silver" } },
      'tier: defaultValue string "silver" is not one of "basic", "gold"',
    ],
    ["empty enum", { tier: { type: [] } }, "tier: an enum type needs a non-empty list of distinct strings"],
    [
      "invalid date",
      { at: { type: "date", defaultValue: "soon" } },
      'at: defaultValue string "soon" is not a Date',
    ],
  ];

  it.each(cases)("%s", (_name, input, message) => {
    let caught: unknown;
    try {
      withUserFields(app, input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserFieldError);
    const error = caught as UserFieldError;
    expect(error.message).toContain(`auth.options.user.additionalFields.${message}`);
    expect(error.message).toContain("Fix: ");
    expect(error.path).toEqual(["auth", "options", "user", "additionalFields", error.key]);
  });
});

function sqlText(column: SQLiteColumn): string {
  const chunks = (column.default as { queryChunks?: { value?: string[] }[] } | undefined)?.queryChunks ?? [];
  return chunks.map((chunk) => chunk.value?.join("") ?? "").join("");
}

function fingerprint(model: { tables: object }): string {
  return JSON.stringify(model.tables, (key, value) =>
    key === "schema" ? undefined : typeof value === "function" ? "[function]" : value,
  );
}
