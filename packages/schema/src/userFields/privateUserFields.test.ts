import { describe, expect, it } from "vitest";
import { v } from "../builders/v";
import { dataModel, privateFieldProblem } from "../filter/dataModel";
import { schema } from "../schema";
import { table } from "../table";
import { privateUserFieldsOf } from "./privateUserFields";
import { withUserFields } from "./withUserFields";

const base = schema({ notes: table({ id: v.uuid(), body: v.string() }) });
const extended = withUserFields(base, {
  plan: { type: "string" },
  recoveryCode: { type: "string", required: false, returned: false },
  pin: { type: "number", fieldName: "pinCode", returned: false },
});

describe("additional user fields with returned: false", () => {
  it("are users columns of the full model (migrated, written by Better Auth)", () => {
    expect(Object.keys(extended.model.tables.users!.columns)).toEqual(
      expect.arrayContaining(["plan", "recoveryCode", "pinCode"]),
    );
    expect([...privateUserFieldsOf(extended.model)]).toEqual(["recoveryCode", "pinCode"]);
  });

  it("are missing from the ctx.db view, with the private-field reason; returned fields stay", () => {
    const users = dataModel(extended.model).tables.users!;
    expect(Object.keys(users.columns)).toContain("plan");
    expect(users.columns).not.toHaveProperty("recoveryCode");
    expect(users.columns).not.toHaveProperty("pinCode");
    expect(privateFieldProblem(users, "pinCode")).toBe(
      'Column "pinCode" of table "users" is private to the auth layer (an additional field with returned: false): ctx.db cannot read, filter or aggregate it',
    );
    expect(privateFieldProblem(users, "plan")).toBeUndefined();
  });

  it("a schema without such fields hides none", () => {
    expect(privateUserFieldsOf(withUserFields(base, { plan: { type: "string" } }).model).size).toBe(0);
  });
});
