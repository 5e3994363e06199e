import { describe, expect, it } from "vitest";
import { isSchedulerMessageBody } from "./SchedulerMessage";

describe("isSchedulerMessageBody", () => {
  it.each([
    [{ task: "a/b", payload: {}, enqueuedAt: 1, id: "x" }, true],
    [{ task: "a/b", enqueuedAt: 1, id: "x" }, true],
    [{ name: "a/b", payload: {} }, false],
    [{ task: "a/b", enqueuedAt: "1", id: "x" }, false],
    [{ task: 1, enqueuedAt: 1, id: "x" }, false],
    ["a/b", false],
    [null, false],
  ])("%j → %s", (body, expected) => {
    expect(isSchedulerMessageBody(body)).toBe(expected);
  });
});
