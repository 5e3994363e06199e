/** Why a frame is not a protocol message: `invalid_json` (not JSON) or `invalid_message` (wrong shape). */
export interface ProtocolError {
  readonly code: "invalid_json" | "invalid_message";
  /** Names the field at fault, e.g. `subscribe.id: expected a non-empty string`. */
  readonly message: string;
}

/** A decoded frame, or why it is not one. */
export type DecodeResult<T> =
  | { readonly ok: true; readonly message: T }
  | { readonly ok: false; readonly error: ProtocolError };
