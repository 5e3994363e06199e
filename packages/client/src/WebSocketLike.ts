/** The part of the WebSocket API the client uses: the browser's, Node's `ws`, Bun's, React Native's. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** `new WebSocket(url)` of any runtime. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;
