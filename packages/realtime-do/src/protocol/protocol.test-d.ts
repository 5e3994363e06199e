import { describe, expectTypeOf, it } from "vitest";
import { type ClientMessage, decodeClientMessage, decodeServerMessage, type ServerMessage } from "./index";

describe("protocol types", () => {
  it("decoders return the message unions", () => {
    const c = decodeClientMessage("ping");
    if (c.ok) expectTypeOf(c.message).toEqualTypeOf<ClientMessage>();
    const s = decodeServerMessage("{}");
    if (s.ok) expectTypeOf(s.message).toEqualTypeOf<ServerMessage>();
  });

  it("narrows by discriminant", () => {
    const m = {} as ServerMessage;
    if (m.event === "query:current") expectTypeOf(m.payload.hash).toEqualTypeOf<string>();
    const c = {} as ClientMessage;
    if (c.type === "subscribe")
      expectTypeOf(c.known).toEqualTypeOf<{ readonly version: number; readonly hash: string } | undefined>();
  });
});
