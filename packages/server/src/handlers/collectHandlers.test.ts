import type { AnySchema } from "@appflare/schema";
import { describe, expect, it } from "vitest";
import { collectHandlers, DuplicateHandlerError } from "./collectHandlers";
import { defineHandlers } from "./defineHandlers";

const { query, mutation, cron } = defineHandlers<AnySchema>();
const list = query({ handler: () => [] });
const create = mutation({ handler: () => null });
// A user helper that returns a builder result counts like a direct call.
const crud = () => ({ get: query({ handler: () => null }) });

describe("collectHandlers", () => {
  it("names every definition export, ignoring other exports, sorted by name", () => {
    const handlers = collectHandlers({
      "blog/posts": { list, create, helper: () => 1, CONSTANT: 3, default: list },
      "queries/tasks": { all: list, byId: crud().get },
      "blog/index": { feed: list },
      "crons/cleanup": { nightly: cron({ cronTrigger: "0 3 * * *", handler: () => {} }) },
    });
    expect(handlers.map((h) => [h.name, h.kind, h.modulePath, h.exportName])).toEqual([
      ["blog/feed", "query", "blog/index", "feed"],
      ["blog/posts/create", "mutation", "blog/posts", "create"],
      ["blog/posts/default", "query", "blog/posts", "default"],
      ["blog/posts/list", "query", "blog/posts", "list"],
      ["cleanup/nightly", "cron", "crons/cleanup", "nightly"],
      ["tasks/all", "query", "queries/tasks", "all"],
      ["tasks/byId", "query", "queries/tasks", "byId"],
    ]);
    expect(handlers[0]?.definition).toBe(list);
  });

  it("fails on two handlers with one name, naming both modules", () => {
    const run = () => collectHandlers({ "queries/tasks": { list }, tasks: { list: create } });
    expect(run).toThrow(DuplicateHandlerError);
    expect(run).toThrow(
      'Two handlers are named "tasks/list": export "list" of queries/tasks and export "list" of tasks.',
    );
    try {
      run();
    } catch (error) {
      expect((error as DuplicateHandlerError).modulePaths).toEqual(["queries/tasks", "tasks"]);
    }
  });

  it("detects a clash between an index module and its folder's sibling", () => {
    expect(() => collectHandlers({ "blog/index": { feed: list }, blog: { feed: list } })).toThrow(
      /"blog\/feed"/,
    );
  });
});
