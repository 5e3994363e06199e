import type { AnySchema } from "@appflare/schema";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { defineHandlers } from "./defineHandlers";
import { HANDLER_TAG, isHandlerDefinition } from "./HandlerDefinition";

const { query, mutation, scheduler, cron, storageManager } = defineHandlers<AnySchema>();

describe("defineHandlers builders", () => {
  it("return plain tagged definitions with defaults", () => {
    const handler = () => 1;
    const q = query({ handler });
    expect(q).toEqual({
      kind: "query",
      args: {},
      authRequired: false,
      middleware: undefined,
      handler,
      [Symbol.for("appflare.handler")]: true,
    });
    expect(q[HANDLER_TAG as never]).toBe(true);
    expect(isHandlerDefinition(q)).toBe(true);
    expect(Object.isFrozen(q)).toBe(true);
  });

  it("keep args, authRequired and middleware", () => {
    const args = { id: z.string() };
    const middleware = () => {};
    const m = mutation({ args, authRequired: true, middleware, handler: (_ctx, a) => a.id });
    expect(m).toMatchObject({ kind: "mutation", args, authRequired: true, middleware });
  });

  it("build scheduler, cron and storage manager definitions", () => {
    expect(scheduler({ args: { to: z.string() }, handler: () => {} })).toMatchObject({ kind: "scheduler" });
    expect(storageManager({ handler: () => true })).toMatchObject({ kind: "storageManager" });
    expect(cron({ cronTrigger: "  0  3 * *   * ", handler: () => {} }).cronTrigger).toEqual(["0 3 * * *"]);
    expect(cron({ cronTrigger: ["*/5 * * * *", "0 0 1 * *"], handler: () => {} }).cronTrigger).toEqual([
      "*/5 * * * *",
      "0 0 1 * *",
    ]);
  });

  it("reject cron expressions that are not five fields", () => {
    expect(() => cron({ cronTrigger: "0 3 * *", handler: () => {} })).toThrow(/expected five fields/);
    expect(() => cron({ cronTrigger: [], handler: () => {} })).toThrow(/at least one/);
  });
});

describe("isHandlerDefinition", () => {
  it("recognises definitions however they were copied, and nothing else", () => {
    const q = query({ handler: () => 1 });
    expect(isHandlerDefinition({ ...q })).toBe(true);
    expect(isHandlerDefinition({ kind: "query", handler: () => 1 })).toBe(false);
    expect(isHandlerDefinition(null)).toBe(false);
    expect(isHandlerDefinition(() => q)).toBe(false);
    expect(isHandlerDefinition({ [Symbol.for("appflare.handler")]: true })).toBe(false);
  });
});
