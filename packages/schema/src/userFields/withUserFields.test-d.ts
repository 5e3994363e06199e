import { describe, expectTypeOf, it } from "vitest";
import { v } from "../builders/v";
import { schema } from "../schema";
import { table } from "../table";
import type { Insert, Row } from "../types/Row";
import type { DbView, UserFieldsOf } from "../types/schemaTables";
import { withUserFields } from "./withUserFields";

const base = schema({ notes: table({ id: v.uuid(), text: v.string().notNull() }) });
const extended = withUserFields(base, {
  plan: { type: "string", defaultValue: "free" },
  seats: { type: "number", required: false },
  tier: { type: ["basic", "pro"], required: false },
  tags: { type: "string[]", required: false },
  trialEndsAt: { type: "date", defaultValue: () => new Date() },
  source: { type: "string", fieldName: "signupSource", required: false },
});
type S = typeof extended;

describe("withUserFields at the type level", () => {
  it("keeps the app's tables and records the fields", () => {
    expectTypeOf<Row<S, "notes">>().toEqualTypeOf<Row<typeof base, "notes">>();
    expectTypeOf<keyof UserFieldsOf<S>>().toEqualTypeOf<
      "plan" | "seats" | "tier" | "tags" | "trialEndsAt" | "source"
    >();
    expectTypeOf<UserFieldsOf<typeof base>>().toEqualTypeOf<{}>();
  });

  it("adds each field to Row<S, 'users'>, nullable unless required with a literal default", () => {
    type User = Row<S, "users">;
    expectTypeOf<User["plan"]>().toEqualTypeOf<string>();
    expectTypeOf<User["seats"]>().toEqualTypeOf<number | null>();
    expectTypeOf<User["tier"]>().toEqualTypeOf<"basic" | "pro" | null>();
    expectTypeOf<User["tags"]>().toEqualTypeOf<string[] | null>();
    // A function default: typed like the DSL's `.defaultFn()` — every insert fills it.
    expectTypeOf<User["trialEndsAt"]>().toEqualTypeOf<Date>();
    expectTypeOf<User["signupSource"]>().toEqualTypeOf<string | null>();
    expectTypeOf<User>().not.toHaveProperty("source");
    expectTypeOf<User["email"]>().toEqualTypeOf<string>();
  });

  it("makes defaulted and nullable fields optional on insert", () => {
    type NewUser = Insert<S, "users">;
    expectTypeOf<NewUser["plan"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Pick<NewUser, "tier">>().toEqualTypeOf<{ tier?: "basic" | "pro" | null | undefined }>();
  });

  it("leaves users unchanged without fields", () => {
    expectTypeOf<Row<typeof base, "users">>().not.toHaveProperty("plan");
  });
});

describe("returned: false fields", () => {
  const hidden = withUserFields(schema({ notes: table({ id: v.uuid() }) }), {
    plan: { type: "string" },
    recoveryCode: { type: "string", required: false, returned: false },
  });
  type H = typeof hidden;

  it("are in the full model's users row but not in the ctx.db view's", () => {
    expectTypeOf<Row<H, "users">>().toHaveProperty("recoveryCode");
    expectTypeOf<Row<DbView<H>, "users">>().not.toHaveProperty("recoveryCode");
    expectTypeOf<Row<DbView<H>, "users">>().toHaveProperty("plan");
  });
});
