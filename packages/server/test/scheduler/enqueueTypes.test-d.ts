import { describe, expectTypeOf, it } from "vitest";
import type { EnqueuedMessage, Scheduler } from "../../src/scheduler/Scheduler";
import type { SchedulerJob } from "../../src/scheduler/SchedulerMessage";
import { mutation, scheduler, type Tasks } from "./app/handlers";
import type { enqueue, enqueueOnce } from "./app/jobs";

describe("ctx.scheduler types", () => {
  it("Tasks lists every scheduler handler (and nothing else) with its payload input", () => {
    expectTypeOf<keyof Tasks>().toEqualTypeOf<
      "mail/record" | "mail/fail" | "mail/once" | "mail/chain" | "mail/countdown"
    >();
    expectTypeOf<Tasks["mail/record"]>().toEqualTypeOf<{ name: string; at?: Date | undefined }>();
    expectTypeOf<Tasks["mail/once"]>().toEqualTypeOf<Record<string, never>>();
  });

  it("enqueue is typed by task name", () => {
    mutation({
      handler: async (ctx) => {
        expectTypeOf(ctx.scheduler).toEqualTypeOf<Scheduler<Tasks>>();
        expectTypeOf(ctx.scheduler.enqueue("mail/record", { name: "a" })).toEqualTypeOf<
          Promise<EnqueuedMessage>
        >();
        await ctx.scheduler.enqueue("mail/record", { name: "a", at: new Date() }, { delaySeconds: 5 });
        // A task without args takes no payload.
        await ctx.scheduler.enqueue("mail/once");
        // @ts-expect-error unknown task
        await ctx.scheduler.enqueue("mail/nope", {});
        // @ts-expect-error a mutation is not a task
        await ctx.scheduler.enqueue("jobs/enqueue", { name: "x" });
        // @ts-expect-error wrong payload type
        await ctx.scheduler.enqueue("mail/record", { name: 1 });
        // @ts-expect-error the payload is required when the task has required args
        await ctx.scheduler.enqueue("mail/record");
        // @ts-expect-error unknown option
        await ctx.scheduler.enqueue("mail/once", {}, { delay: 5 });
      },
    });
  });

  it("a mutation may return the enqueue result with no annotation (Tasks reads only the tasks)", () => {
    expectTypeOf<ReturnType<(typeof enqueue)["handler"]>>().toEqualTypeOf<Promise<EnqueuedMessage>>();
    expectTypeOf<ReturnType<(typeof enqueueOnce)["handler"]>>().toEqualTypeOf<Promise<EnqueuedMessage>>();
  });

  it("a task may enqueue itself (mail/countdown) with no annotation", () => {
    scheduler({
      handler: async (ctx) => {
        await ctx.scheduler.enqueue("mail/countdown", { left: 1 });
        // @ts-expect-error the countdown needs `left`
        await ctx.scheduler.enqueue("mail/countdown", {});
      },
    });
  });

  it("tasks see ctx.job (maybe undefined) and ctx.scheduler; ctx.user is null", () => {
    scheduler({
      handler: (ctx) => {
        expectTypeOf(ctx.job).toEqualTypeOf<SchedulerJob | undefined>();
        expectTypeOf(ctx.user).toEqualTypeOf<null>();
        expectTypeOf(ctx.scheduler).toEqualTypeOf<Scheduler<Tasks>>();
      },
    });
  });

  it("an untyped Scheduler accepts any name and payload", () => {
    expectTypeOf<Scheduler["enqueue"]>().toBeCallableWith("anything", { any: 1 });
  });
});
