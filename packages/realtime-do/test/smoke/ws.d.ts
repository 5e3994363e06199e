// The slice of the `ws` package (no bundled types) the smoke test uses.
declare module "ws" {
  export default class WebSocket {
    constructor(url: string, protocols?: string | string[]);
    readonly protocol: string;
    send(data: string): void;
    close(code?: number, reason?: string): void;
    on(event: "open", listener: () => void): this;
    on(event: "message", listener: (data: { toString(): string }) => void): this;
    on(event: "close", listener: (code: number, reason: { toString(): string }) => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    on(event: "unexpected-response", listener: (req: unknown, res: { statusCode?: number }) => void): this;
  }
}
