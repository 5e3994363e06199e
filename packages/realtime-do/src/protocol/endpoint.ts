/** Body of `POST /realtime/subscribe` (endpoint-first mode, appflare 0.2). */
export interface EndpointSubscribeRequest {
  readonly queryName: string;
  readonly args?: unknown;
  /** Bearer token of the subscriber: this mode always requires a signed-in user. */
  readonly authToken: string;
}

/** 200 answer of `POST /realtime/subscribe`. */
export interface EndpointSubscribeResponse {
  /** Subscription token: pass it as `token` when opening the socket. Bound to the subscriber. */
  readonly token: string;
  /** `queryName + "::" + JSON of args with keys sorted recursively`. */
  readonly signature: string;
  readonly websocket: {
    /** Absolute `ws:`/`wss:` URL of the socket route. */
    readonly url: string;
    readonly protocol: string;
    readonly params: { readonly tokenParam: "token"; readonly authTokenParam: "authToken" };
  };
}

/** Body of `POST /realtime/unsubscribe`: drops the token and closes its sockets. */
export interface EndpointUnsubscribeRequest {
  readonly token: string;
  /** Must resolve to the token's user. */
  readonly authToken: string;
}

/** An error answer of the realtime HTTP routes. */
export interface RealtimeErrorBody {
  readonly code: string;
  readonly message: string;
}
