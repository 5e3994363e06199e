import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import type schema from "../../test/boardSchema";
import { defineHandlers } from "../handlers/defineHandlers";
import type { EnqueueOptions, EnqueueParams, Scheduler } from "./Scheduler";
import type { TaskPayload } from "./TaskPayload";

const { mutation, scheduler } = defineHandlers<typeof schema, Cloudflare.Env>();

const sendDigest = scheduler({
  args: { userId: z.string(), at: z.date().optional(), limit: z.number().default(10) },
  handler: () => {},
});
const strict = scheduler({ args: z.strictObject({ id: z.number() }), handler: () => {} });
const tick = scheduler({ handler: () => {} });
const save = mutation({ args: { id: z.string() }, handler: () => null });

describe("TaskPayload", () => {
  it("is the args input of a scheduler definition (defaults optional, raw shape or object)", () => {
    expectTypeOf<TaskPayload<typeof sendDigest>>().toEqualTypeOf<{
      userId: string;
      at?: Date | undefined;
      limit?: number | undefined;
    }>();
    expectTypeOf<TaskPayload<typeof strict>>().toEqualTypeOf<{ id: number }>();
    expectTypeOf<TaskPayload<typeof tick>>().toEqualTypeOf<Record<string, never>>();
  });

  it("is never for anything that is not a scheduler definition", () => {
    expectTypeOf<TaskPayload<typeof save>>().toBeNever();
    expectTypeOf<TaskPayload<{ args: { id: string } }>>().toBeNever();
  });
});

describe("Scheduler typed by TaskPayload", () => {
  interface Tasks {
    "mail/sendDigest": TaskPayload<typeof sendDigest>;
    "mail/tick": TaskPayload<typeof tick>;
  }
  const typed = {} as Scheduler<Tasks>;

  it("takes the task's payload, optional only when the task has no required args", () => {
    expectTypeOf(typed.enqueue<"mail/sendDigest">).parameters.toEqualTypeOf<
      [
        name: "mail/sendDigest",
        payload: { userId: string; at?: Date | undefined; limit?: number | undefined },
        options?: EnqueueOptions,
      ]
    >();
    expectTypeOf(typed.enqueue<"mail/tick">).parameters.toEqualTypeOf<
      [name: "mail/tick", payload?: Record<string, never>, options?: EnqueueOptions]
    >();
    // Never run: the calls are only type-checked.
    async () => {
      await typed.enqueue("mail/sendDigest", { userId: "u" }, { delaySeconds: 5 });
      await typed.enqueue("mail/tick");
      // @ts-expect-error the payload is required when the task has required args
      await typed.enqueue("mail/sendDigest");
      // @ts-expect-error wrong payload type
      await typed.enqueue("mail/sendDigest", { userId: 1 });
      // @ts-expect-error unknown task
      await typed.enqueue("mail/nope", {});
    };
  });

  it("with no tasks, accepts no name at all", () => {
    const none = {} as Scheduler<{}>;
    expectTypeOf(none.enqueue).parameter(0).toBeNever();
    async () => {
      // @ts-expect-error this app has no task
      await none.enqueue("mail/tick");
      // @ts-expect-error this app has no task
      await none.enqueue("mail/tick", {});
    };
  });

  it("EnqueueParams: optional payload when {} fits, required otherwise", () => {
    expectTypeOf<EnqueueParams<{ a?: number }>>().toEqualTypeOf<
      [payload?: { a?: number }, options?: EnqueueOptions]
    >();
    expectTypeOf<EnqueueParams<{ a: number }>["length"]>().toEqualTypeOf<1 | 2>();
  });
});
