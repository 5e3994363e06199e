import { beforeAll, describe, expect, it } from "vitest";
import type { MultiplexedUpdatePayload, QueryUpdateMessage, ServerMessage } from "../src/protocol/index";
import { migrate, mutate, TestSocket } from "./support";

beforeAll(migrate);

type Update = QueryUpdateMessage<MultiplexedUpdatePayload>;
const isUpdate =
  (id: string) =>
  (m: ServerMessage): m is Update =>
    m.event === "query:update" && (m.payload as { id?: string }).id === id;

describe("resume without re-sending", () => {
  it("a reconnected socket with its versions and hashes gets only the changed results", async () => {
    const ids: number[] = [];
    for (const name of ["r1", "r2", "r3"])
      ids.push(((await mutate("projects/create", { name })).body as { id: number }[])[0]!.id);
    const first = await TestSocket.connect();
    for (const [i, projectId] of ids.entries()) {
      first.send({ type: "subscribe", id: `s${i}`, queryName: "tasks/list", args: { projectId } });
    }
    const held = await Promise.all(ids.map((_, i) => first.next(isUpdate(`s${i}`))));
    first.close();
    await first.closedWith().catch(() => undefined);

    // While disconnected, only the second project's tasks change.
    await mutate("tasks/create", { title: "while away", projectId: ids[1] });

    const second = await TestSocket.connect();
    for (const [i, update] of held.entries()) {
      second.send({
        type: "subscribe",
        id: `s${i}`,
        queryName: "tasks/list",
        args: { projectId: ids[i] },
        known: { version: update.payload.version, hash: update.payload.hash },
      });
    }
    await second.sync();
    const answers = ["s0", "s1", "s2"].map((id) => second.of(id));
    expect(answers.map((a) => a.map((m) => m.event))).toEqual([
      ["query:current"],
      ["query:update"],
      ["query:current"],
    ]);
    expect(answers[0]![0]).toEqual({
      event: "query:current",
      payload: { id: "s0", version: expect.any(Number), hash: held[0]!.payload.hash },
    });
    const changed = answers[1]![0] as Update;
    expect(changed.payload.data).toMatchObject([{ title: "while away" }]);
    expect(changed.payload.version).toBeGreaterThan(held[1]!.payload.version);
    // Versions never go back, even for a key that was dropped and created again.
    expect((answers[2]![0] as { payload: { version: number } }).payload.version).toBeGreaterThanOrEqual(
      held[2]!.payload.version,
    );
    second.close();
  });

  it("a wrong hash gets the data", async () => {
    const socket = await TestSocket.connect();
    socket.send({
      type: "subscribe",
      id: "w",
      queryName: "tasks/rawCount",
      args: {},
      known: { version: 1, hash: "stale" },
    });
    expect((await socket.next(isUpdate("w"))).payload.data).toEqual(expect.any(Number));
    socket.close();
  });
});
