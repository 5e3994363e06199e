/**
 * The realtime wire protocol (docs/realtime.md): every client↔server message of both modes, and a codec.
 * Imports nothing, so the browser client shares it without pulling any Durable Object code.
 */
export type {
  ClientMessage,
  ConnectMessage,
  KnownResult,
  PingMessage,
  SubscribeMessage,
  UnsubscribeMessage,
} from "./ClientMessage";
export {
  CLOSE_CODES,
  type CloseCode,
  PING_FRAME,
  PONG_FRAME,
  PROTOCOL_LIMITS,
  REALTIME_PROTOCOL,
} from "./constants";
export { decodeClientMessage } from "./decodeClientMessage";
export { decodeServerMessage } from "./decodeServerMessage";
export { encodeMessage } from "./encodeMessage";
export type {
  EndpointSubscribeRequest,
  EndpointSubscribeResponse,
  EndpointUnsubscribeRequest,
  RealtimeErrorBody,
} from "./endpoint";
export type { DecodeResult, ProtocolError } from "./ProtocolError";
export type {
  ConnectedMessage,
  EndpointUpdatePayload,
  MultiplexedUpdatePayload,
  PongMessage,
  QueryCurrentMessage,
  QueryErrorMessage,
  QueryUpdateMessage,
  ServerMessage,
  SocketErrorMessage,
} from "./ServerMessage";
export { signatureOf, stableJson } from "./signatureOf";
