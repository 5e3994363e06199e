export type { ClientMessage, KnownResult, ServerMessage } from "@appflare/realtime-do/protocol";
export { AppflareError, type AppflareErrorInit } from "./AppflareError";
export type { AppflareResult } from "./AppflareResult";
export type { AppflareClientOptions, HeadersOption } from "./ClientOptions";
export { type AppflareClass, createAppflareClass } from "./createAppflareClass";
export type { AppflareAuthClient } from "./createAuth";
export { type AppflareClient, createClient, type RealtimeControl } from "./createClient";
export type { Subscription, SubscriptionHandlers } from "./RealtimeConnection";
export type {
  AnyApi,
  AnyMutationHandle,
  AnyQueryHandle,
  ApiRoute,
  AppflareQueryKey,
  ArgsParam,
  ClientTree,
  InferRouteInput,
  InferRouteOutput,
  MutationHandle,
  QueryHandle,
  RouteTypes,
  SubscribeOptions,
} from "./RouteTypes";
export type {
  StorageClient,
  StorageListPage,
  StorageObject,
  UploadBody,
  UploadOptions,
} from "./StorageClient";
export type { WebSocketConstructor, WebSocketLike } from "./WebSocketLike";

import { createAppflareClass } from "./createAppflareClass";
import type { AnyApi } from "./RouteTypes";

/**
 * The untyped `Appflare` class (every route is `unknown`); the generated `<outDir>/client.ts` exports
 * the one typed by the app's `Api`.
 *
 * @example
 * const appflare = new Appflare({ endpoint: "http://127.0.0.1:8787" });
 */
export const Appflare = createAppflareClass<AnyApi>();
